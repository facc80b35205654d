// Where PostgreSQL's time goes while the deliveries run, without pg_stat_statements (the embedded
// server has no preloaded extension): pg_stat_activity sampled every `intervalMs`, each active
// client backend counted under its statement (and a lock wait apart), so a statement's share of
// the samples is the number of backends running it on average. Sessions idle in a transaction
// are counted too: a row lock held while Meridian works between statements.
import pg from 'pg';

export interface StatementShare {
  /** The statement's start, whitespace folded. */
  statement: string;
  /** Backends running it on average (a sample each `intervalMs`). */
  backends: number;
  /** Of which, waiting for a lock. */
  lockWaits: number;
}

/** Starts sampling; `stop()` gives the statements by share, largest first, and the idle ones. */
export async function sampleStatements(databaseUrl: string, intervalMs = 50) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const counts = new Map<string, { samples: number; lockWaits: number }>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ query: string; state: string; wait: string | null }>(
        `SELECT left(query, 160) AS query, state, wait_event_type AS wait FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
            AND state IN ('active', 'idle in transaction')`,
      );
      samples++;
      for (const row of rows) {
        const key =
          row.state === 'active' ? row.query.replace(/\s+/g, ' ').trim() : '(idle in transaction)';
        const count = counts.get(key) ?? { samples: 0, lockWaits: 0 };
        count.samples++;
        if (row.wait === 'Lock') count.lockWaits++;
        counts.set(key, count);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop(): Promise<StatementShare[]> {
      running = false;
      await loop;
      await client.end();
      return [...counts]
        .map(([statement, count]) => ({
          statement,
          backends: count.samples / Math.max(samples, 1),
          lockWaits: count.lockWaits / Math.max(samples, 1),
        }))
        .sort((a, b) => b.backends - a.backends);
    },
  };
}
