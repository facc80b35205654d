import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrences, type Schedule } from './recurrence.ts';

/** The next `count` occurrences after `after`, as UTC strings: readable expectations. */
function list(schedule: Schedule, after: string, count: number): string[] {
  return occurrences(schedule, Temporal.Instant.from(after), count).map(String);
}

function next(schedule: Schedule, after: string): string | null {
  return nextOccurrence(schedule, Temporal.Instant.from(after))?.toString() ?? null;
}

describe('monthly and yearly keep the anchor day, clamped to the month', () => {
  it('runs from Jan 31 on Feb 29 in a leap year, then back on the 31st (09:00 Paris)', () => {
    const schedule: Schedule = {
      frequency: 'monthly',
      start: '2024-01-31T09:00:00+01:00',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2024-01-01T00:00:00Z', 5)).toEqual([
      '2024-01-31T08:00:00Z',
      '2024-02-29T08:00:00Z',
      '2024-03-31T07:00:00Z', // summer time began that morning: still 09:00 in Paris
      '2024-04-30T07:00:00Z',
      '2024-05-31T07:00:00Z',
    ]);
  });

  it('runs from Jan 31 on Feb 28 in a common year', () => {
    const schedule: Schedule = { frequency: 'monthly', start: '2023-01-31T09:00:00Z' };
    expect(list(schedule, '2023-02-01T00:00:00Z', 3)).toEqual([
      '2023-02-28T09:00:00Z',
      '2023-03-31T09:00:00Z',
      '2023-04-30T09:00:00Z',
    ]);
  });

  it('jumps far ahead from the anchor, not from a clamped month (2100 is not a leap year)', () => {
    const schedule: Schedule = { frequency: 'monthly', start: '2024-01-31T09:00:00Z' };
    expect(list(schedule, '2100-02-01T00:00:00Z', 2)).toEqual([
      '2100-02-28T09:00:00Z',
      '2100-03-31T09:00:00Z',
    ]);
  });

  it('runs yearly from Feb 29 on Feb 28 in common years and Feb 29 in leap years', () => {
    const schedule: Schedule = { frequency: 'yearly', start: '2024-02-29T12:00:00Z' };
    expect(list(schedule, '2024-03-01T00:00:00Z', 4)).toEqual([
      '2025-02-28T12:00:00Z',
      '2026-02-28T12:00:00Z',
      '2027-02-28T12:00:00Z',
      '2028-02-29T12:00:00Z',
    ]);
  });
});

