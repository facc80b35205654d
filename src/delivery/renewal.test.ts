import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dangerTime,
  defaultRenewalWindow,
  defaultRetryCadence,
  type NodePhase,
  nodePhase,
  type RenewalWindow,
  renewalTime,
  retryDelay,
  validateRenewalWindow,
} from './renewal.ts';
import { InvalidRenewalInput } from './timing-checks.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const issuedAt = Date.UTC(2026, 11, 1, 9);
const expiresAt = issuedAt + HOUR;
/** The most a danger-zone retry may wait with the default cadence: 5 s + 20%. */
const dangerMostMs = defaultRetryCadence.dangerEveryMs * (1 + defaultRetryCadence.dangerJitter);

/** A seeded generator (mulberry32), so a test drawing thousands of times is the same each run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const fraction = fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true });
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Windows the validator accepts, a single point and slivers narrower than 1% among them. */
const anyWindow: fc.Arbitrary<RenewalWindow> = fc
  .tuple(fc.uniqueArray(fraction, { minLength: 3, maxLength: 3 }), fc.boolean())
  .map(([values, point]) => {
    const [start, end, dangerAt] = [...values].sort((a, b) => a - b) as [number, number, number];
    return { start, end: point ? start : end, dangerAt };
  });

/** A node's metadata: issued somewhen up to 2096, living from a second to a year. */
const anyNode = fc.record({
  issuedAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  lifetime: fc.integer({ min: 1_000, max: 365 * 24 * HOUR }),
  window: anyWindow,
});

describe('validateRenewalWindow', () => {
  /** The errors of a window that must be refused, as `field: message` lines. */
  function errorsOf(input: unknown): string[] {
    const result = validateRenewalWindow(input);
    if (result.ok) throw new Error(`accepted ${JSON.stringify(result.window)}`);
    return result.errors.map((e) => `${e.field}: ${e.message}`);
  }

  it('fills the defaults for what is missing', () => {
    expect(validateRenewalWindow(undefined)).toEqual({
      ok: true,
      window: { start: 0.5, end: 0.6, dangerAt: 0.9 },
      notes: [],
    });
    expect(validateRenewalWindow({ dangerAt: 0.95, end: null })).toEqual({
      ok: true,
      window: { start: 0.5, end: 0.6, dangerAt: 0.95 },
      notes: [],
    });
  });

  it('accepts a window narrower than 1% of the lifetime, and says so', () => {
    const narrow = validateRenewalWindow({ start: 0.5, end: 0.505 });
    expect(narrow).toMatchObject({ ok: true, window: { start: 0.5, end: 0.505 } });
    expect(narrow.ok && narrow.notes).toEqual([
      'the window spans 0.5% of the lifetime: nodes issued together renew close together',
    ]);
    const point = validateRenewalWindow({ start: 0.7, end: 0.7 });
    expect(point.ok && point.notes).toEqual([
      'the window is a single point: nodes issued together all renew at the same moment',
    ]);
    expect(validateRenewalWindow({ start: 0.5, end: 0.51 })).toMatchObject({ notes: [] });
  });

  it('refuses fractions outside (0, 1), and hints at percentages', () => {
    expect(errorsOf({ start: 0 })).toEqual([
      'start: must be a fraction of the lifetime strictly between 0 and 1; got 0',
    ]);
    expect(errorsOf({ start: 50, end: 60 })).toEqual([
      'start: must be a fraction of the lifetime strictly between 0 and 1 (50% is 0.5); got 50',
      'end: must be a fraction of the lifetime strictly between 0 and 1 (60% is 0.6); got 60',
    ]);
    expect(errorsOf({ dangerAt: 1 })).toEqual([
      'dangerAt: must be a fraction of the lifetime strictly between 0 and 1; got 1',
    ]);
    expect(errorsOf({ start: -0.1, end: Number.NaN, dangerAt: Number.POSITIVE_INFINITY })).toEqual([
      'start: must be a fraction of the lifetime strictly between 0 and 1; got -0.1',
      'end: must be a fraction of the lifetime strictly between 0 and 1; got NaN',
      'dangerAt: must be a fraction of the lifetime strictly between 0 and 1; got Infinity',
    ]);
  });

  it('refuses what is not a number, without coercing or crashing', () => {
    expect(errorsOf({ start: '0.5', end: true, dangerAt: 10n })).toEqual([
      'start: must be a fraction of the lifetime strictly between 0 and 1; got "0.5"',
      'end: must be a fraction of the lifetime strictly between 0 and 1; got true',
      'dangerAt: must be a fraction of the lifetime strictly between 0 and 1; got 10',
    ]);
    expect(errorsOf({ start: { value: 0.5 }, end: [0.6] })).toEqual([
      'start: must be a fraction of the lifetime strictly between 0 and 1; got an object',
      'end: must be a fraction of the lifetime strictly between 0 and 1; got an array',
    ]);
    for (const input of ['half', 0.5, [0.5, 0.6], 10n]) {
      expect(errorsOf(input)[0]).toMatch(/^: must be an object with start, end and dangerAt; got /);
    }
  });

  it('refuses unknown fields rather than silently using a default', () => {
    expect(errorsOf({ start: 0.5, danger_at: 0.8, __proto__x: 1 })).toEqual([
      'danger_at: is not a window field (start, end, dangerAt)',
      '__proto__x: is not a window field (start, end, dangerAt)',
    ]);
    expect(errorsOf(JSON.parse('{"__proto__": {"start": 0.7}}'))).toEqual([
      '__proto__: is not a window field (start, end, dangerAt)',
    ]);
  });

  it('refuses a window out of order, naming the defaults it was compared with', () => {
    expect(errorsOf({ start: 0.7 })).toEqual([
      'end: must be at least start (0.7); got 0.6 (the default)',
    ]);
    expect(errorsOf({ end: 0.95 })).toEqual([
      'dangerAt: must be after end (0.95), so that planned renewals come before the danger zone; got 0.9 (the default)',
    ]);
    expect(errorsOf({ start: 0.8, end: 0.6, dangerAt: 0.6 })).toEqual([
      'end: must be at least start (0.8); got 0.6',
      'dangerAt: must be after end (0.6), so that planned renewals come before the danger zone; got 0.6',
    ]);
  });

  it('accepts every ordered window', () => {
    fc.assert(
      fc.property(anyWindow, (window) => {
        expect(validateRenewalWindow(window)).toMatchObject({ ok: true, window });
      }),
    );
  });
});

