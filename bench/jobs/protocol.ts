// What bench/jobs.ts and its worker processes say to each other over the IPC channel of `fork`.
// Each worker script (bench/jobs/<system>-worker.ts) takes its arguments as one JSON string and
// runs one of three kinds of job:
//   noop  returns at once (throughput);
//   late  reports how late it started: now - payload.dueAt, the time it was scheduled for;
//   hold  reports that it started, then never returns (a worker killed while holding it).

export type JobKind = 'noop' | 'late' | 'hold';

export interface WorkerArgs {
  /** The system's database (for bullmq: the Redis URL). */
  url: string;
  concurrency: number;
  /** A configuration variant, e.g. graphile-worker with its local queue. */
  variant?: string;
  /** bullmq's key prefix, so the run never touches other keys of a shared Redis. */
  prefix?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'first'; at: number }
  | { type: 'late'; ms: number[] }
  | { type: 'started'; id: string; at: number };

export interface ParentMessage {
  type: 'stop';
}

export function workerArgs(): WorkerArgs {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: <worker>.ts <json arguments>');
  return JSON.parse(raw) as WorkerArgs;
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** What every worker script reports, whatever system runs its jobs. */
export function createReporter() {
  let first = false;
  let late: number[] = [];
  let flush: NodeJS.Timeout | undefined;
  return {
    ready: () => send({ type: 'ready' }),
    /** A job ran (any kind): the first one starts the throughput clock. */
    ran() {
      if (first) return;
      first = true;
      send({ type: 'first', at: Date.now() });
    },
    /** A `late` job started; its lateness is sent with others every 100 ms. */
    late(dueAt: number) {
      late.push(Date.now() - dueAt);
      if (flush) return;
      flush = setTimeout(() => {
        send({ type: 'late', ms: late });
        late = [];
        flush = undefined;
      }, 100);
    },
    started: (id: string | number) => send({ type: 'started', id: String(id), at: Date.now() }),
  };
}

/** A `hold` job's handler: never returns (until the process exits or the signal aborts). */
export function holdForever(signal?: AbortSignal): Promise<void> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('aborted')));
  });
}

/**
 * Stops the worker when the parent asks (or goes away), then exits; a stop that takes longer
 * than 5 s (a held job) is cut short.
 */
export function stopOnRequest(stop: () => Promise<void>): void {
  let stopping = false;
  const exit = async () => {
    if (stopping) return;
    stopping = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([stop().catch(() => undefined), timeout]);
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') void exit();
  });
  process.on('disconnect', () => void exit());
}
