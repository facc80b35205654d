import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiData, api, call } from '../../app/api';
import { formatTime, SelectField } from '../../app/ui';
import { keys, OpsQueryView, refreshMs } from './access';

type Alert = ApiData<'/v1/admin/alerts'>['items'][number];
type AlertState = '' | Alert['state'];

const severityClass = { critical: 'bad', warning: 'warn', info: '' } as const;

/** Meridian's own alerts, firing and resolved, newest first. */
export function Alerts() {
  const [state, setState] = useState<AlertState>('');
  const alerts = useInfiniteQuery({
    queryKey: [...keys.alerts, state],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/admin/alerts', {
          params: { query: { limit: 50, state: state || undefined, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: refreshMs,
  });
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1 id="alerts-title">Alerts</h1>
      <p className="muted">
        Evaluated by Meridian itself; every operator is told once when one fires and once when it
        resolves.
      </p>
      <SelectField
        label="Show"
        value={state}
        onChange={(event) => setState(event.target.value as AlertState)}
      >
        <option value="">All alerts</option>
        <option value="firing">Firing</option>
        <option value="resolved">Resolved</option>
      </SelectField>
      <OpsQueryView
        query={alerts}
        empty={state === 'firing' ? 'Nothing is firing.' : 'No alerts.'}
        isEmpty={() => items.length === 0}
      >
        {() => (
          <>
            <AlertTable items={items} />
            {alerts.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={alerts.isFetchingNextPage}
                onClick={() => void alerts.fetchNextPage()}
              >
                Load more
              </button>
            )}
          </>
        )}
      </OpsQueryView>
    </>
  );
}

function AlertTable({ items }: { items: Alert[] }) {
  return (
    <div className="ops-scroll">
      <table aria-labelledby="alerts-title">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Rule</th>
            <th scope="col">Summary</th>
            <th scope="col">State</th>
            <th scope="col">Fired</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {items.map((alert) => (
            <tr key={alert.id}>
              <td>
                <span className={`state ${severityClass[alert.severity]}`}>{alert.severity}</span>
              </td>
              <td>
                {alert.rule}
                <small className="ops-note">{alert.key}</small>
              </td>
              <td>{alert.summary}</td>
              <td>
                <span className={`state ${alert.state === 'firing' ? 'bad' : 'ok'}`}>
                  {alert.state}
                </span>
              </td>
              <td>{formatTime(alert.fired_at)}</td>
              <td>{formatTime(alert.resolved_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
