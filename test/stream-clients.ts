import { once } from 'node:events';
import WebSocket from 'ws';

/** A message the server sent on a stream WebSocket. */
export type StreamMessage = Record<string, any> & { type: string };

/**
 * A real WebSocket client for `/v1/stream` that keeps every message, so a test can wait for the
 * next one that matches instead of sleeping.
 */
export interface StreamClient {
  ws: WebSocket;
  messages: StreamMessage[];
  /** The first message after those already taken that matches; taken. */
  next(match?: (message: StreamMessage) => boolean): Promise<StreamMessage>;
  send(message: unknown): void;
  /** Sends subscribe and waits for its `subscribed` (or the first `error`). */
  subscribe(topics: string[], lastEventId?: string): Promise<StreamMessage>;
  closed: Promise<{ code: number; reason: string }>;
}

export async function openStream(
  baseUrl: string,
  auth: { token?: string; ticket?: string },
  options: WebSocket.ClientOptions = {},
): Promise<StreamClient> {
  const url = new URL('/v1/stream', baseUrl.replace(/^http/, 'ws'));
  if (auth.ticket) url.searchParams.set('ticket', auth.ticket);
  const headers = auth.token ? { authorization: `Bearer ${auth.token}` } : undefined;
  const ws = new WebSocket(url, { headers, ...options });
  const messages: StreamMessage[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const wake of waiters) wake();
  });
  const closed = once(ws, 'close').then(([code, reason]) => ({
    code: code as number,
    reason: String(reason),
  }));
  await once(ws, 'open');

  function next(match: (message: StreamMessage) => boolean = () => true) {
    return new Promise<StreamMessage>((resolve, reject) => {
      const look = () => {
        while (taken < messages.length) {
          const message = messages[taken++] as StreamMessage;
          if (match(message)) {
            waiters.delete(look);
            return resolve(message);
          }
        }
      };
      waiters.add(look);
      closed.then((how) => reject(new Error(`closed ${how.code} ${how.reason}`)));
      look();
    });
  }

  const send = (message: unknown) =>
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  return {
    ws,
    messages,
    next,
    send,
    subscribe(topics, lastEventId) {
      send({ type: 'subscribe', topics, ...(lastEventId ? { last_event_id: lastEventId } : {}) });
      return next((m) => m.type === 'subscribed' || m.type === 'error');
    },
    closed,
  };
}

/** Opens a WebSocket that should be refused at the upgrade: the status and the problem body. */
export async function refusedUpgrade(
  baseUrl: string,
  options: { headers?: Record<string, string>; ticket?: string } = {},
) {
  const url = new URL('/v1/stream', baseUrl.replace(/^http/, 'ws'));
  if (options.ticket) url.searchParams.set('ticket', options.ticket);
  const ws = new WebSocket(url, { headers: options.headers });
  ws.on('error', () => {}); // the refusal is what is tested
  const [, response] = await once(ws, 'unexpected-response');
  let body = '';
  for await (const chunk of response) body += chunk;
  response.destroy();
  return {
    status: response.statusCode as number,
    type: response.headers['content-type'],
    body: JSON.parse(body),
  };
}
