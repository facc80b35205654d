import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiData } from '../../app/api';
import { TimeChart } from '../../app/TimeChart';
import { formatTime, fromNow, QueryView, useNow } from '../../app/ui';
import { OpsQueryView, useInstances } from './access';
import type { Metrics, Rates } from './metrics';

type Instance = ApiData<'/v1/admin/instances'>['items'][number];

const stateClass = { live: 'ok', lost: 'bad', stopped: '' } as const;

/** The processes and a few live charts. */
export function Overview({ metrics, rates }: { metrics: UseQueryResult<Metrics>; rates: Rates }) {
  return (
    <>
      <h1>Operations</h1>
      <Instances />
      <h2>Live metrics</h2>
      <p className="muted">
        Read from this process’s <code>/metrics</code> every 5 seconds while the page is open.
      </p>
      <QueryView query={metrics}>{() => <Charts rates={rates} />}</QueryView>
    </>
  );
}

function Instances() {
  const instances = useInstances();
  const [showStopped, setShowStopped] = useState(false);
  return (
    <section aria-labelledby="instances-title">
      <div className="page-heading">
        <h2 id="instances-title">Instances</h2>
        <label className="ops-check">
          <input
            type="checkbox"
            checked={showStopped}
            onChange={(event) => setShowStopped(event.target.checked)}
          />
          Show stopped
        </label>
      </div>
      <OpsQueryView
        query={instances}
        empty="No instances to show."
        isEmpty={(data) => shown(data.items, showStopped).length === 0}
      >
        {(data) => <InstanceTable items={shown(data.items, showStopped)} />}
      </OpsQueryView>
    </section>
  );
}

function shown(items: Instance[], showStopped: boolean): Instance[] {
  return showStopped ? items : items.filter((item) => item.state !== 'stopped');
}

function InstanceTable({ items }: { items: Instance[] }) {
  const now = useNow(1000);
  return (
    <div className="ops-scroll">
      <table aria-labelledby="instances-title">
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col" className="number">
              PID
            </th>
            <th scope="col">Role</th>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Last heartbeat</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.hostname}</td>
              <td className="number">{item.pid}</td>
              <td>{item.role}</td>
              <td>{item.version}</td>
              <td>
                <span className={`state ${stateClass[item.state]}`}>{item.state}</span>
                {item.lost_reason && (
                  <small className="ops-note">
                    {item.lost_reason}, {item.released_jobs} jobs released
                  </small>
                )}
              </td>
              <td>
                <span title={formatTime(item.heartbeat_at)}>{fromNow(item.heartbeat_at, now)}</span>
              </td>
              <td>{formatTime(item.started_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Colours that read on both themes' surfaces. */
const colours = { jobs: '#2f81f7', requests: '#c2185b', depth: '#d97706' };

function Charts({ rates }: { rates: Rates }) {
  if (rates.at.length < 2) {
    return <p className="empty">Collecting samples: the charts start after a few readings.</p>;
  }
  const charts = [
    {
      title: 'Jobs completed per second',
      label: 'jobs/s',
      colour: colours.jobs,
      values: rates.jobsPerSecond,
    },
    {
      title: 'HTTP requests per second',
      label: 'requests/s',
      colour: colours.requests,
      values: rates.requestsPerSecond,
    },
    {
      title: 'Queue depth (available jobs)',
      label: 'available',
      colour: colours.depth,
      values: rates.queueDepth,
    },
  ];
  return (
    <div className="grid">
      {charts.map((chart) => (
        <div key={chart.title}>
          <TimeChart
            title={chart.title}
            series={[{ label: chart.label, colour: chart.colour }]}
            data={[rates.at, chart.values]}
            height={180}
          />
          <p className="muted ops-now">
            Now: {formatRate(chart.values.at(-1))} {chart.label}
          </p>
        </div>
      ))}
    </div>
  );
}

function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
}
