import type { Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { checkServer, connectDatabase, type Database } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { type MigrationSource, migrate, pendingMigrations } from './db/migrations.ts';
import { createEventBus } from './events/bus.ts';
import { registerStreamGateway } from './events/gateway.ts';
import { eventsModule } from './events/module.ts';
import { type App, createHttpApp } from './http/app.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { httpModule } from './http/module.ts';
import { createAuthenticator } from './identity/authenticate.ts';
import { identityModule } from './identity/module.ts';
import { createJobEngine } from './jobs/engine.ts';
import { jobsModule } from './jobs/module.ts';
import type { Core, Module } from './module.ts';
import { notifyModule } from './notify/module.ts';
import { createNotify } from './notify/service.ts';
import { createHeartbeat } from './observe/heartbeat.ts';
import { createMetrics, instrumentHttp } from './observe/metrics.ts';
import { observeModule } from './observe/module.ts';
import { createOutbound } from './outbound/client.ts';
import { StartupError } from './startup.ts';

export const version: string = packageJson.version;

const drainTimeoutMs = 20_000;

/** Everything a command needs from PostgreSQL: the pool, and the embedded server if it runs one. */
export interface OpenDatabase {
  database: Database;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or uses the embedded PostgreSQL when there is none. A server
 * (`serve`) starts the embedded cluster and shares it; a one-off `command` uses the cluster of
 * the Meridian serving on the same DATA_DIR if one runs (and leaves it running), else starts one
 * for itself.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  use: 'serve' | 'command',
): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log, {
        share: use === 'serve',
        attach: use === 'command',
      });
  const url = config.databaseUrl ?? (embedded?.url as string);
  const database = connectDatabase(url, config.databasePoolSize, log, {
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  try {
    await checkServer(database.db, url);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    database,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}

/** The platform's own modules come first: systems' tables may refer to theirs. */
const platformModules: Module[] = [
  jobsModule,
  httpModule,
  identityModule,
  observeModule,
  eventsModule,
  notifyModule,
];

function migrationSources(systems: Module[]): MigrationSource[] {
  return [...platformModules, ...systems].flatMap((m) =>
    m.migrations ? [{ module: m.name, dir: m.migrations }] : [],
  );
}

/** Applies the pending migrations of the platform and the given systems. */
export function migrateAll(database: Database, systems: Module[], log: Logger): Promise<string[]> {
  return migrate(database.db, migrationSources(systems), log);
}

export interface Server {
  core: Core;
  app: App;
  /** Where it listens, such as http://127.0.0.1:3000. */
  url: string;
  /**
   * Stops accepting, drains in-flight requests and jobs, closes the outbound connections,
   * deregisters and closes the pool (not the database).
   */
  close(): Promise<void>;
}

/** What a process does: the API, the jobs, or both (the default; one process is enough). */
export type Role = 'all' | 'api' | 'worker';

/**
 * Migrates, then serves the platform's routes and the given modules' on `config.host:port`, and
 * runs their jobs. A `worker` serves only health and metrics; an `api` runs no jobs (it still
 * enqueues them). The caller owns the database (see `openDatabase`) and closes it after.
 * `clock` is `core.clock`: the system clock, unless a test gives a travel clock.
 */
export async function startServer(
  config: Config,
  log: Logger,
  database: Database,
  systems: Module[],
  role: Role = 'all',
  clock: Clock = systemClock,
): Promise<Server> {
  const modules = [...platformModules, ...systems];
  const sources = migrationSources(systems);
  await migrate(database.db, sources, log);

  const metrics = createMetrics(database.pool);
  const heartbeat = createHeartbeat(database.db, log, { role, version });
  const engine = createJobEngine({
    db: database.db,
    databaseUrl: database.url,
    workerId: heartbeat.id,
    log,
    metrics,
    handlers: {},
    queues: role === 'api' ? {} : config.jobQueues,
    periodic: modules.flatMap((module) => module.periodic ?? []),
    leaseMs: config.jobLeaseMs,
    retentionMs: config.jobRetentionMs,
    clock,
  });
  const events = createEventBus({ db: database.db, url: database.url, log });
  const core: Core = {
    config,
    log,
    clock,
    database,
    auth: createAuthenticator(database.db),
    metrics,
    jobs: engine.jobs,
    events,
    notify: createNotify({
      jobs: engine.jobs,
      events,
      retry: { maxAttempts: config.notifyMaxAttempts, baseMs: config.notifyRetryBaseMs },
    }),
    outbound: createOutbound({ allowPrivate: config.outboundAllowPrivate }),
    pendingMigrations: () => pendingMigrations(database.db, sources),
  };
  for (const module of modules) Object.assign(engine.handlers, module.jobs?.(core));

  const app = await createHttpApp({ config, log, version });
  core.auth.register(app);
  instrumentHttp(app, metrics);
  registerIdempotency(app, database.db);
  for (const module of role === 'worker' ? [observeModule] : modules)
    await module.routes?.(app, core);
  if (role !== 'worker') await registerStreamGateway(app, core, modules);
  let draining = false;
  // Keep-alive connections would hold a drain open until they time out: close each after its
  // last response once shutdown has begun.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });

  await heartbeat.start();
  await events.start();
  await engine.start();
  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await engine.stop(0);
    await events.stop();
    await heartbeat.stop();
    throw listenProblem(error, config);
  }
  log.info({ url, version, role }, 'Meridian is serving');
  return {
    core,
    app,
    url,
    async close() {
      // Requests and jobs still running after the drain period are cut or released, so
      // shutdown ends within 30 s.
      draining = true;
      const cut = setTimeout(() => app.server.closeAllConnections(), drainTimeoutMs);
      await Promise.all([app.close(), engine.stop(drainTimeoutMs)]);
      clearTimeout(cut);
      // After the jobs: a call still running now belongs to a job given up on.
      await core.outbound.close();
      await events.stop();
      await heartbeat.stop();
    },
  };
}

/** The port is taken or not ours to use, or the address is not this machine's: one line. */
function listenProblem(error: unknown, config: Config): unknown {
  const reasons: Record<string, string> = {
    EADDRINUSE: 'the port is in use (set PORT to another, or 0 for any free one)',
    EACCES: 'permission denied (ports below 1024 need privileges; set PORT)',
    EADDRNOTAVAIL: 'no such address on this machine (set HOST)',
    ENOTFOUND: 'HOST is not a known name (set HOST)',
  };
  const reason = reasons[(error as NodeJS.ErrnoException).code ?? ''];
  if (!reason) return error;
  return new StartupError(`cannot listen on ${config.host}:${config.port}: ${reason}`);
}
