import { Temporal } from 'temporal-polyfill';
import {
  calendarAfter,
  cronAfter,
  durationNanoseconds,
  intervalAfter,
  NS_PER_UNIT,
  parseCron,
} from './recurrence-rules.ts';

/**
 * The recurrence engine: when does a task's schedule fall due? Pure functions of a schedule and
 * an instant, no clock and no I/O. Rules (docs/scheduler.md, "Recurrence"):
 * - calendar frequencies are computed from the anchor (the start read in the task's zone),
 *   occurrence k = anchor wall time + k steps, never by adding to the previous occurrence;
 * - a wall time runs at the first instant whose wall clock reads that time or later: a time a
 *   DST change skips runs when the gap ends, one it repeats runs once (the earlier);
 * - `interval` is exact elapsed time from the start; `cron` is croner in the task's zone;
 * - the start is the first occurrence, the end is inclusive, nothing runs after year 9999.
 */

export const FREQUENCIES = [
  'once',
  'daily',
  'weekly',
  'biweekly',
  'monthly',
  'yearly',
  'cron',
  'interval',
] as const;

export type Frequency = (typeof FREQUENCIES)[number];

/** A task's schedule, as in the API's JSON. Times are ISO 8601 instants with an offset. */
export interface Schedule {
  frequency: Frequency;
  /** ISO 8601 duration of at least one second (`PT1S`, `P1DT2H`), for `interval` only. */
  interval?: string | null;
  /** Cron pattern of 5 or 6 fields (seconds first when 6), for `cron` only. */
  cron?: string | null;
  start: string;
  /** Inclusive: an occurrence exactly at the end runs. */
  end?: string | null;
  /** IANA time zone the calendar rules and cron read wall times in; `UTC` when absent. */
  timezone?: string;
}

/** A schedule after {@link validateSchedule}: every field present, instants in UTC. */
export type ValidSchedule = Required<Schedule>;

/** What is wrong with one field; `field` is the key in the schedule object. */
export interface FieldError {
  field: string;
  message: string;
}

export type ScheduleValidation =
  | { ok: true; schedule: ValidSchedule }
  | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /**
   * Refuse a schedule with no occurrence at or after this instant: a `once` task in the past,
   * an end already gone. The caller passes now minus its tolerance; without it, time is not read.
   */
  notBefore?: Temporal.Instant | Date;
}

/** Instants strictly after this have no occurrence: the end of ISO 8601's four-digit years. */
export const LAST_INSTANT = Temporal.Instant.from('9999-12-31T23:59:59.999999999Z');

/**
 * The first occurrence strictly after `after`, or null when there is none (past the end, a
 * `once` already passed, beyond {@link LAST_INSTANT}). The schedule must have passed
 * {@link validateSchedule}. Cost does not grow with the distance from the start: the index of
 * the occurrence is computed, not counted.
 *
 * @example
 * nextOccurrence(
 *   { frequency: 'monthly', start: '2024-01-31T09:00:00+01:00', timezone: 'Europe/Paris' },
 *   Temporal.Instant.from('2024-02-01T00:00:00Z'),
 * ); // 2024-02-29T08:00:00Z, then 2024-03-31T07:00:00Z (09:00 in Paris each time)
 */
export function nextOccurrence(
  schedule: Schedule,
  after: Temporal.Instant | Date,
): Temporal.Instant | null {
  const afterInstant = instantOf(after);
  if (Temporal.Instant.compare(afterInstant, LAST_INSTANT) >= 0) return null;
  const next = firstAfter(schedule, afterInstant);
  return next !== null && Temporal.Instant.compare(next, lastAllowed(schedule)) <= 0 ? next : null;
}

/**
 * The next `count` occurrences strictly after `after`, in order; fewer when the schedule ends.
 * For previews (`GET /v1/tasks/{id}/occurrences?count=N`); the caller bounds `count`.
 *
 * @example
 * occurrences({ frequency: 'daily', start: '2026-01-01T09:00:00Z' }, new Date(), 3);
 */
export function occurrences(
  schedule: Schedule,
  after: Temporal.Instant | Date,
  count: number,
): Temporal.Instant[] {
  const found: Temporal.Instant[] = [];
  let next = nextOccurrence(schedule, after);
  while (next !== null && found.length < count) {
    found.push(next);
    next = nextOccurrence(schedule, next);
  }
  return found;
}

function instantOf(time: Temporal.Instant | Date): Temporal.Instant {
  return time instanceof Date ? Temporal.Instant.fromEpochMilliseconds(time.getTime()) : time;
}

