import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systems } from '../src/main.ts';
import { problemCatalogue } from '../src/platform/runtime.ts';

// As Fastify's test/internals/errors.test.js keeps its error codes and their documentation in
// step: every problem a client can receive (the platform's and each module's, as Meridian
// composes them in main.ts) has a row in docs/errors.md with the same status and title, and
// every row names a problem that exists.

interface DocumentedProblem {
  status: number;
  title: string;
}

/** The rows of the "Every problem" table: | `/problems/<name>` | status | title | when | */
function documentedProblems(markdown: string): Map<string, DocumentedProblem> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Every problem'));
  if (!section) throw new Error('docs/errors.md has no "## Every problem" section');
  const rows = new Map<string, DocumentedProblem>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const type = /^`\/problems\/([^`]+)`$/.exec(cells[1] ?? '');
    if (!type?.[1]) continue;
    const name = type[1];
    if (rows.has(name)) throw new Error(`docs/errors.md lists ${name} twice`);
    rows.set(name, { status: Number(cells[2]), title: cells[3] ?? '' });
  }
  return rows;
}

describe('docs/errors.md', () => {
  const catalogue = problemCatalogue(systems);
  const documented = documentedProblems(
    readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8'),
  );

  it('finds the table', () => {
    expect(documented.size).toBeGreaterThan(20);
  });

  it('lists every problem of the catalogue', () => {
    const missing = Object.keys(catalogue).filter((name) => !documented.has(name));
    expect(missing, 'in the catalogue but not in docs/errors.md').toEqual([]);
  });

  it('lists only problems of the catalogue', () => {
    const unknown = [...documented.keys()].filter((name) => !(name in catalogue));
    expect(unknown, 'in docs/errors.md but declared by no module').toEqual([]);
  });

  it('gives each problem its status and title', () => {
    for (const [name, row] of documented) {
      const declared = catalogue[name];
      if (declared) expect(row, name).toEqual({ status: declared.status, title: declared.title });
    }
  });
});
