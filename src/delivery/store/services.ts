import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type DeliveryTables, deliveryTables as tables } from './tables.ts';

// The SQL of services: each an organisation's own, found by id (the caller checks membership of
// its organisation). Lists are keyset pages by id.

type Services = DeliveryTables['delivery_services'];

/** The columns of a service its owner writes (create and update). */
export type ServiceFields = Partial<
  Omit<Selectable<Services>, 'id' | 'org_id' | 'created_at' | 'version' | 'updated_at'>
>;

function serviceColumns(fields: ServiceFields) {
  const { static_metadata, ...rest } = fields;
  return {
    ...rest,
    static_metadata:
      static_metadata === undefined
        ? undefined
        : static_metadata === null
          ? null
          : JSON.stringify(static_metadata),
  };
}

export function insertService(db: Db, service: { id: string; org_id: string } & ServiceFields) {
  return tables(db)
    .insertInto('delivery_services')
    .values(serviceColumns(service) as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The service's new fields, if it is at `version` (when given): undefined when not found or stale. */
export function updateService(db: Db, id: string, fields: ServiceFields, version?: number) {
  return tables(db)
    .updateTable('delivery_services')
    .set({ ...serviceColumns(fields), version: sql`version + 1`, updated_at: new Date() } as never)
    .where('id', '=', id)
    .$if(version !== undefined, (q) => q.where('version', '=', version as number))
    .returningAll()
    .executeTakeFirst();
}

export function findService(db: Db, id: string) {
  return tables(db)
    .selectFrom('delivery_services')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listServices(db: Db, orgId: string, after: string | undefined, limit: number) {
  return tables(db)
    .selectFrom('delivery_services')
    .selectAll()
    .where('org_id', '=', orgId)
    .$if(after !== undefined, (q) => q.where('id', '>', after as string))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function deleteService(db: Db, id: string): Promise<boolean> {
  const deleted = await tables(db)
    .deleteFrom('delivery_services')
    .where('id', '=', id)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

// Who may change a service's slots, and how (docs/delivery.md, "Dispatch"). Two kinds of
// transaction do, and they never run at once on one service, through a transaction-level
// advisory lock on it:
// - a *locker* (`lockService`, the lock exclusive) counts the slots in flight and adds
//   deliveries, and sets `next_due_at`: onboarding, the scanner, forced deliveries, rollouts;
// - a delivery that ends (`shareService`, the lock shared: many at once) hands its slot on to
//   one due node and may bring `next_due_at` forward, without counting: what is in flight does
//   not change.
// Both take the advisory lock first, before any row, so that a locker waiting for a node's row
// (removing it) never waits on an ending delivery that waits for the locker.

/**
 * Makes the transaction the service's locker, and reads its row (undefined when it is gone):
 * waits for the deliveries ending on it, and holds off new ones until the commit.
 */
export async function lockService(db: Db, id: string) {
  await sql`SELECT pg_advisory_xact_lock(delivery_slot_lock(${id}))`.execute(db);
  return tables(db)
    .selectFrom('delivery_services')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Lets a delivery of the service end in this transaction: the first statement of it. */
export async function shareService(db: Db, id: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(delivery_slot_lock(${id}))`.execute(db);
}

/**
 * The dispatcher must look at the service by `at` (a node's next due time): `next_due_at` is
 * moved when it is later, and only then is the service's row written (and locked). One
 * definition, in SQL, which the hand-on calls too (migrations/004_hand_on.sql).
 */
export async function bringNextDueForward(db: Db, id: string, at: Date): Promise<void> {
  await sql`SELECT delivery_bring_due_forward(${id}, ${at})`.execute(db);
}

/** Services with a delivery to start by `now` (the platform clock), earliest first. */
export async function dueServices(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await tables(db)
    .selectFrom('delivery_services')
    .select('id')
    .where('next_due_at', '<=', now)
    .orderBy('next_due_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export function setNextDue(db: Db, id: string, at: Date | null) {
  return tables(db)
    .updateTable('delivery_services')
    .set({ next_due_at: at })
    .where('id', '=', id)
    .execute();
}

/** Services whose node source was last read before `before` (or never), oldest first. */
export async function sourcesDue(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await tables(db)
    .selectFrom('delivery_services')
    .select('id')
    .where('source_location', 'is not', null)
    .where((eb) =>
      eb.or([eb('source_checked_at', 'is', null), eb('source_checked_at', '<', before)]),
    )
    .orderBy(sql`source_checked_at NULLS FIRST`)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** What a read of the node source left: a new ETag when it changed, the error when it failed. */
export function recordSourceRead(
  db: Db,
  id: string,
  read: { at: Date; etag?: string | null; error: string | null; synced: boolean },
) {
  return tables(db)
    .updateTable('delivery_services')
    .set({
      source_checked_at: read.at,
      source_error: read.error,
      ...(read.synced ? { source_synced_at: read.at } : {}),
      ...(read.etag !== undefined ? { source_etag: read.etag } : {}),
    })
    .where('id', '=', id)
    .execute();
}
