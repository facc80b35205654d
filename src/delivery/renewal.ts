import type { FieldError } from '../platform/http/validation.ts';
import { retryDelayMs } from '../platform/jobs/backoff.ts';

// The timing policy of metadata delivery (issue 14; docs/design/delivery-renewal.md): when a
// node's metadata is renewed, how a failed delivery is retried, which phase a node is in, how a
// forced re-issue is paced, and when alarms change. Pure: no clock, no I/O, randomness passed in.
// Times are epoch milliseconds on Meridian's clock, which decides every expiry; only the agent's
// functions at the end work on the agent's own clock, and say so.

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

/** A call these functions cannot answer: a time that is not one, a lifetime ≤ 0, a bad option. */
export class InvalidRenewalInput extends RangeError {
  override readonly name = 'InvalidRenewalInput';
}

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
  /** From the danger point to expiry, the retry comes this often, ± `dangerJitter`. */
  dangerEveryMs: number;
  /** The fraction by which a danger-zone delay varies either way. */
  dangerJitter: number;
  /** After expiry the ceiling stops here, so an expired node is tried at least this often. */
  expiredCapMs: number;
}

/** 5 s doubling to 5 min before danger, every 5 s ± 20% in danger, at most 30 s once expired. */
export const defaultRetryCadence: Readonly<RetryCadence> = Object.freeze({
  baseMs: 5_000,
  capMs: 300_000,
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
  const delayMs = fullJitter(attempt, cadence.baseMs, cadence.capMs, random);
  return { phase: 'normal', delayMs: Math.min(delayMs, untilDanger) };
}

/**
 * When the `index`-th node (from 0) of a forced re-issue is delivered, at `nodesPerMinute` evenly
 * spaced from `startAt`, so a re-issue of a whole service does not arrive at once.
 *
 * @example
 * rolloutSlot({ index: 90, nodesPerMinute: 60, startAt }); // startAt + 90_000
 */
export function rolloutSlot(input: {
  index: number;
  nodesPerMinute: number;
  startAt: number;
}): number {
  const { index, nodesPerMinute, startAt } = input;
  requireTime('startAt', startAt);
  if (!(Number.isSafeInteger(index) && index >= 0)) {
    throw new InvalidRenewalInput(`index must be an integer >= 0; got ${index}`);
  }
  if (!(Number.isFinite(nodesPerMinute) && nodesPerMinute > 0)) {
    throw new InvalidRenewalInput(`nodesPerMinute must be a number > 0; got ${nodesPerMinute}`);
  }
  return startAt + Math.floor((index * 60_000) / nodesPerMinute);
}

/**
 * Whether a forced re-issue should stop: once at least `minimumSample` deliveries have ended,
 * when the failed share of them reaches `abortRatio`. The sample keeps one early failure (1 of 1)
 * from stopping a rollout of thousands.
 */
export function shouldAbort(input: {
  attempted: number;
  failed: number;
  abortRatio: number;
  minimumSample?: number;
}): boolean {
  const { attempted, failed, abortRatio, minimumSample = 10 } = input;
  const counts = [
    ['attempted', attempted],
    ['failed', failed],
    ['minimumSample', minimumSample],
  ] as const;
  for (const [name, count] of counts) {
    if (!(Number.isSafeInteger(count) && count >= 0)) {
      throw new InvalidRenewalInput(`${name} must be an integer >= 0; got ${count}`);
    }
  }
  if (failed > attempted) {
    throw new InvalidRenewalInput(`failed (${failed}) cannot exceed attempted (${attempted})`);
  }
  if (!(abortRatio > 0 && abortRatio <= 1)) {
    throw new InvalidRenewalInput(`abortRatio must be in (0, 1]; got ${abortRatio}`);
  }
  return attempted >= Math.max(1, minimumSample) && failed / attempted >= abortRatio;
}

/** An alarm's identity: its kind and what it is about (a node or service id). */
export type AlarmKey = `${'node-danger' | 'node-expired' | 'service-failing'}:${string}`;

/**
 * The alarms a node in `phase` holds raised. An expired node keeps its danger alarm: resolving
 * it on expiry would tell the on-call that things got better; both resolve once it is fresh.
 */
export function nodeAlarms(nodeId: string, phase: NodePhase): AlarmKey[] {
  if (phase === 'expired') return [`node-danger:${nodeId}`, `node-expired:${nodeId}`];
  return phase === 'danger' ? [`node-danger:${nodeId}`] : [];
}

/**
 * What changed between two evaluations of the alarms that should be raised: the ones to raise
 * (new in `current`) and to resolve (gone from `previous`). An alarm still raised is in neither,
 * so each fires once and resolves once.
 */
export function alarmTransitions(
  previous: ReadonlySet<AlarmKey>,
  current: ReadonlySet<AlarmKey>,
): { raise: AlarmKey[]; resolve: AlarmKey[] } {
  return {
    raise: [...current].filter((key) => !previous.has(key)),
    resolve: [...previous].filter((key) => !current.has(key)),
  };
}

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

/** Full jitter (AWS): a delay drawn uniformly from 0 to the capped exponential ceiling. */
function fullJitter(attempt: number, baseMs: number, capMs: number, random: () => number) {
  const ceiling = retryDelayMs(attempt, { initialMs: baseMs, factor: 2, maxMs: capMs, jitter: 0 });
  return Math.round(draw(random) * ceiling);
}

function checkedWindow(window: RenewalWindow): RenewalWindow {
  const result = validateRenewalWindow(window);
  if (result.ok) return result.window;
  const detail = result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  throw new InvalidRenewalInput(`renewal window: ${detail}`);
}

function checkedCadence(given: Partial<RetryCadence> = {}): RetryCadence {
  const cadence = { ...defaultRetryCadence, ...given };
  const { dangerJitter, ...durations } = cadence;
  requireDurations(durations);
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

function requireDurations(durations: Record<string, number>): void {
  for (const [name, ms] of Object.entries(durations)) {
    if (!(Number.isFinite(ms) && ms > 0)) {
      throw new InvalidRenewalInput(`${name} must be a number of milliseconds > 0; got ${ms}`);
    }
  }
}

function checkedAttempt(attempt: number): number {
  if (Number.isSafeInteger(attempt) && attempt >= 1) return attempt;
  throw new InvalidRenewalInput(
    `attempt must be an integer >= 1 (failures so far); got ${attempt}`,
  );
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

/** Meridian's times are whole epoch milliseconds (`Date#getTime()`), so sums stay exact. */
function requireTime(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidRenewalInput(`${name} must be epoch milliseconds (an integer); got ${value}`);
  }
}

/** One draw of `random`, refused outside [0, 1): a bad generator would break every bound. */
function draw(random: () => number): number {
  const value = random();
  if (value >= 0 && value < 1) return value;
  throw new InvalidRenewalInput(`random() must return a number in [0, 1); got ${value}`);
}