describe('daily, weekly and biweekly keep the wall time through DST changes', () => {
  it('runs 02:30 in Paris at 03:00 on the day 02:30 does not exist', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-03-27T02:30:00+01:00',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-03-27T00:00:00Z', 4)).toEqual([
      '2026-03-27T01:30:00Z',
      '2026-03-28T01:30:00Z',
      '2026-03-29T01:00:00Z', // 03:00 CEST, the end of the gap
      '2026-03-30T00:30:00Z',
    ]);
  });

  it('runs 02:30 in Paris once on the day 02:30 happens twice (the first)', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-10-23T02:30:00+02:00',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-10-23T00:00:00Z', 4)).toEqual([
      '2026-10-23T00:30:00Z',
      '2026-10-24T00:30:00Z',
      '2026-10-25T00:30:00Z', // 02:30 CEST; 02:30 CET (01:30Z) does not run
      '2026-10-26T01:30:00Z',
    ]);
    expect(next(schedule, '2026-10-25T00:30:00Z')).toBe('2026-10-26T01:30:00Z');
  });

  it('runs 02:30 in New York at 03:00 EDT when the clocks spring forward', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-03-07T02:30:00-05:00',
      timezone: 'America/New_York',
    };
    expect(list(schedule, '2026-03-07T00:00:00Z', 3)).toEqual([
      '2026-03-07T07:30:00Z',
      '2026-03-08T07:00:00Z',
      '2026-03-09T06:30:00Z',
    ]);
  });

  it('runs 01:30 in New York once when the clocks fall back', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-10-31T01:30:00-04:00',
      timezone: 'America/New_York',
    };
    expect(list(schedule, '2026-10-31T00:00:00Z', 3)).toEqual([
      '2026-10-31T05:30:00Z',
      '2026-11-01T05:30:00Z', // 01:30 EDT; 01:30 EST (06:30Z) does not run
      '2026-11-02T06:30:00Z',
    ]);
  });

  it('keeps a start in the second pass of a repeated hour as the first occurrence', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-11-01T01:30:00-05:00',
      timezone: 'America/New_York',
    };
    expect(list(schedule, '2026-11-01T00:00:00Z', 2)).toEqual([
      '2026-11-01T06:30:00Z',
      '2026-11-02T06:30:00Z',
    ]);
  });

  it('runs at the end of a half-hour gap (Lord Howe Island)', () => {
    const schedule: Schedule = {
      frequency: 'daily',
      start: '2026-10-03T02:15:00+10:30',
      timezone: 'Australia/Lord_Howe',
    };
    expect(list(schedule, '2026-10-01T00:00:00Z', 3)).toEqual([
      '2026-10-02T15:45:00Z',
      '2026-10-03T15:30:00Z', // 02:30 +11:00: 02:00 to 02:30 was skipped
      '2026-10-04T15:15:00Z',
    ]);
  });

  it('keeps the weekday and wall time weekly across a DST change', () => {
    const schedule: Schedule = {
      frequency: 'weekly',
      start: '2026-03-23T09:00:00+01:00',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-03-23T08:00:00Z', 2)).toEqual([
      '2026-03-30T07:00:00Z',
      '2026-04-06T07:00:00Z',
    ]);
  });

  it('runs biweekly every other Monday at 09:00 in Paris, also years later', () => {
    const schedule: Schedule = {
      frequency: 'biweekly',
      start: '2026-03-16T09:00:00+01:00',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-03-01T00:00:00Z', 3)).toEqual([
      '2026-03-16T08:00:00Z',
      '2026-03-30T07:00:00Z',
      '2026-04-13T07:00:00Z',
    ]);
    // 2030-01-07 is a Monday, 1393 days (99.5 fortnights) after the start: 2030-01-14 is next.
    expect(next(schedule, '2030-01-07T12:00:00Z')).toBe('2030-01-14T08:00:00Z');
  });
});

describe('interval is exact elapsed time from the start', () => {
  it('finds the next second of a PT1S schedule started years ago at once', () => {
    const schedule: Schedule = {
      frequency: 'interval',
      interval: 'PT1S',
      start: '2020-01-01T00:00:00Z',
    };
    expect(next(schedule, '2026-06-15T12:34:56.5Z')).toBe('2026-06-15T12:34:57Z');
    expect(next(schedule, '2026-06-15T12:34:56Z')).toBe('2026-06-15T12:34:57Z');
    expect(next(schedule, '9999-12-31T23:59:58.5Z')).toBe('9999-12-31T23:59:59Z');
    expect(next(schedule, '9999-12-31T23:59:59Z')).toBeNull();
  });

  it('steps P1DT2H as 26 hours, and P1D as 24 hours even across a DST change', () => {
    const long: Schedule = {
      frequency: 'interval',
      interval: 'P1DT2H',
      start: '2026-01-01T00:00:00Z',
    };
    expect(list(long, '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-02T02:00:00Z',
      '2026-01-03T04:00:00Z',
      '2026-01-04T06:00:00Z',
    ]);
    const day: Schedule = {
      frequency: 'interval',
      interval: 'P1D',
      start: '2026-03-28T12:00:00+01:00',
      timezone: 'Europe/Paris',
    };
    expect(next(day, '2026-03-28T11:00:00Z')).toBe('2026-03-29T11:00:00Z'); // 13:00 in Paris
  });

  it('keeps fractional seconds exact', () => {
    const schedule: Schedule = {
      frequency: 'interval',
      interval: 'PT1.5S',
      start: '2026-01-01T00:00:00Z',
    };
    expect(list(schedule, '2026-01-01T00:00:00Z', 2)).toEqual([
      '2026-01-01T00:00:01.5Z',
      '2026-01-01T00:00:03Z',
    ]);
  });
});

