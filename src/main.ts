import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Logger } from 'pino';
import { addAgentCommand } from './delivery/agent/command.ts';
import { deliveryModule } from './delivery/module.ts';
import { addInventoryCommands } from './inventory/import-command.ts';
import { inventoryModule } from './inventory/module.ts';
import { type Config, loadConfig } from './platform/config.ts';
import {
  compileBodyValidator,
  describeValidation,
  validationProblem,
} from './platform/http/validation.ts';
import { NewTokenBody, SignUpBody } from './platform/identity/schemas.ts';
import * as identity from './platform/identity/service.ts';
import { findUserByEmail } from './platform/identity/store.ts';
import { listJobs, redriveDeadJobs } from './platform/jobs/store.ts';
import type { Module } from './platform/module.ts';
import { createLogger } from './platform/observe/logger.ts';
import { Problem } from './platform/problems.ts';
import {
  migrateAll,
  type OpenDatabase,
  openDatabase,
  platformModules,
  type Role,
  startServer,
  version,
} from './platform/runtime.ts';
import { StartupError } from './platform/startup.ts';
import { schedulerModule } from './scheduler/module.ts';
import { socialModule } from './social/module.ts';

/**
 * The systems Meridian runs, in this order (the order of their migrations), after the platform's
 * own modules: composed here and nowhere else. A new system is its folder and one line here.
 */
export const systems: Module[] = [schedulerModule, inventoryModule, socialModule, deliveryModule];

/** After the drain, what is left to close gets this long before the process exits anyway. */
const shutdownMarginMs = 10_000;

const program = new Command('meridian')
  .description('Four backend systems on one durable PostgreSQL core')
  .version(version);

program
  .command('serve', { isDefault: true })
  .description(
    'Run the API and the job workers (and, with no DATABASE_URL, the embedded PostgreSQL)',
  )
  .addOption(
    new Option('--role <role>', 'api: HTTP only; worker: jobs (and health, metrics); all: both')
      .choices(['all', 'api', 'worker'])
      .default('all'),
  )
  .action((options: { role: Role }) => serve(options.role));

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() =>
    withDatabase(async ({ database }, _config, log) => {
      const applied = await migrateAll(database, systems, log);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Nothing to apply');
    }),
  );

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user and print a token for it')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>', 'at least 8 characters', minLength(8))
  .option('--name <name>', 'display name (default: the part of the email before @)')
  .option('--admin', 'make the user an operator (may use /v1/admin)', false)
  .action((options: { email: string; password: string; name?: string; admin: boolean }) => {
    const account = checkOptions(signUpRules, {
      email: options.email,
      password: options.password,
      name: options.name ?? options.email.split('@')[0] ?? options.email,
    });
    return withDatabase(async ({ database }, _config, log) => {
      await migrateAll(database, systems, log);
      const { user: created, token } = await identity.signUp(database.db, {
        ...account,
        isOperator: options.admin,
      });
      console.log(JSON.stringify({ user: created, token }, null, 2));
    });
  });

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description("Create an API token for a user and print it (it can't be shown again)")
  .requiredOption('--email <email>', 'the user the token acts for')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--expires-in-days <days>', 'expiry (default: never)', positiveInteger)
  .action((options: { email: string; name: string; expiresInDays?: number }) => {
    const { name } = checkOptions(newTokenRules, { name: options.name });
    return withDatabase(async ({ database }, _config, log) => {
      await migrateAll(database, systems, log);
      const found = await findUserByEmail(database.db, options.email);
      if (!found) throw new Problem('not-found', `No user is registered with ${options.email}`);
      const expiresAt = options.expiresInDays
        ? new Date(Date.now() + options.expiresInDays * 86_400_000)
        : null;
      const created = await identity.issueToken(database.db, found.id, name, expiresAt);
      console.log(JSON.stringify(created, null, 2));
    });
  });

const jobs = program.command('jobs').description('Inspect and redrive the dead-letter queue');
jobs
  .command('dead')
  .description('List dead jobs (newest last) with their errors, as JSON lines')
  .option('--kind <kind>')
  .option('--queue <queue>')
  .option('--limit <n>', 'at most this many', positiveInteger, 100)
  .action((options: { kind?: string; queue?: string; limit: number }) =>
    withDatabase(async ({ database }, _config, log) => {
      await migrateAll(database, systems, log);
      const filter = { state: 'dead' as const, kind: options.kind, queue: options.queue };
      for (const job of await listJobs(database.db, filter, undefined, options.limit)) {
        console.log(JSON.stringify(job));
      }
    }),
  );
jobs
  .command('redrive')
  .description('Run dead jobs again from their first attempt')
  .option('--id <ids...>', 'these job ids', (value: string, previous: number[] = []) => [
    ...previous,
    positiveInteger(value),
  ])
  .option('--kind <kind>', 'every dead job of this kind')
  .option('--queue <queue>', 'every dead job of this queue')
  .option('--all', 'every dead job')
  .action((options: { id?: number[]; kind?: string; queue?: string; all?: boolean }) =>
    withDatabase(async ({ database }, _config, log) => {
      if (!options.id && !options.kind && !options.queue && !options.all) {
        throw new Problem('unprocessable', 'say which jobs: --id, --kind, --queue or --all');
      }
      await migrateAll(database, systems, log);
      const redriven = await redriveDeadJobs(database.db, {
        ids: options.id,
        kind: options.kind,
        queue: options.queue,
      });
      console.log(
        `Redriven ${redriven.length} job(s)${redriven.length ? `: ${redriven.join(', ')}` : ''}`,
      );
    }),
  );

