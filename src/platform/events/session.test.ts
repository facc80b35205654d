import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../../test/module-harness.ts';
import type { Events, PublishedEvent } from './publish.ts';
import { createStreamSession } from './session.ts';
import { eventsAfter } from './store.ts';

const server = await startTestCore();
const { events } = server.core;
const { db } = server.core.database;

describe('stream session', () => {
  it('does not send twice an event whose notification arrives after the replay read it', async () => {
    const topic = 'test:late';
    const { id: lastId } = await events.publish(db, { topic, type: 'seen', data: 1 });
    await events.publish(db, { topic, type: 'missed', data: 2 });
    // Notifications this session is given by hand: under load, after the replay was read.
    const live: ((event: PublishedEvent) => void)[] = [];
    const lateBus: Events = {
      ...events,
      subscribe: (_topics, onEvent) => {
        live.push(onEvent);
        return () => {};
      },
    };
    const sent: PublishedEvent[] = [];
    const session = createStreamSession(lateBus, db, {
      event: (event) => sent.push(event),
      reset: () => expect.unreachable('no reset'),
      overflow: () => expect.unreachable('no overflow'),
    });
    expect(await session.subscribe([topic], Number(lastId))).toEqual({ replayed: 1 });
    await events.publish(db, { topic, type: 'live', data: 3 });
    for (const event of await eventsAfter(db, Number(lastId), 10, [topic])) {
      for (const onEvent of live) onEvent(event);
    }
    expect(sent.map((event) => event.type)).toEqual(['missed', 'live']);
  });
});
