import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import { killLeftovers, startMeridian } from '../../../test/processes.ts';
import { openStream, type StreamClient } from '../../../test/stream-clients.ts';

// Presence across processes: this test process is one Meridian, `meridian serve` children on
// the same database are others. A user is online while a live process holds a connection of
// theirs: after their last close, after that process stops, or within a heartbeat timeout of it
// being killed, they are not.

const { url, server, databaseUrl } = await startTestServer();
afterAll(killLeftovers);
const api = apiClient(url);
const { events } = server.core;
const { db } = server.core.database;

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
async function connect(baseUrl: string, token: string) {
  const client = await openStream(baseUrl, { token });
  clients.push(client);
  return client;
}
const waitUntil = (check: () => Promise<boolean>) =>
  vi.waitFor(async () => expect(await check()).toBe(true), { timeout: 20_000, interval: 100 });
const isOnline = async (userId: string) => (await events.online([userId])).has(userId);
const presenceRows = async (userId: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM stream_presence
                             WHERE user_id = ${userId}::uuid`.execute(db)
  ).rows[0]?.n;

describe('presence', () => {
  it('says online while a connection is open, offline after the last one closes', async () => {
    const ada = await signUp(api, 'ada');
    const bea = await signUp(api, 'bea');
    expect(await events.online([ada.id, bea.id])).toEqual(new Set());
    const first = await connect(url, ada.token);
    const second = await connect(url, ada.token);
    await waitUntil(() => isOnline(ada.id));
    expect(await events.online([ada.id, bea.id])).toEqual(new Set([ada.id]));
    first.ws.close();
    await first.closed;
    // Bea online means a flush came after that close: Ada, one connection left, stays online.
    await connect(url, bea.token);
    await waitUntil(() => isOnline(bea.id));
    expect(await isOnline(ada.id)).toBe(true);
    second.ws.close();
    await second.closed;
    await waitUntil(async () => !(await isOnline(ada.id)));
    expect(await presenceRows(ada.id)).toBe(0);
  });

  it("clears a stopped process's users at once, and a killed one's within a heartbeat timeout", async () => {
    const cy = await signUp(api, 'cy');
    const env = { DATABASE_URL: databaseUrl, HEARTBEAT_SECONDS: '1' };
    const [stopping, dying] = await Promise.all([startMeridian(env), startMeridian(env)]);
    await connect(stopping.url, cy.token);
    await waitUntil(async () => (await presenceRows(cy.id)) === 1);

    stopping.child.kill('SIGTERM');
    expect(await stopping.exited).toBe(0);
    expect(await presenceRows(cy.id)).toBe(0);
    expect(await isOnline(cy.id)).toBe(false);

    const here = await connect(url, cy.token);
    await connect(dying.url, cy.token);
    await waitUntil(async () => (await presenceRows(cy.id)) === 2);
    here.ws.close();
    await here.closed;
    await waitUntil(async () => (await presenceRows(cy.id)) === 1);
    expect(await isOnline(cy.id)).toBe(true);
    dying.child.kill('SIGKILL');
    await dying.exited;
    // Its row stays, but its heartbeat stops: offline after three missed beats.
    await waitUntil(async () => !(await isOnline(cy.id)));
    expect(await presenceRows(cy.id)).toBe(1);
  });
});
