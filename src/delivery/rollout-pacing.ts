import { InvalidRenewalInput, requireTime } from './timing-checks.ts';

// How a forced re-issue (a rollout, rollouts.ts) is paced, and when it stops (issue 14;
// docs/design/delivery-renewal.md). Pure: no clock, no I/O. Times are epoch milliseconds on
// Meridian's clock.

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
