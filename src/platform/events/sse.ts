import type { FastifyReply } from 'fastify';
import type { Principal } from '../identity/authenticate.ts';
import type { StreamConnection, StreamContext } from './connection.ts';
import type { DropReason } from './metrics.ts';
import type { PublishedEvent } from './publish.ts';
import { createStreamSession } from './session.ts';

const transport = { transport: 'sse' } as const;
/** How long an EventSource waits before it reconnects (it sends Last-Event-ID then). */
const retryMs = 2_000;

/** `id`, `event` (the type) and `data` (JSON), encoded once however many clients receive it. */
const frames = new WeakMap<PublishedEvent, string>();
function eventFrame(event: PublishedEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    const { id, topic, type, data, at } = event;
    frame = `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ topic, type, data, at })}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

/**
 * Serves Server-Sent Events for already authorised `topics`: the replay after `lastEventId`
 * first, then live events. Frames are written straight to the socket; when more than the send
 * buffer is waiting, the client is told why and cut off.
 */
export function serveEventStream(
  reply: FastifyReply,
  principal: Principal,
  topics: string[],
  lastEventId: number | undefined,
  context: StreamContext,
): StreamConnection {
  const { limits, metrics, log } = context;
  // Bound once: a send is the hot path, and labelling costs a lookup per call.
  const sent = metrics.messagesSent.labels(transport);
  const response = reply.raw;
  let cut = false;
  reply.hijack();
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no', // a proxy in front must not hold events back
    'x-request-id': reply.request.id,
  });
  response.write(`retry: ${retryMs}\n\n`);
  metrics.connections.inc(transport);

  function write(frame: string, counted = true): void {
    if (cut || response.destroyed) return;
    response.write(frame);
    if (counted) sent.inc();
    if (response.writableLength > limits.sendBufferBytes) {
      end(`send buffer over ${limits.sendBufferBytes} bytes: client too slow`, 'slow');
    }
  }

  /** Ends the stream with an `error` event saying why. */
  function end(reason: string, kind: DropReason): void {
    if (cut) return;
    metrics.drops.inc({ ...transport, reason: kind });
    log.info({ userId: principal.user.id, reason }, 'stream connection cut');
    response.end(`event: error\ndata: ${JSON.stringify({ reason })}\n\n`);
    cut = true;
    session.close();
    setTimeout(() => response.destroy(), limits.closeGraceMs).unref();
  }

  const session = createStreamSession(context.events, context.db, {
    event: (event) => write(eventFrame(event)),
    reset: (reason, id) =>
      write(`id: ${id}\nevent: reset\ndata: ${JSON.stringify({ reason })}\n\n`),
    overflow: () => end('events arrive faster than the client reads', 'slow'),
  });
  response.on('close', () => {
    cut = true;
    session.close();
    metrics.connections.dec(transport);
  });
  session.subscribe(topics, lastEventId).catch((error) => {
    log.error({ err: error }, 'stream replay failed');
    response.destroy();
  });

  return {
    principal,
    topics: () => session.topics(),
    heartbeat() {
      write(': ping\n\n', false);
    },
    lose(topic, reason) {
      if (session.unsubscribe([topic]).length === 0) return;
      write(`event: error\ndata: ${JSON.stringify({ reason, topic })}\n\n`, false);
      // A stream is opened for its topics: with none left, it ends.
      if (session.size === 0) end('no topic of this stream is yours any more', 'revoked');
    },
    revoke(reason) {
      end(reason, 'revoked');
    },
    shutdown() {
      if (cut) return;
      cut = true;
      response.end(`event: shutdown\ndata: {"reason":"server shutting down; reconnect"}\n\n`);
    },
  };
}
