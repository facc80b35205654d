import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rolloutSlot, shouldAbort } from './rollout-pacing.ts';

const MINUTE = 60_000;
const issuedAt = Date.UTC(2026, 11, 1, 9);

describe('rollout pacing', () => {
  it('spaces nodes evenly at the given rate', () => {
    const slots = [0, 1, 59, 60, 61].map((index) =>
      rolloutSlot({ index, nodesPerMinute: 60, startAt: issuedAt }),
    );
    expect(slots.map((slot) => slot - issuedAt)).toEqual([0, 1_000, 59_000, 60_000, 61_000]);
    expect(rolloutSlot({ index: 3, nodesPerMinute: 0.5, startAt: issuedAt })).toBe(
      issuedAt + 6 * MINUTE,
    );
  });

  it('puts exactly the rate in each minute, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (rate, minute) => {
          const from = issuedAt + minute * MINUTE;
          // The nodes of the minute before, this minute and the minute after.
          const first = Math.max(0, (minute - 1) * rate);
          const slots = Array.from({ length: 3 * rate }, (_, offset) =>
            rolloutSlot({ index: first + offset, nodesPerMinute: rate, startAt: issuedAt }),
          );
          expect(slots.filter((slot) => slot >= from && slot < from + MINUTE)).toHaveLength(rate);
          expect(slots.every((slot, i) => i === 0 || slot >= (slots[i - 1] ?? 0))).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses a negative index and a rate that is not positive', () => {
    for (const [input, message] of [
      [{ index: -1, nodesPerMinute: 60 }, /index must be an integer >= 0; got -1/],
      [{ index: 0.5, nodesPerMinute: 60 }, /index must be an integer/],
      [{ index: 0, nodesPerMinute: 0 }, /nodesPerMinute must be a number > 0; got 0/],
      [{ index: 0, nodesPerMinute: Number.POSITIVE_INFINITY }, /nodesPerMinute/],
    ] as const) {
      expect(() => rolloutSlot({ ...input, startAt: issuedAt })).toThrow(message);
    }
  });
});

describe('shouldAbort', () => {
  it('does not abort on a sample too small to judge', () => {
    expect(shouldAbort({ attempted: 1, failed: 1, abortRatio: 0.2 })).toBe(false);
    expect(shouldAbort({ attempted: 9, failed: 9, abortRatio: 0.2 })).toBe(false);
    expect(shouldAbort({ attempted: 0, failed: 0, abortRatio: 0.2, minimumSample: 0 })).toBe(false);
  });

  it('aborts once the failed share reaches the ratio', () => {
    expect(shouldAbort({ attempted: 10, failed: 3, abortRatio: 0.3 })).toBe(true);
    expect(shouldAbort({ attempted: 10, failed: 2, abortRatio: 0.3 })).toBe(false);
    expect(shouldAbort({ attempted: 1_000, failed: 1_000, abortRatio: 1 })).toBe(true);
    expect(shouldAbort({ attempted: 1, failed: 1, abortRatio: 0.5, minimumSample: 1 })).toBe(true);
  });

  it('refuses counts that cannot be', () => {
    for (const [input, message] of [
      [{ attempted: 5, failed: 6, abortRatio: 0.5 }, /failed \(6\) cannot exceed attempted \(5\)/],
      [{ attempted: -1, failed: 0, abortRatio: 0.5 }, /attempted must be an integer >= 0/],
      [{ attempted: 10, failed: Number.NaN, abortRatio: 0.5 }, /failed must be an integer/],
      [{ attempted: 10, failed: 1, abortRatio: 0 }, /abortRatio must be in \(0, 1\]; got 0/],
      [{ attempted: 10, failed: 1, abortRatio: 20 }, /abortRatio must be in \(0, 1\]; got 20/],
      [{ attempted: 10, failed: 1, abortRatio: 0.5, minimumSample: 2.5 }, /minimumSample/],
    ] as const) {
      expect(() => shouldAbort(input)).toThrow(message);
    }
  });
});
