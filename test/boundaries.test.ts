import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A system (every folder of src/ but platform/) reaches the core through `Core` and the files
// below, its public surface, and never through another system. The rest of src/platform (the
// stores, the engine, the runtime) may change shape without a system noticing. Tests may reach
// further (an assertion on a job row); the source may not. docs/architecture.md lists the same.

const publicSurface = [
  'blobs/service.ts',
  'clock.ts',
  'config.ts',
  'module.ts',
  'service.ts',
  'db/database.ts',
  'db/group-commit.ts',
  'events/publish.ts',
  'http/app.ts',
  'http/concurrency.ts',
  'http/merge-patch.ts',
  'http/pagination.ts',
  'http/problems.ts',
  'http/schemas.ts',
  'http/validation.ts',
  'ids.ts',
  'identity/access.ts',
  'identity/authenticate.ts',
  'identity/tokens.ts',
  'jobs/backoff.ts',
  'jobs/define.ts',
  'jobs/spec.ts',
  'notify/service.ts',
  'outbound/client.ts',
  'outbound/header-syntax.ts',
  'outbound/signing.ts',
  'outbound/target-guard.ts',
  'problems.ts',
];

const src = path.join(import.meta.dirname, '..', 'src');
const platform = path.join(src, 'platform');
const systems = readdirSync(src, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'platform')
  .map((entry) => entry.name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name),
    )
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every relative module `text` (the source of `file`) imports, `import()` included, resolved. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)];
  return specifiers.map((match) => path.resolve(path.dirname(file), match[1] as string));
}

/**
 * What a file of `system` imports outside its own folder and the platform's public surface: a
 * platform file off the surface, another system, main.ts, a test helper.
 */
function trespasses(system: string, file: string, text = readFileSync(file, 'utf8')): string[] {
  return importsOf(file, text).flatMap((target) => {
    const relative = path.relative(src, target).split(path.sep).join('/');
    if (relative.startsWith(`${system}/`)) return [];
    const inPlatform = relative.replace(/^platform\//, '');
    return relative.startsWith('platform/') && publicSurface.includes(inPlatform) ? [] : [relative];
  });
}

describe('the boundaries between systems and the core', () => {
  it('lists only files that exist as the public surface', () => {
    const missing = publicSurface.filter((file) => !existsSync(path.join(platform, file)));
    expect(missing).toEqual([]);
  });

  it.each(systems)(
    'keeps %s to the public surface of the platform and out of other systems',
    (system) => {
      const found = sourceFiles(path.join(src, system)).flatMap((file) =>
        trespasses(system, file).map((target) => `${path.relative(src, file)} imports ${target}`),
      );
      expect(found).toEqual([]);
    },
  );

  it('catches a system that imports a platform store, another system or main.ts', () => {
    const file = path.join(src, 'scheduler', 'example.ts');
    const text = [
      "import { sql } from 'kysely';",
      "import type { Core } from '../platform/module.ts';",
      "import { findUserById } from '../platform/identity/store.ts';",
      "export { reserveStock } from '../inventory/service.ts';",
      "const main = await import('../main.ts');",
      "import { schemas } from './schemas.ts';",
    ].join('\n');
    expect(trespasses('scheduler', file, text)).toEqual([
      'platform/identity/store.ts',
      'inventory/service.ts',
      'main.ts',
    ]);
  });
});
