/**
 * What time it is for due times. The job engine asks the clock when a job is due, how late it
 * started and when a retry or snooze falls due; everything that measures real elapsed time
 * (leases, deadlines, retention, the rescuer, timeouts) stays on real time. Production always
 * runs on `systemClock`; tests give the runtime a `createTravelClock` to jump a month or a year
 * ahead without waiting for it.
 */
export interface Clock {
  /** The current time of this clock. */
  now(): Date;
  /**
   * Calls `listener` after each travel (the job engine's worker then looks at its queues at once);
   * returns the unsubscriber. The system clock never travels.
   */
  onTravel(listener: () => void): () => void;
}

/** Real time: `new Date()`, never travels. */
export const systemClock: Clock = {
  now: () => new Date(),
  onTravel: () => () => undefined,
};

/** A clock for tests: runs at real speed from its start, and travels forward on demand. */
export interface TravelClock extends Clock {
  /**
   * Moves the clock forward to `at`, from where it runs on at real speed, and tells the
   * listeners. Throws a `RangeError` if `at` is before the clock's now: it only goes forward.
   *
   * @example
   * const clock = createTravelClock(new Date());
   * const server = await startTestServer({ clock });
   * const runAt = new Date(clock.now().getTime() + 31 * 86_400_000);
   * const job = await server.server.core.jobs.enqueue({ kind: 'report.monthly', runAt });
   * clock.travelTo(runAt); // the job runs now
   */
  travelTo(at: Date): void;
}

/**
 * How far before the real time a start may be and still be taken as now: `new Date()` evaluated
 * a moment before the clock is made.
 */
const startToleranceMs = 1_000;

/**
 * A clock that reads `start` now and runs at real speed from there (now = real time + offset).
 * It is never behind real time: `start` may not be in the past (a start within the last second is
 * taken as now), and `travelTo` only goes forward. That is the rule that keeps jobs stamped with
 * PostgreSQL's real `now()` (enqueued without `runAt`, rescued) due at once under this clock. To
 * test a calendar date, start in a future year.
 */
export function createTravelClock(start: Date = new Date()): TravelClock {
  const real = Date.now();
  if (!Number.isFinite(start.getTime())) throw new RangeError('the clock start is not a date');
  if (start.getTime() < real - startToleranceMs) {
    throw new RangeError(
      `a travel clock may not start in the past (${start.toISOString()}): it never reads earlier than real time`,
    );
  }
  let offsetMs = Math.max(0, start.getTime() - real);
  const listeners = new Set<() => void>();
  const now = () => new Date(Date.now() + offsetMs);
  return {
    now,
    onTravel(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    travelTo(at) {
      const current = now();
      if (!Number.isFinite(at.getTime())) throw new RangeError('travelTo needs a valid date');
      if (at.getTime() < current.getTime()) {
        throw new RangeError(
          `the clock only travels forward: ${at.toISOString()} is before its now, ${current.toISOString()}`,
        );
      }
      // Never backwards, not even by the millisecond that passed since `current` was read.
      offsetMs = Math.max(offsetMs, at.getTime() - Date.now());
      for (const listener of [...listeners]) listener();
    },
  };
}
