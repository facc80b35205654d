import type { FieldError } from '../platform/http/validation.ts';
import {
  checkedAttempt,
  draw,
  fullJitter,
  InvalidRenewalInput,
  requireDurations,
  requireTime,
} from './timing-checks.ts';

// The timing policy of metadata delivery (issue 14; docs/design/delivery-renewal.md): when a
// node's metadata is renewed, how a failed delivery is retried, and which phase a node is in.
// Pure: no clock, no I/O, randomness passed in. Times are epoch milliseconds on Meridian's
// clock, which decides every expiry. Beside it, as pure: how a forced re-issue is paced
// (rollout-pacing.ts), when alarms change (alarm-rules.ts), and how the agent backs off on its
// own clock (agent/backoff.ts); the checks and draws they share are timing-checks.ts's.

/**
 * When a service's nodes renew, as fractions of each node's metadata lifetime (0 at issue, 1 at
 * expiry): at a random point of [`start`, `end`], and urgently from `dangerAt` on.
 */
export interface RenewalWindow {
  /** The earliest planned renewal. */
  start: number;
  /** The latest planned renewal; the time from here to `dangerAt` is for unhurried retries. */
  end: number;
  /** From here to expiry a failed delivery is retried every few seconds, and the node alarms. */
  dangerAt: number;
}

/** Renew at 50–60% of the lifetime, danger from 90% (the reasons: the design note). */
export const defaultRenewalWindow: Readonly<RenewalWindow> = Object.freeze({
  start: 0.5,
  end: 0.6,
  dangerAt: 0.9,
});

/** Where a node's current metadata is in its life, for status and alarms. */
export type NodePhase = 'fresh' | 'renewing' | 'danger' | 'expired';

/** How a failed delivery is retried: backing off, every few seconds, or expired. */
export type RetryPhase = 'normal' | 'danger' | 'expired';

/** A window as onboarding accepts it (with notes for the customer), or why it is refused. */
export type RenewalWindowValidation =
  | { ok: true; window: RenewalWindow; notes: string[] }
  | { ok: false; errors: FieldError[] };

const windowFields = ['start', 'end', 'dangerAt'] as const;
type WindowField = (typeof windowFields)[number];

/** Nodes issued together renew within this fraction of the lifetime of each other: bunched. */
const narrowWindow = 0.01;

/**
 * Checks a service's renewal window at onboarding: each field a fraction strictly between 0 and
 * 1, and 0 < start ≤ end < dangerAt < 1. A missing (or null) field takes its default. A window
 * narrower than 1% of the lifetime is accepted with a note, since nodes issued together then
 * renew nearly together. `field` in an error is the key in the window object.
 *
 * @example
 * validateRenewalWindow({ start: 0.7 });
 * // { ok: false, errors: [{ field: 'end', message: 'must be at least start (0.7); got 0.6 (the default)' }] }
 */