addInventoryCommands(program);
addAgentCommand(program);

const bench = program
  .command('bench')
  .description('Benchmarks against peers (see docs/benchmarks.md)');
bench
  .command('jobs')
  .description(
    'The job queue against pg-boss, graphile-worker and bullmq on one PostgreSQL (a few minutes)',
  )
  .option('--json', 'print only the figures, as one JSON object (progress goes to stderr)')
  .action((options: { json?: boolean }) => runBench('jobs', options.json));
bench
  .command('inventory')
  .description("Stock adjustments and orders over HTTP against PostgreSQL's ceiling (4 minutes)")
  .option('--json', 'print only the figures, as one JSON object (progress goes to stderr)')
  .action((options: { json?: boolean }) => runBench('inventory', options.json));
bench
  .command('social')
  .description(
    'The microblog: fan-out (both timeline stores), home reads, live delivery, likes, impressions and posts (8 minutes)',
  )
  .option('--json', 'print only the figures, as one JSON object (progress goes to stderr)')
  .action((options: { json?: boolean }) => runBench('social', options.json));
bench
  .command('delivery')
  .description(
    'Certificate deliveries a second to a simulated fleet, beside raw signing and bare Fastify (a few minutes)',
  )
  .option('--json', 'print only the figures, as one JSON object (progress goes to stderr)')
  .action((options: { json?: boolean }) => runBench('delivery', options.json));

/** Runs bench/<name>.ts in a process of its own, as `npm run bench:<name>` does. */
function runBench(name: string, json?: boolean): void {
  const script = fileURLToPath(new URL(`../bench/${name}.ts`, import.meta.url));
  const child = spawn(process.execPath, [script, ...(json ? ['--json'] : [])], {
    stdio: 'inherit',
  });
  // Ctrl-C reaches the whole process group; the benchmark cleans up and exits by itself.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serve(role: Role): Promise<void> {
  const { config, log } = boot();
  // Listening from the first moment: without a listener a SIGTERM kills the process outright
  // (its embedded PostgreSQL orphaned), even one sent just after "Meridian is serving". A signal
  // that comes while Meridian starts is acted on once it has started.
  let shutdown: ((signal: string) => Promise<void>) | undefined;
  let signalledDuringStart: string | undefined;
  const onSignal = (signal: string) => {
    if (shutdown) void shutdown(signal);
    else signalledDuringStart ??= signal;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const opened = await openDatabase(config, log, 'serve').catch(fail);
  const server = await startServer(config, log, opened.database, systems, { role }).catch(
    async (error) => {
      await opened.close();
      return fail(error);
    },
  );
  let stopping = false;
  shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error(
        `shutdown took longer than ${(config.shutdownDrainMs + shutdownMarginMs) / 1000} s; exiting`,
      );
      process.exit(1);
    }, config.shutdownDrainMs + shutdownMarginMs).unref();
    await server.close();
    await opened.close();
    log.info('stopped');
    process.exit(0);
  };
  if (signalledDuringStart) await shutdown(signalledDuringStart);
}

/**
 * Runs a one-off command against the database, then closes it: the running server's embedded
 * PostgreSQL when one serves on DATA_DIR (left running), else one of its own (stopped after).
 */
async function withDatabase(
  work: (opened: OpenDatabase, config: Config, log: Logger) => Promise<void>,
): Promise<void> {
  const { config, log } = boot({ quiet: true });
  const opened = await openDatabase(config, log, 'command').catch(fail);
  try {
    await work(opened, config, log);
  } catch (error) {
    await opened.close();
    return fail(error);
  }
  await opened.close();
}

function boot(options: { quiet?: boolean } = {}): { config: Config; log: Logger } {
  try {
    const config = loadConfig(process.env, process.cwd(), [...platformModules, ...systems]);
    // One-off commands print their result; their logs only matter when something is wrong.
    const log = createLogger({
      logLevel: options.quiet && config.logLevel === 'info' ? 'warn' : config.logLevel,
      logFormat: config.logFormat,
    });
    return { config, log };
  } catch (error) {
    return fail(error);
  }
}

/**
 * Errors a user can act on (`StartupError`: configuration, database, data directory, port;
 * `Problem`: a command's refusal) are one line on stderr and exit 2; anything else is a bug
 * and keeps its stack (exit 1).
 */
function fail(error: unknown): never {
  const known = error instanceof StartupError || error instanceof Problem;
  console.error(
    `meridian: ${known ? (error as Error).message : ((error as Error).stack ?? error)}`,
  );
  process.exit(known ? 2 : 1);
}

// The API's own rules for what the commands create (a name is trimmed, and refused when blank
// or holding control characters), so a user or token made here is one the API would accept.
const signUpRules = compileBodyValidator<SignUpBody>(SignUpBody);
const newTokenRules = compileBodyValidator<{ name: string }>(NewTokenBody);

/** `value` as the rules leave it (names trimmed), or a one-line failure naming the option. */
function checkOptions<T>(rules: ValidateFunction<T>, value: T): T {
  if (rules(value)) return value;
  const errors = describeValidation(rules.errors ?? []).map((error) => ({
    ...error,
    field: `--${error.field.replace(/^\//, '')}`,
  }));
  return fail(validationProblem(errors));
}

function minLength(length: number) {
  return (value: string) => {
    if (value.length < length)
      throw new InvalidArgumentError(`must be at least ${length} characters`);
    return value;
  };
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

/** Runs the command line (`bin/meridian.js`); importing this file runs nothing. */
export function runCommandLine(argv: string[] = process.argv): Promise<Command> {
  return program.parseAsync(argv);
}
