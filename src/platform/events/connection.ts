import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Principal } from '../identity/authenticate.ts';
import type { StreamMetrics } from './metrics.ts';
import type { Events } from './publish.ts';
import type { TopicCheck } from './topics.ts';

/** Per-connection limits of the gateway (defaults in `gateway.ts`, two from the config). */
export interface StreamLimits {
  /** Bytes queued for a client beyond which it is cut off as too slow. */
  sendBufferBytes: number;
  /** Ping (WebSocket) or comment (SSE) interval; a WebSocket that missed one pong is cut. */
  heartbeatMs: number;
  /** A WebSocket subscribed to nothing for this long is closed. */
  idleMs: number;
  /** Topics one connection may hold. */
  maxTopics: number;
  /** A client message above this is refused with an error; the connection stays. */
  maxMessageBytes: number;
  /** A WebSocket frame above this closes the connection (1009): it is not even read. */
  maxFrameBytes: number;
  /** After a close frame, the time a client has to answer before its socket is destroyed. */
  closeGraceMs: number;
  /** How often the gateway authorises open connections again (`recheckAccess` in gateway.ts). */
  recheckMs: number;
}

/** What every stream connection needs from the gateway. */
export interface StreamContext {
  events: Events;
  db: Db;
  log: Logger;
  metrics: StreamMetrics;
  limits: StreamLimits;
  checkTopic: TopicCheck;
}

/** An open connection as the gateway's heartbeat, access checks and shutdown see it. */
export interface StreamConnection {
  readonly principal: Principal;
  /** The topics it receives now. */
  topics(): string[];
  heartbeat(now: number): void;
  /** Its user may no longer see `topic`: stop sending it, and say why. */
  lose(topic: string, reason: string): void;
  /** Its token is no longer valid: tell the client why and close. */
  revoke(reason: string): void;
  /** The process is stopping: tell the client, who reconnects elsewhere. */
  shutdown(): void;
}

/** A `last_event_id` or `Last-Event-ID` as a number, or a reason it is not one. */
export function parseLastEventId(value: unknown): number | undefined | Error {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  if (!/^\d{1,15}$/.test(text))
    return new Error(`last event id "${text.slice(0, 40)}" is not an event id`);
  return Number(text);
}
