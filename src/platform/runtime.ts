import type { Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import { blobsModule } from './blobs/module.ts';
import { blobStoreFor, createBlobs } from './blobs/service.ts';
import { type Clock, systemClock } from './clock.ts';
import {
  alertRulesOf,
  checkComposition,
  composeJobHandlers,
  composeProblems,
  periodicJobsOf,
} from './composition.ts';
import type { Config } from './config.ts';
import { checkServer, connectDatabase, type Database } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { type MigrationSource, migrate, pendingMigrations } from './db/migrations.ts';
import { createEventBus } from './events/bus.ts';
import { registerStreamGateway } from './events/gateway.ts';
import { eventsModule } from './events/module.ts';
import { type App, createHttpApp } from './http/app.ts';
import { consoleDir } from './http/console.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { httpModule } from './http/module.ts';
import { createIdentity } from './identity/access.ts';
import { createAuthenticator } from './identity/authenticate.ts';
import { identityModule } from './identity/module.ts';
import { jobsConfig } from './jobs/config.ts';
import { createJobEngine } from './jobs/engine.ts';
import { jobsModule } from './jobs/module.ts';
import type { Core, Module } from './module.ts';
import { notifyConfig } from './notify/config.ts';
import { notifyModule } from './notify/module.ts';
import { createNotify } from './notify/service.ts';
import { observeConfig } from './observe/config.ts';
import { createHeartbeat } from './observe/heartbeat.ts';
import { createMetrics, instrumentAlerts, instrumentHttp } from './observe/metrics.ts';
import { observeModule } from './observe/module.ts';
import { createHttpTraffic, type HttpTraffic } from './observe/traffic.ts';
import { createOutbound } from './outbound/client.ts';
import type { ProblemCatalogue } from './problems.ts';
import { closeRedis, createRedis } from './redis.ts';
import { type Service, serviceGroup } from './service.ts';
import { StartupError } from './startup.ts';

export const version: string = packageJson.version;

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

/** The platform's own modules: they come first, as systems' tables may refer to theirs. */
export const platformModules: Module[] = [
  jobsModule,
  httpModule,
  identityModule,
  observeModule,
  eventsModule,
  notifyModule,
  blobsModule,
];

function migrationSources(systems: Module[]): MigrationSource[] {
  return [...platformModules, ...systems].flatMap((m) =>
    m.migrations ? [{ module: m.name, dir: m.migrations }] : [],
  );
}

/**
 * Every problem the platform and the given systems may answer, one catalogue; a problem name
 * declared by two modules is a `StartupError` naming both.
 */
export function problemCatalogue(systems: Module[]): ProblemCatalogue {
  return composeProblems([...platformModules, ...systems]);
}

/** Applies the pending migrations of the platform and the given systems. */
export function migrateAll(database: Database, systems: Module[], log: Logger): Promise<string[]> {
  return migrate(database.db, migrationSources(systems), log);
}

/** What a process does: the API, the jobs, or both (the default; one process is enough). */
export type Role = 'all' | 'api' | 'worker';

export interface CoreOptions {
  role?: Role;
  /** `core.clock`: the system clock, unless a test gives a travel clock. */
  clock?: Clock;
}

/**
 * The core of one process with the given systems plugged in: the `Core` every module receives,
 * the modules in order (the platform's first), and the services that run in the background
 * (the heartbeat and event bus, then the job engine and the modules' own services), not started.
 */
export interface AssembledCore {
  core: Core;
  modules: Module[];
  /** The instance heartbeat and the event bus: started first, stopped last. */
  background: Service;
  /** The job engine and the modules' services: started after `background`, stopped before it. */
  work: Service;
  /** Every problem type the modules declare, for the HTTP layer to answer with. */
  problems: ProblemCatalogue;
  /** This process's HTTP responses by minute, written at each heartbeat (alerts read them). */
  traffic: HttpTraffic;
  /** This process's id in `instances` (its heartbeat's). */
  instanceId: string;
}

/**
 * Wires the core for `systems`, without HTTP (`startServer` adds it; tests of a module's services
 * and jobs use this alone). Refuses a composition in which two modules claim one name. It reads
 * no table, so it may come before the migrations; start the services after them.
 */
export function assembleCore(
  config: Config,
  log: Logger,
  database: Database,
  systems: Module[],
  options: CoreOptions = {},
): AssembledCore {
  const { role = 'all', clock = systemClock } = options;
  const modules = [...platformModules, ...systems];
  checkComposition(modules, config);
  const problems = problemCatalogue(systems);
  const alertRules = alertRulesOf(modules);
  const metrics = createMetrics(database.pool);
  instrumentAlerts(
    metrics,
    database.db,
    alertRules.map((rule) => rule.name),
  );
  const jobSettings = jobsConfig.of(config);
  const notifySettings = notifyConfig.of(config);
  const { heartbeatMs } = observeConfig.of(config);
  const heartbeat = createHeartbeat(database.db, log, { role, version, intervalMs: heartbeatMs });
  const engine = createJobEngine({
    db: database.db,
    databaseUrl: database.url,
    workerId: heartbeat.id,
    hostKey: heartbeat.hostKey,
    heartbeatMs,
    inContactFor: heartbeat.inContactFor,
    log,
    metrics,
    handlers: {},
    queues: role === 'api' ? {} : jobSettings.queues,
    periodic: periodicJobsOf(modules, config),
    leaseMs: jobSettings.leaseMs,
    drainMs: config.shutdownDrainMs,
    retentionMs: jobSettings.retentionMs,
    clock,
  });
  const events = createEventBus({ db: database.db, url: database.url, log, heartbeatMs });
  const core: Core = {
    config,
    log,
    clock,
    database,
    auth: createAuthenticator(database.pool),
    identity: createIdentity(database.db),
    metrics,
    jobs: engine.jobs,
    events,
    notify: createNotify({
      jobs: engine.jobs,
      events,
      retry: { maxAttempts: notifySettings.maxAttempts, baseMs: notifySettings.retryBaseMs },
    }),
    outbound: createOutbound({ allowPrivate: config.outboundAllowPrivate }),
    alertRules,
    blobs: createBlobs(database.db, blobStoreFor(config), config),
    redis: createRedis(config, log),
    pendingMigrations: () => pendingMigrations(database.db, migrationSources(systems)),
  };
  Object.assign(engine.handlers, composeJobHandlers(modules, core));
  // In every role: a process of this host that died is judged by whichever of its neighbours
  // beats next, the Meridian restarted on its data directory first of all.
  heartbeat.afterEachBeat(engine.releaseGoneOnHost);
  const traffic = createHttpTraffic(database.db, heartbeat.id);
  heartbeat.afterEachBeat(traffic.flush);
  const moduleServices =
    role === 'api' ? [] : modules.flatMap((module) => module.services?.(core) ?? []);
  return {
    core,
    modules,
    background: serviceGroup('core', [heartbeat, events]),
    work: serviceGroup('work', [engine, ...moduleServices]),
    problems,
    traffic,
    instanceId: heartbeat.id,
  };
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

/**
 * Migrates, then serves the platform's routes and the given modules' on `config.host:port`, and
 * runs their jobs and services. A `worker` serves only health and metrics; an `api` runs no jobs
 * (it still enqueues them). The caller owns the database (see `openDatabase`) and closes it after.
 */
export async function startServer(
  config: Config,
  log: Logger,
  database: Database,
  systems: Module[],
  options: CoreOptions = {},
): Promise<Server> {
  const role = options.role ?? 'all';
  // Assembled first: a composition that cannot run is refused before it changes the database.
  const { core, modules, background, work, problems, traffic, instanceId } = assembleCore(
    config,
    log,
    database,
    systems,
    options,
  );
  await migrateAll(database, systems, log);

  const app = await createHttpApp({
    config,
    log,
    version,
    problems,
    consoleDir: role === 'worker' ? undefined : consoleDir,
  });
  core.auth.register(app);
  instrumentHttp(app, core.metrics, traffic);
  registerIdempotency(app, database.db);
  for (const module of role === 'worker' ? [observeModule] : modules)
    await module.routes?.(app, core);
  if (role !== 'worker') await registerStreamGateway(app, core, modules, instanceId);
  let draining = false;
  // Keep-alive connections would hold a drain open until they time out: close each after its
  // last response once shutdown has begun.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });

  await background.start();
  await work.start().catch(async (error) => {
    await app.close();
    await background.stop();
    throw error;
  });
  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await work.stop();
    await background.stop();
    throw listenProblem(error, config);
  }
  log.info({ url, version, role }, 'Meridian is serving');
  return {
    core,
    app,
    url,
    async close() {
      // Requests and jobs still running after the drain period are cut or released, so
      // shutdown ends within SHUTDOWN_DRAIN_SECONDS and a little more.
      draining = true;
      const cut = setTimeout(() => app.server.closeAllConnections(), config.shutdownDrainMs);
      await Promise.all([app.close(), work.stop()]);
      clearTimeout(cut);
      // After the jobs: a call still running now belongs to a job given up on.
      await core.outbound.close();
      await core.blobs.close();
      await closeRedis(core.redis);
      await background.stop();
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
