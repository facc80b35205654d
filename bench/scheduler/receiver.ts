// The webhook receiver of bench/scheduler.ts: an HTTP server in the bench process that answers 200
// and records each call of the measured minute. Every system's execution ends here: Meridian's
// webhook, and the BullMQ and pg-boss handlers' POST (bench/scheduler/call.ts). The path carries
// the due time (`/due/<epoch ms>`), so lateness = arrival − due is taken at the same point, on the
// same clock, for all of them, without reading any system's store.
import http from 'node:http';

/** What the receiver saw of the minute's calls. */
export interface Arrivals {
  count: number;
  /** Arrival − due, ms, one per schedule of the minute, in arrival order. */
  lateness: number[];
  /** Calls with an idempotency key seen before (a second execution of the occurrence). */
  duplicates: number;
  first: number;
  last: number;
}

/** Starts recording, on `port` of loopback, the calls due in the minute `expect` is told about. */
export function startReceiver(port: number) {
  let minute = 0;
  let arrivals: Arrivals = { count: 0, lateness: [], duplicates: 0, first: 0, last: 0 };
  let seen = new Set<string>();
  const server = http.createServer((request, response) => {
    const now = Date.now();
    const due = Number(request.url?.match(/^\/due\/(\d+)$/)?.[1]);
    if (due >= minute && due < minute + 60_000) {
      const key = String(request.headers['idempotency-key']);
      if (seen.has(key)) arrivals.duplicates++;
      else {
        seen.add(key);
        arrivals.count++;
        arrivals.lateness.push(now - due);
        arrivals.first ||= now;
        arrivals.last = now;
      }
    }
    request.resume();
    request.on('end', () => response.end());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve())),
    /** Starts recording the calls due in the minute from `start`; returns what it records. */
    expect(start: number): Arrivals {
      minute = start;
      seen = new Set();
      arrivals = { count: 0, lateness: [], duplicates: 0, first: 0, last: 0 };
      return arrivals;
    },
    /** Stops recording: what came in until now is the minute's figures. */
    seal() {
      minute = Number.NEGATIVE_INFINITY;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export type Receiver = ReturnType<typeof startReceiver>;

/** Lateness over every schedule of the minute: one that never arrived counts as Infinity. */
export interface Lateness {
  p50: number;
  p99: number;
  max: number;
  /** Executions over the time from the first call to the last, per second. */
  perSecond: number;
  /** When the last call arrived, after the end of the minute (s). */
  completion: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The figures of a minute's arrivals, `expected` schedules due in it. */
export function latenessOf(arrivals: Arrivals, expected: number, minute: number): Lateness {
  const missing = Math.max(0, expected - arrivals.count);
  const sorted = [
    ...[...arrivals.lateness].sort((a, b) => a - b),
    ...Array<number>(missing).fill(Number.POSITIVE_INFINITY),
  ];
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: arrivals.count / Math.max(0.001, (arrivals.last - arrivals.first) / 1_000),
    completion: arrivals.last ? (arrivals.last - (minute + 60_000)) / 1_000 : Number.NaN,
  };
}

/** Resolves at `at` (epoch ms). */
export async function until(at: number): Promise<void> {
  while (Date.now() < at) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, at - Date.now())));
  }
}

/**
 * Waits for the minute's calls: until `expected` arrived or `deadline` (epoch ms) passed,
 * printing progress every 5 s.
 */
export async function awaitArrivals(
  arrivals: Arrivals,
  expected: number,
  deadline: number,
): Promise<void> {
  let lastReport = 0;
  while (arrivals.count < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (Date.now() - lastReport >= 5_000) {
      lastReport = Date.now();
      const latest = arrivals.lateness.at(-1);
      console.log(
        `  ${new Date().toISOString().slice(11, 19)}: ${arrivals.count}/${expected} calls arrived` +
          (latest === undefined ? '' : `, the latest ${latest} ms after its due time`),
      );
    }
  }
  if (arrivals.count < expected) {
    console.log(`gave up waiting: ${arrivals.count} of ${expected} calls arrived`);
  }
}
