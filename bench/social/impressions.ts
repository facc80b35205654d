// Impressions for bench/social.ts, in a process of its own against the bench database: Meridian's
// own `ImpressionRecorder` (src/social/impressions.ts) over a pool of its own, fed as home reads
// would feed it (a viewer served 20 posts), a flush each 20,000 pairs, for `seconds`. Counted
// impressions are what the database says after: the first sightings the flushes added (deltas and
// folded counters of field 4). Prints JSON on stdout. Run:
// `node bench/social/impressions.ts <options.json>` (the viewers are too many for an argument).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/platform/config.ts';
import { connectDatabase } from '../../src/platform/db/database.ts';
import type { Core } from '../../src/platform/module.ts';
import { socialConfig } from '../../src/social/config.ts';
import { createImpressionRecorder } from '../../src/social/impressions.ts';

export interface ImpressionOptions {
  databaseUrl: string;
  viewerIds: string[];
  postIds: string[];
  seconds: number;
}

export interface ImpressionFigures {
  /** Pairs handed to `record`. */
  pairs: number;
  /** First sightings the database counted. */
  counted: number;
  /** From the first `record` to the last flush's commit. */
  seconds: number;
}

const options = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ImpressionOptions;
const perRead = 20;
const readsPerFlush = 1_000;

async function countedImpressions(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT (SELECT coalesce(sum(delta), 0) FROM social_counter_deltas WHERE field = 4)
          + (SELECT coalesce(sum(value), 0) FROM social_counters WHERE field = 4) AS n`,
  );
  return Number(rows[0].n);
}

const log = pino({ level: 'warn' });
const config = loadConfig({ ...process.env, DATABASE_URL: options.databaseUrl }, process.cwd(), [
  { config: socialConfig },
]);
const database = connectDatabase(options.databaseUrl, 4, log);
const recorder = createImpressionRecorder({ config, database, log } as unknown as Core);
const client = new pg.Client(options.databaseUrl);
await client.connect();
try {
  const before = await countedImpressions(client);
  const { viewerIds, postIds } = options;
  const started = performance.now();
  let pairs = 0;
  let read = 0;
  while (performance.now() - started < options.seconds * 1000 && read < viewerIds.length) {
    for (let i = 0; i < readsPerFlush && read < viewerIds.length; i++, read++) {
      const first = (read * perRead) % postIds.length;
      const served = [...postIds, ...postIds].slice(first, first + perRead);
      recorder.record(viewerIds[read] as string, served);
      pairs += served.length;
    }
    await recorder.flush();
  }
  await recorder.close();
  const seconds = (performance.now() - started) / 1000;
  const counted = (await countedImpressions(client)) - before;
  process.stdout.write(JSON.stringify({ pairs, counted, seconds } satisfies ImpressionFigures));
} finally {
  await client.end();
  await database.close();
}
