// The delivery benchmark's table and its section of docs/benchmarks.md: deliveries a second
// beside the issue's aim and the machine's ceilings (raw signing, the module's leaves, bare
// Fastify), what the brief's fleet would need, and where PostgreSQL's time went.
import os from 'node:os';
import type { SimulatorSummary } from '../../test/node-simulator.ts';
import type { Http } from '../social/report.ts';
import type { CryptoRates } from './crypto.ts';
import type { StatementShare } from './statements.ts';

export interface DeliveryResults {
  nodes: number;
  services: number;
  concurrency: number;
  deliveries: {
    recorded: number;
    seconds: number;
    perSecond: number;
    /** Between 10 % and 90 % of the nodes acknowledged (the start and the tail left out). */
    steadyPerSecond: number;
    simulator: SimulatorSummary;
    /** µs per acknowledged delivery; machineCores: the machine's busy cores over the run. */
    cpu: { meridian: number; postgres: number; simulator: number; machineCores: number };
    statements: StatementShare[];
  };
  crypto: CryptoRates;
  bare: Http;
}

/** The brief's fleet: 10 million nodes, certificates of an hour renewed at half their life. */
export const briefNodes = 10_000_000;
export const briefRenewalsPerSecond = briefNodes / 1_800;
/** The issue's aim on two cores. */
export const aimPerSecond = 2_000;

const n = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–';
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(3) : '–');

/** Cores of `cpuMicroseconds` per delivery at the brief's renewal rate. */
const coresAtBrief = (cpuMicroseconds: number) =>
  ((briefRenewalsPerSecond * cpuMicroseconds) / 1e6).toFixed(1);

