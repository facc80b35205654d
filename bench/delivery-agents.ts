// Memory per idle agent (issue 14): what Meridian holds for each agent whose long poll waits,
// beside a bare node:http server holding as many requests. Agents join a pull service through
// the agent API and acknowledge their first version (bench/delivery/agents.ts); then, for each
// count of BENCH_AGENTS (default 1,000 and 10,000), a fresh `meridian serve` on that data gets
// that many polls (`version` the one acknowledged, `wait=60`: nothing newer, so each waits),
// sent from this process one per connection, and its resident memory and V8 heap are read
// before and while they wait, each after a full collection (bench/delivery/process-memory.ts).
// The bare server gets the same requests. Run: `npm run bench:delivery-agents`; progress on
// stderr; prints the table and rewrites the "Delivery: idle agents" section of
// docs/benchmarks.md. A smoke run: BENCH_AGENTS=100,500.

import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentsPerService, type JoinedAgent, joinAgents, lanes } from './delivery/agents.ts';
import {
  type IdleFigures,
  type IdleResults,
  type MemorySample,
  renderSection,
  renderTable,
} from './delivery/agents-report.ts';
import { type IdleRequest, openIdleRequests } from './delivery/idle-requests.ts';
import {
  connectInspector,
  type Inspector,
  inspectable,
  openDescriptors,
  residentBytes,
} from './delivery/process-memory.ts';
import { freshDatabase } from './inventory/setup.ts';
import { recordSection } from './results.ts';
import { measureCpu } from './scheduler/cpu.ts';
import {
  databaseUrl,
  freshDatabaseLabel,
  loadAverage,
  machine,
  revisionOf,
  start,
  startMeridian,
  stop,
  waitUntilUp,
  withBenchDir,
} from './servers.ts';
import { progress } from './social/measures.ts';

const counts = (process.env.BENCH_AGENTS ?? '1000,10000').split(',').map(Number);
const [port, barePort] = [3931, 3932];
/** The poll's longest wait (PollQuery's maximum): every reading must fall within it. */
const waitSeconds = 60;
/** Requests opened and closed before the first reading: the path compiled, its pools grown. */
const warmUp = 100;

/** Each idle request is a descriptor here and one in the server. */
function checkDescriptorLimit(): number {
  const hard = Number(execFileSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim());
  const needed = Math.max(...counts) + 1000;
  if (Number.isFinite(hard) && hard < needed) {
    throw new Error(`ulimit -Hn is ${hard}; ${needed} descriptors are needed (BENCH_AGENTS)`);
  }
  return hard;
}

/** A server process to measure, started with its inspector. */
interface Server {
  child: ChildProcess;
  url: string;
  logFile: string;
}

/** A fresh `meridian serve` on the agents' data. */
async function startMeridianServer(dir: string, env: Record<string, string>): Promise<Server> {
  const meridian = await startMeridian(dir, port, { ...env, ...inspectable });
  return { child: meridian.child, url: meridian.url, logFile: meridian.logFile };
}

/** A fresh bench/delivery/idle-server.ts. */
async function startBareServer(dir: string): Promise<Server> {
  const logFile = path.join(dir, 'bare.log');
  const child = start(['bench/delivery/idle-server.ts', `${barePort}`], inspectable, logFile);
  const url = `http://127.0.0.1:${barePort}`;
  await waitUntilUp(`${url}/healthz`, child, logFile);
  return { child, url, logFile };
}

/** Waits until the process uses under 5 % of a core for two seconds in a row. */
async function settle(pid: number): Promise<void> {
  for (let quiet = 0, tries = 0; quiet < 2; tries++) {
    if (tries === 60) throw new Error(`process ${pid} stayed busy for a minute`);
    const cpu = measureCpu(() => ({ server: { roots: [pid], alone: true } }));
    await sleep(1000);
    quiet = (cpu.end().groups.server ?? 0) < 0.05 ? quiet + 1 : 0;
  }
}

async function sample(pid: number, inspector: Inspector): Promise<MemorySample> {
  await inspector.collectGarbage();
  return { rss: residentBytes(pid), heap: await inspector.heapUsed() };
}

/** Opens `requests` (each idle on the server), waits until the server holds them all. */
async function hold(pid: number, url: string, requests: IdleRequest[]) {
  const descriptors = openDescriptors(pid);
  const idle = await openIdleRequests(url, requests);
  const deadline = performance.now() + waitSeconds * 1000;
  while (openDescriptors(pid) < descriptors + requests.length && idle.failed() === 0) {
    if (performance.now() > deadline)
      throw new Error('the server did not accept every connection in time');
    await sleep(200);
  }
  await settle(pid);
  return idle;
}

/**
 * The server's memory before `requests` and while it holds them, each after a collection;
 * the server is stopped afterwards.
 */
async function measureIdle(server: Server, requests: IdleRequest[]): Promise<IdleFigures> {
  const pid = server.child.pid ?? 0;
  const inspector = await connectInspector(server.logFile);
  try {
    (await hold(pid, server.url, requests.slice(0, warmUp))).close();
    await settle(pid);
    const before = await sample(pid, inspector);
    const opened = performance.now();
    const idle = await hold(pid, server.url, requests);
    const held = await sample(pid, inspector);
    const heldSeconds = (performance.now() - opened) / 1000;
    const [answered, failed] = [idle.answered(), idle.failed()];
    idle.close();
    if (answered > 0 || failed > 0) {
      throw new Error(
        `${answered} requests answered and ${failed} failed before the reading (${heldSeconds.toFixed(0)} s after the first was sent): not idle`,
      );
    }
    return { requests: requests.length, before, held, heldSeconds };
  } finally {
    inspector.close();
    await stop(server.child);
  }
}

const poll = (agent: JoinedAgent): IdleRequest => ({
  path: `/v1/delivery/agent/metadata?version=${agent.version}&wait=${waitSeconds}`,
  headers: { authorization: `Bearer ${agent.credential}`, 'user-agent': 'meridian-agent' },
});

async function main(dir: string): Promise<void> {
  const descriptorLimit = checkDescriptorLimit();
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const fresh = databaseUrl ? await freshDatabase(databaseUrl, 'delivery_agents') : undefined;
  const env = {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
    ...(fresh ? { DATABASE_URL: fresh.url } : {}),
  };
  const results: IdleResults = { meridian: [], bare: [] };
  try {
    const total = Math.max(...counts);
    progress(`joining ${total.toLocaleString('en')} agents through the agent API…`);
    const setup = await startMeridian(dir, port, env);
    const started = performance.now();
    const agents = await joinAgents(setup.url, total, progress).finally(() => stop(setup.child));
    progress(`  in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const polls = agents.map(poll);
    for (const count of counts) {
      progress(`${count.toLocaleString('en')} idle polls: Meridian…`);
      const meridian = await startMeridianServer(dir, env);
      results.meridian.push(await measureIdle(meridian, polls.slice(0, count)));
      progress(`${count.toLocaleString('en')} idle requests: bare node:http…`);
      results.bare.push(await measureIdle(await startBareServer(dir), polls.slice(0, count)));
    }
  } finally {
    await fresh?.drop();
  }
  console.log(`\n${renderTable(results)}\n`);
  await recordSection(
    'delivery-agents',
    renderSection(results, {
      machine: await machine(),
      revision,
      loadBefore,
      database: freshDatabaseLabel,
      descriptorLimit,
      waitSeconds,
      warmUp,
      agentsPerService,
      lanes,
    }),
  );
}

await withBenchDir(main);
