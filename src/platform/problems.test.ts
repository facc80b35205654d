import { describe, expect, it } from 'vitest';
import { defineProblems, mergeProblems, Problem, platformProblems } from './problems.ts';
import { StartupError } from './startup.ts';

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

describe('mergeProblems', () => {
  const inventory = {
    name: 'inventory',
    problems: defineProblems({ 'out-of-stock': { status: 409, title: 'Not enough stock' } }),
  };

  it("is the platform's problems and every module's", () => {
    const merged = mergeProblems([inventory, { name: 'none' }]);
    expect(merged).toEqual({ ...platformProblems, ...inventory.problems });
  });

  it('stops the start on a name two modules declare, naming both', () => {
    const delivery = {
      name: 'delivery',
      problems: defineProblems({ 'out-of-stock': { status: 422, title: 'Sold out' } }),
    };
    const merge = () => mergeProblems([inventory, delivery]);
    expect(merge).toThrow(StartupError);
    expect(merge).toThrow(
      'problem "out-of-stock" is declared twice: by module inventory and by module delivery',
    );
  });

  it("stops the start on a module's name that is the platform's", () => {
    const shadow = {
      name: 'shadow',
      problems: defineProblems({ conflict: { status: 409, title: 'Conflict' } }),
    };
    expect(() => mergeProblems([shadow])).toThrow(
      'problem "conflict" is declared twice: by the platform and by module shadow',
    );
  });
});
