import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Events } from './events/publish.ts';
import type { App } from './http/app.ts';
import type { Authenticator } from './identity/authenticate.ts';
import type { PeriodicJob } from './jobs/maintenance.ts';
import type { Jobs } from './jobs/queue.ts';
import type { JobHandler } from './jobs/spec.ts';
import type { Notify } from './notify/service.ts';
import type { Outbound } from './outbound/client.ts';

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
  /** Migrations of the running modules not yet applied (readiness). */
  pendingMigrations(): Promise<string[]>;
}

/**
 * What a module adds to Meridian: its tables (a folder of `.sql` migrations, ending in `/`), its
 * routes, its job handlers (by kind, e.g. `scheduler.run`) and its periodic jobs. The platform's
 * own rooms are modules too, so every part is plugged in one way.
 */
export interface Module {
  name: string;
  migrations?: URL;
  routes?(app: App, core: Core): void | Promise<void>;
  jobs?(core: Core): Record<string, JobHandler>;
  periodic?: PeriodicJob[];
  /**
   * Who may subscribe to this module's stream topics, by namespace: `{ inventory: (userId, sku,
   * core) => … }` authorises `inventory:<sku>`. `user` and `org` are the platform's.
   */
  topics?: Record<string, TopicAuthoriser>;
}

/** Whether `userId` may receive the events of topic `<namespace>:<id>`. */
export type TopicAuthoriser = (userId: string, id: string, core: Core) => Promise<boolean>;
