import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { createListener } from '../db/listener.ts';
import { defineService, type Service } from '../service.ts';
import { onlineAmong } from './presence.ts';
import {
  checkedJson,
  type Events,
  type PublishedEvent,
  publishEvent,
  publishEvents,
} from './publish.ts';
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
export function createEventBus(options: {
  db: Db;
  url: string;
  log: Logger;
  /** The heartbeat interval of an instance registered without one (presence's liveness). */
  heartbeatMs: number;
}): EventBus {
  const { db, log } = options;
  const subscribers = new Map<string, Set<Subscriber>>();
  const topicsByPrefix = createTopicIndex();
  let lastId = 0;
  let queue: Promise<void> = Promise.resolve();

  function dispatch(event: PublishedEvent): void {
    const id = Number(event.id);
    if (id <= lastId) return; // already seen: a catch-up read it before its notification
    lastId = id;
    handOut(event);
  }

  function handOut(event: PublishedEvent): void {
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
        if (set.size === 0) topicsByPrefix.add(topic);
        set.add(onEvent);
        subscribers.set(topic, set);
      }
      return () => {
        for (const topic of topics) {
          const set = subscribers.get(topic);
          set?.delete(onEvent);
          if (set?.size !== 0) continue;
          subscribers.delete(topic);
          topicsByPrefix.delete(topic);
        }
      };
    },
    deliverLocal(topic, event) {
      checkedJson({ topic, ...event });
      const at = new Date().toISOString();
      handOut({ id: String(lastId), topic, ...event, at, local: true });
    },
    localTopics: (prefix) => topicsByPrefix.of(prefix, () => subscribers.keys()),
    online: (userIds, { tx } = {}) => onlineAmong(tx ?? db, userIds, options.heartbeatMs),
  };
}

/**
 * The subscribed topics by the prefixes asked about: a prefix's set is built by one scan when it
 * is first asked for, then kept as topics gain their first subscriber and lose their last.
 * Modules ask with a few fixed prefixes, so keeping them costs a `startsWith` each per change.
 */
function createTopicIndex() {
  const byPrefix = new Map<string, Set<string>>();
  return {
    add(topic: string) {
      for (const [prefix, topics] of byPrefix) if (topic.startsWith(prefix)) topics.add(topic);
    },
    delete(topic: string) {
      for (const topics of byPrefix.values()) topics.delete(topic);
    },
    of(prefix: string, all: () => Iterable<string>): string[] {
      let topics = byPrefix.get(prefix);
      if (!topics) {
        topics = new Set([...all()].filter((topic) => topic.startsWith(prefix)));
        byPrefix.set(prefix, topics);
      }
      return [...topics];
    },
  };
}
