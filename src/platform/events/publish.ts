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
  /**
   * Sent by `deliverLocal` to this process's subscribers only: not in the log, never replayed.
   * Its `id` is the last logged event the process had dispatched, so a client resuming from it
   * misses no logged event.
   */
  local?: true;
}

export interface Events {
  /** Records the event in `tx`; subscribers in every process get it iff tx commits. */
  publish(tx: Db | Tx, event: EventInput): Promise<{ id: string }>;
  /** `publish` for many events in one statement (a batch that changed many things). */
  publishMany(tx: Db | Tx, events: EventInput[]): Promise<{ id: string }[]>;
  /** Process-local subscription; returns the unsubscribe function. */
  subscribe(topics: string[], onEvent: (event: PublishedEvent) => void): () => void;
  /**
   * Hands an event to this process's subscribers of `topic` now, without logging it: for pushes
   * that each process computes for its own connections (one per follower of an author), which
   * logged would be thousands of rows that every process receives. Not replayed to a client that
   * reconnects: it catches up by other means (the timeline's `since_id`). Throws like `publish`
   * on a bad topic, type or data.
   */
  deliverLocal(topic: string, event: { type: string; data: unknown }): void;
  /**
   * The topics starting with `prefix` that have at least one subscriber in this process (for a
   * stream topic: a connection here), e.g. `localTopics('social:home-')`. Kept up to date from
   * the first call on, so a call costs the size of the answer, not a scan of every topic.
   */
  localTopics(prefix: string): string[];
  /**
   * Those of `userIds` with an open stream connection at a process whose heartbeat is alive
   * (`stream_presence`, written within a second of a connection opening or closing). A process
   * that died reads as having no one within one heartbeat timeout. Inside a transaction, pass
   * it as `tx`: asking the pool for a second connection while holding one can exhaust it.
   */
  online(userIds: readonly string[], options?: { tx?: Db | Tx }): Promise<Set<string>>;
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
export function checkedJson(event: EventInput): string {
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
