import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  FREQUENCIES,
  LAST_INSTANT,
  nextOccurrence,
  occurrences,
  type Schedule,
  type ValidSchedule,
  validateSchedule,
} from './recurrence.ts';

/** Real zones: DST north and south, at midnight (Havana, Santiago), half-hour (Lord Howe) and
 * 45-minute offsets (Kathmandu, Chatham), none at all (Kolkata, Tehran today). */
const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'Africa/Cairo',
] as const;

const CALENDAR = ['daily', 'weekly', 'biweekly', 'monthly', 'yearly'] as const;
type Calendar = (typeof CALENDAR)[number];

const DAY_NS = 86_400_000_000_000n;
const YEAR_NS = 365n * DAY_NS;

const zone = fc.constantFrom(...ZONES);

/** Wall times biased to the interesting: month ends, Feb 29, and the small hours of DST. */
const wallTime = fc
  .record({
    year: fc.integer({ min: 1972, max: 2080 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(31)),
    hour: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })),
    minute: fc.oneof(fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 0, max: 59 })),
    second: fc.integer({ min: 0, max: 59 }),
    leapDay: fc.boolean(),
  })
  .map(({ leapDay, ...wall }) =>
    leapDay
      ? Temporal.PlainDateTime.from({
          ...wall,
          year: wall.year - (wall.year % 4),
          month: 2,
          day: 29,
        })
      : Temporal.PlainDateTime.from(wall),
  );

/** A start: a wall time in a zone, read as Temporal reads it. */
const anchored = fc.record({ zone, wall: wallTime }).map(({ zone, wall }) => ({
  zone,
  start: wall.toZonedDateTime(zone).toInstant(),
}));

/** An instant before, around or long after the start, or just before a DST change. */
function afterFor(start: Temporal.Instant, zone: string): fc.Arbitrary<Temporal.Instant> {
  const offset = (min: bigint, max: bigint) =>
    fc
      .bigInt({ min, max })
      .map((ns) => Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + ns));
  const nearTransition = fc
    .tuple(fc.bigInt({ min: 0n, max: 30n * YEAR_NS }), fc.bigInt({ min: 0n, max: 3n * DAY_NS }))
    .map(([from, before]) => {
      const transition = Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + from)
        .toZonedDateTimeISO(zone)
        .getTimeZoneTransition('next');
      const at = transition?.toInstant() ?? start;
      return Temporal.Instant.fromEpochNanoseconds(at.epochNanoseconds - before);
    });
  return fc.oneof(offset(-2n * YEAR_NS, 3n * DAY_NS), offset(0n, 300n * YEAR_NS), nearTransition);
}

function wallOf(instant: Temporal.Instant, zone: string): Temporal.PlainDateTime {
  return instant.toZonedDateTimeISO(zone).toPlainDateTime();
}

/**
 * The oracle for a wall time: Temporal's reading when the wall time exists ('compatible' takes
 * the earlier of a repeated time); when a DST change skips it, the first instant whose wall
 * clock reads it or later, found by bisection between Temporal's two readings of it.
 */
function oracleInstant(target: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  const compatible = target.toZonedDateTime(zone, { disambiguation: 'compatible' });
  if (compatible.toPlainDateTime().equals(target)) return compatible.toInstant();
  let before = target.toZonedDateTime(zone, { disambiguation: 'earlier' }).epochNanoseconds;
  let atOrAfter = compatible.epochNanoseconds;
  while (atOrAfter - before > 1n) {
    const middle = (before + atOrAfter) / 2n;
    const wall = wallOf(Temporal.Instant.fromEpochNanoseconds(middle), zone);
    if (Temporal.PlainDateTime.compare(wall, target) >= 0) atOrAfter = middle;
    else before = middle;
  }
  return Temporal.Instant.fromEpochNanoseconds(atOrAfter);
}

const STEPS: Record<Calendar, (k: number) => Temporal.DurationLike> = {
  daily: (k) => ({ days: k }),
  weekly: (k) => ({ weeks: k }),
  biweekly: (k) => ({ weeks: 2 * k }),
  monthly: (k) => ({ months: k }),
  yearly: (k) => ({ years: k }),
};

/** Occurrence k by the oracle: the start, then the anchor's wall time plus k steps. */
function oracleOccurrence(frequency: Calendar, start: Temporal.Instant, zone: string, k: number) {
  if (k === 0) return start;
  return oracleInstant(wallOf(start, zone).add(STEPS[frequency](k)), zone);
}

