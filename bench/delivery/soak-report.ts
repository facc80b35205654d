// The delivery soak's tables and its section of docs/benchmarks.md: per renewal, the time left
// on the certificate it replaced (steady and flapping nodes apart), expired nodes as the nodes
// saw them and as Meridian did, and how renewals spread over the seconds.
import os from 'node:os';
import type { RunContext } from './report.ts';
import type { NodeGroup, SoakFigures } from './soak-figures.ts';
import type { FleetWatch } from './soak-watch.ts';

export interface SoakResults {
  nodes: number;
  lifetimeMinutes: number;
  soakMinutes: number;
  concurrency: number;
  /** Each flapping node is down for `periodSeconds`, then up for as long, in turn. */
  flapping: { fraction: number; periodSeconds: number };
  /** Seconds after the release: the second Meridian SIGKILLed, then started again (if it was). */
  killedAfter?: number;
  restartedAfter?: number;
  /** From the kill to the restart. */
  restartSeconds: number;
  sampleSeconds: number;
  nodesView: SoakFigures;
  meridianView: Omit<FleetWatch, 'expiredNodes'> & { expiredNodes: number };
  /** Busy cores on average over the soak: the machine's, and per process group. */
  cpu: { machineCores: number; groups: Record<string, number> };
}

const n = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–';
const seconds = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} s` : '–');

function groupRows(r: SoakResults): string[][] {
  const lifetime = r.lifetimeMinutes * 60;
  const left = (value: number) =>
    Number.isFinite(value)
      ? `${seconds(value)} (${((100 * value) / lifetime).toFixed(1)} % of the lifetime)`
      : '–';
  const both = (figure: (group: NodeGroup) => string) => [
    figure(r.nodesView.steady),
    figure(r.nodesView.flapping),
  ];
  return [
    ['nodes pushed to', ...both((g) => n(g.nodes)), ''],
    [
      'nodes with a certificate; the last to get its first, after the release',
      ...both((g) => `${n(g.holding)}; ${seconds(g.lastFirstAfter)}`),
      'every node',
    ],
    ['renewals (acknowledgements after the first)', ...both((g) => n(g.timeLeft.renewals)), ''],
    ['time left at renewal: median', ...both((g) => left(g.timeLeft.p50)), ''],
    ['time left at renewal: the shortest 1 % ("p99")', ...both((g) => left(g.timeLeft.p1)), ''],
    ['time left at renewal: least', ...both((g) => left(g.timeLeft.min)), '> 0: none expired'],
    [
      'nodes that ran an expired certificate; the longest span; expired at the end',
      ...both((g) => `${n(g.expiry.nodes)}; ${seconds(g.expiry.longest)}; ${n(g.expiry.atEnd)}`),
      '0',
    ],
    ['pushes without a usable answer', ...both((g) => n(g.failedPushes)), ''],
  ];
}

function fleetRows(r: SoakResults): string[][] {
  const m = r.meridianView;
  const rate = r.nodesView.rate;
  return [
    [
      `expired by Meridian's view (sampled every ${r.sampleSeconds} s): most at once; nodes ever seen`,
      `${n(m.most.expired)}; ${n(m.expiredNodes)}`,
      '0',
    ],
    ['in danger (past the danger point): most at once', n(m.most.danger), ''],
    [
      'renewals due and waiting for a slot (first deliveries left out): most at once; the longest wait',
      `${n(m.most.waiting)}; ${seconds(m.most.longestWait)}`,
      '',
    ],
    [
      `renewals a second over ${n(rate.seconds)} s: mean / p99 / max`,
      `${rate.mean.toFixed(1)} / ${n(rate.p99)} / ${n(rate.max)}`,
      '',
    ],
    ['spread: max / mean', (rate.max / rate.mean).toFixed(2), ''],
    ['renewals each minute after the release', r.nodesView.perMinute.map(n).join(', '), ''],
  ];
}

const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

export function renderTable(r: SoakResults): string {
  return `${table(['By the nodes (the simulator)', 'steady nodes', 'flapping nodes', 'aim'], groupRows(r))}

${table(['The fleet', 'figure', 'aim'], fleetRows(r))}`;
}

export type Context = RunContext;

