import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// HTTP responses by minute, counted in the process and added to `http_traffic` at each heartbeat,
// so that the http-5xx-rate rule, evaluated by one worker, sees every process's traffic. A
// Prometheus counter would not do: it lives in one process, and the evaluator is not the API.

const minuteMs = 60_000;

/** The responses of one process, counted by minute until its next heartbeat writes them. */
export interface HttpTraffic {
  /** Counts one response (called from the HTTP app's `onResponse`). */
  record(statusCode: number, at?: number): void;
  /**
   * Adds the counts since the last flush to `http_traffic` (a heartbeat step). Counts that fail
   * to be written are kept for the next flush. A process that stops loses at most one beat's.
   */
  flush(): Promise<void>;
}

/** The traffic counter of the process registered as instance `instanceId`. */
export function createHttpTraffic(db: Db, instanceId: string): HttpTraffic {
  let pending = new Map<number, { requests: number; errors: number }>();
  function add(minute: number, requests: number, errors: number): void {
    const counts = pending.get(minute) ?? { requests: 0, errors: 0 };
    counts.requests += requests;
    counts.errors += errors;
    pending.set(minute, counts);
  }
  return {
    record(statusCode, at = Date.now()) {
      add(Math.floor(at / minuteMs) * minuteMs, 1, statusCode >= 500 ? 1 : 0);
    },
    async flush() {
      if (pending.size === 0) return;
      const taken = pending;
      pending = new Map();
      const minutes = [...taken.keys()];
      try {
        await sql`
          INSERT INTO http_traffic (instance_id, minute, requests, errors)
          SELECT ${instanceId}::uuid, to_timestamp(m / 1000.0), r, e
          FROM unnest(${minutes}::bigint[], ${minutes.map((m) => taken.get(m)?.requests)}::int[],
                      ${minutes.map((m) => taken.get(m)?.errors)}::int[]) AS t(m, r, e)
          ON CONFLICT (instance_id, minute) DO UPDATE
            SET requests = http_traffic.requests + excluded.requests,
                errors = http_traffic.errors + excluded.errors`.execute(db);
      } catch (error) {
        for (const [minute, counts] of taken) add(minute, counts.requests, counts.errors);
        throw error;
      }
    },
  };
}

/** Every process's responses, and the 5xx among them, since `since`. */
export async function trafficSince(
  db: Db,
  since: Date,
): Promise<{ requests: number; errors: number }> {
  const { rows } = await sql<{ requests: number; errors: number }>`
    SELECT coalesce(sum(requests), 0)::int8 AS requests, coalesce(sum(errors), 0)::int8 AS errors
    FROM http_traffic WHERE minute >= ${since}`.execute(db);
  return rows[0] ?? { requests: 0, errors: 0 };
}

/** Deletes the counts older than a day: the longest window a rule may look at. */
export async function forgetOldTraffic(db: Db): Promise<void> {
  await sql`DELETE FROM http_traffic WHERE minute < now() - interval '1 day'`.execute(db);
}