describe('renewalTime', () => {
  it('always lies inside the window, on the millisecond', () => {
    fc.assert(
      fc.property(anyNode, unit, ({ issuedAt, lifetime, window }, drawn) => {
        const at = renewalTime(issuedAt, issuedAt + lifetime, window, () => drawn);
        expect(Number.isSafeInteger(at)).toBe(true);
        expect(at).toBeGreaterThanOrEqual(issuedAt + lifetime * window.start - 0.5);
        expect(at).toBeLessThanOrEqual(issuedAt + lifetime * window.end + 0.5);
      }),
    );
  });

  it('reaches both ends of the window', () => {
    expect(renewalTime(issuedAt, expiresAt, defaultRenewalWindow, () => 0)).toBe(
      issuedAt + 30 * MINUTE,
    );
    expect(renewalTime(issuedAt, expiresAt, defaultRenewalWindow, () => 1 - 2 ** -53)).toBe(
      issuedAt + 36 * MINUTE,
    );
  });

  it('spreads 10,000 nodes issued together evenly over the window: no stampede', () => {
    const random = seeded(14);
    const times = Array.from({ length: 10_000 }, () =>
      renewalTime(issuedAt, expiresAt, undefined, random),
    );
    expect(perMinute(times, issuedAt + 30 * MINUTE, 6).every(withinOfMean(0.15))).toBe(true);
    // The check catches a stampede: one instant for all puts every node in one minute.
    const point = { start: 0.55, end: 0.55, dangerAt: 0.9 };
    const bunched = times.map(() => renewalTime(issuedAt, expiresAt, point, random));
    expect(perMinute(bunched, issuedAt + 30 * MINUTE, 6).every(withinOfMean(0.15))).toBe(false);
  });

  /** Counts of `times` in each of `minutes` minutes from `from`; the window's last instant in the last. */
  function perMinute(times: number[], from: number, minutes: number): number[] {
    const counts = new Array<number>(minutes).fill(0);
    for (const time of times) {
      const minute = Math.min(Math.floor((time - from) / MINUTE), minutes - 1);
      if (minute < 0) throw new Error(`${new Date(time).toISOString()} is before the window`);
      counts[minute] = (counts[minute] ?? 0) + 1;
    }
    return counts;
  }

  function withinOfMean(tolerance: number) {
    return (count: number, _: number, counts: number[]) => {
      const mean = counts.reduce((sum, c) => sum + c, 0) / counts.length;
      return Math.abs(count - mean) <= tolerance * mean;
    };
  }
});

