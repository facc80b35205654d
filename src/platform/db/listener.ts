import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from 'pino';
import { defineService, type Service } from '../service.ts';

const reconnectDelayMs = 1_000;

/**
 * A dedicated connection that LISTENs on `channels` and calls `onNotify` for each notification.
 * When the connection drops (PostgreSQL restarted, network cut) it reconnects by itself and then
 * calls `onReconnect`, because notifications sent meanwhile are lost: callers re-read the state.
 */
export function createListener(
  url: string,
  channels: string[],
  handlers: { onNotify(channel: string, payload: string): void; onReconnect(): void },
  log: Logger,
): Service {
  let client: pg.Client | undefined;
  let stopped = false;
  let connecting: Promise<void> | undefined;

  async function connect(): Promise<void> {
    while (!stopped) {
      const candidate = new pg.Client({
        connectionString: url,
        application_name: 'meridian-listener',
      });
      candidate.on('notification', (message) =>
        handlers.onNotify(message.channel, message.payload ?? ''),
      );
      candidate.on('error', (error) => {
        log.warn({ err: error }, 'listener connection lost; reconnecting');
        reconnect(candidate);
      });
      try {
        await candidate.connect();
        for (const channel of channels)
          await candidate.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        client = candidate;
        return;
      } catch (error) {
        log.warn({ err: error }, 'listener cannot connect; retrying');
        await candidate.end().catch(() => undefined);
        await sleep(reconnectDelayMs);
      }
    }
  }

  function reconnect(broken: pg.Client): void {
    if (stopped || client !== broken) return;
    client = undefined;
    broken.end().catch(() => undefined);
    connecting = connect().then(() => {
      if (!stopped) handlers.onReconnect();
    });
  }

  return defineService(`listener(${channels.join(',')})`, {
    async start() {
      stopped = false;
      connecting = connect();
      await connecting;
    },
    async stop() {
      stopped = true;
      await connecting;
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  });
}
