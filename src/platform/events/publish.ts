import type { Db, Tx } from '../db/database.ts';
import { insertEvents } from './store.ts';

/** What a module publishes: `topic` is `<namespace>:<id>` (`user:<id>`, `org:<id>`, `inventory:<sku>`). */
export interface EventInput {
  topic: string;
  type: string;
  data: unknown;
}

/** An event as subscribers and clients see it; `id` is a decimal string, ordered by commit. */
export interface PublishedEvent {
  id: string;
  topic: string;
  type: string;
  data: unknown;
  at: string;
}

export interface Events {
  /** Records the event in `tx`; subscribers in every process get it iff tx commits. */
  publish(tx: Db | Tx, event: EventInput): Promise<{ id: string }>;
  /** `publish` for many events in one statement (a batch that changed many things). */
  publishMany(tx: Db | Tx, events: EventInput[]): Promise<{ id: string }[]>;
  /** Process-local subscription; returns the unsubscribe function. */
  subscribe(topics: string[], onEvent: (event: PublishedEvent) => void): () => void;
}

/** `<namespace>:<id>`: a lower-case namespace, then an id of letters, digits and `_.:-`. */
export const topicPattern = /^([a-z][a-z0-9_]{0,31}):([A-Za-z0-9_.:-]{1,128})$/;
const typePattern = /^[A-Za-z0-9_.:-]{1,100}$/;
/** Larger events would make every replay and every client's buffer heavy; send a reference. */
export const maxEventBytes = 1_048_576;

/** A publish that breaks these rules is a programming error: it throws before touching `tx`. */
export class InvalidEventError extends Error {}

/**
 * Records `event` in the caller's transaction and has PostgreSQL notify every Meridian process
 * when it commits (see `publish_events` in the migrations). A rolled-back transaction publishes
 * nothing. Publish late in a transaction: the event log's lock is held from here to the commit.
 *
 * @example
 * await transaction(db, async (tx) => {
 *   const item = await reserveStock(tx, sku, quantity);
 *   await core.events.publish(tx, { topic: `inventory:${sku}`, type: 'stock.changed', data: item });
 * });
 */
export async function publishEvent(tx: Db | Tx, event: EventInput): Promise<{ id: string }> {
  return (await publishEvents(tx, [event]))[0] as { id: string };
}

export async function publishEvents(tx: Db | Tx, events: EventInput[]): Promise<{ id: string }[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({ ...event, dataJson: checkedJson(event) }));
  return (await insertEvents(tx, rows)).map(({ id }) => ({ id: String(id) }));
}

/** The event's data as JSON, once the event is known to follow the rules. */
function checkedJson(event: EventInput): string {
  if (!topicPattern.test(event.topic)) {
    throw new InvalidEventError(`topic "${event.topic}" is not <namespace>:<id>`);
  }
  if (!typePattern.test(event.type)) {
    throw new InvalidEventError(`event type "${event.type}" must match ${typePattern}`);
  }
  const json = JSON.stringify(event.data ?? null);
  if (Buffer.byteLength(json) > maxEventBytes) {
    throw new InvalidEventError(`event data is over ${maxEventBytes} bytes; publish a reference`);
  }
  return json;
}
