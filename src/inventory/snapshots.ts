import { type Db, transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { closeDay, lockWatermark, nextDay, summariseDay } from './store/snapshots.ts';

// The daily snapshots reports read (docs/inventory.md, "Analytics and reconcile"). A run closes
// every day that can no longer change and re-computes the open ones, so a report never rescans
// the ledger's history and today's figures are at most one run old.
//
// Why days and not a watermark of ledger ids: ids are taken when a row is inserted but become
// visible when its transaction commits, so a row with a smaller id can appear after a larger one
// was summarised. A day is closed only when its end is `closeAfterMs` in the past: every
// transaction that stamped a row in it (stock changes are short; statements time out after 60 s)
// has committed by then. Until then the day is open and summarised again on every run.

/** How long after its end a day is final. */
export const closeAfterMs = 10 * 60_000;

/** Refreshes the snapshots (`inventory.snapshot`), every 10 minutes from the module's periodic. */
export const snapshotJob = defineJob('inventory.snapshot', { maxAttempts: 3 });

/** The periodic entry that enqueues `snapshotJob`. */
export const snapshotPeriodic = {
  name: snapshotJob.kind,
  every: 600_000,
  job: snapshotJob.spec(),
};

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Closes each day up to the last one that ended `closeAfterMs` before `now` (one transaction a
 * day, so a long catch-up holds no lock for long), then re-computes the open days up to `now`'s.
 * Returns the days it closed and re-computed.
 *
 * @example
 * await refreshSnapshots(core.database.db, core.clock.now());
 */
export async function refreshSnapshots(db: Db, now: Date) {
  const lastClosable = dayOf(now.getTime() - closeAfterMs - 86_400_000);
  const today = dayOf(now.getTime());
  let closed = 0;
  for (;;) {
    const done = await transaction(db, async (tx) => {
      const { closedThrough, firstDay } = await lockWatermark(tx);
      if (!firstDay || firstDay > lastClosable) return true;
      await summariseDay(tx, firstDay, closedThrough);
      await closeDay(tx, firstDay);
      return false;
    });
    if (done) break;
    closed++;
  }
  const open = await transaction(db, async (tx) => {
    const { closedThrough, firstDay } = await lockWatermark(tx);
    const days: string[] = [];
    for (let day = firstDay; day && day <= today; day = nextDay(day)) {
      await summariseDay(tx, day, closedThrough);
      days.push(day);
    }
    return days;
  });
  return { closed, open };
}
