import { describe, expect, it } from 'vitest';
import { createTravelClock, systemClock } from './clock.ts';

const day = 86_400_000;

describe('systemClock', () => {
  it('reads real time and never travels', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    const stop = systemClock.onTravel(() => {
      throw new Error('the system clock travelled');
    });
    stop();
  });
});

describe('createTravelClock', () => {
  it('starts where it is told and runs at real speed', async () => {
    const start = new Date(Date.now() + 365 * day);
    const clock = createTravelClock(start);
    const first = clock.now().getTime();
    expect(first - start.getTime()).toBeGreaterThanOrEqual(0);
    expect(first - start.getTime()).toBeLessThan(100);
    // Real time passing is what is under test.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = clock.now().getTime() - first;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('travels forward, runs on from there and tells its listeners', () => {
    const clock = createTravelClock(new Date());
    const heard: string[] = [];
    const stopFirst = clock.onTravel(() => heard.push('first'));
    clock.onTravel(() => heard.push('second'));
    const monthAhead = new Date(clock.now().getTime() + 31 * day);
    clock.travelTo(monthAhead);
    expect(clock.now().getTime() - monthAhead.getTime()).toBeGreaterThanOrEqual(0);
    expect(clock.now().getTime() - monthAhead.getTime()).toBeLessThan(100);
    expect(heard).toEqual(['first', 'second']);
    stopFirst();
    clock.travelTo(clock.now()); // standing still is allowed, and still tells
    expect(heard).toEqual(['first', 'second', 'second']);
  });

  it('refuses to travel backwards', () => {
    const clock = createTravelClock(new Date(Date.now() + day));
    const heard: number[] = [];
    clock.onTravel(() => heard.push(1));
    const before = clock.now();
    expect(() => clock.travelTo(new Date(before.getTime() - 1_000))).toThrow(RangeError);
    expect(() => clock.travelTo(new Date(Date.now()))).toThrow(/only travels forward/);
    expect(() => clock.travelTo(new Date(Number.NaN))).toThrow(RangeError);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(heard).toEqual([]);
  });

  it('never reads earlier than real time: a start in the past is refused', () => {
    expect(() => createTravelClock(new Date(Date.now() - day))).toThrow(
      /may not start in the past/,
    );
    // `new Date()` taken a moment before is now.
    const clock = createTravelClock(new Date(Date.now() - 10));
    const real = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(real);
  });
});
