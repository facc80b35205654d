/** How a failed job waits before its next attempt: initial × factor^(attempt−1), capped, jittered. */
export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Each delay moves by up to ± this fraction, so retries of a burst do not arrive together. */
  jitter: number;
}

export const defaultBackoff: Backoff = {
  initialMs: 1000,
  factor: 2,
  maxMs: 3_600_000,
  jitter: 0.1,
};

/**
 * The delay after failed attempt number `attempt` (1 for the first).
 *
 * @example
 * retryDelayMs(3, { initialMs: 1000, factor: 2, maxMs: 60_000, jitter: 0 }) // 4000
 */
export function retryDelayMs(attempt: number, backoff: Backoff, random = Math.random): number {
  // With an initial delay of 0 the growth is skipped: 0 × factor^n is NaN once factor^n overflows.
  const grown =
    backoff.initialMs === 0 ? 0 : backoff.initialMs * backoff.factor ** Math.max(0, attempt - 1);
  const base = Math.min(backoff.maxMs, grown);
  const spread = base * backoff.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}
