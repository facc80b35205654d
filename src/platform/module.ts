import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Blobs } from './blobs/service.ts';
import type { Clock } from './clock.ts';
import type { Config, ConfigSection } from './config.ts';
import type { Database } from './db/database.ts';
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
   * Uploaded media by content hash: `exists(hash)`, `urlOf(hash)`, `hashOf(url)` to check that a
   * media URL a client gives names an uploaded blob.
   */
  blobs: Blobs;
  /** Migrations of the running modules not yet applied (readiness). */
  pendingMigrations(): Promise<string[]>;
}

/**
 * What a module adds to Meridian: its tables (a folder of `.sql` migrations, ending in `/`), its
 * routes, its job handlers (each made by a job definition's `handle`, jobs/define.ts), its
 * periodic jobs (each enqueueing a definition's `spec`) and its long-running services. The
 * platform's own rooms are modules too, so every part is plugged in one way; a new system is a
 * folder with a `module.ts` and one line in `main.ts`. Names are unique across the modules of a
 * process (module, job kind, periodic job, topic namespace, problem): a clash stops the start.
 */
export interface Module {
  name: string;
  migrations?: URL;
  /** Its environment variables, read and checked with the rest at start (`defineConfigSection`). */
  config?: ConfigSection<unknown>;
  routes?(app: App, core: Core): void | Promise<void>;
  /** Its job handlers; built before the migrations run, so building them queries nothing. */
  jobs?(core: Core): JobRegistration[];
  periodic?: PeriodicJob[];
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
}

/** Whether `userId` may receive the events of topic `<namespace>:<id>`. */
export type TopicAuthoriser = (userId: string, id: string, core: Core) => Promise<boolean>;
