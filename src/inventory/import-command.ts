import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Command, type CommanderError, Option } from 'commander';

// `meridian inventory import FILE.csv --org <id>`: a client of a running Meridian, over HTTP. It
// streams the file to `POST …/inventory/imports` (never reading it whole), follows the import by
// polling `GET …/imports/:id` with a one-line progress bar on stderr, then prints the failed rows
// on stdout. Exit 0: every row went in; 1: some rows failed (or reject_all refused them all);
// 2: it could not be asked (usage, file, server, token, a refused file).

/** How often the import is asked how far it is. */
const pollMs = 250;

interface ImportOptions {
  org: string;
  kind: 'items' | 'levels';
  errorPolicy: 'reject_all' | 'reject_failed_rows';
  url: string;
  token?: string;
}

interface ImportView {
  id: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  counts: { created: number; updated: number; unchanged: number; failed: number };
  errors: { row: number; error?: { type: string; detail: string } }[];
}

/** Adds `inventory import` to the command line of `main.ts`. */
export function addInventoryCommands(program: Command): void {
  const inventory = program
    .command('inventory')
    .description("An organisation's inventory, through a running Meridian's API")
    .exitOverride(usageExit);
  inventory
    .command('import')
    .description('Import a CSV file of items or levels and follow it to the end')
    .argument('<file>', 'the CSV file (header first; docs/inventory.md lists the columns)')
    .requiredOption('--org <id>', 'the organisation')
    .addOption(
      new Option('--kind <kind>', 'what the file holds')
        .choices(['items', 'levels'])
        .default('items'),
    )
    .addOption(
      new Option('--error-policy <policy>', 'reject_all: a failed row and nothing is written')
        .choices(['reject_all', 'reject_failed_rows'])
        .default('reject_all'),
    )
    .addOption(
      new Option('--url <url>', "Meridian's base URL")
        .env('MERIDIAN_URL')
        .default('http://127.0.0.1:3000'),
    )
    .addOption(
      new Option('--token <token>', 'an API token (meridian token create)').env('MERIDIAN_TOKEN'),
    )
    .exitOverride(usageExit)
    .action(async (file: string, options: ImportOptions) => {
      process.exitCode = await importFile(file, options).catch((error: unknown) => {
        console.error(`meridian: ${(error as Error).message}`);
        return 2;
      });
    });
}

/** Commander's own refusals (a missing option, a bad choice) are usage errors: exit 2. */
function usageExit(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

async function importFile(file: string, options: ImportOptions): Promise<number> {
  if (!options.token) throw new Error('give a token: --token or MERIDIAN_TOKEN');
  const size = (await stat(file).catch(() => undefined))?.size;
  if (size === undefined) throw new Error(`cannot read ${file}`);
  const base = new URL(`/v1/orgs/${encodeURIComponent(options.org)}/inventory/`, options.url);
  const headers = { authorization: `Bearer ${options.token}` };
  const bar = progressBar();
  const body = createReadStream(file);
  let sent = 0;
  body.on('data', (chunk) => {
    sent += chunk.length;
    bar.show('uploading', sent, size);
  });
  const query = new URLSearchParams({ kind: options.kind, error_policy: options.errorPolicy });
  const response = await fetch(new URL(`imports?${query}`, base), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
    duplex: 'half',
  } as RequestInit).catch((error: Error) => {
    throw new Error(`cannot reach Meridian at ${options.url}: ${error.cause ?? error.message}`);
  });
  let view = await answer(response);
  while (view.state === 'queued' || view.state === 'running') {
    bar.show('importing', view.processed, view.total);
    await sleep(pollMs);
    view = await answer(await fetch(new URL(`imports/${view.id}`, base), { headers }));
  }
  bar.show(view.state, view.processed, view.total);
  bar.done();
  printSummary(view);
  return view.state === 'completed' && view.counts.failed === 0 ? 0 : 1;
}

/** The import a response carries, or the problem it names as an error. */
async function answer(response: Response): Promise<ImportView> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body as unknown as ImportView;
  throw new Error(String(body.detail ?? `HTTP ${response.status}`));
}

function printSummary(view: ImportView): void {
  const { created, updated, unchanged, failed } = view.counts;
  const refused = view.state === 'failed' ? ' (reject_all: nothing was written)' : '';
  console.log(
    `Import ${view.id} ${view.state}${refused}: ${view.total} rows, ${created} created, ` +
      `${updated} updated, ${unchanged} unchanged, ${failed} failed`,
  );
  for (const { row, error } of view.errors) {
    console.log(`  line ${row}: ${error?.type.replace('/problems/', '')}: ${error?.detail}`);
  }
  if (failed > view.errors.length) {
    console.log(`  … and ${failed - view.errors.length} more failed rows`);
  }
}

/**
 * One line on stderr, redrawn in place on a terminal (`[#####-----] 50% 5,000/10,000 importing`);
 * elsewhere (a log, a pipe) only the end is written, not a line per redraw.
 */
function progressBar() {
  const live = process.stderr.isTTY === true;
  let last = '';
  return {
    show(what: string, done: number, total: number) {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * 30);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what}`;
      if (line !== last && live) process.stderr.write(`\r${line}\x1b[K`);
      last = line;
    },
    done() {
      if (last) process.stderr.write(live ? '\n' : `${last}\n`);
    },
  };
}
