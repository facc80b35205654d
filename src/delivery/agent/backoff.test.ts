import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRenewalInput } from '../timing-checks.ts';
import { agentExpiresAt, agentRetryDelay } from './backoff.ts';

const HOUR = 3_600_000;
const expiresAt = Date.UTC(2026, 11, 1, 10);
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('agent', () => {
  const attempt = fc.integer({ min: 1, max: 2_000 });

  it('never sleeps past expiry minus the margin while there is time', () => {
    fc.assert(
      fc.property(
        attempt,
        fc.integer({ min: 60_001, max: 30 * 24 * HOUR }),
        unit,
        (n, left, drawn) => {
          const now = 1_000_000;
          const delay = agentRetryDelay({
            attempt: n,
            now,
            expiresAt: now + left,
            random: () => drawn,
          });
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(now + delay).toBeLessThanOrEqual(now + left - 60_000);
          expect(delay).toBeLessThanOrEqual(300_000);
        },
      ),
    );
  });

  it('asks at most 30 s apart once inside the margin or expired, whatever the attempt', () => {
    fc.assert(
      fc.property(
        attempt,
        fc.integer({ min: -7 * 24 * HOUR, max: 60_000 }),
        unit,
        (n, left, drawn) => {
          const delay = agentRetryDelay({
            attempt: n,
            now: 0,
            expiresAt: left,
            random: () => drawn,
          });
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(30_000);
        },
      ),
    );
  });

  it('backs off to its cap, from a monotonic clock reading too', () => {
    const delay = (n: number, capMs?: number) =>
      agentRetryDelay({
        attempt: n,
        now: 1234.567,
        expiresAt: 1234.567 + 24 * HOUR,
        capMs,
        random: () => 1 - 2 ** -53,
      });
    expect([delay(1), delay(2), delay(12), delay(1_000), delay(1_000, 10_000)]).toEqual([
      1_000, 2_000, 300_000, 300_000, 10_000,
    ]);
  });

  it('reads its expiry on its own clock, early by the network time and never late', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -24 * HOUR, max: 24 * HOUR }),
        fc.nat(10_000),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (skew, latency, requestSentAt) => {
          // The server's clock reads `skew` ahead of the agent's; the request takes `latency`.
          const serverNow = requestSentAt + latency + skew;
          const local = agentExpiresAt({ expiresAt: serverNow + HOUR, serverNow, requestSentAt });
          const trueLocal = serverNow + HOUR - skew;
          expect(local).toBeLessThanOrEqual(trueLocal);
          expect(trueLocal - local).toBe(latency);
        },
      ),
    );
  });
});

describe('hostile input is refused with InvalidRenewalInput', () => {
  const calls: [string, () => unknown, RegExp][] = [
    [
      'agent NaN',
      () => agentRetryDelay({ attempt: 1, now: Number.NaN, expiresAt }),
      /now and expiresAt/,
    ],
    [
      'agent margin',
      () => agentRetryDelay({ attempt: 1, now: 0, expiresAt, marginMs: -1 }),
      /marginMs/,
    ],
    [
      'agent cap',
      () => agentRetryDelay({ attempt: 1, now: 0, expiresAt, capMs: 0 }),
      /capMs must be/,
    ],
    [
      'agent clock',
      () => agentExpiresAt({ expiresAt, serverNow: Number.NaN, requestSentAt: 0 }),
      /serverNow/,
    ],
  ];
  it.each(calls)('%s', (_, call, message) => {
    expect(call).toThrow(InvalidRenewalInput);
    expect(call).toThrow(message);
  });
});