describe('nodePhase', () => {
  it('turns at the window start, the danger point and expiry, to the millisecond', () => {
    const at = (minutes: number, ms = 0) =>
      nodePhase(issuedAt + minutes * MINUTE + ms, issuedAt, expiresAt);
    expect([
      at(0),
      at(30, -1),
      at(30),
      at(54, -1),
      at(54),
      at(60, -1),
      at(60),
      at(60 * 24),
    ]).toEqual([
      'fresh',
      'fresh',
      'renewing',
      'renewing',
      'danger',
      'danger',
      'expired',
      'expired',
    ]);
    expect(dangerTime(issuedAt, expiresAt)).toBe(issuedAt + 54 * MINUTE);
    expect(nodePhase(issuedAt - HOUR, issuedAt, expiresAt)).toBe('fresh');
  });

  it('only moves forward as time passes', () => {
    const order: NodePhase[] = ['fresh', 'renewing', 'danger', 'expired'];
    fc.assert(
      fc.property(anyNode, unit, unit, ({ issuedAt, lifetime, window }, a, b) => {
        const [early, late] = [a, b].sort((x, y) => x - y) as [number, number];
        const phaseAt = (u: number) =>
          order.indexOf(
            nodePhase(
              issuedAt + Math.floor(u * 1.2 * lifetime),
              issuedAt,
              issuedAt + lifetime,
              window,
            ),
          );
        expect(phaseAt(early)).toBeLessThanOrEqual(phaseAt(late));
      }),
    );
  });
});

describe('retryDelay', () => {
  const attempt = fc.integer({ min: 1, max: 2_000 });

  it('never schedules a retry past the danger point while before it', () => {
    fc.assert(
      fc.property(anyNode, attempt, unit, unit, ({ issuedAt, lifetime, window }, n, u, drawn) => {
        const danger = dangerTime(issuedAt, issuedAt + lifetime, window);
        const now = issuedAt + Math.floor(u * (danger - issuedAt));
        fc.pre(now < danger);
        const retry = retryDelay({
          attempt: n,
          now,
          issuedAt,
          expiresAt: issuedAt + lifetime,
          window,
          random: () => drawn,
        });
        expect(retry.phase).toBe('normal');
        expect(Number.isSafeInteger(retry.delayMs) && retry.delayMs >= 0).toBe(true);
        expect(now + retry.delayMs).toBeLessThanOrEqual(danger);
        expect(retry.delayMs).toBeLessThanOrEqual(defaultRetryCadence.capMs);
        expect(retry.delayMs).toBeLessThanOrEqual(lifetime / 20);
      }),
    );
  });

  it('retries every 5 s ± 20% from the danger point, never past expiry', () => {
    fc.assert(
      fc.property(anyNode, attempt, unit, unit, ({ issuedAt, lifetime, window }, n, u, drawn) => {
        const expiresAt = issuedAt + lifetime;
        const danger = dangerTime(issuedAt, expiresAt, window);
        const now = danger + Math.floor(u * (expiresAt - danger));
        fc.pre(now < expiresAt);
        const retry = retryDelay({
          attempt: n,
          now,
          issuedAt,
          expiresAt,
          window,
          random: () => drawn,
        });
        expect(retry.phase).toBe('danger');
        expect(retry.delayMs).toBeGreaterThanOrEqual(0);
        expect(retry.delayMs).toBeLessThanOrEqual(dangerMostMs);
        expect(now + retry.delayMs).toBeLessThanOrEqual(expiresAt);
      }),
    );
    const now = issuedAt + 55 * MINUTE;
    const spread = [0, 0.5, 1 - 2 ** -53].map(
      (drawn) => retryDelay({ attempt: 1, now, issuedAt, expiresAt, random: () => drawn }).delayMs,
    );
    expect(spread).toEqual([4_000, 5_000, 6_000]);
  });

  it('keeps retrying an expired node at most 30 s apart', () => {
    fc.assert(
      fc.property(
        anyNode,
        attempt,
        fc.nat(),
        unit,
        ({ issuedAt, lifetime, window }, n, late, drawn) => {
          const expiresAt = issuedAt + lifetime;
          const retry = retryDelay({
            attempt: n,
            now: expiresAt + late,
            issuedAt,
            expiresAt,
            window,
            random: () => drawn,
          });
          expect(retry.phase).toBe('expired');
          expect(retry.delayMs).toBeGreaterThanOrEqual(0);
          expect(retry.delayMs).toBeLessThanOrEqual(defaultRetryCadence.expiredCapMs);
        },
      ),
    );
  });

  it('leaves no backoff over from a long outage: attempt 1,000 waits what its phase allows', () => {
    const most = () => 1 - 2 ** -53;
    const retryAt = (minutes: number) =>
      retryDelay({
        attempt: 1_000,
        now: issuedAt + minutes * MINUTE,
        issuedAt,
        expiresAt,
        random: most,
      });
    expect(retryAt(55)).toEqual({ phase: 'danger', delayMs: 6_000 });
    expect(retryAt(60 * 24 * 7)).toEqual({ phase: 'expired', delayMs: 30_000 });
    expect(retryAt(53)).toEqual({ phase: 'normal', delayMs: MINUTE });
    expect(retryAt(40)).toEqual({ phase: 'normal', delayMs: 3 * MINUTE });
  });

  it('backs off exponentially with full jitter before danger', () => {
    const now = issuedAt + 31 * MINUTE;
    const ceilings = [1, 2, 3, 6, 7, 60].map(
      (attempt) =>
        retryDelay({ attempt, now, issuedAt, expiresAt, random: () => 1 - 2 ** -53 }).delayMs,
    );
    // Capped at 5 min, and at a twentieth of the hour: 3 min.
    expect(ceilings).toEqual([5_000, 10_000, 20_000, 160_000, 180_000, 180_000]);
    expect(retryDelay({ attempt: 6, now, issuedAt, expiresAt, random: () => 0 }).delayMs).toBe(0);
  });

  it('follows a service cadence', () => {
    const cadence = { dangerEveryMs: 1_000, dangerJitter: 0, expiredCapMs: 10_000 };
    const retry = (minutes: number) =>
      retryDelay({
        attempt: 50,
        now: issuedAt + minutes * MINUTE,
        issuedAt,
        expiresAt,
        cadence,
        random: () => 0.99,
      });
    expect([retry(55).delayMs, retry(61).delayMs]).toEqual([1_000, 9_900]);
  });
});

