import { defineConfigSection } from '../config.ts';

/** The event log's retention and the stream gateway's limits (docs/events.md). */
export const eventsConfig = defineConfigSection('events', (env) => ({
  /** Published events are kept this long for clients that reconnect (`Last-Event-ID`). */
  retentionMs: env.integer('EVENT_RETENTION_HOURS', 24, 1, 8_760) * 3_600_000,
  /** A stream client with more than this many bytes waiting to be sent is cut off as too slow. */
  sendBufferBytes: env.integer('STREAM_SEND_BUFFER_BYTES', 1_048_576, 1024, 1 << 30),
  /** Stream keep-alive: pings (a WebSocket that misses one pong is cut) or SSE comments. */
  heartbeatMs: env.integer('STREAM_HEARTBEAT_SECONDS', 30, 1, 3600) * 1000,
  /** How often open streams are checked again: a revoked token ends its streams, a lost topic goes. */
  recheckMs: env.integer('STREAM_RECHECK_SECONDS', 60, 1, 3600) * 1000,
}));