describe('cron runs in the task zone, seconds allowed, from the start', () => {
  const weekdays: Schedule = {
    frequency: 'cron',
    cron: '15 30 9 * * 1-5',
    start: '2026-01-02T00:00:00Z',
    timezone: 'Asia/Kolkata',
  };

  it('runs at 09:30:15 India time on weekdays', () => {
    expect(list(weekdays, '2025-12-01T00:00:00Z', 3)).toEqual([
      '2026-01-02T04:00:15Z', // Friday
      '2026-01-05T04:00:15Z', // Monday
      '2026-01-06T04:00:15Z',
    ]);
  });

  it('gives each zone its own times for one pattern, however often either is asked', () => {
    const paris = { ...weekdays, timezone: 'Europe/Paris' };
    for (let round = 0; round < 3; round++) {
      expect(next(weekdays, '2026-01-02T00:00:00Z')).toBe('2026-01-02T04:00:15Z');
      expect(next(paris, '2026-01-02T00:00:00Z')).toBe('2026-01-02T08:30:15Z');
      expect(next({ ...weekdays, start: '2026-01-05T00:00:00Z' }, '2026-01-02T00:00:00Z')).toBe(
        '2026-01-05T04:00:15Z',
      );
    }
  });

  it('includes a start that matches, and nothing before it', () => {
    const exact = { ...weekdays, start: '2026-01-02T04:00:15Z' };
    expect(next(exact, '2025-01-01T00:00:00Z')).toBe('2026-01-02T04:00:15Z');
    const late = { ...weekdays, start: '2026-01-02T04:00:15.001Z' };
    expect(next(late, '2025-01-01T00:00:00Z')).toBe('2026-01-05T04:00:15Z');
  });

  it('answers strictly after a sub-millisecond instant', () => {
    const everySecond: Schedule = {
      frequency: 'cron',
      cron: '* * * * * *',
      start: '2026-01-01T00:00:00Z',
    };
    expect(next(everySecond, '2026-01-01T00:00:00.0000005Z')).toBe('2026-01-01T00:00:01Z');
    expect(next(everySecond, '2999-06-01T00:00:00Z')).toBe('2999-06-01T00:00:01Z');
  });

  it('runs a fixed time skipped by DST at the end of the gap, like daily', () => {
    const schedule: Schedule = {
      frequency: 'cron',
      cron: '0 30 2 * * *',
      start: '2026-03-27T00:00:00Z',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-03-28T00:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00Z',
      '2026-03-29T01:00:00Z',
      '2026-03-30T00:30:00Z',
    ]);
  });

  it('treats a range of hours as wall times: one skipped runs at the end of the gap, once', () => {
    const schedule: Schedule = {
      frequency: 'cron',
      cron: '0 30 1-3 * * *',
      start: '2026-01-01T00:00:00Z',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-03-28T23:00:00Z', 3)).toEqual([
      '2026-03-29T00:30:00Z', // 01:30 CET
      '2026-03-29T01:00:00Z', // 02:30 skipped: 03:00 CEST
      '2026-03-29T01:30:00Z', // 03:30 CEST
    ]);
    expect(list(schedule, '2026-10-24T23:00:00Z', 4)).toEqual([
      '2026-10-24T23:30:00Z', // 01:30 CEST
      '2026-10-25T00:30:00Z', // 02:30 CEST, not again at 02:30 CET
      '2026-10-25T02:30:00Z', // 03:30 CET
      '2026-10-26T00:30:00Z',
    ]);
  });

  it('follows elapsed time for a stepped pattern: a repeated half hour runs twice', () => {
    const schedule: Schedule = {
      frequency: 'cron',
      cron: '0 */30 * * * *',
      start: '2026-10-01T00:00:00Z',
      timezone: 'Europe/Paris',
    };
    expect(list(schedule, '2026-10-25T00:00:00Z', 4)).toEqual([
      '2026-10-25T00:30:00Z', // 02:30 CEST
      '2026-10-25T01:00:00Z', // 02:00 CET
      '2026-10-25T01:30:00Z', // 02:30 CET
      '2026-10-25T02:00:00Z',
    ]);
  });
});

