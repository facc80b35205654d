import { describe, expect, it } from 'vitest';
import { defineProblems, Problem } from './problems.ts';

describe('Problem', () => {
  it('carries a name, a detail and extension members, and nothing of HTTP', () => {
    const problem = new Problem('version-conflict', 'Version 2 is not current', {
      current_version: 3,
    });
    expect(problem).toBeInstanceOf(Error);
    expect(problem.problem).toBe('version-conflict');
    expect(problem.detail).toBe('Version 2 is not current');
    expect(problem.message).toBe('Version 2 is not current');
    expect(problem.extensions).toEqual({ current_version: 3 });
    expect(problem).not.toHaveProperty('status');
  });

  it("has the platform's title for a detail when given none", () => {
    expect(new Problem('unauthorized').detail).toBe('Authentication required');
  });

  it('does not compile with a name nobody declares', () => {
    // @ts-expect-error: a misspelt problem name is a type error (tsc checks this line).
    const misspelt = new Problem('not-fuond', 'No task');
    expect(misspelt.problem).toBe('not-fuond');
  });
});

describe('defineProblems', () => {
  it('keeps a valid catalogue as it is', () => {
    const catalogue = { 'out-of-stock': { status: 409, title: 'Not enough stock' } };
    expect(defineProblems(catalogue)).toEqual(catalogue);
  });

  it.each([
    ['a name that is not kebab-case', { OutOfStock: { status: 409, title: 'Not enough stock' } }],
    ['a status that is not an error', { 'out-of-stock': { status: 200, title: 'Fine' } }],
    ['no title', { 'out-of-stock': { status: 409, title: '' } }],
  ])('refuses %s', (_, catalogue) => {
    expect(() => defineProblems(catalogue)).toThrow(/out-of-stock|OutOfStock/);
  });
});
