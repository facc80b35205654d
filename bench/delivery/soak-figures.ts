// The delivery soak from the nodes' side: the simulator's record of every push each node got
// (test/node-simulator.ts, `GET /nodes`). A node runs the last certificate it acknowledged until
// it acknowledges the next one; a renewal is any acknowledgement after a node's first. So, per
// renewal, the time left on the certificate it replaced is that certificate's end (its notAfter,
// to the second) minus the renewal's arrival; a negative time is a span the node ran an expired
// certificate, as is a last certificate ended before the soak did.
import type { NodeRecord, ReceivedVersion } from '../../test/node-simulator.ts';
import { percentile } from '../results.ts';

export interface TimeLeft {
  renewals: number;
  /** Seconds of the replaced certificate left at its renewal: the median. */
  p50: number;
  /** The shortest 1 %: 99 % of the renewals had at least this left (the "p99"). */
  p1: number;
  /** The least left (negative: the node's certificate had expired). */
  min: number;
}

export interface NodeExpiry {
  /** Nodes that ran an expired certificate at some point. */
  nodes: number;
  /** The longest span one ran one, seconds. */
  longest: number;
  /** Nodes whose certificate had expired when the soak ended. */
  atEnd: number;
}

export interface NodeGroup {
  /** Nodes pushed to at least once. */
  nodes: number;
  /** Nodes that acknowledged a first certificate, and the last of those, seconds after the release. */
  holding: number;
  lastFirstAfter: number;
  timeLeft: TimeLeft;
  expiry: NodeExpiry;
  /** Pushes that got no usable answer (down, for a flapping node). */
  failedPushes: number;
}

export interface RenewalRate {
  /** Renewals a second from the second of the first renewal to the end, every second counted. */
  mean: number;
  /** The 99th percentile of the per-second counts. */
  p99: number;
  max: number;
  seconds: number;
}

export interface SoakFigures {
  steady: NodeGroup;
  flapping: NodeGroup;
  rate: RenewalRate;
  /** Renewals in each minute after the release. */
  perMinute: number[];
}

const isFlapping = (record: NodeRecord) =>
  typeof record.behaviour === 'object' && 'downMs' in record.behaviour;

/** An acknowledged certificate. */
type Ack = ReceivedVersion & { notAfter: number };

/** The node's acknowledged certificates, oldest first. */
const acknowledged = (record: NodeRecord) =>
  record.history.filter((got): got is Ack => got.answer === 'ack' && got.notAfter !== undefined);

/** Each renewal's arrival and the time (ms) left on the certificate it replaced. */
function renewalsOf(acks: Ack[]) {
  return acks
    .slice(1)
    .map((ack, i) => ({ at: ack.at, leftMs: (acks[i] as Ack).notAfter - ack.at }));
}

function groupFigures(records: NodeRecord[], releasedAt: number, endedAt: number): NodeGroup {
  const left: number[] = [];
  const expiry: NodeExpiry = { nodes: 0, longest: 0, atEnd: 0 };
  let holding = 0;
  let lastFirstAfter = 0;
  let failedPushes = 0;
  for (const record of records) {
    failedPushes += record.history.filter((got) => got.answer === 'failed').length;
    const acks = acknowledged(record);
    const first = acks[0];
    if (!first) continue;
    holding++;
    lastFirstAfter = Math.max(lastFirstAfter, (first.at - releasedAt) / 1000);
    const renewals = renewalsOf(acks);
    left.push(...renewals.map((renewal) => renewal.leftMs / 1000));
    const expiredSpans = [
      ...renewals.map((renewal) => -renewal.leftMs),
      endedAt - (acks.at(-1) as Ack).notAfter,
    ].filter((ms) => ms > 0);
    if (expiredSpans.length > 0) expiry.nodes++;
    if (endedAt > (acks.at(-1) as Ack).notAfter) expiry.atEnd++;
    expiry.longest = Math.max(expiry.longest, ...expiredSpans.map((ms) => ms / 1000));
  }
  left.sort((a, b) => a - b);
  return {
    nodes: records.length,
    holding,
    lastFirstAfter,
    timeLeft: {
      renewals: left.length,
      p50: left.length ? percentile(left, 50) : Number.NaN,
      p1: left.length ? percentile(left, 1) : Number.NaN,
      min: left[0] ?? Number.NaN,
    },
    expiry,
    failedPushes,
  };
}

const countAt = (counts: number[], index: number) => {
  counts[index] = (counts[index] ?? 0) + 1;
};

function renewalRate(arrivals: number[], endedAt: number): RenewalRate {
  if (arrivals.length === 0) return { mean: Number.NaN, p99: Number.NaN, max: 0, seconds: 0 };
  const first = Math.floor(arrivals.reduce((a, b) => Math.min(a, b)) / 1000);
  const counts = new Array<number>(Math.floor(endedAt / 1000) - first + 1).fill(0);
  for (const at of arrivals) countAt(counts, Math.floor(at / 1000) - first);
  const sorted = [...counts].sort((a, b) => a - b);
  return {
    mean: arrivals.length / counts.length,
    p99: percentile(sorted, 99),
    max: sorted.at(-1) as number,
    seconds: counts.length,
  };
}

/**
 * The soak's figures from the simulator's records of a fleet released at `releasedAt`, up to
 * `endedAt` (epoch ms, the simulator's clock: this machine's; pushes after it, received while the
 * records were read, are left out). A node never pushed to has no record.
 */
export function soakFigures(read: NodeRecord[], releasedAt: number, endedAt: number): SoakFigures {
  const records = read.map((record) => ({
    ...record,
    history: record.history.filter((got) => got.at <= endedAt),
  }));
  const arrivals = records.flatMap((record) =>
    renewalsOf(acknowledged(record)).map((renewal) => renewal.at),
  );
  // The last minute takes the soak's few seconds past its last whole minute.
  const minutes = Math.max(1, Math.round((endedAt - releasedAt) / 60_000));
  const perMinute = new Array<number>(minutes).fill(0);
  for (const at of arrivals) {
    countAt(perMinute, Math.min(perMinute.length - 1, Math.floor((at - releasedAt) / 60_000)));
  }
  return {
    steady: groupFigures(
      records.filter((record) => !isFlapping(record)),
      releasedAt,
      endedAt,
    ),
    flapping: groupFigures(records.filter(isFlapping), releasedAt, endedAt),
    rate: renewalRate(arrivals, endedAt),
    perMinute,
  };
}
