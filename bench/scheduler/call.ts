// What a BullMQ or pg-boss handler does in bench/scheduler.ts: the call Meridian's webhook action
// makes, a POST to the receiver (`/due/<due ms>`, an idempotency key naming the occurrence), with
// at most 16 keep-alive connections to it, as Meridian's webhook client keeps per origin. A
// non-2xx answer fails the job, so the system retries it as it would a failed webhook.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs `<receiver>/due/<due>` with `idempotency-key: <key>`; rejects unless it answers 2xx. */
export function callReceiver(receiver: string, due: number, key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${receiver}/due/${due}`,
      { method: 'POST', agent, headers: { 'idempotency-key': key, 'content-length': 0 } },
      (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`the receiver answered ${status}`));
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/**
 * A schedule's job data (BullMQ's template data, pg-boss's schedule data): its id, the idempotency
 * key of its calls (the receiver counts a second call of a schedule in the minute as a duplicate),
 * and the due time of its occurrence in the minute (the next one is a day later).
 */
export interface ScheduleData {
  schedule: string;
  due: number;
}

/** The arguments bench/scheduler.ts gives a peer's worker process, as one JSON string. */
export interface PeerWorkerArgs {
  /** The system's database (for BullMQ, the Redis URL). */
  url: string;
  queue: string;
  concurrency: number;
  receiver: string;
  /** BullMQ's key prefix, so the run never touches other keys of a shared Redis. */
  prefix?: string;
}

export function peerWorkerArgs(): PeerWorkerArgs {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: <peer>-worker.ts <json arguments>');
  return JSON.parse(raw) as PeerWorkerArgs;
}

/**
 * An `error` listener that prints each distinct message the 1st, 10th, 100th... time it comes
 * (a worker starved of connections repeats one message per fetch).
 */
export function errorPrinter(system: string): (error: Error) => void {
  const seen = new Map<string, number>();
  return (error) => {
    // pg-boss appends the queue and the worker's id: one message per worker otherwise.
    const message = error.message.replace(/ \(Queue: .*\)$/, '');
    const times = (seen.get(message) ?? 0) + 1;
    seen.set(message, times);
    if (Number.isInteger(Math.log10(times))) {
      console.error(`${system} error${times > 1 ? ` (${times} times)` : ''}: ${message}`);
    }
  };
}
