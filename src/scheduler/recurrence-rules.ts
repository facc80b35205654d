import { Cron } from 'croner';
import { Temporal } from 'temporal-polyfill';

/**
 * How each kind of schedule computes its occurrences, for recurrence.ts: calendar steps from
 * the anchor, exact intervals, cron through croner, and the one rule for wall times.
 */

export type CalendarFrequency = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'yearly';

/** One step of each calendar frequency, in the unit its index is estimated in. */
const CALENDAR_STEPS: Record<CalendarFrequency, { days: number } | { months: number }> = {
  daily: { days: 1 },
  weekly: { days: 7 },
  biweekly: { days: 14 },
  monthly: { months: 1 },
  yearly: { months: 12 },
};

export const NS_PER_UNIT = {
  weeks: 604_800_000_000_000n,
  days: 86_400_000_000_000n,
  hours: 3_600_000_000_000n,
  minutes: 60_000_000_000n,
  seconds: 1_000_000_000n,
  milliseconds: 1_000_000n,
  microseconds: 1_000n,
  nanoseconds: 1n,
} as const;

/**
 * The first instant at which the clock of `timeZone` reads `wall` or later. A wall time that
 * exists maps to its instant (the earlier of two when a DST change repeats it); one that a DST
 * change skips maps to the end of the gap, the transition itself. Temporal's 'compatible'
 * would instead shift it by the gap's length (02:30 skipped in Paris would run at 03:30, not
 * 03:00), and croner treats fixed cron times the way this does.
 *
 * @example
 * wallTimeInstant(Temporal.PlainDateTime.from('2026-03-29T02:30'), 'Europe/Paris');
 * // 2026-03-29T01:00:00Z, which is 03:00 in Paris
 */
export function wallTimeInstant(wall: Temporal.PlainDateTime, timeZone: string): Temporal.Instant {
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall) === 0) return zoned.toInstant();
  // In a gap, 'earlier' reads the wall time with the offset after the gap: an instant before it.
  const gapEnd = zoned.getTimeZoneTransition('next');
  if (gapEnd === null) throw new Error(`no transition after skipped ${wall} in ${timeZone}`);
  return gapEnd.toInstant();
}

/** The exact length of an ISO 8601 duration without years or months, in nanoseconds. */
export function durationNanoseconds(duration: Temporal.Duration): bigint {
  let total = 0n;
  for (const [unit, ns] of Object.entries(NS_PER_UNIT)) {
    total += BigInt(duration[unit as keyof typeof NS_PER_UNIT]) * ns;
  }
  return total;
}

/** The last instant Temporal can hold (Temporal.Instant's range is ±10^8 days from 1970). */
const MAX_EPOCH_NS = 8_640_000_000_000_000_000_000n;

/**
 * start + k * step for the smallest k >= 0 that lands strictly after `after`; null when that lies
 * beyond what an instant can hold (only an interval longer than validation allows gets there).
 */
export function intervalAfter(
  start: Temporal.Instant,
  step: bigint,
  after: Temporal.Instant,
): Temporal.Instant | null {
  const elapsed = after.epochNanoseconds - start.epochNanoseconds;
  const index = elapsed < 0n ? 0n : elapsed / step + 1n;
  const next = start.epochNanoseconds + index * step;
  return next > MAX_EPOCH_NS ? null : Temporal.Instant.fromEpochNanoseconds(next);
}

/**
 * The first cron time at or after the start and strictly after `after`. Croner answers strictly
 * after a reference in whole milliseconds with whole seconds, so the reference is the later of
 * `after` and just before the start, floored to the millisecond: croner's next whole second is
 * past it even when it had a fraction of a millisecond.
 */
export function cronAfter(
  cron: Cron,
  start: Temporal.Instant,
  after: Temporal.Instant,
): Temporal.Instant | null {
  const justBeforeStart = start.subtract({ nanoseconds: 1 });
  const bound = Temporal.Instant.compare(after, justBeforeStart) > 0 ? after : justBeforeStart;
  const run = cron.nextRun(new Date(bound.epochMilliseconds));
  return run === null ? null : Temporal.Instant.fromEpochMilliseconds(run.getTime());
}