/** The end of the schedule, inclusive: its `end`, or {@link LAST_INSTANT}. */
function lastAllowed(schedule: Schedule): Temporal.Instant {
  return schedule.end ? Temporal.Instant.from(schedule.end) : LAST_INSTANT;
}

/** The first occurrence strictly after `after`, ignoring the end. */
function firstAfter(schedule: Schedule, after: Temporal.Instant): Temporal.Instant | null {
  const start = Temporal.Instant.from(schedule.start);
  const timeZone = schedule.timezone ?? 'UTC';
  switch (schedule.frequency) {
    case 'once':
      return Temporal.Instant.compare(start, after) > 0 ? start : null;
    case 'interval':
      return intervalAfter(start, durationNanoseconds(parseInterval(schedule.interval)), after);
    case 'cron':
      return cronAfter(parseCron(schedule.cron, timeZone), start, after);
    default:
      return calendarAfter(schedule.frequency, start.toZonedDateTimeISO(timeZone), after);
  }
}

/** Parses a validated schedule's interval; throws if it is absent. */
function parseInterval(interval: string | null | undefined): Temporal.Duration {
  if (!interval) throw new RangeError('an interval schedule needs an interval');
  return Temporal.Duration.from(interval);
}

/** The earliest start or end accepted; with {@link LAST_INSTANT}, what fits every store. */
const FIRST_INSTANT = Temporal.Instant.from('1970-01-01T00:00:00Z');

/**
 * Checks a schedule from a request and normalizes it (defaults filled, instants in UTC, the
 * zone's canonical spelling), or lists every field that is wrong, for a 422 problem. Field
 * types are checked too, so a merged PATCH body can be passed as is.
 *
 * @example
 * validateSchedule({ frequency: 'cron', cron: '0 0 0 30 2 *', start: '2026-01-01T00:00:00Z' });
 * // { ok: false, errors: [{ field: 'cron', message: 'cron pattern "0 0 0 30 2 *" never matches ...' }] }
 */
export function validateSchedule(
  input: Record<string, unknown>,
  options: ValidateOptions = {},
): ScheduleValidation {
  const errors: FieldError[] = [];
  const frequency = readFrequency(input.frequency, errors);
  const timezone = readTimeZone(input.timezone, errors);
  const start = readInstant('start', input.start, errors);
  const end = input.end == null ? null : readInstant('end', input.end, errors);
  const interval = readInterval(frequency, input.interval, errors);
  const cron = readCron(frequency, input.cron, timezone ?? 'UTC', errors);
  if (!frequency || !timezone || !start || end === undefined || errors.length > 0) {
    return { ok: false, errors };
  }
  const schedule = { frequency, interval, cron, start, end, timezone };
  errors.push(...crossFieldErrors(schedule, options.notBefore));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, schedule };
}

function readFrequency(value: unknown, errors: FieldError[]): Frequency | undefined {
  const frequency = FREQUENCIES.find((known) => known === value);
  if (frequency) return frequency;
  const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
  errors.push({
    field: 'frequency',
    message: `frequency must be one of ${FREQUENCIES.join(', ')}; ${got}`,
  });
  return undefined;
}

/** An IANA name, canonical case (`europe/paris` is `Europe/Paris`); offsets are refused. */
function readTimeZone(value: unknown, errors: FieldError[]): string | undefined {
  if (value === undefined) return 'UTC';
  const message = `timezone must be an IANA time zone such as Europe/Paris; got ${JSON.stringify(value)}`;
  if (typeof value !== 'string' || /^[+-]/.test(value)) {
    errors.push({ field: 'timezone', message });
    return undefined;
  }
  try {
    const id = FIRST_INSTANT.toZonedDateTimeISO(value).timeZoneId;
    if (id.toLowerCase() === value.toLowerCase()) return id;
  } catch {
    // not a zone Temporal knows: reported below
  }
  errors.push({ field: 'timezone', message });
  return undefined;
}

/** An ISO 8601 instant with an offset, as a UTC string; undefined (and an error) otherwise. */
function readInstant(
  field: 'start' | 'end',
  value: unknown,
  errors: FieldError[],
): string | undefined {
  let instant: Temporal.Instant | undefined;
  try {
    instant = typeof value === 'string' ? Temporal.Instant.from(value) : undefined;
  } catch {
    // not an instant: reported below
  }
  if (!instant) {
    const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
    const message = `${field} must be an ISO 8601 date-time with an offset, such as 2026-12-01T09:00:00+01:00; ${got}`;
    errors.push({ field, message });
    return undefined;
  }
  if (
    Temporal.Instant.compare(instant, FIRST_INSTANT) < 0 ||
    Temporal.Instant.compare(instant, LAST_INSTANT) > 0
  ) {
    errors.push({
      field,
      message: `${field} must lie between ${FIRST_INSTANT} and 9999-12-31T23:59:59Z`,
    });
    return undefined;
  }
  return instant.toString();
}

