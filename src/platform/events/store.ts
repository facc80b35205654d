import { type Generated, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { PublishedEvent } from './publish.ts';

/** The event log's tables as Kysely sees them (a type, so it fits `withTables`). */
export type EventTables = {
  events: EventsTable;
  event_log: EventLogTable;
  stream_tickets: StreamTicketsTable;
  stream_presence: StreamPresenceTable;
};

/** Written only by `publish_events` (the migrations), which gives the id and the time. */
export interface EventsTable {
  id: Generated<number>;
  topic: string;
  type: string;
  data: unknown;
  at: Generated<Date>;
}
export type EventRow = Selectable<EventsTable>;

/** One row, created by the migration. */
export interface EventLogTable {
  singleton: Generated<boolean>;
  pruned_through: Generated<number>;
}

export interface StreamTicketsTable {
  ticket_hash: Buffer;
  token_id: string;
  expires_at: Date;
}

/** A user with an open stream connection at an instance (presence.ts). */
export interface StreamPresenceTable {
  instance_id: string;
  user_id: string;
}

const tables = (db: Db | Tx) => db.withTables<EventTables>();

/**
 * Inserts `events` (`dataJson` already JSON) through `publish_events` (the migrations), which
 * also sends the NOTIFYs: one call, one lock and one INSERT for the batch; ids in their order.
 */
export async function insertEvents(
  tx: Db | Tx,
  events: { topic: string; type: string; dataJson: string }[],
) {
  const list = events.map(
    (event) =>
      `{"topic":${JSON.stringify(event.topic)},"type":${JSON.stringify(event.type)},"data":${event.dataJson}}`,
  );
  const { rows } = await sql<Pick<EventRow, 'id' | 'at'>>`
    SELECT id, at FROM publish_events(${`[${list.join(',')}]`}::jsonb)`.execute(tx);
  return rows;
}

function toPublished(row: EventRow): PublishedEvent {
  return {
    id: String(row.id),
    topic: row.topic,
    type: row.type,
    data: row.data,
    at: row.at.toISOString(),
  };
}

export async function findEvent(db: Db, id: number): Promise<PublishedEvent | undefined> {
  const row = await tables(db)
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toPublished(row);
}

/** Events after `afterId` in commit order, of the given topics or of all. */
export async function eventsAfter(
  db: Db | Tx,
  afterId: number,
  limit: number,
  topics?: string[],
): Promise<PublishedEvent[]> {
  let query = tables(db).selectFrom('events').selectAll().where('id', '>', afterId);
  if (topics) query = query.where('topic', '=', sql<string>`ANY(${topics}::text[])`);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map(toPublished);
}

export async function latestEventId(db: Db): Promise<number> {
  const row = await tables(db)
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** Every event with an id up to this one has been pruned. */
export async function prunedThrough(db: Db): Promise<number> {
  const row = await tables(db).selectFrom('event_log').select('pruned_through').executeTakeFirst();
  return row?.pruned_through ?? 0;
}

/**
 * Deletes up to `batch` of the events older than `cutoff`, oldest first, and advances
 * `pruned_through` in the same transaction; returns how many went. Ids are commit-ordered and
 * `at` is taken under the publish lock, so "older than cutoff" is a prefix of the ids.
 */
export async function pruneEvents(db: Db, cutoff: Date, batch: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ through: number | null; deleted: number }>`
      WITH doomed AS (
        SELECT id FROM events WHERE at < ${cutoff} ORDER BY at LIMIT ${batch}
      ), deleted AS (
        DELETE FROM events WHERE id IN (SELECT id FROM doomed) RETURNING id
      )
      SELECT max(id) AS through, count(*)::int AS deleted FROM deleted`.execute(tx);
    const { through, deleted } = rows[0] ?? { through: null, deleted: 0 };
    if (through !== null) {
      await sql`UPDATE event_log SET pruned_through = greatest(pruned_through, ${through})`.execute(
        tx,
      );
    }
    return deleted;
  });
}

/** What a replay may start from: ids up to `prunedThrough` are gone, none exist past `latest`. */
export interface LogBounds {
  prunedThrough: number;
  latest: number;
}

/**
 * Reads the log's bounds and the events of `topics` after `afterId` (at most `limit`) in one
 * snapshot, so a prune in between cannot open a gap that the bounds do not show.
 */
export function replayFrom(db: Db, afterId: number, topics: string[], limit: number) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { rows } = await sql<LogBounds>`
        SELECT pruned_through AS "prunedThrough",
               greatest(pruned_through, (SELECT max(id) FROM events)) AS latest
        FROM event_log`.execute(tx);
      const bounds = rows[0] ?? { prunedThrough: 0, latest: 0 };
      const missed =
        afterId < bounds.prunedThrough || afterId > bounds.latest
          ? []
          : await eventsAfter(tx, afterId, limit, topics);
      return { bounds, missed };
    });
}

/** Records who connected (`present`) and who left (`absent`) at instance `instanceId`. */
export async function changedPresence(
  db: Db,
  instanceId: string,
  present: string[],
  absent: string[],
): Promise<void> {
  if (present.length > 0) {
    await sql`
      INSERT INTO stream_presence (instance_id, user_id)
      SELECT ${instanceId}::uuid, unnest(${present}::uuid[])
      ON CONFLICT DO NOTHING`.execute(db);
  }
  if (absent.length > 0) {
    await sql`
      DELETE FROM stream_presence
      WHERE instance_id = ${instanceId}::uuid AND user_id = ANY(${absent}::uuid[])`.execute(db);
  }
}

/** Deletes every presence row of instance `instanceId` (it is stopping). */
export async function clearPresence(db: Db, instanceId: string): Promise<void> {
  await tables(db).deleteFrom('stream_presence').where('instance_id', '=', instanceId).execute();
}

/** Those of `userIds` with a presence row at an instance neither stopped, lost nor `silent`. */
export async function onlineUsers(
  db: Db | Tx,
  userIds: string[],
  silent: RawBuilder<boolean>,
): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    SELECT DISTINCT p.user_id FROM stream_presence p
    JOIN instances ON instances.id = p.instance_id
    WHERE p.user_id = ANY(${userIds}::uuid[])
      AND stopped_at IS NULL AND lost_at IS NULL AND NOT ${silent}`.execute(db);
  return rows.map((row) => row.user_id);
}