export function validateRenewalWindow(input: unknown): RenewalWindowValidation {
  if (input == null) return { ok: true, window: { ...defaultRenewalWindow }, notes: [] };
  if (typeof input !== 'object' || Array.isArray(input)) {
    const message = `must be an object with start, end and dangerAt; got ${described(input)}`;
    return { ok: false, errors: [{ field: '', message }] };
  }
  const given = input as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(given)
    .filter((key) => !(windowFields as readonly string[]).includes(key))
    .map((key) => ({ field: key, message: 'is not a window field (start, end, dangerAt)' }));
  const [start, end, dangerAt] = windowFields.map((field) => readFraction(field, given, errors));
  if (errors.length > 0 || start === undefined || end === undefined || dangerAt === undefined) {
    return { ok: false, errors };
  }
  const withDefault = (field: WindowField, value: number) =>
    given[field] == null ? `${value} (the default)` : `${value}`;
  if (end < start) {
    errors.push({
      field: 'end',
      message: `must be at least start (${start}); got ${withDefault('end', end)}`,
    });
  }
  if (dangerAt <= end) {
    errors.push({
      field: 'dangerAt',
      message: `must be after end (${withDefault('end', end)}), so that planned renewals come before the danger zone; got ${withDefault('dangerAt', dangerAt)}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, window: { start, end, dangerAt }, notes: windowNotes(start, end) };
}

function readFraction(
  field: WindowField,
  given: Record<string, unknown>,
  errors: FieldError[],
): number | undefined {
  const value = given[field];
  if (value == null) return defaultRenewalWindow[field];
  if (typeof value === 'number' && value > 0 && value < 1) return value;
  // 60 for 60% is the likely slip: say what was meant.
  const percent =
    typeof value === 'number' && value > 1 && value < 100 ? ` (${value}% is ${value / 100})` : '';
  errors.push({
    field,
    message: `must be a fraction of the lifetime strictly between 0 and 1${percent}; got ${described(value)}`,
  });
  return undefined;
}

/** A refused value as the customer sent it; never throws (a BigInt defeats `JSON.stringify`). */
function described(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

function windowNotes(start: number, end: number): string[] {
  if (end === start) {
    return ['the window is a single point: nodes issued together all renew at the same moment'];
  }
  if (end - start >= narrowWindow) return [];
  const percent = Number(((end - start) * 100).toPrecision(2));
  return [
    `the window spans ${percent}% of the lifetime: nodes issued together renew close together`,
  ];
}

/**
 * When this node's metadata should be renewed: a time drawn uniformly from the window, so nodes
 * issued together spread their renewals over it instead of all asking at once.
 *
 * @example
 * // 1 h lifetime, default window: between 30 and 36 minutes after issue
 * renewalTime(issuedAt, issuedAt + 3_600_000);
 */
export function renewalTime(
  issuedAt: number,
  expiresAt: number,
  window: RenewalWindow = defaultRenewalWindow,
  random: () => number = Math.random,
): number {
  const { start, end } = checkedWindow(window);
  const from = timeAt(issuedAt, expiresAt, start);
  const to = timeAt(issuedAt, expiresAt, end);
  return from + Math.floor(draw(random) * (to - from + 1));
}

/** Where this node's danger zone begins: retries turn urgent and the node alarms. */
export function dangerTime(
  issuedAt: number,
  expiresAt: number,
  window: RenewalWindow = defaultRenewalWindow,
): number {
  return timeAt(issuedAt, expiresAt, checkedWindow(window).dangerAt);
}

/**
 * The node's phase at `now`: `fresh` before the window starts, `renewing` from the window's start
 * until the danger point, `danger` from there until expiry, `expired` from `expiresAt` on.
 */
export function nodePhase(
  now: number,
  issuedAt: number,
  expiresAt: number,
  window: RenewalWindow = defaultRenewalWindow,
): NodePhase {
  requireTime('now', now);
  const { start, dangerAt } = checkedWindow(window);
  const danger = timeAt(issuedAt, expiresAt, dangerAt);
  if (now >= expiresAt) return 'expired';
  if (now >= danger) return 'danger';
  return now >= timeAt(issuedAt, expiresAt, start) ? 'renewing' : 'fresh';
}

/** How the server retries a failed delivery; every field has a default (`defaultRetryCadence`). */
export interface RetryCadence {
  /** The ceiling of the first retry's delay; it doubles with each failed attempt. */
  baseMs: number;
  /** The largest ceiling before the danger point. */
  capMs: number;
  /**
   * And at most this fraction of the lifetime: retries closer than a node's shortest time up
   * between outages reach it before its danger point, whatever the lifetime.
   */
  capLifetimeFraction: number;
  /** From the danger point to expiry, the retry comes this often, ± `dangerJitter`. */
  dangerEveryMs: number;
  /** The fraction by which a danger-zone delay varies either way. */
  dangerJitter: number;
  /** After expiry the ceiling stops here, so an expired node is tried at least this often. */
  expiredCapMs: number;
}

/**
 * 5 s doubling to 5 min (and to a twentieth of the lifetime: 30 s for 10 minutes, 3 min for an
 * hour) before danger, every 5 s ± 20% in danger, at most 30 s once expired.
 */
export const defaultRetryCadence: Readonly<RetryCadence> = Object.freeze({
  baseMs: 5_000,
  capMs: 300_000,
  capLifetimeFraction: 0.05,
  dangerEveryMs: 5_000,
  dangerJitter: 0.2,
  expiredCapMs: 30_000,
});

/** A failed delivery to retry: the node's metadata, how often it failed, the policy. */
export interface RetryInput {
  /** Failed attempts so far, 1 after the first failure. */
  attempt: number;
  now: number;
  issuedAt: number;
  expiresAt: number;
  window?: RenewalWindow;
  cadence?: Partial<RetryCadence>;
  random?: () => number;
}

/**
 * How long the server waits before delivering again after a failure. Before the danger point:
 * exponential backoff with full jitter (a delay drawn from 0 to min(cap, base × 2^(attempt−1))),
 * never past the danger point. From there to expiry: every `dangerEveryMs` ± `dangerJitter`,
 * never past expiry. After expiry: full jitter again, its ceiling held at `expiredCapMs`. The
 * phase, not the attempt count, bounds the wait: a node failing since long ago is tried as
 * often as any other node in its phase.
 *
 * @example
 * retryDelay({ attempt: 1_000, now, issuedAt, expiresAt }); // in danger: { delayMs: 4000–6000, phase: 'danger' }
 */
export function retryDelay(input: RetryInput): { delayMs: number; phase: RetryPhase } {
  const { now, issuedAt, expiresAt } = input;
  const cadence = checkedCadence(input.cadence);
  const attempt = checkedAttempt(input.attempt);
  const random = input.random ?? Math.random;
  const window = input.window ?? defaultRenewalWindow;
  const phase = nodePhase(now, issuedAt, expiresAt, window);
  if (phase === 'expired') {
    return { phase, delayMs: fullJitter(attempt, cadence.baseMs, cadence.expiredCapMs, random) };
  }
  if (phase === 'danger') {
    const spread = cadence.dangerJitter * (2 * draw(random) - 1);
    const delayMs = Math.round(cadence.dangerEveryMs * (1 + spread));
    return { phase, delayMs: Math.min(delayMs, expiresAt - now) };
  }
  const untilDanger = dangerTime(issuedAt, expiresAt, window) - now;
  const lifetimeShare = Math.floor((expiresAt - issuedAt) * cadence.capLifetimeFraction);
  const capMs = Math.min(cadence.capMs, lifetimeShare);
  const delayMs = fullJitter(attempt, Math.min(cadence.baseMs, capMs), capMs, random);
  return { phase: 'normal', delayMs: Math.min(delayMs, untilDanger) };
}

function checkedWindow(window: RenewalWindow): RenewalWindow {
  const result = validateRenewalWindow(window);
  if (result.ok) return result.window;
  const detail = result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  throw new InvalidRenewalInput(`renewal window: ${detail}`);
}

function checkedCadence(given: Partial<RetryCadence> = {}): RetryCadence {
  const cadence = { ...defaultRetryCadence, ...given };
  const { dangerJitter, capLifetimeFraction, ...durations } = cadence;
  requireDurations(durations);
  if (!(capLifetimeFraction > 0 && capLifetimeFraction <= 1)) {
    throw new InvalidRenewalInput(
      `capLifetimeFraction must be in (0, 1]; got ${capLifetimeFraction}`,
    );
  }
  if (cadence.capMs < cadence.baseMs) {
    throw new InvalidRenewalInput(
      `capMs (${cadence.capMs}) must be at least baseMs (${cadence.baseMs})`,
    );
  }
  if (!(dangerJitter >= 0 && dangerJitter < 1)) {
    throw new InvalidRenewalInput(`dangerJitter must be in [0, 1); got ${dangerJitter}`);
  }
  return cadence;
}

/** The instant `fraction` of the way through the lifetime, on the millisecond. */
function timeAt(issuedAt: number, expiresAt: number, fraction: number): number {
  return Math.round(issuedAt + lifetimeOf(issuedAt, expiresAt) * fraction);
}

function lifetimeOf(issuedAt: number, expiresAt: number): number {
  requireTime('issuedAt', issuedAt);
  requireTime('expiresAt', expiresAt);
  if (expiresAt > issuedAt) return expiresAt - issuedAt;
  throw new InvalidRenewalInput(
    `expiresAt (${instant(expiresAt)}) must be after issuedAt (${instant(issuedAt)})`,
  );
}

/** A time for a message; past the years a Date can hold, `toISOString` would throw. */
function instant(time: number): string {
  return Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : String(time);
}