describe('hostile input is refused with InvalidRenewalInput', () => {
  const base = { attempt: 1, now: issuedAt, issuedAt, expiresAt };
  const calls: [string, () => unknown, RegExp][] = [
    ['NaN issue', () => renewalTime(Number.NaN, expiresAt), /issuedAt must be epoch milliseconds/],
    ['fractional now', () => nodePhase(issuedAt + 0.5, issuedAt, expiresAt), /now must be epoch/],
    [
      'zero lifetime',
      () => dangerTime(issuedAt, issuedAt),
      /expiresAt \(2026-12-01T09:00:00.000Z\) must be after issuedAt/,
    ],
    [
      'beyond dates',
      () => nodePhase(0, 9e15, 9e15),
      /expiresAt \(9000000000000000\) must be after issuedAt \(9000000000000000\)/,
    ],
    [
      'backwards lifetime',
      () => nodePhase(issuedAt, expiresAt, issuedAt),
      /must be after issuedAt/,
    ],
    [
      'bad window',
      () => renewalTime(issuedAt, expiresAt, { start: 0.7, end: 0.6, dangerAt: 0.9 }),
      /end: must be at least start/,
    ],
    [
      'random() of 1',
      () => renewalTime(issuedAt, expiresAt, undefined, () => 1),
      /random\(\) must return a number in \[0, 1\); got 1/,
    ],
    ['random() of NaN', () => retryDelay({ ...base, random: () => Number.NaN }), /got NaN/],
    ['attempt 0', () => retryDelay({ ...base, attempt: 0 }), /attempt must be an integer >= 1/],
    ['attempt 1.5', () => retryDelay({ ...base, attempt: 1.5 }), /attempt must be an integer >= 1/],
    [
      'cap under base',
      () => retryDelay({ ...base, cadence: { capMs: 1_000 } }),
      /capMs \(1000\) must be at least baseMs \(5000\)/,
    ],
    [
      'zero cadence',
      () => retryDelay({ ...base, cadence: { dangerEveryMs: 0 } }),
      /dangerEveryMs must be/,
    ],
    [
      'jitter 1',
      () => retryDelay({ ...base, cadence: { dangerJitter: 1 } }),
      /dangerJitter must be in \[0, 1\)/,
    ],
    [
      'cap fraction 0',
      () => retryDelay({ ...base, cadence: { capLifetimeFraction: 0 } }),
      /capLifetimeFraction must be in \(0, 1\]/,
    ],
  ];
  it.each(calls)('%s', (_, call, message) => {
    expect(call).toThrow(InvalidRenewalInput);
    expect(call).toThrow(message);
  });
});
