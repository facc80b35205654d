import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Backoff, defaultBackoff, retryDelayMs } from './backoff.ts';

// retryDelayMs as properties over any backoff a job may carry (the bounds `enqueue` accepts).

const backoffs = fc.record({
  initialMs: fc.integer({ min: 0, max: 3_600_000 }),
  factor: fc.double({ min: 1, max: 10, noNaN: true }),
  maxMs: fc.integer({ min: 0, max: 86_400_000 }),
  jitter: fc.double({ min: 0, max: 1, noNaN: true }),
});
const attempts = fc.integer({ min: 1, max: 10_000 });
/** What Math.random may return: [0, 1). */
const randoms = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('retryDelayMs', () => {
  it('is never negative, nor above maxMs × (1 + jitter)', () => {
    fc.assert(
      fc.property(attempts, backoffs, randoms, (attempt, backoff, random) => {
        const delay = retryDelayMs(attempt, backoff, () => random);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        // +0.5: the delay is rounded to whole milliseconds.
        expect(delay).toBeLessThanOrEqual(backoff.maxMs * (1 + backoff.jitter) + 0.5);
      }),
    );
  });

  it('stays within ± jitter of the un-jittered delay', () => {
    fc.assert(
      fc.property(attempts, backoffs, randoms, (attempt, backoff, random) => {
        const base = retryDelayMs(attempt, { ...backoff, jitter: 0 });
        const delay = retryDelayMs(attempt, backoff, () => random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - backoff.jitter)) - 1);
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + backoff.jitter)) + 1);
      }),
    );
  });

  it('never shrinks from one attempt to the next when jitter is 0', () => {
    fc.assert(
      fc.property(attempts, backoffs, (attempt, backoff) => {
        const steady = { ...backoff, jitter: 0 };
        expect(retryDelayMs(attempt + 1, steady)).toBeGreaterThanOrEqual(
          retryDelayMs(attempt, steady),
        );
      }),
    );
  });

  it('is initial × factor^(attempt − 1), capped at maxMs, when jitter is 0', () => {
    const backoff: Backoff = { initialMs: 1000, factor: 2, maxMs: 60_000, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => retryDelayMs(n, backoff))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(retryDelayMs(3, { initialMs: 10, factor: 3, maxMs: 1000, jitter: 0 })).toBe(90);
    expect(retryDelayMs(2, { initialMs: 10, factor: 1, maxMs: 1000, jitter: 0 })).toBe(10);
    // No wait at all stays no wait, however far factor^n overflows.
    expect(retryDelayMs(5000, { initialMs: 0, factor: 2, maxMs: 60_000, jitter: 0.5 })).toBe(0);
    // Attempt numbers below 1 (never given by the worker) count as the first.
    expect(retryDelayMs(0, backoff)).toBe(1000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 86_400_000 }),
        (attempt, initialMs, factor, maxMs) => {
          const expected = Math.min(maxMs, initialMs * factor ** (attempt - 1));
          expect(retryDelayMs(attempt, { initialMs, factor, maxMs, jitter: 0 })).toBe(expected);
        },
      ),
    );
  });

  it('spreads delays over the whole jitter range, both ways', () => {
    const backoff = { ...defaultBackoff, jitter: 0.5 };
    expect(retryDelayMs(1, backoff, () => 0)).toBe(500);
    expect(retryDelayMs(1, backoff, () => 0.5)).toBe(1000);
    expect(retryDelayMs(1, backoff, () => 0.999_999)).toBe(1500);
  });

  it('stays finite for attempts far past any cap', () => {
    const delay = retryDelayMs(100_000, defaultBackoff);
    expect(Number.isFinite(delay)).toBe(true);
    expect(delay).toBeLessThanOrEqual(defaultBackoff.maxMs * (1 + defaultBackoff.jitter));
  });
});
