import { Counter, Gauge, type Registry } from 'prom-client';

export type Transport = 'websocket' | 'sse';
/** Why the server cut a connection. */
export type DropReason = 'slow' | 'unresponsive' | 'idle' | 'oversized' | 'revoked';

export interface StreamMetrics {
  connections: Gauge<'transport'>;
  messagesSent: Counter<'transport'>;
  drops: Counter<'transport' | 'reason'>;
}

/** The gateway's series in the core registry (served on /metrics). */
export function createStreamMetrics(registry: Registry): StreamMetrics {
  return {
    connections: new Gauge({
      name: 'meridian_stream_connections',
      help: 'Open stream connections by transport',
      labelNames: ['transport'],
      registers: [registry],
    }),
    messagesSent: new Counter({
      name: 'meridian_stream_messages_sent_total',
      help: 'Events, resets and errors sent to stream clients, by transport',
      labelNames: ['transport'],
      registers: [registry],
    }),
    drops: new Counter({
      name: 'meridian_stream_drops_total',
      help: 'Stream connections the server cut, by transport and reason',
      labelNames: ['transport', 'reason'],
      registers: [registry],
    }),
  };
}
