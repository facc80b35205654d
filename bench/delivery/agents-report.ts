// The idle-agents benchmark's table and its section of docs/benchmarks.md: Meridian's memory
// per waiting long poll beside a bare node:http server's per held request.
import { briefNodes, type RunContext } from './report.ts';

/** A server's memory, read after a full collection. */
export interface MemorySample {
  /** Resident set, bytes. */
  rss: number;
  /** V8 heap in use, bytes. */
  heap: number;
}

export interface IdleFigures {
  requests: number;
  before: MemorySample;
  held: MemorySample;
  /** From the first request sent to the reading while they were held. */
  heldSeconds: number;
}

export interface IdleResults {
  meridian: IdleFigures[];
  bare: IdleFigures[];
}

const n = (value: number) => value.toLocaleString('en');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const each = (f: IdleFigures, field: keyof MemorySample) =>
  (f.held[field] - f.before[field]) / f.requests;

function row(server: string, f: IdleFigures): string {
  return [
    n(f.requests),
    server,
    `${mb(f.before.rss)} → ${mb(f.held.rss)}`,
    kib(each(f, 'rss')),
    `${mb(f.before.heap)} → ${mb(f.held.heap)}`,
    kib(each(f, 'heap')),
    f.heldSeconds.toFixed(0),
  ].join(' | ');
}

export function renderTable(r: IdleResults): string {
  return [
    '| idle requests | server | RSS MB, before → held | RSS KiB per request | V8 heap in use MB, before → held | heap KiB per request | s from the first sent to the reading |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.meridian.flatMap((meridian, i) => {
      const bare = r.bare[i];
      return [
        `| ${row("Meridian, agents' long polls", meridian)} |`,
        ...(bare ? [`| ${row('bare node:http, held requests', bare)} |`] : []),
      ];
    }),
  ].join('\n');
}

export interface Context extends RunContext {
  descriptorLimit: number;
  waitSeconds: number;
  warmUp: number;
  agentsPerService: number;
  lanes: number;
}

export function renderSection(r: IdleResults, c: Context): string {
  const largest = r.meridian.at(-1);
  const bare = r.bare.at(-1);
  const summary =
    largest && bare
      ? `At ${n(largest.requests)} idle agents Meridian held ${kib(each(largest, 'rss'))} KiB of resident memory per
agent (${kib(each(largest, 'heap'))} KiB of it V8 heap), bare node:http ${kib(each(bare, 'rss'))} KiB (${kib(each(bare, 'heap'))} KiB) per held request.
The brief's ${n(briefNodes)} nodes, all in pull mode, would hold about
${((each(largest, 'rss') * briefNodes) / 1e9).toFixed(0)} GB over the Meridian processes their agents poll. The smaller count's RSS
moves with the allocator's growth steps; the larger one is the figure.`
      : '';
  return `## Delivery: idle agents (\`bench/delivery-agents.ts\`)

${c.machine}; revision ${c.revision}; 1-minute load average ${c.loadBefore} at the start;
\`ulimit -Hn\` ${c.descriptorLimit}.

${renderTable(r)}

${summary}

How each figure is made, in one run on ${c.database}:

- The agents: pull services of static metadata (a lifetime of a day, so that no node is due
  again during the run) of ${c.agentsPerService} nodes each and a join token each, made through the API; each
  agent joins through \`POST /v1/delivery/agent/join\`, fetches its node's first version
  (\`GET …/metadata?version=0\`) and acknowledges it (\`POST …/ack\`), as \`meridian agent\` does,
  ${c.lanes} at a time.
- For each count, a fresh \`meridian serve\` on that data (\`LOG_LEVEL=warn\`, Node's inspector
  on a loopback port), then a fresh bare node:http server (bench/delivery/idle-server.ts, which
  keeps each response to answer later), each getting the same requests: every agent's long
  poll, \`GET /v1/delivery/agent/metadata?version=<acknowledged>&wait=${c.waitSeconds}\` with its
  credential, each on its own connection from the benchmark's process (node:http), opened 200
  at a time. Meridian finds nothing newer and waits.
- Memory: the server's resident set (/proc) and V8 heap in use (the inspector's
  \`Runtime.getHeapUsage\`), each read after a full collection (\`HeapProfiler.collectGarbage\`):
  once after ${c.warmUp} requests were held and closed (the path compiled, its pools grown), once
  when the server holds them all (as many more descriptors open, then under 5 % of a core for
  2 s); the difference divided by their number. Kernel socket buffers are not in it. No request
  may be answered before the reading (the poll's wait is ${c.waitSeconds} s at most): the run fails if
  one is.

Rerun with \`npm run bench:delivery-agents\` (BENCH_AGENTS, default \`1000,10000\`;
BENCH_DATABASE_URL for a running PostgreSQL); it rewrites this section.`;
}
