import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { InstanceRow } from '../db/tables.ts';
import { missedBeatsToLose } from './config.ts';

// The SQL of `instances` (observe migrations 001, 002): every Meridian process registers, beats,
// and at stop is marked stopped; one found dead is marked lost (docs/jobs.md, When a worker dies).

/** Stopped and lost processes stay listed this long after their last beat. */
const forgetAfter = '7 days';

/**
 * What says two processes see the same processes: the hostname, the kernel's boot id and the pid
 * namespace (`pid:[4026531836]`). Two containers that share a hostname differ in namespace, and a
 * host rebooted differs in boot id, so a process judges by pid only the rows of its own key. Null
 * where /proc is absent (macOS): such a row is never judged by its pid, only by its heartbeat.
 */
export function hostKeyOf(): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidNamespace = readlinkSync('/proc/self/ns/pid');
    return `${os.hostname()} ${bootId} ${pidNamespace}`;
  } catch {
    return null;
  }
}

export type InstanceRegistration = Pick<
  InstanceRow,
  'id' | 'hostname' | 'pid' | 'role' | 'version' | 'host_key' | 'heartbeat_seconds'
>;

export async function registerInstance(db: Db, instance: InstanceRegistration): Promise<void> {
  await db.insertInto('instances').values(instance).execute();
}

/** The lost mark a beat cleared: the process was judged dead while it was only paused. */
export type ClearedLostMark = Pick<InstanceRow, 'lost_at' | 'lost_reason'>;

/**
 * Says instance `id` is alive: stamps its heartbeat and clears its lost mark, so no process
 * judges it again at once. Its released jobs stay released (and counted). Returns the mark
 * cleared, if it had one. (RETURNING gives new values before PostgreSQL 18: the old ones are read
 * under the row lock first.)
 */
export async function beat(db: Db, id: string): Promise<ClearedLostMark | undefined> {
  const result = await sql<ClearedLostMark>`
    WITH before AS (
      SELECT id, lost_at, lost_reason FROM instances WHERE id = ${id} FOR UPDATE
    )
    UPDATE instances SET heartbeat_at = now(), lost_at = NULL, lost_reason = NULL
    FROM before WHERE instances.id = before.id
    RETURNING before.lost_at, before.lost_reason`.execute(db);
  const row = result.rows[0];
  return row?.lost_at ? row : undefined;
}

/** Deletes the rows of processes silent for a week (stopped, lost, or gone unnoticed). */
export async function forgetOldInstances(db: Db): Promise<void> {
  await db
    .deleteFrom('instances')
    .where('heartbeat_at', '<', sql<Date>`now() - ${forgetAfter}::interval`)
    .execute();
}

export async function markInstanceStopped(db: Db, id: string): Promise<void> {
  await db
    .updateTable('instances')
    .set({ stopped_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The processes registered with `hostKey`, other than `selfId`, neither stopped nor lost. */
export async function unjudgedOnHost(
  db: Db,
  hostKey: string,
  selfId: string,
): Promise<Pick<InstanceRow, 'id' | 'pid'>[]> {
  return db
    .selectFrom('instances')
    .select(['id', 'pid'])
    .where('host_key', '=', hostKey)
    .where('id', '<>', selfId)
    .where('stopped_at', 'is', null)
    .where('lost_at', 'is', null)
    .execute();
}

/** An instance just marked lost, and why. */
export interface LostInstance {
  id: string;
  lost_reason: string;
}

/**
 * Marks lost those of `ids` still neither stopped nor lost, with `reason`; returns those it
 * marked. Of two processes that judge one instance at once, one marks it (the other's UPDATE
 * waits for the row and then finds it lost), so its jobs are released once.
 */
export async function markInstancesLost(
  db: Db,
  ids: string[],
  reason: string,
): Promise<LostInstance[]> {
  if (ids.length === 0) return [];
  const result = await sql<LostInstance>`
    UPDATE instances SET lost_at = now(), lost_reason = ${reason}
    WHERE id = ANY(${ids}::uuid[]) AND stopped_at IS NULL AND lost_at IS NULL
    RETURNING id, lost_reason`.execute(db);
  return result.rows;
}

/**
 * Marks lost every instance but `selfId`, neither stopped nor lost, whose last beat is older than
 * `missedBeatsToLose` of its own heartbeat intervals (`defaultHeartbeatMs` for a row registered
 * without one), the reason naming how long it has been silent. The judge is never itself: a
 * process that runs this is alive, whatever its row says (its own beat may have failed).
 */
export async function markSilentInstancesLost(
  db: Db,
  selfId: string,
  defaultHeartbeatMs: number,
): Promise<LostInstance[]> {
  const result = await sql<LostInstance>`
    UPDATE instances SET lost_at = now(),
      lost_reason = format('no heartbeat for %s s', floor(extract(epoch FROM now() - heartbeat_at)))
    WHERE stopped_at IS NULL AND lost_at IS NULL AND id <> ${selfId}
      AND ${isSilent(defaultHeartbeatMs)}
    RETURNING id, lost_reason`.execute(db);
  return result.rows;
}

/**
 * Whether an instance's last beat is older than `missedBeatsToLose` of its own intervals
 * (`defaultHeartbeatMs` for a row registered without one).
 */
export function isSilent(defaultHeartbeatMs: number): RawBuilder<boolean> {
  const interval = sql`coalesce(heartbeat_seconds * 1000, ${defaultHeartbeatMs}::integer)`;
  return sql<boolean>`heartbeat_at < now() - ${missedBeatsToLose} * ${interval} * interval '1 millisecond'`;
}

/** Adds `count` to the jobs released because instance `id` was lost. */
export async function addReleasedJobs(db: Db, id: string, count: number): Promise<void> {
  await db
    .updateTable('instances')
    .set({ released_jobs: sql<number>`released_jobs + ${count}::integer` })
    .where('id', '=', id)
    .execute();
}

/**
 * The instances judged lost since `since`, neither stopped nor back (a beat clears the mark):
 * for the instance-lost alert rule.
 */
export function lostSince(
  db: Db,
  since: Date,
): Promise<Pick<InstanceRow, 'id' | 'hostname' | 'pid' | 'role' | 'lost_at' | 'lost_reason'>[]> {
  return db
    .selectFrom('instances')
    .select(['id', 'hostname', 'pid', 'role', 'lost_at', 'lost_reason'])
    .where('lost_at', '>=', since)
    .where('stopped_at', 'is', null)
    .orderBy('id')
    .execute();
}
