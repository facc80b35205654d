import type { Config } from './config.ts';
import { platformTopics } from './events/topics.ts';
import type { PeriodicJob } from './jobs/maintenance.ts';
import type { JobHandler } from './jobs/spec.ts';
import type { AlertRule, Core, Module } from './module.ts';
import { type ProblemCatalogue, type ProblemType, platformProblems } from './problems.ts';
import { StartupError } from './startup.ts';

// What the modules of one process add up to, refused at start when two of them claim the same
// name (or one the platform holds): each clash would otherwise be settled silently by whichever
// module came last.

type Claims = Map<string, string>;

function claim(claims: Claims, what: string, name: string, module: Module): void {
  const holder = claims.get(name);
  if (holder !== undefined) {
    const by = holder === module.name ? `twice by ${holder}` : `by ${holder} and ${module.name}`;
    throw new StartupError(`${what} "${name}" is declared ${by}: each must be unique`);
  }
  claims.set(name, module.name);
}

/**
 * Refuses a duplicate module name, periodic job name, alert rule name or stream topic namespace,
 * and an alert rule name that is not kebab-case.
 */
export function checkComposition(modules: Module[], config: Config): void {
  const names = new Set<string>();
  const periodic: Claims = new Map();
  const rules: Claims = new Map();
  const topics: Claims = new Map(Object.keys(platformTopics).map((ns) => [ns, 'the platform']));
  for (const module of modules) {
    if (names.has(module.name)) {
      throw new StartupError(`two modules are named "${module.name}": each must be unique`);
    }
    names.add(module.name);
    for (const job of periodicOf(module, config)) claim(periodic, 'periodic job', job.name, module);
    for (const rule of module.alertRules ?? []) {
      if (!alertRuleName.test(rule.name)) {
        throw new StartupError(
          `alert rule "${rule.name}" of ${module.name} must be kebab-case (${alertRuleName.source})`,
        );
      }
      claim(rules, 'alert rule', rule.name, module);
    }
    for (const namespace of Object.keys(module.topics ?? {}))
      claim(topics, 'topic namespace', namespace, module);
  }
}

/**
 * Every module's job handlers by kind. Refuses a kind two modules handle, and a periodic job of a
 * kind that none does (it would be enqueued on every slot and never run).
 */
export function composeJobHandlers(modules: Module[], core: Core): Record<string, JobHandler> {
  const kinds: Claims = new Map();
  const handlers: Record<string, JobHandler> = {};
  for (const module of modules) {
    for (const { kind, handler } of module.jobs?.(core) ?? []) {
      claim(kinds, 'job kind', kind, module);
      handlers[kind] = handler;
    }
  }
  for (const job of periodicJobsOf(modules, core.config)) {
    if (!handlers[job.job.kind]) {
      throw new StartupError(
        `periodic job "${job.name}" is of kind "${job.job.kind}", which no module handles`,
      );
    }
  }
  return handlers;
}

const alertRuleName = /^[a-z][a-z0-9-]{0,99}$/;

function periodicOf(module: Module, config: Config): PeriodicJob[] {
  const { periodic = [] } = module;
  return typeof periodic === 'function' ? periodic(config) : periodic;
}

/** Every module's periodic jobs. */
export function periodicJobsOf(modules: Module[], config: Config): PeriodicJob[] {
  return modules.flatMap((module) => periodicOf(module, config));
}

/** Every module's alert rules, in module order (`checkComposition` has refused duplicates). */
export function alertRulesOf(modules: Module[]): AlertRule[] {
  return modules.flatMap((module) => module.alertRules ?? []);
}

/**
 * One catalogue of the platform's problems and every module's, for the HTTP app. Refuses a name
 * two modules declare, or one the platform's catalogue has.
 */
export function composeProblems(modules: Module[]): ProblemCatalogue {
  const owners: Claims = new Map(
    Object.keys(platformProblems).map((name) => [name, 'the platform']),
  );
  const merged: Record<string, ProblemType> = { ...platformProblems };
  for (const module of modules) {
    for (const [name, type] of Object.entries(module.problems ?? {})) {
      claim(owners, 'problem', name, module);
      merged[name] = type;
    }
  }
  return Object.freeze(merged);
}
