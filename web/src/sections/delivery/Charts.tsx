import { useEffect, useMemo, useRef, useState } from 'react';
import { TimeChart } from '../../app/TimeChart';
import { type DeliveryNode, useNodes, useServiceStatus } from './queries';

// The API keeps no series of deliveries (its counter is per process, on /metrics for operators),
// so this page derives them from what it reads:
// - Each node's `delivered_version` counts the deliveries started to it, and `last_attempt_at` is
//   when the latest started. Between two reads, a node whose count rose by n had n deliveries:
//   the latest at its `last_attempt_at`, the others placed at the read. At the first read only
//   each node's latest delivery is known, so the minutes before the page opened are a lower bound.
// - Nodes by state: the status as read every few seconds while the page is open.

const minuteMs = 60_000;
const chartMinutes = 15;
const maxStatusSamples = 600;

const colours = {
  deliveries: '#2563eb',
  healthy: '#15803d',
  renewing: '#0e7490',
  danger: '#b45309',
  expired: '#b91c1c',
  failing: '#9333ea',
  new: '#6b7280',
};

/** Times (ms) of the deliveries started, derived from successive reads of the nodes. */
function useDeliveryStarts(nodes: DeliveryNode[] | undefined, readAt: number): number[] {
  const seen = useRef<Map<string, number> | null>(null);
  const [starts, setStarts] = useState<number[]>([]);
  useEffect(() => {
    if (!nodes) return;
    const previous = seen.current;
    const found: number[] = [];
    for (const node of nodes) {
      const before = previous ? (previous.get(node.name) ?? 0) : node.delivered_version - 1;
      const started = node.delivered_version - before;
      if (started <= 0 || !node.last_attempt_at) continue;
      found.push(new Date(node.last_attempt_at).getTime());
      for (let more = 1; more < started; more++) found.push(readAt);
    }
    seen.current = new Map(nodes.map((node) => [node.name, node.delivered_version]));
    const since = readAt - chartMinutes * minuteMs;
    setStarts((current) => [...current, ...found].filter((at) => at >= since));
  }, [nodes, readAt]);
  return starts;
}

function perMinute(starts: number[], now: number): [number[], number[]] {
  const first = Math.floor(now / minuteMs) - chartMinutes + 1;
  const counts = Array.from({ length: chartMinutes }, () => 0);
  for (const at of starts) {
    const index = Math.floor(at / minuteMs) - first;
    if (index >= 0 && index < counts.length) counts[index] = (counts[index] ?? 0) + 1;
  }
  return [counts.map((_, i) => ((first + i) * minuteMs) / 1000), counts];
}

const stateSeries = ['healthy', 'renewing', 'danger', 'expired', 'new', 'failing'] as const;
type StateSample = { at: number } & Record<(typeof stateSeries)[number], number>;

/** Deliveries per minute and nodes by state, for the service page. */
export function DeliveryCharts({ serviceId }: { serviceId: string }) {
  const nodes = useNodes(serviceId);
  const status = useServiceStatus(serviceId);
  const starts = useDeliveryStarts(nodes.data?.nodes, nodes.dataUpdatedAt);
  const [samples, setSamples] = useState<StateSample[]>([]);
  useEffect(() => {
    if (!status.data) return;
    const sample = { at: status.dataUpdatedAt / 1000, ...pick(status.data) };
    setSamples((current) => [...current, sample].slice(-maxStatusSamples));
  }, [status.data, status.dataUpdatedAt]);

  const deliveries = useMemo(
    () => perMinute(starts, nodes.dataUpdatedAt || Date.now()),
    [starts, nodes.dataUpdatedAt],
  );
  const byState = useMemo(
    (): [number[], ...number[][]] => [
      samples.map((s) => s.at),
      ...stateSeries.map((key) => samples.map((s) => s[key])),
    ],
    [samples],
  );
  const lastMinute = deliveries[1].at(-1) ?? 0;
  return (
    <section className="card" aria-labelledby="charts-title">
      <h2 id="charts-title">Activity</h2>
      <div className="grid charts">
        <div>
          <TimeChart
            title="Deliveries started per minute"
            series={[{ label: 'deliveries', colour: colours.deliveries }]}
            data={deliveries}
          />
          <p className="muted" data-testid="deliveries-this-minute">
            {lastMinute} started this minute. Derived from the nodes' delivery counts while this
            page is open; earlier minutes count each node's latest delivery only.
          </p>
        </div>
        <div>
          <TimeChart
            title="Nodes by state"
            series={stateSeries.map((key) => ({ label: key, colour: colours[key] }))}
            data={byState}
          />
          <p className="muted">Read every few seconds since this page opened.</p>
        </div>
      </div>
    </section>
  );
}

function pick(status: Record<(typeof stateSeries)[number], number>) {
  return Object.fromEntries(stateSeries.map((key) => [key, status[key]])) as Record<
    (typeof stateSeries)[number],
    number
  >;
}
