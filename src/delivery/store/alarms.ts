import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { type AlarmKind, operationTables as tables } from './operation-tables.ts';

// The SQL of alarms: one row per alarm raised, open until resolved (at most one open per key).

export function openAlarms(db: Db) {
  return tables(db)
    .selectFrom('delivery_alarms')
    .select(['id', 'key', 'service_id', 'kind', 'node'])
    .where('resolved_at', 'is', null)
    .execute();
}

export interface RaisedAlarm {
  serviceId: string;
  kind: AlarmKind;
  key: string;
  node: string | null;
  summary: string;
  details: Record<string, unknown>;
}

/** Opens the alarms; a key already open is skipped. Returns those opened. */
export async function raiseAlarms(db: Db, alarms: RaisedAlarm[], at: Date) {
  if (alarms.length === 0) return [];
  return tables(db)
    .insertInto('delivery_alarms')
    .values(
      alarms.map((alarm) => ({
        id: uuidv7(),
        service_id: alarm.serviceId,
        kind: alarm.kind,
        key: alarm.key,
        node: alarm.node,
        summary: alarm.summary,
        details: JSON.stringify(alarm.details),
        raised_at: at,
      })),
    )
    .onConflict((conflict) => conflict.column('key').where('resolved_at', 'is', null).doNothing())
    .returningAll()
    .execute();
}

/** Resolves the open alarms of these keys; returns those resolved. */
export async function resolveAlarms(db: Db, keys: string[], at: Date) {
  if (keys.length === 0) return [];
  return tables(db)
    .updateTable('delivery_alarms')
    .set({ resolved_at: at })
    .where('key', 'in', keys)
    .where('resolved_at', 'is', null)
    .returningAll()
    .execute();
}

/** The service's open alarms (oldest first) and its latest resolved ones. */
export async function serviceAlarms(
  db: Db,
  serviceId: string,
  limits: { open: number; recent: number },
) {
  const base = tables(db)
    .selectFrom('delivery_alarms')
    .selectAll()
    .where('service_id', '=', serviceId);
  const [open, recent, count] = await Promise.all([
    base
      .where('resolved_at', 'is', null)
      .orderBy('raised_at')
      .orderBy('id')
      .limit(limits.open)
      .execute(),
    base
      .where('resolved_at', 'is not', null)
      .orderBy('resolved_at', 'desc')
      .limit(limits.recent)
      .execute(),
    tables(db)
      .selectFrom('delivery_alarms')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('service_id', '=', serviceId)
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { open, recent, openCount: Number(count.count) };
}
