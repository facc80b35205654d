import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type ValidateOptions, validateSchedule } from './recurrence.ts';

/** The errors of a schedule that must be refused, as `field: message` lines. */
function errorsOf(input: Record<string, unknown>, options?: ValidateOptions): string[] {
  const result = validateSchedule(input, options);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(result.schedule)}`);
  return result.errors.map((e) => `${e.field}: ${e.message}`);
}

const start = '2026-12-01T09:00:00+01:00';

describe('validateSchedule normalizes what it accepts', () => {
  it('fills the defaults and writes instants in UTC', () => {
    expect(validateSchedule({ frequency: 'daily', start })).toEqual({
      ok: true,
      schedule: {
        frequency: 'daily',
        interval: null,
        cron: null,
        start: '2026-12-01T08:00:00Z',
        end: null,
        timezone: 'UTC',
      },
    });
  });

  it('spells the zone, interval and cron one way', () => {
    const result = validateSchedule({
      frequency: 'interval',
      interval: 'pt90s',
      start,
      end: '2027-01-01T00:00:00.5+00:00',
      timezone: 'europe/paris',
    });
    expect(result).toMatchObject({
      schedule: { interval: 'PT90S', end: '2027-01-01T00:00:00.5Z', timezone: 'Europe/Paris' },
    });
    const cron = validateSchedule({ frequency: 'cron', cron: '  0  30 9 * * 1-5 ', start });
    expect(cron).toMatchObject({ schedule: { cron: '0 30 9 * * 1-5' } });
  });

  it('accepts an end equal to the start, and nulls for unused fields', () => {
    const result = validateSchedule({
      frequency: 'weekly',
      start,
      end: start,
      cron: null,
      interval: null,
    });
    expect(result.ok).toBe(true);
  });
});

describe('validateSchedule refuses, naming the field', () => {
  it.each([
    [{ frequency: 'hourly', start }, 'frequency: frequency must be one of once, daily, weekly'],
    [
      { start },
      'frequency: frequency must be one of once, daily, weekly, biweekly, monthly, yearly, cron, interval; it is missing',
    ],
    [{ frequency: 'cron', cron: 'not a cron', start }, 'cron: invalid cron pattern "not a cron"'],
    [{ frequency: 'cron', cron: '* * * *', start }, 'cron: invalid cron pattern'],
    [{ frequency: 'cron', cron: '0 0 0 1 1 * 2030', start }, 'cron: invalid cron pattern'],
    [{ frequency: 'cron', cron: '0 61 * * * *', start }, 'cron: invalid cron pattern'],
    [{ frequency: 'cron', start }, 'cron: cron is required with frequency "cron"'],
    [
      { frequency: 'cron', cron: '0 0 0 30 2 *', start },
      'cron: cron pattern "0 0 0 30 2 *" never matches',
    ],
    [
      { frequency: 'daily', cron: '* * * * *', start },
      'cron: cron is only used with frequency "cron"',
    ],
    [{ frequency: 'interval', start }, 'interval: interval is required with frequency "interval"'],
    [
      { frequency: 'interval', interval: 'P1X', start },
      'interval: interval must be an ISO 8601 duration',
    ],
    [
      { frequency: 'interval', interval: 60, start },
      'interval: interval must be an ISO 8601 duration',
    ],
    [
      { frequency: 'interval', interval: 'PT0.999S', start },
      'interval: interval must be at least 1 second',
    ],
    [
      { frequency: 'interval', interval: 'PT0S', start },
      'interval: interval must be at least 1 second',
    ],
    [
      { frequency: 'interval', interval: '-PT1H', start },
      'interval: interval must be at least 1 second',
    ],
    [
      { frequency: 'interval', interval: 'P1M', start },
      'interval: interval must not use years or months',
    ],
    [
      { frequency: 'weekly', interval: 'PT1H', start },
      'interval: interval is only used with frequency "interval"',
    ],
    [
      { frequency: 'daily', start, end: '2026-12-01T07:59:59Z' },
      `end: end 2026-12-01T07:59:59Z is before start 2026-12-01T08:00:00Z`,
    ],
    [
      { frequency: 'daily', start, timezone: 'Mars/Olympus' },
      'timezone: timezone must be an IANA time zone such as Europe/Paris; got "Mars/Olympus"',
    ],
    [
      { frequency: 'daily', start, timezone: '+01:00' },
      'timezone: timezone must be an IANA time zone',
    ],
    [
      { frequency: 'daily', start, timezone: '2026-01-01T00:00Z[Europe/Paris]' },
      'timezone: timezone must be an IANA time zone',
    ],
    [{ frequency: 'daily', start, timezone: 1 }, 'timezone: timezone must be an IANA time zone'],
    [
      { frequency: 'daily' },
      'start: start must be an ISO 8601 date-time with an offset, such as 2026-12-01T09:00:00+01:00; it is missing',
    ],
    [
      { frequency: 'daily', start: '2026-12-01' },
      'start: start must be an ISO 8601 date-time with an offset',
    ],
    [
      { frequency: 'daily', start: '2026-12-01T09:00:00' },
      'start: start must be an ISO 8601 date-time with an offset',
    ],
    [
      { frequency: 'daily', start: '1969-12-31T23:59:59Z' },
      'start: start must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z',
    ],
    [{ frequency: 'daily', start: '+010000-01-01T00:00:00Z' }, 'start: start must lie between'],
    [
      { frequency: 'daily', start, end: 'tomorrow' },
      'end: end must be an ISO 8601 date-time with an offset',
    ],
  ])('%j', (input, expected) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it('refuses a cron that matches only after the end', () => {
    const input = {
      frequency: 'cron',
      cron: '0 0 12 1 1 *',
      start: '2026-02-01T00:00:00Z',
      end: '2026-12-31T00:00:00Z',
    };
    expect(errorsOf(input)).toEqual([
      'cron: cron pattern "0 0 12 1 1 *" never matches between start 2026-02-01T00:00:00Z and end 2026-12-31T00:00:00Z',
    ]);
  });

  it('lists every faulty field at once', () => {
    const errors = errorsOf({
      frequency: 'hourly',
      start: 'soon',
      timezone: 'Nowhere',
      interval: 'PT1S',
    });
    expect(errors.map((e) => e.split(':')[0])).toEqual(['frequency', 'timezone', 'start']);
  });
});

describe('validateSchedule with notBefore refuses a schedule that would never run', () => {
  const notBefore = Temporal.Instant.from('2026-06-01T12:00:00Z');

  it('refuses a once task in the past, on its start', () => {
    expect(errorsOf({ frequency: 'once', start: '2026-06-01T11:59:59Z' }, { notBefore })).toEqual([
      'start: start 2026-06-01T11:59:59Z leaves no occurrence at or after 2026-06-01T12:00:00Z: the task would never run',
    ]);
  });

  it('accepts a once task exactly at notBefore (a Date works too)', () => {
    const input = { frequency: 'once', start: '2026-06-01T12:00:00Z' };
    expect(validateSchedule(input, { notBefore }).ok).toBe(true);
    expect(validateSchedule(input, { notBefore: new Date('2026-06-01T12:00:00Z') }).ok).toBe(true);
  });

  it('refuses a recurring task whose end has passed, on its end', () => {
    const input = {
      frequency: 'daily',
      start: '2026-01-01T09:00:00Z',
      end: '2026-05-31T09:00:00Z',
    };
    expect(errorsOf(input, { notBefore })).toEqual([
      'end: end 2026-05-31T09:00:00Z leaves no occurrence at or after 2026-06-01T12:00:00Z: the task would never run',
    ]);
  });

  it('accepts a recurring task that started long ago and has no end', () => {
    const input = { frequency: 'monthly', start: '1999-01-31T09:00:00Z' };
    expect(validateSchedule(input, { notBefore }).ok).toBe(true);
  });
});
