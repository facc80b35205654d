import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { createListener } from '../db/listener.ts';
import { defineService, type Service } from '../service.ts';
import { type Events, type PublishedEvent, publishEvent, publishEvents } from './publish.ts';
import { eventsAfter, findEvent, latestEventId } from './store.ts';

/** The channel `publish_events` notifies on. */
const channel = 'meridian_events';
/** Rows read per query when catching up after a lost LISTEN connection. */
const catchUpBatch = 1_000;

/** Started, it LISTENs: from then on, events committed anywhere reach this process's subscribers. */
export interface EventBus extends Events, Service {}

type Subscriber = (event: PublishedEvent) => void;

/**
 * The process's one LISTEN connection and its local subscribers. Notifications arrive in commit
 * order, which is id order, and are handled one after another so that an event read from the
 * table (too big for NOTIFY) cannot be overtaken by a later one. After a lost connection the
 * events committed meanwhile are read from the log, so subscribers see no gap.
 */
export function createEventBus(options: { db: Db; url: string; log: Logger }): EventBus {
  const { db, log } = options;
  const subscribers = new Map<string, Set<Subscriber>>();
  let lastId = 0;
  let queue: Promise<void> = Promise.resolve();

  function dispatch(event: PublishedEvent): void {
    const id = Number(event.id);
    if (id <= lastId) return; // already seen: a catch-up read it before its notification
    lastId = id;
    for (const subscriber of subscribers.get(event.topic) ?? []) {
      try {
        subscriber(event);
      } catch (error) {
        log.error({ err: error, topic: event.topic }, 'event subscriber failed');
      }
    }
  }

  async function receive(payload: string): Promise<void> {
    const message = JSON.parse(payload) as PublishedEvent & { stored?: true };
    if (!message.stored) return dispatch({ ...message, at: new Date(message.at).toISOString() });
    const event = await findEvent(db, Number(message.id));
    // Gone only if pruned already; the retention is hours, so this is a process hours behind.
    if (event) dispatch(event);
    else log.warn({ id: message.id }, 'event pruned before it was delivered');
  }

  async function catchUp(): Promise<void> {
    for (;;) {
      const missed = await eventsAfter(db, lastId, catchUpBatch);
      for (const event of missed) dispatch(event);
      if (missed.length < catchUpBatch) return;
    }
  }

  /** One at a time, in arrival order; a failure is logged and the next one still runs. */
  function enqueue(work: () => Promise<void>): void {
    queue = queue.then(work).catch((error) => log.error({ err: error }, 'event delivery failed'));
  }

  const listener = createListener(
    options.url,
    [channel],
    {
      onNotify: (_channel, payload) => enqueue(() => receive(payload)),
      onReconnect: () => enqueue(catchUp),
    },
    log,
  );

  const service = defineService('events.bus', {
    async start() {
      await listener.start();
      lastId = Math.max(lastId, await latestEventId(db));
    },
    async stop() {
      await listener.stop();
      await queue;
    },
  });

  return {
    ...service,
    publish: publishEvent,
    publishMany: publishEvents,
    subscribe(topics, onEvent) {
      for (const topic of topics) {
        const set = subscribers.get(topic) ?? new Set();
        set.add(onEvent);
        subscribers.set(topic, set);
      }
      return () => {
        for (const topic of topics) {
          const set = subscribers.get(topic);
          set?.delete(onEvent);
          if (set?.size === 0) subscribers.delete(topic);
        }
      };
    },
  };
}