/**
 * Occurrence `index` of a calendar frequency: the anchor's wall time plus `index` steps. For
 * index 0 that is the start, except for a start in the second pass of a repeated hour, which
 * this reads as the first pass: {@link calendarAfter} returns the start itself instead.
 */
function calendarOccurrence(
  frequency: CalendarFrequency,
  anchor: Temporal.ZonedDateTime,
  index: number,
): Temporal.Instant {
  const step = CALENDAR_STEPS[frequency];
  const wall = anchor.toPlainDateTime();
  const shifted =
    'days' in step
      ? wall.add({ days: step.days * index })
      : wall.add({ months: step.months * index });
  return wallTimeInstant(shifted, anchor.timeZoneId);
}

/**
 * The first calendar occurrence strictly after `after`. Its index is at least the number of
 * whole steps from the anchor's date to `after`'s date: the occurrence one step fewer has a wall
 * date before `after`'s, so it is not after it. From there it is at most a step or two,
 * however far `after` is.
 */
export function calendarAfter(
  frequency: CalendarFrequency,
  anchor: Temporal.ZonedDateTime,
  after: Temporal.Instant,
): Temporal.Instant {
  if (Temporal.Instant.compare(after, anchor.toInstant()) < 0) return anchor.toInstant();
  let index = stepsBetween(frequency, anchor, after.toZonedDateTimeISO(anchor.timeZoneId));
  let occurrence = calendarOccurrence(frequency, anchor, index);
  while (Temporal.Instant.compare(occurrence, after) <= 0) {
    index += 1;
    occurrence = calendarOccurrence(frequency, anchor, index);
  }
  return occurrence;
}

/** Whole steps of a calendar frequency from the anchor's date to `later`'s date (rounded down). */
function stepsBetween(
  frequency: CalendarFrequency,
  anchor: Temporal.ZonedDateTime,
  later: Temporal.ZonedDateTime,
): number {
  const step = CALENDAR_STEPS[frequency];
  if ('days' in step) {
    const days = anchor.toPlainDate().until(later.toPlainDate(), { largestUnit: 'days' }).days;
    return Math.floor(days / step.days);
  }
  const months = (later.year - anchor.year) * 12 + (later.month - anchor.month);
  return Math.floor(months / step.months);
}

/**
 * Parsed patterns by zone and pattern. A recurring task computes its next occurrence at every
 * run, and a late one's catch-up up to 40 times (`lastDueBetween`), so parsing once per pattern
 * instead of each time is most of a cron occurrence's node CPU. A paused `Cron` is never run, so
 * `nextRun` reads only its pattern and one instance serves every caller. Bounded: past the bound
 * the oldest pattern is parsed again when next needed.
 */
const parsedCrons = new Map<string, Cron>();
/** Zones that are UTC all year, by the names the IANA database gives it. */
const utcZones = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/GMT',
  'GMT',
]);
const maxParsedCrons = 10_000;

/**
 * Parses a cron pattern of 5 or 6 fields for the zone. Lists and ranges of seconds, minutes
 * and hours are wall times too (croner's 'no-wildcard' rule): such a time skipped by DST runs
 * when the gap ends and one repeated runs once, like the calendar frequencies; patterns with
 * wildcards or steps follow elapsed time (a skipped time is skipped, a repeated one runs twice).
 */
export function parseCron(pattern: string | null | undefined, timeZone: string): Cron {
  if (!pattern) throw new RangeError('a cron schedule needs a cron pattern');
  const key = `${timeZone} ${pattern}`;
  const parsed = parsedCrons.get(key);
  if (parsed) return parsed;
  const cron = new Cron(pattern, {
    paused: true,
    // The same times, 3-4x faster: croner converts every candidate through Intl for a named
    // zone, even UTC, and does plain arithmetic for a fixed offset.
    ...(utcZones.has(timeZone) ? { utcOffset: 0 } : { timezone: timeZone }),
    mode: '5-or-6-parts',
    fixedTimeRule: 'no-wildcard',
  });
  if (parsedCrons.size >= maxParsedCrons)
    parsedCrons.delete(parsedCrons.keys().next().value as string);
  parsedCrons.set(key, cron);
  return cron;
}
