import { beforeAll, expect, it } from 'vitest';
import { type NodeRecord, type NodeSimulator, startNodeSimulator } from './node-simulator.ts';

// The simulator's flapping nodes and its `GET /nodes` record, without Meridian: static pushes
// (no certificate to check) sent at chosen times of the simulator's clock.

let simulator: NodeSimulator;
let clock = 0;

beforeAll(async () => {
  simulator = await startNodeSimulator({ now: () => clock });
  return () => simulator.close();
});

/** Pushes a static version to `node` at `at`; whether the node acknowledged it. */
async function pushAt(node: string, at: number, version: number): Promise<boolean> {
  clock = at;
  try {
    const response = await fetch(`${simulator.url}/nodes/${node}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ version, node, kind: 'static' }),
    });
    return response.status === 200;
  } catch {
    return false; // down: the connection was reset
  }
}

it('has a flapping node down, then up, for its periods in turn', async () => {
  simulator.set('flappy', { downMs: 3_000, upMs: 1_000 });
  const acknowledgedAt: number[] = [];
  for (let at = 0; at < 8_000; at += 500) {
    if (await pushAt('flappy', at, at / 500)) acknowledgedAt.push(at);
  }
  // Two cycles of 4 s, a push every 0.5 s: each cycle, two pushes in the up second, 0.5 s apart.
  expect(acknowledgedAt).toHaveLength(4);
  const inCycle = [...new Set(acknowledgedAt.map((at) => at % 4_000))].sort((a, b) => a - b);
  expect(inCycle).toHaveLength(2);
  expect([500, 3_500]).toContain((inCycle[1] as number) - (inCycle[0] as number));
});

it('answers every node record on GET /nodes', async () => {
  await pushAt('steady', 0, 1);
  const records = (await (await fetch(`${simulator.url}/nodes`)).json()) as NodeRecord[];
  const byName = new Map(records.map((record) => [record.name, record]));
  expect(byName.get('steady')).toMatchObject({
    behaviour: 'ack',
    history: [{ version: 1, answer: 'ack' }],
  });
  expect(byName.get('flappy')?.behaviour).toEqual({ downMs: 3_000, upMs: 1_000 });
  expect(byName.get('flappy')?.history.filter((got) => got.answer === 'ack')).toHaveLength(4);
});
