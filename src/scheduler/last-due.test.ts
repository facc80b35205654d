import { describe, expect, it } from 'vitest';
import { dueTimes, lastDueBetween } from './occurrences.ts';
import { validateSchedule } from './recurrence.ts';
import type { TaskRow } from './store/tables.ts';

// lastDueBetween decides which occurrence runs when a task catches up on `latest`: checked
// against plain enumeration, and over a range too long to enumerate.

function task(schedule: Record<string, unknown>): Pick<TaskRow, 'schedule'> {
  const result = validateSchedule(schedule);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { schedule: result.schedule };
}

const at = (iso: string) => new Date(iso);

/**
 * The last due time in (`after`, `until`] by plain enumeration, a page at a time: only as many
 * occurrences as the range holds, so the test stays quick on a loaded machine.
 */
function enumeratedLastDue(t: Pick<TaskRow, 'schedule'>, after: Date, until: Date): Date | null {
  let last: Date | null = null;
  for (let from = after; ; ) {
    const page = dueTimes(t, from, 500);
    for (const due of page) {
      if (due.getTime() > until.getTime()) return last;
      last = due;
    }
    const next = page.at(-1);
    if (!next) return last;
    from = next;
  }
}

describe('lastDueBetween', () => {
  const schedules = [
    { frequency: 'interval', interval: 'PT7M', start: '2026-01-01T00:00:00.250Z' },
    { frequency: 'daily', start: '2026-03-27T02:30:00+01:00', timezone: 'Europe/Paris' },
    { frequency: 'monthly', start: '2026-01-31T09:00:00Z' },
    { frequency: 'cron', cron: '0 */13 * * * *', start: '2026-01-01T00:00:00Z' },
  ];

  it('finds the last due time that enumeration finds, for every kind of schedule', () => {
    for (const schedule of schedules) {
      const t = task(schedule);
      const after = at('2026-03-20T00:00:00Z');
      for (const hours of [1, 30, 24 * 40]) {
        const until = new Date(after.getTime() + hours * 3_600_000);
        expect(lastDueBetween(t, after, until), JSON.stringify({ schedule, hours })).toEqual(
          enumeratedLastDue(t, after, until),
        );
      }
    }
  });

  it('includes an occurrence exactly at the upper bound, never one at the lower', () => {
    const t = task({ frequency: 'interval', interval: 'PT1S', start: '2026-01-01T00:00:00Z' });
    expect(lastDueBetween(t, at('2026-01-01T00:00:05Z'), at('2026-01-01T00:00:06Z'))).toEqual(
      at('2026-01-01T00:00:06Z'),
    );
    expect(lastDueBetween(t, at('2026-01-01T00:00:05Z'), at('2026-01-01T00:00:05.999Z'))).toBe(
      null,
    );
  });

  it('jumps a day of one-second occurrences at once', () => {
    const t = task({ frequency: 'interval', interval: 'PT1S', start: '2026-01-01T00:00:00Z' });
    const started = performance.now();
    const last = lastDueBetween(t, at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00.500Z'));
    expect(last).toEqual(at('2026-01-02T00:00:00Z'));
    // A bound, not a benchmark: enumerating 86,400 occurrences would take far longer.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
