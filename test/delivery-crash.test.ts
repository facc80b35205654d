import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import { apiClient, createTestDatabase, signUp, silentLog } from './helpers.ts';
import { type NodeSimulator, startNodeSimulator } from './node-simulator.ts';
import { killLeftovers, type MeridianProcess, startMeridian } from './processes.ts';

// A Meridian killed (SIGKILL) in the middle of delivering to a fleet loses no delivery: its
// push jobs come back when their lease ends and another Meridian on the same database runs
// them, each node keeping its slot; every node ends acknowledged with a certificate it checked.

let database: Database;
let simulator: NodeSimulator;
let env: Record<string, string>;
const processes: MeridianProcess[] = [];
const fleetSize = 200;
const poll = { timeout: 45_000, interval: 200 };

beforeAll(async () => {
  env = {
    DATABASE_URL: await createTestDatabase(),
    DATABASE_POOL_SIZE: '6',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'info',
    DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
    OUTBOUND_ALLOW_PRIVATE: 'true',
    DELIVERY_SCAN_MS: '200',
    // A killed worker's jobs go back to the queue within seconds.
    JOB_LEASE_SECONDS: '3',
  };
  database = connectDatabase(env.DATABASE_URL as string, 2, silentLog);
});

afterAll(async () => {
  for (const meridian of processes) {
    if (meridian.child.exitCode === null && meridian.child.signalCode === null) {
      meridian.child.kill('SIGTERM');
    }
    await meridian.exited;
  }
  await killLeftovers();
  await simulator?.close();
  await database?.close();
});

async function nodeStates(serviceId: string) {
  const { rows } = await sql<{ name: string; state: string; current_version: number | null }>`
    SELECT name, state, current_version FROM delivery_nodes WHERE service_id = ${serviceId}`.execute(
    database.db,
  );
  return rows;
}

it('loses no delivery when a Meridian is killed mid-run', { timeout: 60_000 }, async () => {
  const doomed = await startMeridian(env);
  processes.push(doomed);
  const api = apiClient(doomed.url);
  const owner = await signUp(api, 'owner');
  const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
  simulator = await startNodeSimulator({
    authority: { meridianUrl: doomed.url, orgId: org.body.id, token: owner.token },
  });
  // Slow nodes: deliveries are in flight, not done, when the process dies.
  simulator.setFraction(1, { slowMs: 300 });
  const service = await api('POST', '/v1/delivery/services', {
    token: owner.token,
    body: {
      org_id: org.body.id,
      name: 'payments',
      kind: 'certificate',
      lifetime_minutes: 60,
      concurrency: 32,
      push_url_template: simulator.template,
    },
  });
  expect(service.status, JSON.stringify(service.body)).toBe(201);
  const nodes = Array.from({ length: fleetSize }, (_, i) => `node-${i}`);
  for (let i = 0; i < nodes.length; i += 25) {
    await Promise.all(
      nodes.slice(i, i + 25).map(async (name) => {
        const registered = await api('POST', `/v1/delivery/services/${service.body.id}/nodes`, {
          token: owner.token,
          body: { name },
        });
        expect(registered.status).toBe(201);
      }),
    );
  }
  await expect.poll(() => simulator.summary().acknowledged, poll).toBeGreaterThanOrEqual(20);
  doomed.child.kill('SIGKILL');
  await doomed.exited;
  const atKill = await nodeStates(service.body.id);
  const unfinished = atKill.filter((node) => node.state !== 'acknowledged').length;
  expect(unfinished).toBeGreaterThan(0);

  processes.push(await startMeridian(env));
  await expect
    .poll(async () => {
      const states = await nodeStates(service.body.id);
      return states.filter((node) => node.state === 'acknowledged').length;
    }, poll)
    .toBe(fleetSize);
  const serials = new Set<string>();
  for (const node of await nodeStates(service.body.id)) {
    const history = simulator.history(node.name);
    const last = history.at(-1);
    // What Meridian recorded is what the node last checked and acknowledged.
    expect(last, node.name).toMatchObject({ answer: 'ack', version: node.current_version });
    serials.add(last?.serial as string);
  }
  expect(serials.size).toBe(fleetSize);
  // Deliveries cut by the kill were sent again, as a new version.
  const sentTwice = nodes.filter((name) => simulator.history(name).length > 1);
  expect(sentTwice.length).toBeGreaterThan(0);
});