/** The oracle's first occurrence after `after`: counted up from a low guess, checked low. */
function oracleIndexAfter(
  frequency: Calendar,
  start: Temporal.Instant,
  zone: string,
  after: Temporal.Instant,
) {
  if (Temporal.Instant.compare(after, start) < 0) return 0;
  const days = wallOf(start, zone).toPlainDate().until(wallOf(after, zone).toPlainDate()).days;
  const perStep = { daily: 1, weekly: 7, biweekly: 14, monthly: 31, yearly: 366 }[frequency];
  let k = Math.max(0, Math.floor(days / perStep) - 2);
  expect(
    Temporal.Instant.compare(oracleOccurrence(frequency, start, zone, k), after),
  ).toBeLessThanOrEqual(0);
  while (Temporal.Instant.compare(oracleOccurrence(frequency, start, zone, k), after) <= 0) k += 1;
  return k;
}

const calendarCase = anchored.chain(({ zone, start }) =>
  fc.record({
    zone: fc.constant(zone),
    start: fc.constant(start),
    frequency: fc.constantFrom(...CALENDAR),
    after: afterFor(start, zone),
  }),
);

/**
 * Cases aimed at DST changes: `after` shortly before a transition, and the anchor some steps
 * before, at a wall time within 90 minutes of the transition's, so that the occurrence after
 * `after` often falls in the gap or the repeated hour.
 */
const dstCase = fc
  .record({
    zone: fc.constantFrom(...ZONES.filter((z) => !['UTC', 'Asia/Kolkata'].includes(z))),
    year: fc.integer({ min: 1975, max: 2060 }),
    month: fc.integer({ min: 1, max: 12 }),
    frequency: fc.constantFrom(...CALENDAR),
    steps: fc.integer({ min: 1, max: 60 }),
    minutes: fc.integer({ min: -90, max: 90 }),
    before: fc.bigInt({ min: 0n, max: 2n * DAY_NS }),
  })
  .map(({ zone, year, month, frequency, steps, minutes, before }) => {
    const from = Temporal.PlainDate.from({ year, month, day: 1 }).toZonedDateTime(zone);
    const at = from.getTimeZoneTransition('next')?.toInstant() ?? from.toInstant();
    const target = wallOf(at.subtract({ nanoseconds: 1 }), zone)
      .round('second')
      .add({ minutes });
    const anchor = target.subtract(STEPS[frequency](steps));
    const after = Temporal.Instant.fromEpochNanoseconds(at.epochNanoseconds - before);
    return { zone, frequency, start: anchor.toZonedDateTime(zone).toInstant(), after };
  });

const calendarOrDstCase = fc.oneof(calendarCase, dstCase);

