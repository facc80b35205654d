import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Blobs } from './blobs/service.ts';
import type { Clock } from './clock.ts';
import type { Config, ConfigSection } from './config.ts';
import type { Database } from './db/database.ts';
import type { AlertSeverity } from './db/tables.ts';
import type { Events } from './events/publish.ts';
import type { App } from './http/app.ts';
import type { Identity } from './identity/access.ts';
import type { Authenticator } from './identity/authenticate.ts';
import type { JobRegistration } from './jobs/define.ts';
import type { PeriodicJob } from './jobs/maintenance.ts';
import type { Jobs } from './jobs/queue.ts';
import type { Notify } from './notify/service.ts';
import type { Outbound } from './outbound/client.ts';
import type { ProblemCatalogue } from './problems.ts';
import type { Service } from './service.ts';

/** What the core gives every module. */
export interface Core {
  config: Config;
  log: Logger;
  /**
   * The time of due times: the job engine's claims, retries and snoozes follow it. The system
   * clock in production; tests pass a travel clock to `startServer` to jump ahead in time.
   */
  clock: Clock;
  database: Database;
  auth: Authenticator;
  /** Users, organisations and roles: what a module may know of them (never their tables). */
  identity: Identity;
  metrics: Registry;
  jobs: Jobs;
  /** Transactional pub/sub: `publish(tx, …)` reaches subscribers in every process iff tx commits. */
  events: Events;
  /** Notifications to a user (inbox, email, push, webhooks) per their preferences, in a transaction. */
  notify: Notify;
  /**
   * The process's client for user-chosen URLs (webhooks, push, task actions): one connection
   * pool, closed when the server closes.
   */
  outbound: Outbound;
  /**
   * Every module's alert rules (`Module.alertRules`, names unique), which the observe module's
   * periodic job evaluates.
   */
  alertRules: readonly AlertRule[];
  /**
   * Uploaded media by content hash: `exists(hash)`, `urlOf(hash)`, `hashOf(url)` to check that a
   * media URL a client gives names an uploaded blob.
   */
  blobs: Blobs;
  /** The process's Redis client when `REDIS_URL` is set (connected on first use), else undefined. */
  redis: Redis | undefined;
  /** Migrations of the running modules not yet applied (readiness). */
  pendingMigrations(): Promise<string[]>;
}

/**
 * What a module adds to Meridian: its tables (a folder of `.sql` migrations, ending in `/`), its
 * routes, its job handlers (each made by a job definition's `handle`, jobs/define.ts), its
 * periodic jobs (each enqueueing a definition's `spec`) and its long-running services. The
 * platform's own rooms are modules too, so every part is plugged in one way; a new system is a
 * folder with a `module.ts` and one line in `main.ts`. Names are unique across the modules of a
 * process (module, job kind, periodic job, topic namespace, problem, alert rule): a clash stops
 * the start.
 */
export interface Module {
  name: string;
  migrations?: URL;
  /** Its environment variables, read and checked with the rest at start (`defineConfigSection`). */
  config?: ConfigSection<unknown>;
  routes?(app: App, core: Core): void | Promise<void>;
  /** Its job handlers; built before the migrations run, so building them queries nothing. */
  jobs?(core: Core): JobRegistration[];
  /**
   * Jobs enqueued on a schedule; a function of the configuration when the schedule is a setting
   * (the observe module's alert evaluation, every `ALERTS_EVALUATE_SECONDS`).
   */
  periodic?: PeriodicJob[] | ((config: Config) => PeriodicJob[]);
  /**
   * Loops of its own (a scanner, a watcher), started after the job engine and stopped before it,
   * in processes that run jobs (roles `all` and `worker`, not `api`). Built before the
   * migrations run: a service queries nothing until it starts.
   */
  services?(core: Core): Service[];
  /**
   * Who may subscribe to this module's stream topics, by namespace: `{ inventory: (userId, sku,
   * core) => … }` authorises `inventory:<sku>`. `user` and `org` are the platform's.
   */
  topics?: Record<string, TopicAuthoriser>;
  /**
   * The problems only this module answers, from `defineProblems` (e.g. the scheduler's
   * `invalid-task`); the platform's (`not-found`, `conflict`, …) are everyone's. A name two
   * modules declare stops the start.
   */
  problems?: ProblemCatalogue;
  /**
   * Conditions operators must hear about (docs/operations.md, Alerts): evaluated every
   * `ALERTS_EVALUATE_SECONDS`; each key a rule returns fires once and resolves when the rule no
   * longer returns it. A rule name two modules declare stops the start.
   */
  alertRules?: AlertRule[];
}

export type { AlertSeverity };

/**
 * A condition to alert operators about. `evaluate` answers what fires now: one entry per thing
 * (an instance, a queue; `key`), none when all is well. It reads, and changes nothing: the
 * evaluator records and notifies. An entry whose key was already firing updates that alert (its
 * summary, details and value) without notifying again; a firing key the rule no longer returns
 * resolves. A rule that throws is skipped for that evaluation (its alerts stay as they were).
 *
 * @example
 * const driftRule: AlertRule = {
 *   name: 'inventory-reconcile-drift',
 *   severity: 'warning',
 *   async evaluate(core, now) {
 *     const drifted = await countDrift(core.database.db, now);
 *     return drifted > 0 ? [{ key: 'all', summary: `${drifted} SKUs drifted`, value: drifted }] : [];
 *   },
 * };
 * export const inventoryModule: Module = { name: 'inventory', alertRules: [driftRule], … };
 */
export interface AlertRule {
  /** Unique across the modules, e.g. `instance-lost`; kebab-case, up to 100 characters. */
  name: string;
  severity: AlertSeverity;
  /** What fires now; `now` is the evaluation's time (real time). */
  evaluate(core: Core, now: Date): Promise<AlertFiring[]>;
}

/** One thing an alert rule finds firing. */
export interface AlertFiring {
  /** What it is about, unique within the rule: an instance id, a queue name, `all`. */
  key: string;
  /** One line for the operator: the notification's title and the list's summary. */
  summary: string;
  /** Free-form JSON shown with the alert. */
  details?: Record<string, unknown>;
  /** The measured value (a count, a percentage), kept as the alert's last value. */
  value?: number;
}

/** Whether `userId` may receive the events of topic `<namespace>:<id>`. */
export type TopicAuthoriser = (userId: string, id: string, core: Core) => Promise<boolean>;
