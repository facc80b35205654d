import { retryDelayMs } from '../platform/jobs/backoff.ts';

// What delivery's pure timing policies share (renewal.ts, rollout-pacing.ts, agent/backoff.ts):
// the error for an input they cannot answer and the checks that throw it, and the draws of
// `random`, full jitter among them, refused outside [0, 1).

/** A call these functions cannot answer: a time that is not one, a lifetime ≤ 0, a bad option. */
export class InvalidRenewalInput extends RangeError {
  override readonly name = 'InvalidRenewalInput';
}

/** Full jitter (AWS): a delay drawn uniformly from 0 to the capped exponential ceiling. */
export function fullJitter(attempt: number, baseMs: number, capMs: number, random: () => number) {
  const ceiling = retryDelayMs(attempt, { initialMs: baseMs, factor: 2, maxMs: capMs, jitter: 0 });
  return Math.round(draw(random) * ceiling);
}

/** Each of `durations` a number of milliseconds > 0 (named in the error by its key). */
export function requireDurations(durations: Record<string, number>): void {
  for (const [name, ms] of Object.entries(durations)) {
    if (!(Number.isFinite(ms) && ms > 0)) {
      throw new InvalidRenewalInput(`${name} must be a number of milliseconds > 0; got ${ms}`);
    }
  }
}

/** The failed attempts so far: an integer ≥ 1. */
export function checkedAttempt(attempt: number): number {
  if (Number.isSafeInteger(attempt) && attempt >= 1) return attempt;
  throw new InvalidRenewalInput(
    `attempt must be an integer >= 1 (failures so far); got ${attempt}`,
  );
}

/** Meridian's times are whole epoch milliseconds (`Date#getTime()`), so sums stay exact. */
export function requireTime(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidRenewalInput(`${name} must be epoch milliseconds (an integer); got ${value}`);
  }
}

/** One draw of `random`, refused outside [0, 1): a bad generator would break every bound. */
export function draw(random: () => number): number {
  const value = random();
  if (value >= 0 && value < 1) return value;
  throw new InvalidRenewalInput(`random() must return a number in [0, 1); got ${value}`);
}
