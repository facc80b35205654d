import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Principal } from '../identity/authenticate.ts';
import type { StreamConnection, StreamContext } from './connection.ts';
import { parseLastEventId } from './connection.ts';
import type { DropReason } from './metrics.ts';
import type { PublishedEvent } from './publish.ts';
import { createStreamSession } from './session.ts';

const transport = { transport: 'websocket' } as const;

/**
 * An event as a whole WebSocket text frame (header and JSON), framed once however many clients
 * receive it, and written to each client's TCP socket as one buffer: a fan-out to thousands of
 * clients costs one write each, instead of ws framing the message again per client and writing
 * header and payload separately. Server frames are not masked, so every client gets the same
 * bytes.
 */
const frames = new WeakMap<PublishedEvent, Buffer>();
function eventFrame(event: PublishedEvent): Buffer {
  let frame = frames.get(event);
  if (!frame) {
    const { id, topic, type, data, at } = event;
    frame = textFrame(
      Buffer.from(JSON.stringify({ type: 'event', id, topic, event: type, data, at })),
    );
    frames.set(event, frame);
  }
  return frame;
}

/** A final, unmasked text frame (RFC 6455 §5.2): FIN + opcode 1, then the payload length. */
function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const header = Buffer.alloc(length < 126 ? 2 : length < 65_536 ? 4 : 10);
  header[0] = 0x81;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

type ClientMessage = { type: 'subscribe' | 'unsubscribe'; topics: string[]; lastEventId?: number };

/**
 * Serves one authenticated WebSocket: client messages are handled one at a time, in order; every
 * refusal is an `error` message and the connection stays, except for a client that cannot keep
 * up (1013), does not answer pings, stays idle (1008) or sends a frame over the hard limit (1009).
 */
export function serveWebSocket(
  socket: WebSocket,
  tcp: Socket,
  principal: Principal,
  context: StreamContext,
): StreamConnection {
  const { limits, metrics, log } = context;
  // Bound once: a send is the hot path, and labelling costs a lookup per call.
  const sent = metrics.messagesSent.labels(transport);
  const userId = principal.user.id;
  let alive = true;
  let cut = false;
  let lastActive = Date.now();
  let handling: Promise<void> = Promise.resolve();
  metrics.connections.inc(transport);

  /** Sends a message: JSON text through ws, or a whole frame (`eventFrame`) as it is. */
  function send(data: string | Buffer): void {
    if (cut || socket.readyState !== socket.OPEN) return;
    if (typeof data === 'string') socket.send(data);
    else tcp.write(data);
    sent.inc();
    // What the TCP socket holds unsent: ws writes to it at once (no compression).
    if (tcp.writableLength > limits.sendBufferBytes) {
      drop('slow', 1013, `send buffer over ${limits.sendBufferBytes} bytes: client too slow`);
    }
  }

  function drop(reason: DropReason, code: number, text: string): void {
    if (cut) return;
    cut = true;
    session.close();
    metrics.drops.inc({ ...transport, reason });
    log.info({ userId, reason }, 'stream connection cut');
    socket.close(code, text);
    // A client that does not read will not answer the close either.
    setTimeout(() => socket.terminate(), limits.closeGraceMs).unref();
  }

  const refuse = (reason: string, topic?: string) =>
    send(JSON.stringify(topic ? { type: 'error', reason, topic } : { type: 'error', reason }));

  const session = createStreamSession(context.events, context.db, {
    event: (event) => send(eventFrame(event)),
    reset: (reason, lastEventId) =>
      send(JSON.stringify({ type: 'reset', reason, last_event_id: lastEventId })),
    overflow: () => drop('slow', 1013, 'events arrive faster than the client reads'),
  });

  async function subscribe(topics: string[], lastEventId?: number): Promise<void> {
    const allowed: string[] = [];
    for (const topic of topics) {
      const refusal = await context.checkTopic(userId, topic);
      if (refusal) refuse(refusal.reason, topic);
      else allowed.push(topic);
    }
    const room = limits.maxTopics - session.size;
    for (const topic of allowed.slice(Math.max(room, 0))) {
      refuse(`a connection holds at most ${limits.maxTopics} topics`, topic);
    }
    const accepted = allowed.slice(0, Math.max(room, 0));
    if (accepted.length === 0 || cut) return;
    const { replayed } = await session.subscribe(accepted, lastEventId);
    send(JSON.stringify({ type: 'subscribed', topics: accepted, replayed }));
  }

  async function handle(data: Buffer, isBinary: boolean): Promise<void> {
    if (isBinary) return refuse('binary frames are not accepted; send JSON text');
    if (data.length > limits.maxMessageBytes) {
      return refuse(`a message is at most ${limits.maxMessageBytes} bytes (got ${data.length})`);
    }
    const message = parseClientMessage(data.toString('utf8'), limits.maxTopics);
    if (message instanceof Error) return refuse(message.message);
    if (message.type === 'subscribe') return subscribe(message.topics, message.lastEventId);
    const removed = session.unsubscribe(message.topics);
    send(JSON.stringify({ type: 'unsubscribed', topics: removed }));
  }

  socket.on('message', (data: Buffer, isBinary) => {
    lastActive = Date.now();
    handling = handling
      .then(() => handle(data, isBinary))
      .catch((error) => {
        log.error({ err: error, userId }, 'stream message failed');
        refuse('the server could not handle that message; try again');
      });
  });
  socket.on('pong', () => {
    alive = true;
  });
  socket.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      metrics.drops.inc({ ...transport, reason: 'oversized' });
    }
    log.info({ err: error, userId }, 'stream connection error');
  });
  socket.on('close', () => {
    cut = true;
    session.close();
    metrics.connections.dec(transport);
  });

  return {
    principal,
    topics: () => session.topics(),
    heartbeat(now) {
      if (cut) return;
      if (!alive) return drop('unresponsive', 1001, 'no pong: the connection seems dead');
      if (session.size === 0 && now - lastActive > limits.idleMs) {
        return drop('idle', 1008, `idle: no subscription for ${limits.idleMs / 1000} s`);
      }
      alive = false;
      socket.ping();
    },
    lose(topic, reason) {
      if (session.unsubscribe([topic]).length > 0) refuse(reason, topic);
    },
    revoke(reason) {
      drop('revoked', 1008, reason);
    },
    shutdown() {
      cut = true;
      socket.close(1001, 'server shutting down; reconnect');
      // The drain must not wait on a client that never answers the close.
      setTimeout(() => socket.terminate(), limits.closeGraceMs).unref();
    },
  };
}

/** Checks a client message's shape, with a reason a client writer can act on. */
function parseClientMessage(text: string, maxTopics: number): ClientMessage | Error {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return new Error(`malformed JSON: ${(error as Error).message}`);
  }
  const { type, topics, last_event_id } = (message ?? {}) as Record<string, unknown>;
  if (type !== 'subscribe' && type !== 'unsubscribe') {
    return new Error('a message is {"type":"subscribe"|"unsubscribe","topics":[...]}');
  }
  if (
    !Array.isArray(topics) ||
    topics.length === 0 ||
    topics.length > maxTopics ||
    !topics.every((topic) => typeof topic === 'string')
  ) {
    return new Error(`"topics" must be an array of 1 to ${maxTopics} topic strings`);
  }
  const lastEventId = parseLastEventId(last_event_id);
  if (lastEventId instanceof Error) return lastEventId;
  if (lastEventId !== undefined && type === 'unsubscribe') {
    return new Error('"last_event_id" belongs on subscribe');
  }
  return { type, topics: [...new Set(topics as string[])], lastEventId };
}