describe('calendar frequencies against Temporal', () => {
  it('nextOccurrence is the first oracle occurrence strictly after `after`', () => {
    fc.assert(
      fc.property(calendarOrDstCase, ({ zone, start, frequency, after }) => {
        const schedule: Schedule = { frequency, start: start.toString(), timezone: zone };
        const k = oracleIndexAfter(frequency, start, zone, after);
        const expected = oracleOccurrence(frequency, start, zone, k);
        const actual = nextOccurrence(schedule, after);
        expect(actual?.toString()).toBe(expected.toString());
        expect(Temporal.Instant.compare(expected, after)).toBe(1);
        if (k > 0) {
          const previous = oracleOccurrence(frequency, start, zone, k - 1);
          expect(Temporal.Instant.compare(previous, after)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a wall time runs at the first instant whose clock reads it or later', () => {
    fc.assert(
      fc.property(calendarOrDstCase, ({ zone, start, frequency, after }) => {
        const schedule: Schedule = { frequency, start: start.toString(), timezone: zone };
        const k = oracleIndexAfter(frequency, start, zone, after);
        const actual = nextOccurrence(schedule, after);
        if (actual === null || k === 0) return;
        const target = wallOf(start, zone).add(STEPS[frequency](k));
        const justBefore = actual.subtract({ nanoseconds: 1 });
        expect(Temporal.PlainDateTime.compare(wallOf(actual, zone), target)).toBeGreaterThanOrEqual(
          0,
        );
        expect(Temporal.PlainDateTime.compare(wallOf(justBefore, zone), target)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});

/** Any schedule of any frequency, with an end or not. */
const anySchedule: fc.Arbitrary<ValidSchedule> = anchored.chain(({ zone, start }) =>
  fc
    .record({
      frequency: fc.constantFrom(...CALENDAR, 'once', 'interval', 'cron'),
      interval: fc.constantFrom('PT1S', 'PT7.25S', 'PT45M', 'P1DT2H', 'P1W'),
      cron: fc.constantFrom('0 30 2 * * *', '*/20 * * * * *', '0 0 9 * * 1-5', '0 15 1-3 L * *'),
      start: fc.constant(start.toString()),
      end: fc.option(
        fc
          .bigInt({ min: 0n, max: 5n * YEAR_NS })
          .map((ns) =>
            Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + ns).toString(),
          ),
      ),
      timezone: fc.constant(zone as string),
    })
    .map((s) => ({
      ...s,
      interval: s.frequency === 'interval' ? s.interval : null,
      cron: s.frequency === 'cron' ? s.cron : null,
    })),
);

describe('every frequency', () => {
  it('gives strictly increasing occurrences after `after`, each the next of the one before, none past the end', () => {
    fc.assert(
      fc.property(
        anySchedule,
        fc.bigInt({ min: -YEAR_NS, max: 10n * YEAR_NS }),
        (schedule, offset) => {
          const after = Temporal.Instant.fromEpochNanoseconds(
            Temporal.Instant.from(schedule.start).epochNanoseconds + offset,
          );
          const found = occurrences(schedule, after, 8);
          let previous = after;
          for (const at of found) {
            expect(Temporal.Instant.compare(at, previous)).toBe(1);
            expect(nextOccurrence(schedule, previous)?.toString()).toBe(at.toString());
            expect(
              Temporal.Instant.compare(at, Temporal.Instant.from(schedule.start)),
            ).toBeGreaterThanOrEqual(0);
            if (schedule.end)
              expect(
                Temporal.Instant.compare(at, Temporal.Instant.from(schedule.end)),
              ).toBeLessThanOrEqual(0);
            previous = at;
          }
          if (found.length < 8) expect(nextOccurrence(schedule, previous)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops exactly at the end: the occurrence an endless twin has next is past it', () => {
    fc.assert(
      fc.property(
        anySchedule,
        fc.bigInt({ min: -YEAR_NS, max: 6n * YEAR_NS }),
        (schedule, offset) => {
          const after = Temporal.Instant.fromEpochNanoseconds(
            Temporal.Instant.from(schedule.start).epochNanoseconds + offset,
          );
          const ended = nextOccurrence(schedule, after);
          const endless = nextOccurrence({ ...schedule, end: null }, after);
          const past =
            schedule.end !== null &&
            endless !== null &&
            Temporal.Instant.compare(endless, Temporal.Instant.from(schedule.end)) > 0;
          expect(ended?.toString()).toBe(past ? undefined : endless?.toString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validateSchedule accepts its own output unchanged, with the same occurrences', () => {
    fc.assert(
      fc.property(anySchedule, (schedule) => {
        const result = validateSchedule({ ...schedule, timezone: schedule.timezone.toLowerCase() });
        if (!result.ok) {
          // only a cron pattern that never matches before the end may be refused
          expect(result.errors.map((e) => e.field)).toEqual(['cron']);
          expect(
            nextOccurrence(
              schedule,
              Temporal.Instant.from(schedule.start).subtract({ nanoseconds: 1 }),
            ),
          ).toBeNull();
          return;
        }
        expect(result.schedule).toEqual(schedule);
        expect(validateSchedule(result.schedule)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('interval against instant arithmetic', () => {
  it('lands on start + k * step, strictly after `after`, with the one before not after it', () => {
    const step = fc.bigInt({ min: 1_000_000_000n, max: 400n * DAY_NS });
    fc.assert(
      fc.property(
        anchored,
        step,
        fc.bigInt({ min: -YEAR_NS, max: 7000n * YEAR_NS }),
        ({ start }, ns, offset) => {
          const interval = Temporal.Duration.from({
            nanoseconds: Number(ns % 1_000_000_000n),
            seconds: Number(ns / 1_000_000_000n),
          }).toString();
          const schedule: Schedule = { frequency: 'interval', interval, start: start.toString() };
          const after = Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + offset);
          const actual = nextOccurrence(schedule, after);
          if (actual === null) return expect(actual).toBeNull();
          const elapsed = actual.epochNanoseconds - start.epochNanoseconds;
          expect(elapsed % ns).toBe(0n);
          expect(actual.epochNanoseconds > after.epochNanoseconds).toBe(true);
          expect(elapsed === 0n || actual.epochNanoseconds - ns <= after.epochNanoseconds).toBe(
            true,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cron against the calendar rules', () => {
  it('a fixed time every day (or one weekday) runs as daily (or weekly) does, DST included', () => {
    fc.assert(
      fc.property(
        anchored,
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 20n * YEAR_NS }),
        ({ zone, start }, weekly, offset) => {
          const wall = wallOf(start, zone);
          const days = weekly ? String(wall.dayOfWeek % 7) : '*';
          const cron = `${wall.second} ${wall.minute} ${wall.hour} * * ${days}`;
          const base = { start: start.toString(), timezone: zone };
          const after = Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + offset);
          const byCron = occurrences({ ...base, frequency: 'cron', cron }, after, 6).map(String);
          const byCalendar = occurrences(
            { ...base, frequency: weekly ? 'weekly' : 'daily' },
            after,
            6,
          ).map(String);
          expect(byCron).toEqual(byCalendar);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('whatever validation accepts can run', () => {
  /** Any instant Meridian could be asked about, the edges of the accepted range included. */
  const anyInstant = fc.oneof(
    fc.bigInt({ min: -10n * YEAR_NS, max: 8100n * YEAR_NS }),
    fc.constantFrom(0n, LAST_INSTANT.epochNanoseconds, LAST_INSTANT.epochNanoseconds + 1n),
    fc.bigInt({ min: -DAY_NS, max: DAY_NS }).map((ns) => LAST_INSTANT.epochNanoseconds + ns),
  );
  const instantText = anyInstant.map((ns) => Temporal.Instant.fromEpochNanoseconds(ns).toString());
  /** Durations of every size, from under a second to far more than an instant can hold. */
  const interval = fc.oneof(
    fc.constantFrom('PT1S', 'P3660D', 'P3661D', 'P99999999D', 'PT0.999999999S', 'P1Y', 'P1M'),
    fc
      .tuple(fc.constantFrom('W', 'D', 'H', 'M', 'S'), fc.bigInt({ min: 0n, max: 10n ** 12n }))
      .map(([unit, n]) => (['H', 'M', 'S'].includes(unit) ? `PT${n}${unit}` : `P${n}${unit}`)),
  );
  const cron = fc.constantFrom(
    '* * * * * *',
    '0 0 0 1 1 *',
    '0 0 0 29 2 *',
    '0 30 2 * * 0',
    '59 59 23 31 12 *',
    '0 0 12 L * *',
    '0 0 0 * * 5#5',
    '*/7 */13 1-5 * * *',
  );
  const rawSchedule = fc
    .record(
      {
        // The frequencies with a field of their own, interval and cron, most often.
        frequency: fc.oneof(fc.constantFrom('interval', 'cron'), fc.constantFrom(...FREQUENCIES)),
        interval,
        cron,
        start: instantText,
        end: fc.option(instantText),
        timezone: fc.constantFrom(...ZONES, 'Pacific/Kiritimati', 'Pacific/Pago_Pago'),
      },
      { requiredKeys: ['frequency', 'interval', 'cron', 'start'] },
    )
    .map(({ interval, cron, ...schedule }) => ({
      ...schedule,
      ...(schedule.frequency === 'interval' ? { interval } : {}),
      ...(schedule.frequency === 'cron' ? { cron } : {}),
    }));

  it('gives next occurrences and previews without throwing, none past the end or year 9999', () => {
    fc.assert(
      fc.property(rawSchedule, anyInstant, (input, afterNs) => {
        const result = validateSchedule(input);
        if (!result.ok) return;
        const { schedule } = result;
        const after = Temporal.Instant.fromEpochNanoseconds(afterNs);
        const found = [
          ...occurrences(schedule, after, 3),
          ...occurrences(schedule, Temporal.Instant.from(schedule.start), 3),
        ];
        const last = schedule.end ? Temporal.Instant.from(schedule.end) : LAST_INSTANT;
        for (const at of found) {
          expect(Temporal.Instant.compare(at, last)).toBeLessThanOrEqual(0);
          // What the scheduler stores: a Date, to the millisecond.
          expect(Number.isNaN(new Date(at.epochMilliseconds).getTime())).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an interval over ten years, or under a second, on the interval', () => {
    for (const interval of ['P3661D', 'P99999999D', 'PT316224001S', 'PT0.5S']) {
      const result = validateSchedule({
        frequency: 'interval',
        interval,
        start: '2026-01-01T00:00:00Z',
      });
      expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['interval']);
    }
    expect(
      validateSchedule({ frequency: 'interval', interval: 'P3660D', start: '2026-01-01T00:00:00Z' })
        .ok,
    ).toBe(true);
  });
});
