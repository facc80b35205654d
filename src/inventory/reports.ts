import type { Db } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import type { ReportName } from './report-schemas.ts';
import * as store from './store/reports.ts';

// The reports (docs/inventory.md, "Analytics and reconcile"): which query answers each, what it
// says, and the range it covers unless the caller names one. The figures are those of the daily
// snapshots (snapshots.ts), so today's are as of the last snapshot run (at most 10 minutes old).

interface ReportDefinition {
  summary: string;
  /** The range when `from` is left out: this many days up to `to`. */
  defaultDays: number;
  run(db: Db, query: store.ReportQuery): Promise<store.ReportRow[]>;
}

/** Every report, by the name of its route. */
export const reports: Record<ReportName, ReportDefinition> = {
  'stock-on-hand': {
    summary: 'Stock at the end of each day, per state, and its value',
    defaultDays: 30,
    run: store.stockOnHand,
  },
  movements: {
    summary: 'Units in and out by state and reason',
    defaultDays: 30,
    run: store.movements,
  },
  velocity: {
    summary: 'Units sold per day over the 7 and 30 days that end on `to`',
    defaultDays: 30,
    run: store.velocity,
  },
  'days-of-cover': {
    summary: 'Available now over units sold per day (30 days to `to`)',
    defaultDays: 30,
    run: store.daysOfCover,
  },
  'sell-through': {
    summary: 'Sold over the range / (sold + on hand at its end)',
    defaultDays: 30,
    run: store.sellThrough,
  },
  abc: {
    summary: 'ABC classes by consumption value: A the top 80%, B the next 15%, C the rest',
    defaultDays: 90,
    run: store.abc,
  },
  valuation: {
    summary: 'On hand at the end of `to`, valued at weighted average cost',
    defaultDays: 1,
    run: store.valuation,
  },
  'low-stock': {
    summary: 'Levels now at or below their reorder point',
    defaultDays: 1,
    run: store.lowStock,
  },
  'dead-stock': {
    summary: 'Stock on hand now that sold nothing in `days` days to `to`',
    defaultDays: 1,
    run: store.deadStock,
  },
};

/** The longest range a report covers. */
export const maxReportDays = 366;

const dayMs = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The range of a report: `to` defaults to today (by `now`), `from` to `defaultDays` days up to
 * `to`; a range backwards or longer than `maxReportDays` is a 400.
 */
export function reportRange(
  name: ReportName,
  now: Date,
  given: { from?: string; to?: string },
): { from: string; to: string } {
  const to = given.to ?? dayOf(now.getTime());
  const toMs = Date.parse(`${to}T00:00:00Z`);
  const from = given.from ?? dayOf(toMs - (reports[name].defaultDays - 1) * dayMs);
  const days = (toMs - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1;
  if (days < 1) throw new Problem('bad-request', `from (${from}) is after to (${to})`);
  if (days > maxReportDays) {
    throw new Problem(
      'bad-request',
      `the range is ${days} days, over the ${maxReportDays} allowed`,
    );
  }
  return { from, to };
}
