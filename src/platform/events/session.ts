import type { Db } from '../db/database.ts';
import type { Events, PublishedEvent } from './publish.ts';
import { replayFrom } from './store.ts';

/** Missed events a reconnecting client is sent at most; past this it is told to reload. */
export const maxReplay = 10_000;
/** Live events held while a replay is read; more means the connection cannot keep up. */
const maxHeld = 10_000;

/** How a session talks to its connection (WebSocket or SSE). */
export interface Outbox {
  event(event: PublishedEvent): void;
  /** The client must reload its state; `lastEventId` is where to resume from afterwards. */
  reset(reason: string, lastEventId: string): void;
  /** Live events piled up faster than they could be sent: cut the connection. */
  overflow(): void;
}

export interface StreamSession {
  /**
   * Subscribes to topics (already authorised). With `lastEventId`, first sends the events of
   * these topics committed after it — exactly those, because ids are commit-ordered — or a
   * reset when they are no longer all in the log. Calls must not overlap.
   */
  subscribe(topics: string[], lastEventId?: number): Promise<{ replayed: number }>;
  /** Returns the topics that were subscribed. */
  unsubscribe(topics: string[]): string[];
  readonly size: number;
  topics(): string[];
  close(): void;
}

export function createStreamSession(events: Events, db: Db, outbox: Outbox): StreamSession {
  const subscriptions = new Map<string, () => void>();
  /** While a replay is read, live events wait here (so they are neither lost nor sent twice). */
  let held: PublishedEvent[] | undefined;
  /**
   * Per replayed topic, the log's latest id when the replay was read: every event of the topic
   * up to it was in that snapshot (ids are commit-ordered), so its live copy is not sent again.
   * A notification can arrive after the replay that already read its event.
   */
  const replayedThrough = new Map<string, number>();
  let closed = false;

  /** A local event (`deliverLocal`) is in no log, so no replay can have sent it. */
  function isNew(event: PublishedEvent): boolean {
    return event.local || Number(event.id) > (replayedThrough.get(event.topic) ?? 0);
  }

  function deliver(event: PublishedEvent): void {
    if (!isNew(event)) return;
    if (!held) outbox.event(event);
    else if (held.length < maxHeld) held.push(event);
    else outbox.overflow();
  }

  function add(topics: string[]): string[] {
    if (closed) return [];
    const fresh = topics.filter((topic) => !subscriptions.has(topic));
    for (const topic of fresh) subscriptions.set(topic, events.subscribe([topic], deliver));
    return fresh;
  }

  /** Sends what `topics` missed after `afterId`, or a reset; returns how many were sent. */
  async function replay(topics: string[], afterId: number): Promise<number> {
    const { bounds, missed } = await replayFrom(db, afterId, topics, maxReplay + 1);
    for (const topic of topics) replayedThrough.set(topic, bounds.latest);
    const latest = String(bounds.latest);
    if (afterId < bounds.prunedThrough) {
      outbox.reset(`events after ${afterId} are past the retention and gone; reload`, latest);
    } else if (afterId > bounds.latest) {
      outbox.reset(`event ${afterId} is unknown here; reload`, latest);
    } else if (missed.length > maxReplay) {
      outbox.reset(`more than ${maxReplay} events were missed; reload`, latest);
    } else {
      for (const event of missed) outbox.event(event);
      return missed.length;
    }
    return 0;
  }

  return {
    async subscribe(topics, lastEventId) {
      if (lastEventId === undefined) {
        add(topics);
        return { replayed: 0 };
      }
      held = [];
      const fresh = add(topics);
      let replayed = 0;
      try {
        if (fresh.length > 0) replayed = await replay(fresh, lastEventId);
      } finally {
        const waiting = held;
        held = undefined;
        for (const event of waiting) if (isNew(event)) outbox.event(event);
      }
      return { replayed };
    },
    unsubscribe(topics) {
      return topics.filter((topic) => {
        const unsubscribe = subscriptions.get(topic);
        unsubscribe?.();
        replayedThrough.delete(topic);
        return subscriptions.delete(topic);
      });
    },
    get size() {
      return subscriptions.size;
    },
    topics: () => [...subscriptions.keys()],
    close() {
      closed = true;
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    },
  };
}
