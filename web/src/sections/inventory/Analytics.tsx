import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import type { paths } from '../../api/schema';
import { type ApiData, api, call } from '../../app/api';
import { TimeChart } from '../../app/TimeChart';
import { QueryView, SelectField } from '../../app/ui';
import { BarChart } from './BarChart';
import { chartColours } from './colours';
import { keys } from './data';

type GroupBy = 'item' | 'category' | 'location';
type RowsOf<P extends keyof paths> = ApiData<P> extends { rows: infer R } ? R : never;
interface ReportRows {
  'stock-on-hand': RowsOf<'/v1/orgs/{orgId}/inventory/reports/stock-on-hand'>;
  velocity: RowsOf<'/v1/orgs/{orgId}/inventory/reports/velocity'>;
  'days-of-cover': RowsOf<'/v1/orgs/{orgId}/inventory/reports/days-of-cover'>;
  abc: RowsOf<'/v1/orgs/{orgId}/inventory/reports/abc'>;
  valuation: RowsOf<'/v1/orgs/{orgId}/inventory/reports/valuation'>;
  'low-stock': RowsOf<'/v1/orgs/{orgId}/inventory/reports/low-stock'>;
  'dead-stock': RowsOf<'/v1/orgs/{orgId}/inventory/reports/dead-stock'>;
}
type ReportName = keyof ReportRows;
type Rows<N extends ReportName> = ReportRows[N];
interface Answer<N extends ReportName> {
  from: string;
  to: string;
  rows: Rows<N>;
}

interface Range {
  days: number;
  groupBy: GroupBy;
}

function dayBefore(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** One report over the range; the live stock events invalidate every report of the section. */
function useReport<N extends ReportName>(orgId: string, name: N, range: Range) {
  return useQuery({
    queryKey: [...keys.reports(orgId), name, range],
    queryFn: async () => {
      const from =
        name === 'stock-on-hand' || name === 'abc' ? dayBefore(range.days - 1) : undefined;
      const answer = await call(
        api.GET(
          `/v1/orgs/{orgId}/inventory/reports/${name}` as '/v1/orgs/{orgId}/inventory/reports/abc',
          {
            params: {
              path: { orgId },
              query: { group_by: range.groupBy, days: 90, ...(from ? { from } : {}) },
            },
          },
        ),
      );
      return answer as unknown as Answer<N>;
    },
  });
}

const money = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const formatMoney = (minor: number) => money.format(minor / 100);
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** The reports as charts and tables: stock over time, velocity, cover, ABC, value, low stock. */
export function Analytics({ orgId }: { orgId: string }) {
  const [range, setRange] = useState<Range>({ days: 30, groupBy: 'item' });
  return (
    <>
      <h1>Analytics</h1>
      <p className="muted">
        Figures come from daily summaries of the ledger, refreshed every few minutes; low stock and
        available units are live.
      </p>
      <div className="row">
        <SelectField
          label="Period"
          value={String(range.days)}
          onChange={(event) => setRange({ ...range, days: Number(event.target.value) })}
        >
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
        </SelectField>
        <SelectField
          label="Group by"
          value={range.groupBy}
          onChange={(event) => setRange({ ...range, groupBy: event.target.value as GroupBy })}
        >
          <option value="item">Item</option>
          <option value="category">Category</option>
          <option value="location">Location</option>
        </SelectField>
      </div>
      <StockOverTime orgId={orgId} range={range} />
      <div className="grid">
        <Velocity orgId={orgId} range={range} />
        <Abc orgId={orgId} range={range} />
      </div>
      <DaysOfCover orgId={orgId} range={range} />
      <Valuation orgId={orgId} range={range} />
      <LowStock orgId={orgId} range={range} />
      <DeadStock orgId={orgId} range={range} />
    </>
  );
}

interface ReportProps {
  orgId: string;
  range: Range;
}

/** UTC days from `from` to `to`, inclusive, as YYYY-MM-DD. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let at = Date.parse(`${from}T00:00:00Z`);
    at <= Date.parse(`${to}T00:00:00Z`);
    at += 86_400_000
  ) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * The daily rows summed over the groups, one point per day of the range: a day without a row
 * held nothing (the snapshots leave out days where every quantity is 0).
 */
function dailyTotals(report: Answer<'stock-on-hand'>) {
  const byDay = new Map<string, { on_hand: number; reserved: number; value: number }>();
  for (const row of report.rows) {
    const day = byDay.get(row.day) ?? { on_hand: 0, reserved: 0, value: 0 };
    day.on_hand += row.on_hand;
    day.reserved += row.reserved;
    day.value += row.value;
    byDay.set(row.day, day);
  }
  const days = daysBetween(report.from, report.to);
  const at = (day: string) => byDay.get(day) ?? { on_hand: 0, reserved: 0, value: 0 };
  return {
    times: days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000),
    onHand: days.map((day) => at(day).on_hand),
    reserved: days.map((day) => at(day).reserved),
    value: days.map((day) => at(day).value / 100),
  };
}

function StockOverTime({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'stock-on-hand', range);
  const totals = useMemo(() => (report.data ? dailyTotals(report.data) : null), [report.data]);
  return (
    <ReportSection
      id="inventory-stock-over-time"
      title="On hand over time"
      report={report}
      empty="No stock in this period yet (summaries appear a few minutes after the first change)."
    >
      {() =>
        totals && (
          <div className="grid">
            <TimeChart
              title="Units on hand and reserved, per day"
              series={[
                { label: 'On hand', colour: chartColours.onHand },
                { label: 'Reserved', colour: chartColours.reserved },
              ]}
              data={[totals.times, totals.onHand, totals.reserved]}
            />
            <TimeChart
              title="Value on hand, per day"
              series={[{ label: 'Value', colour: chartColours.value }]}
              data={[totals.times, totals.value]}
            />
          </div>
        )
      }
    </ReportSection>
  );
}

