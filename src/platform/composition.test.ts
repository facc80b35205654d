import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog, testSetup } from '../../test/helpers.ts';
import { startTestCore } from '../../test/module-harness.ts';
import {
  checkComposition,
  composeJobHandlers,
  composeProblems,
  periodicJobsOf,
} from './composition.ts';
import { loadConfig } from './config.ts';
import { defineJob } from './jobs/define.ts';
import type { Core, Module } from './module.ts';
import { defineProblems, platformProblems } from './problems.ts';
import { platformModules, startServer } from './runtime.ts';
import { defineService } from './service.ts';
import { StartupError } from './startup.ts';

const noop = async () => {};
const sharedJob = defineJob('shared.kind');
// The handlers are only listed here, never run: a core is not needed to build them.
const config = loadConfig({}, '/nonexistent', platformModules);
const core = { config } as Core;

describe('a composition of modules', () => {
  it('is refused when two modules have the same name', () => {
    const clash = () => checkComposition([{ name: 'alpha' }, { name: 'alpha' }], config);
    expect(clash).toThrow(StartupError);
    expect(clash).toThrow('two modules are named "alpha"');
  });

  it('is refused when two modules handle the same job kind', () => {
    const modules: Module[] = [
      { name: 'alpha', jobs: () => [sharedJob.handle(noop)] },
      { name: 'beta', jobs: () => [sharedJob.handle(noop)] },
    ];
    expect(() => composeJobHandlers(modules, core)).toThrow(
      'job kind "shared.kind" is declared by alpha and beta',
    );
  });

  it('is refused when one module handles a job kind twice', () => {
    const modules: Module[] = [
      { name: 'alpha', jobs: () => [sharedJob.handle(noop), sharedJob.handle(noop)] },
    ];
    expect(() => composeJobHandlers(modules, core)).toThrow(
      'job kind "shared.kind" is declared twice by alpha',
    );
  });

  it('is refused when two modules declare the same periodic job', () => {
    const periodic = { name: 'tidy', every: 60_000, job: { kind: 'alpha.tidy' } };
    expect(() =>
      checkComposition(
        [
          { name: 'alpha', periodic: [periodic] },
          { name: 'beta', periodic: [periodic] },
        ],
        config,
      ),
    ).toThrow('periodic job "tidy" is declared by alpha and beta');
  });

  it('is refused when a periodic job is of a kind no module handles', () => {
    const modules: Module[] = [
      { name: 'alpha', periodic: [{ name: 'tidy', every: 60_000, job: { kind: 'alpha.tidy' } }] },
    ];
    expect(() => composeJobHandlers(modules, core)).toThrow(
      'periodic job "tidy" is of kind "alpha.tidy", which no module handles',
    );
  });

  it("is refused when two modules declare an alert rule of one name, the platform's included", () => {
    const rule = { name: 'drift', severity: 'warning' as const, evaluate: async () => [] };
    expect(() =>
      checkComposition(
        [
          { name: 'alpha', alertRules: [rule] },
          { name: 'beta', alertRules: [rule] },
        ],
        config,
      ),
    ).toThrow('alert rule "drift" is declared by alpha and beta');
    expect(() =>
      checkComposition(
        [...platformModules, { name: 'alpha', alertRules: [{ ...rule, name: 'jobs-dead' }] }],
        config,
      ),
    ).toThrow('alert rule "jobs-dead" is declared by observe and alpha');
  });

  it('is refused when an alert rule is not named in kebab-case', () => {
    const rule = { name: 'Drift Rule', severity: 'warning' as const, evaluate: async () => [] };
    expect(() => checkComposition([{ name: 'alpha', alertRules: [rule] }], config)).toThrow(
      'alert rule "Drift Rule" of alpha must be kebab-case',
    );
  });

  it('reads a periodic job given as a function of the configuration', () => {
    const tidy = defineJob('alpha.tidy');
    const alpha: Module = {
      name: 'alpha',
      jobs: () => [tidy.handle(noop)],
      periodic: (given) => [{ name: 'tidy', every: given.port + 1_000, job: tidy.spec() }],
    };
    expect(periodicJobsOf([alpha], config)).toEqual([
      { name: 'tidy', every: config.port + 1_000, job: { kind: 'alpha.tidy' } },
    ]);
    expect(() => checkComposition([alpha, { ...alpha, name: 'beta' }], config)).toThrow(
      'periodic job "tidy" is declared by alpha and beta',
    );
  });

  it("is refused when a system takes a topic namespace, the platform's included", () => {
    const topics = { user: async () => true };
    expect(() => checkComposition([{ name: 'alpha', topics }], config)).toThrow(
      'topic namespace "user" is declared by the platform and alpha',
    );
  });
});

describe('a server whose modules clash', () => {
  it('does not start, and leaves the database as it found it', async () => {
    const databaseUrl = await createTestDatabase({ empty: true });
    const { config, database } = await testSetup({ databaseUrl });
    try {
      const start = startServer(config, silentLog, database, [{ name: 'jobs' }]);
      await expect(start).rejects.toThrow(StartupError);
      await expect(start).rejects.toThrow('two modules are named "jobs"');
      const { rows } = await sql<{ table: string | null }>`
        SELECT to_regclass('meridian_migrations')::text AS table`.execute(database.db);
      expect(rows).toEqual([{ table: null }]);
    } finally {
      await database.close();
    }
  });
});

describe("a module's services", () => {
  it("are started with the core (the platform's modules composed with it) and stopped with it", async () => {
    const events: string[] = [];
    const scanner: Module = {
      name: 'scanner',
      services: (given) => [
        defineService('scanner.loop', {
          start: () => {
            events.push(`start with jobs: ${typeof given.jobs.enqueue}`);
          },
          stop: () => {
            events.push('stop');
          },
        }),
      ],
    };
    const { close } = await startTestCore({ systems: [scanner] });
    expect(events).toEqual(['start with jobs: function']);
    await close();
    expect(events).toEqual(['start with jobs: function', 'stop']);
  });
});

describe('the problems of a composition', () => {
  const inventory = {
    name: 'inventory',
    problems: defineProblems({ 'out-of-stock': { status: 409, title: 'Not enough stock' } }),
  };

  it("is the platform's problems and every module's", () => {
    const merged = composeProblems([inventory, { name: 'none' }]);
    expect(merged).toEqual({ ...platformProblems, ...inventory.problems });
  });

  it('stops the start on a name two modules declare, naming both', () => {
    const delivery = {
      name: 'delivery',
      problems: defineProblems({ 'out-of-stock': { status: 422, title: 'Sold out' } }),
    };
    const merge = () => composeProblems([inventory, delivery]);
    expect(merge).toThrow(StartupError);
    expect(merge).toThrow('problem "out-of-stock" is declared by inventory and delivery');
  });

  it("stops the start on a module's name that is the platform's", () => {
    const shadow = {
      name: 'shadow',
      problems: defineProblems({ conflict: { status: 409, title: 'Conflict' } }),
    };
    expect(() => composeProblems([shadow])).toThrow(
      'problem "conflict" is declared by the platform and shadow',
    );
  });
});