describe('the end is inclusive', () => {
  const daily = { frequency: 'daily', start: '2026-01-01T09:00:00Z' } as const;

  it('runs an occurrence exactly at the end, and none after', () => {
    const schedule: Schedule = { ...daily, end: '2026-01-03T09:00:00Z' };
    expect(list(schedule, '2025-12-31T00:00:00Z', 10)).toEqual([
      '2026-01-01T09:00:00Z',
      '2026-01-02T09:00:00Z',
      '2026-01-03T09:00:00Z',
    ]);
    expect(next(schedule, '2026-01-03T09:00:00Z')).toBeNull();
  });

  it('does not run an occurrence one second past the end', () => {
    const schedule: Schedule = { ...daily, end: '2026-01-03T08:59:59Z' };
    expect(list(schedule, '2025-12-31T00:00:00Z', 10)).toEqual([
      '2026-01-01T09:00:00Z',
      '2026-01-02T09:00:00Z',
    ]);
  });

  it('stops interval and cron schedules at the end too', () => {
    const end = '2026-01-01T00:00:03Z';
    const interval: Schedule = {
      frequency: 'interval',
      interval: 'PT1S',
      start: '2026-01-01T00:00:00Z',
      end,
    };
    const cron: Schedule = {
      frequency: 'cron',
      cron: '* * * * * *',
      start: '2026-01-01T00:00:00Z',
      end,
    };
    const expected = ['2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'];
    expect(list(interval, '2026-01-01T00:00:01Z', 10)).toEqual(expected);
    expect(list(cron, '2026-01-01T00:00:01Z', 10)).toEqual(expected);
  });
});

describe('once', () => {
  const schedule: Schedule = { frequency: 'once', start: '2026-05-01T10:00:00Z' };

  it('runs at the start, only if the start is after the given instant', () => {
    expect(list(schedule, '2026-04-30T00:00:00Z', 5)).toEqual(['2026-05-01T10:00:00Z']);
    expect(next(schedule, '2026-05-01T10:00:00Z')).toBeNull();
    expect(next(schedule, '2027-01-01T00:00:00Z')).toBeNull();
  });

  it('accepts a Date as the instant', () => {
    const at = nextOccurrence(schedule, new Date('2026-05-01T09:59:59.999Z'));
    expect(at?.toString()).toBe('2026-05-01T10:00:00Z');
  });
});

describe('nothing runs after year 9999', () => {
  const endOfTime = new Date(8.64e15); // the last instant a Date can hold, in year 275760

  it.each([
    { frequency: 'daily', start: '2026-01-01T09:00:00Z', timezone: 'Pacific/Chatham' },
    { frequency: 'yearly', start: '2024-02-29T09:00:00Z' },
    { frequency: 'interval', interval: 'PT1S', start: '1970-01-01T00:00:00Z' },
    { frequency: 'cron', cron: '* * * * * *', start: '2026-01-01T00:00:00Z' },
  ] satisfies Schedule[])(
    '$frequency has no occurrence after it, even at the end of time',
    (schedule) => {
      expect(next(schedule, '9999-12-31T23:59:59.999999999Z')).toBeNull();
      expect(nextOccurrence(schedule, endOfTime)).toBeNull();
    },
  );
});
