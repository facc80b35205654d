import { hostname } from 'node:os';
import { type Command, type CommanderError, InvalidArgumentError, Option } from 'commander';
import { AgentSetupError } from './client.ts';
import { runAgent } from './run.ts';

// `meridian agent --server URL --token T --out DIR [--exec CMD]`: the agent of pull mode on one
// node (run.ts). Progress is one line per event on stderr. Exit 0: stopped by a signal; 2: it
// cannot work as told (usage, a refused URL or join, a server it cannot verify).

interface AgentCommandOptions {
  server: string;
  token?: string;
  out: string;
  exec?: string;
  execTimeout: number;
  node: string;
  caFile?: string;
  insecureHttp: boolean;
  wait: number;
}

/** Adds `agent` to the command line of `main.ts`. */
export function addAgentCommand(program: Command): void {
  program
    .command('agent')
    .description("Keep this node's metadata from a pull-mode delivery service (docs/delivery.md)")
    .requiredOption('--server <url>', "Meridian's base URL (https; http only on this machine)")
    .addOption(
      new Option('--token <token>', "the service's join token (for the first join)").env(
        'MERIDIAN_JOIN_TOKEN',
      ),
    )
    .requiredOption(
      '--out <dir>',
      'where the files go: cert.pem, key.pem, chain.pem, metadata.json',
    )
    .option('--exec <command>', 'a shell command run after each new version (a reload)')
    .option('--exec-timeout <seconds>', 'the reload command is stopped after', seconds(1, 3600), 60)
    .option('--node <name>', "this node's name in the service", hostname())
    .option('--ca-file <file>', "trust only this CA (PEM) for the server's TLS certificate")
    .option('--insecure-http', 'allow a plain http server that is not on this machine', false)
    .option('--wait <seconds>', 'how long each long poll waits', seconds(1, 60), 30)
    .exitOverride(usageExit)
    .action(async (options: AgentCommandOptions) => {
      process.exitCode = await agent(options);
    });
}

async function agent(options: AgentCommandOptions): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const log = (line: string) => process.stderr.write(`meridian agent: ${line}\n`);
  try {
    await runAgent({
      server: options.server,
      token: options.token,
      out: options.out,
      node: options.node,
      exec: options.exec,
      execTimeoutMs: options.execTimeout * 1000,
      caFile: options.caFile,
      insecureHttp: options.insecureHttp,
      waitSeconds: options.wait,
      log,
      signal: stop.signal,
    });
    log('stopped');
    return 0;
  } catch (error) {
    if (!(error instanceof AgentSetupError)) throw error;
    log(error.message);
    return 2;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

function seconds(min: number, max: number) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`must be a whole number of seconds, ${min} to ${max}`);
    }
    return parsed;
  };
}

/** Commander's own refusals (a missing option, a bad value) are usage errors: exit 2. */
function usageExit(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}