function describeCpu(cpu: SoakResults['cpu']): string {
  const groups = Object.entries(cpu.groups).map(([name, cores]) => `${name} ${cores.toFixed(2)}`);
  return `${cpu.machineCores.toFixed(2)} of the machine's ${os.availableParallelism()} cores busy on average (of which ${groups.join(', ')}; the rest other processes)`;
}

function describeKill(r: SoakResults): string {
  if (r.killedAfter === undefined) return 'no Meridian killed (the soak was too short)';
  const restart =
    r.restartedAfter === undefined
      ? 'not started again before the end'
      : `started again after ${n(r.restartedAfter)} s`;
  return `the second of two Meridians SIGKILLed after ${n(r.killedAfter)} s and ${restart}`;
}

export function renderSection(r: SoakResults, c: Context): string {
  const expired =
    r.nodesView.steady.expiry.nodes +
    r.nodesView.flapping.expiry.nodes +
    r.meridianView.expiredNodes;
  return `## Delivery soak (\`bench/delivery-soak.ts\`)

${c.machine}; revision ${c.revision}; 1-minute load average ${c.loadBefore} at the start.

${n(r.nodes)} nodes with certificates of ${r.lifetimeMinutes} minutes (the default window: renewed at 50–60 % of
the lifetime, in danger from 90 %) for ${r.soakMinutes} minutes; ${Math.round(r.flapping.fraction * 100)} % of the nodes flapping;
${describeKill(r)}. ${describeCpu(r.cpu)}.

${renderTable(r)}

${expired === 0 ? 'No node ran an expired certificate in this run.' : `**Expired certificates in this run**: ${n(r.nodesView.steady.expiry.nodes)} steady and ${n(r.nodesView.flapping.expiry.nodes)} flapping nodes by their records, ${n(r.meridianView.expiredNodes)} seen by Meridian.`}

How each figure is made, in one run on ${c.database}:

- Two Meridians (\`meridian serve\`, \`LOG_LEVEL=warn\`, \`OUTBOUND_ALLOW_PRIVATE=true\`, one
  \`DELIVERY_KEY_SECRET\`, every other setting at its default) on one database, the node simulator
  (test/node-simulator.ts) in its own process. One certificate service of ${r.lifetimeMinutes} minutes,
  concurrency ${r.concurrency}, made through the API; its nodes inserted by SQL, then all made due
  at once (as bench/delivery.ts does): the first deliveries are one burst, and each node then
  renews on its own schedule, drawn in the window at each delivery.
- Flapping: the nodes whose name hashes below ${r.flapping.fraction} answer \`{ downMs, upMs }\`
  (down, the connection reset, for ${n(r.flapping.periodSeconds)} s, then acknowledging for
  ${n(r.flapping.periodSeconds)} s, in turn), each at its own point of the cycle, so about half of
  them are down at any time; they flap from the release to the end. With periods as long as the
  danger span (the default: a tenth of the lifetime), a node not renewed by its danger point is
  down for part of that span.
- The kill: the second Meridian (a worker on the first's database; the first owns the embedded
  PostgreSQL) gets SIGKILL a third of the way in, with its deliveries in flight, and is started
  again ${n(r.restartSeconds)} s later, as a supervisor would.
- By the nodes: the simulator's record of each push (its arrival by this machine's clock, the
  certificate's notAfter, to the second, and the answer), read at the end. A renewal is an
  acknowledgement after the node's first; the time left is the notAfter of the certificate the
  node acknowledged before, minus the renewal's arrival. "p99" is the shortest 1 %: 99 % of the
  renewals came with at least that much left. A node ran an expired certificate from that
  notAfter to its next acknowledgement, or to the end of the soak.
- By Meridian: \`delivery_nodes\` read every ${r.sampleSeconds} s: a node holding a certificate whose
  \`expires_at\` is past PostgreSQL's \`now()\` is expired; past its \`danger_at\` fraction, in danger;
  due (\`renew_at\` passed: a renewal or its retry) without a slot, waiting.
- Renewals a second: the renewals' arrivals counted per second, from the second of the first
  renewal to the end, seconds without any counted too; spread is the busiest second over the mean.

Rerun with \`npm run bench:delivery-soak\` (BENCH_NODES, BENCH_LIFETIME_MINUTES, BENCH_SOAK_MINUTES,
BENCH_FLAPPING, BENCH_FLAP_SECONDS, BENCH_DATABASE_URL for a running PostgreSQL); it rewrites this
section.`;
}