function Velocity({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'velocity', range);
  return (
    <ReportSection
      id="inventory-velocity"
      title="Velocity"
      report={report}
      empty="Nothing sold yet."
    >
      {({ rows }) => (
        <BarChart
          title="Units sold per day, last 30 days"
          colour={chartColours.sold}
          bars={[...rows]
            .sort((a, b) => b.per_day_30d - a.per_day_30d)
            .slice(0, 10)
            .map((row) => ({
              label: row.label,
              value: row.per_day_30d,
              text: `${decimal.format(row.per_day_30d)}/day (${row.sold_7d} in 7 days, ${row.sold_30d} in 30)`,
            }))}
        />
      )}
    </ReportSection>
  );
}

function Abc({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'abc', range);
  return (
    <ReportSection
      id="inventory-abc"
      title="ABC analysis"
      report={report}
      empty="Nothing sold yet."
    >
      {({ rows }) => (
        <BarChart
          title="Consumption value, most first (A: the first 80%, B: to 95%, C: the rest)"
          colour={chartColours.value}
          bars={rows.slice(0, 10).map((row) => ({
            label: `${row.class} · ${row.label}`,
            value: row.consumption_value,
            text: `${formatMoney(row.consumption_value)} (${decimal.format(row.share * 100)}%)`,
          }))}
        />
      )}
    </ReportSection>
  );
}

function DaysOfCover({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'days-of-cover', range);
  return (
    <ReportSection id="inventory-cover" title="Days of cover" report={report} empty="No stock yet.">
      {({ rows }) => (
        <table>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="number">
                Available
              </th>
              <th scope="col" className="number">
                Sold per day
              </th>
              <th scope="col" className="number">
                Days of cover
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key ?? 'none'}>
                <td>{row.label}</td>
                <td className="number">{row.available}</td>
                <td className="number">{decimal.format(row.per_day)}</td>
                <td className="number">
                  {row.days_of_cover === null ? (
                    <span className="muted">no sales</span>
                  ) : (
                    <span
                      className={
                        row.days_of_cover < 7
                          ? 'state bad'
                          : row.days_of_cover < 30
                            ? 'state warn'
                            : ''
                      }
                    >
                      {decimal.format(row.days_of_cover)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

function Valuation({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'valuation', range);
  return (
    <ReportSection
      id="inventory-valuation"
      title="Valuation"
      report={report}
      empty="No stock on hand."
    >
      {({ rows }) => (
        <table>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="number">
                On hand
              </th>
              <th scope="col" className="number">
                Average cost
              </th>
              <th scope="col" className="number">
                Value
              </th>
              <th scope="col" className="number">
                Units with no cost
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key ?? 'none'}>
                <td>{row.label}</td>
                <td className="number">{row.on_hand}</td>
                <td className="number">
                  {row.unit_cost === null ? '—' : formatMoney(row.unit_cost)}
                </td>
                <td className="number">{formatMoney(row.value)}</td>
                <td className="number">{row.unvalued_units}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="number">{rows.reduce((sum, row) => sum + row.on_hand, 0)}</td>
              <td />
              <td className="number">
                {formatMoney(rows.reduce((sum, row) => sum + row.value, 0))}
              </td>
              <td className="number">{rows.reduce((sum, row) => sum + row.unvalued_units, 0)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </ReportSection>
  );
}

function LowStock({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'low-stock', range);
  return (
    <ReportSection
      id="inventory-low-stock"
      title="Low stock"
      report={report}
      empty="No level is at or below its reorder point."
    >
      {({ rows }) => (
        <table>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Location</th>
              <th scope="col" className="number">
                Available
              </th>
              <th scope="col" className="number">
                Reorder point
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.item_id}/${row.location_id}`}>
                <td>{row.sku}</td>
                <td>{row.location_name}</td>
                <td className="number">
                  <span className="state bad">{row.available}</span>
                </td>
                <td className="number">{row.reorder_point}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

function DeadStock({ orgId, range }: ReportProps) {
  const report = useReport(orgId, 'dead-stock', range);
  return (
    <ReportSection
      id="inventory-dead-stock"
      title="Dead stock: no sale in 90 days"
      report={report}
      empty="Everything on hand has sold in the last 90 days."
    >
      {({ rows }) => (
        <table>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="number">
                On hand
              </th>
              <th scope="col" className="number">
                Value
              </th>
              <th scope="col">Last sale</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key ?? 'none'}>
                <td>{row.label}</td>
                <td className="number">{row.on_hand}</td>
                <td className="number">{formatMoney(row.value)}</td>
                <td>{row.last_sale_day ?? 'never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

/** A report of the dashboard: its heading, and its rows or why there are none. */
function ReportSection<T extends { rows: unknown[] }>({
  id,
  title,
  report,
  empty,
  children,
}: {
  id: string;
  title: string;
  report: UseQueryResult<T>;
  empty: string;
  children: (answer: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <QueryView query={report} isEmpty={(answer) => answer.rows.length === 0} empty={empty}>
        {children}
      </QueryView>
    </section>
  );
}