/** The longest interval accepted: ten years of 366 days. Longer, no task would run twice. */
export const MAX_INTERVAL = 'P3660D';
const MAX_INTERVAL_NS = 3660n * NS_PER_UNIT.days;

/** The interval, required for `interval` (whole elapsed time, at least 1 s), refused otherwise. */
function readInterval(
  frequency: Frequency | undefined,
  value: unknown,
  errors: FieldError[],
): string | null {
  const fail = (message: string) => {
    errors.push({ field: 'interval', message });
    return null;
  };
  if (frequency !== 'interval') {
    const unused = value != null && frequency !== undefined;
    return unused ? fail('interval is only used with frequency "interval"') : null;
  }
  if (value == null) {
    return fail(
      'interval is required with frequency "interval": a duration such as PT1S or P1DT2H',
    );
  }
  let duration: Temporal.Duration | undefined;
  try {
    duration = typeof value === 'string' ? Temporal.Duration.from(value) : undefined;
  } catch {
    // not a duration: reported below
  }
  if (!duration) {
    return fail(
      `interval must be an ISO 8601 duration such as PT30M or P1DT2H; got ${JSON.stringify(value)}`,
    );
  }
  if (duration.years !== 0 || duration.months !== 0) {
    return fail(
      'interval must not use years or months, whose length varies: use frequency "monthly" or "yearly"',
    );
  }
  const length = durationNanoseconds(duration);
  if (length < NS_PER_UNIT.seconds) {
    return fail(`interval must be at least 1 second (PT1S); got ${JSON.stringify(value)}`);
  }
  if (length > MAX_INTERVAL_NS) {
    return fail(
      `interval must be at most ${MAX_INTERVAL} (about ten years); got ${JSON.stringify(value)}`,
    );
  }
  return duration.toString();
}

/** The cron pattern, required for `cron` (5 or 6 fields), refused otherwise. */
function readCron(
  frequency: Frequency | undefined,
  value: unknown,
  timeZone: string,
  errors: FieldError[],
): string | null {
  const fail = (message: string) => {
    errors.push({ field: 'cron', message });
    return null;
  };
  if (frequency !== 'cron') {
    const unused = value != null && frequency !== undefined;
    return unused ? fail('cron is only used with frequency "cron"') : null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(
      'cron is required with frequency "cron": 5 or 6 fields, seconds first when 6, such as "0 30 9 * * 1-5"',
    );
  }
  const pattern = value.trim().split(/\s+/).join(' ');
  try {
    parseCron(pattern, timeZone);
  } catch (error) {
    return fail(`invalid cron pattern ${JSON.stringify(value)}: ${(error as Error).message}`);
  }
  return pattern;
}

/** Rules between fields, on a schedule whose fields are each valid. */
function crossFieldErrors(
  schedule: ValidSchedule,
  notBefore: Temporal.Instant | Date | undefined,
): FieldError[] {
  const start = Temporal.Instant.from(schedule.start);
  if (
    schedule.end !== null &&
    Temporal.Instant.compare(Temporal.Instant.from(schedule.end), start) < 0
  ) {
    return [{ field: 'end', message: `end ${schedule.end} is before start ${schedule.start}` }];
  }
  if (nextOccurrence(schedule, start.subtract({ nanoseconds: 1 })) === null) {
    const span =
      schedule.end === null
        ? `at or after start ${schedule.start}`
        : `between start ${schedule.start} and end ${schedule.end}`;
    const message = `cron pattern "${schedule.cron}" never matches ${span}`;
    return [{ field: 'cron', message }];
  }
  if (
    notBefore !== undefined &&
    nextOccurrence(schedule, instantOf(notBefore).subtract({ nanoseconds: 1 })) === null
  ) {
    const field = schedule.frequency === 'once' || schedule.end === null ? 'start' : 'end';
    const message = `${field} ${schedule[field]} leaves no occurrence at or after ${instantOf(notBefore)}: the task would never run`;
    return [{ field, message }];
  }
  return [];
}
