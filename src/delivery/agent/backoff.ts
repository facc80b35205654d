import {
  checkedAttempt,
  fullJitter,
  InvalidRenewalInput,
  requireDurations,
} from '../timing-checks.ts';

// When the agent asks the server again after a failure, on its own clock (issue 14;
// docs/design/delivery-renewal.md): the backoff, and the metadata's expiry carried onto that
// clock, which bounds it. Pure: no clock, no I/O, randomness passed in.

/** A failed request of the agent to retry; every time is on the agent's own clock. */
export interface AgentRetryInput {
  /** Failed attempts so far, 1 after the first failure. */
  attempt: number;
  /** The agent's clock, best a monotonic one: a wall clock can be stepped. */
  now: number;
  /** The metadata's expiry on the same clock as `now` (see `agentExpiresAt`). */
  expiresAt: number;
  /** The largest wait while there is time (default 5 minutes). */
  capMs?: number;
  /** The ceiling of the first wait; it doubles with each failure (default 1 s). */
  baseMs?: number;
  /** No wait reaches past `expiresAt − marginMs` (default 60 s). */
  marginMs?: number;
  /** From `expiresAt − marginMs` on, the ceiling stops here (default 30 s). */
  urgentCapMs?: number;
  random?: () => number;
}

/**
 * How long the agent waits before asking the server again after a failure (server restart,
 * network loss): full jitter, capped, and never past its metadata's expiry minus a margin. From
 * there on the ceiling drops to `urgentCapMs`, so an agent whose metadata is about to expire, or
 * has, asks often but never in a tight loop, and agents cut off together do not return together.
 */
export function agentRetryDelay(input: AgentRetryInput): number {
  const { now, expiresAt } = input;
  const { capMs = 300_000, baseMs = 1_000, marginMs = 60_000, urgentCapMs = 30_000 } = input;
  if (!Number.isFinite(now) || !Number.isFinite(expiresAt)) {
    throw new InvalidRenewalInput(`now and expiresAt must be numbers; got ${now} and ${expiresAt}`);
  }
  requireDurations({ capMs, baseMs, urgentCapMs });
  if (!(marginMs >= 0 && Number.isFinite(marginMs))) {
    throw new InvalidRenewalInput(`marginMs must be a number >= 0; got ${marginMs}`);
  }
  const attempt = checkedAttempt(input.attempt);
  const random = input.random ?? Math.random;
  const untilDeadline = Math.floor(expiresAt - marginMs - now);
  if (untilDeadline <= 0) return fullJitter(attempt, baseMs, urgentCapMs, random);
  return Math.min(fullJitter(attempt, baseMs, capMs, random), untilDeadline);
}

/**
 * The metadata's expiry on the agent's clock, from Meridian's `expiresAt` and its `serverNow`
 * (both in the delivery) and the agent's reading when it sent the request. Only the remaining
 * lifetime crosses between clocks, so skew does not matter; counting it from the request's
 * departure, not the reply's arrival, errs early by the network time, never late.
 */
export function agentExpiresAt(input: {
  expiresAt: number;
  serverNow: number;
  requestSentAt: number;
}): number {
  const { expiresAt, serverNow, requestSentAt } = input;
  if (![expiresAt, serverNow, requestSentAt].every(Number.isFinite)) {
    throw new InvalidRenewalInput('expiresAt, serverNow and requestSentAt must be numbers');
  }
  return requestSentAt + (expiresAt - serverNow);
}