export function renderTable(r: DeliveryResults): string {
  const d = r.deliveries;
  const machines = briefRenewalsPerSecond / d.perSecond;
  const rows = [
    [
      `certificate deliveries (issue + push + node's check + ack + record), ${n(r.nodes)} nodes, ${r.services} service(s) × ${r.concurrency} in flight`,
      `${n(d.perSecond)}/s (${n(d.recorded)} in ${d.seconds.toFixed(1)} s); steady ${n(d.steadyPerSecond)}/s`,
      `≥ ${n(aimPerSecond)}/s on 2 cores`,
      `${n(d.cpu.meridian)} / ${n(d.cpu.postgres)} / ${n(d.cpu.simulator)}`,
    ],
    [
      'raw ECDSA P-256 signatures (node:crypto `sign`, one core)',
      `${n(r.crypto.signatures)}/s`,
      'reference',
      `deliveries / signatures: ${ratio(d.perSecond, r.crypto.signatures)}`,
    ],
    ['P-256 key pairs (node:crypto, one core)', `${n(r.crypto.keyPairs)}/s`, 'reference', ''],
    [
      "the module's leaf: key pair + certificate (`issueCertificateWithNewKey`, one core)",
      `${n(r.crypto.leaves)}/s`,
      'reference',
      `${n(1e6 / r.crypto.leaves)} µs each; deliveries / leaves ${ratio(d.perSecond, r.crypto.leaves)}`,
    ],
    [
      'bare Fastify `GET /`, 50 connections',
      `${n(r.bare.opsPerSecond)}/s`,
      'reference',
      `deliveries / requests: ${ratio(d.perSecond, r.bare.opsPerSecond)}`,
    ],
    [
      `the brief's fleet: ${n(briefNodes)} nodes, hour-long certificates renewed at half-life`,
      `${n(briefRenewalsPerSecond)} renewals/s: ${machines.toFixed(1)} machines like this one at the rate measured`,
      '',
      `Meridian ${coresAtBrief(d.cpu.meridian)} cores, PostgreSQL ${coresAtBrief(d.cpu.postgres)} cores`,
    ],
  ];
  return [
    '| Measure | Figure | Aim | CPU µs per delivery, Meridian / PostgreSQL / simulator; ratios |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function statementsTable(statements: StatementShare[]): string {
  return [
    '| PostgreSQL backends on average | of which waiting for a lock | statement (its start) |',
    '| --- | --- | --- |',
    ...statements.map(
      (s) =>
        `| ${s.backends.toFixed(2)} | ${s.lockWaits.toFixed(2)} | \`${s.statement.replaceAll('|', '\\|').slice(0, 120)}\` |`,
    ),
  ].join('\n');
}

/** Where and on what a delivery benchmark ran, for the head of its section. */
export interface RunContext {
  machine: string;
  revision: string;
  loadBefore: string;
  database: string;
}

export interface Context extends RunContext {
  seconds: number;
}

export function renderSection(r: DeliveryResults, c: Context): string {
  const d = r.deliveries;
  const met = d.perSecond >= aimPerSecond;
  return `## Delivery (\`bench/delivery.ts\`)

${c.machine}; revision ${c.revision}; 1-minute load average ${c.loadBefore} at the start.
Meridian, PostgreSQL and the node simulator share the cores (${d.cpu.machineCores.toFixed(2)} of
${os.availableParallelism()} busy on average during the deliveries): compare the ratios, not the
absolute figures.

${renderTable(r)}

${met ? 'The aim was met in this run.' : `The aim (≥ ${n(aimPerSecond)} deliveries/s on 2 cores) was missed in this run: ${n(d.perSecond)}/s.`}
Renewals the brief's fleet needs: ${n(briefNodes)} nodes / 1,800 s ≈ ${n(briefRenewalsPerSecond)}/s
(with the default window, renewed at 55 % of the hour on average, ≈ ${n(briefNodes / 1_980)}/s). What
each delivery costs and why: docs/design/delivery-benchmark.md.

Where PostgreSQL's time went during the deliveries (pg_stat_activity sampled every 50 ms):

${statementsTable(d.statements)}

How each figure is made, in one run on ${c.database}, one Meridian (\`meridian serve\`,
\`LOG_LEVEL=warn\`, \`OUTBOUND_ALLOW_PRIVATE=true\`), the node simulator in its own process:

- The fleet: ${r.services} certificate service(s) of an hour (concurrency ${r.concurrency}, the
  most allowed) made through the API, pushing to \`http://127.0.0.1:<port>/nodes/{node}\`; their
  ${n(r.nodes)} nodes inserted by SQL (\`INSERT … SELECT generate_series\`, not due), then in one
  transaction every node made due and each service's \`next_due_at\` set: from there on the
  module's own dispatcher (its scanner, then each ended delivery handing its slot on) claims and
  delivers them as it would nodes registered through the API.
- A delivery: the push job claimed, a P-256 key and a leaf issued by the organisation's CA, the
  push POSTed, the simulator's checks (chain to the CA read once from \`/v1/delivery/authority\`,
  validity, SPIFFE ID naming the node, the key matching the certificate: node:crypto
  \`X509Certificate\`), its \`{"version": N}\`, the outcome recorded. The rate is the nodes
  recorded as acknowledged in the database over the time from the release to the last one
  (polled every 500 ms); steady is from 10 % to 90 % of the nodes acknowledged by the simulator.
- CPU per delivery: user + system time of Meridian's process, of the PostgreSQL server's
  processes and of the simulator's process over the deliveries (/proc), divided by the
  acknowledgements the simulator sent.
- Beside it, with Meridian stopped, on one core of this process for ${c.seconds} s each: ECDSA
  P-256 / SHA-256 signatures of 256 bytes (\`crypto.sign\`), P-256 key pairs
  (\`generateKeyPairSync\`), and the module's leaf (\`issueCertificateWithNewKey\`, one at a time,
  as a push job makes it); then bare Fastify (bench/bare-fastify.ts) under autocannon, 50
  connections, ${c.seconds} s after a 2 s warm-up.
- The brief's fleet: ${n(briefRenewalsPerSecond)} renewals/s divided by the rate measured (machines
  like this one, PostgreSQL included), and times the CPU per delivery (cores of Meridian, which
  scales out, and of PostgreSQL, which is one server).

Rerun with \`npm run bench:delivery\` or \`npx meridian bench delivery\` (BENCH_NODES,
BENCH_SERVICES, BENCH_TIMEOUT_SECONDS, BENCH_SECONDS, BENCH_DATABASE_URL for a running
PostgreSQL); it rewrites this section.`;
}
