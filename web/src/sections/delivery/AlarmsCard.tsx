import { formatTime, QueryView } from '../../app/ui';
import { type ServiceAlarms, useAlarms } from './queries';

type Alarm = ServiceAlarms['open'][number];

/** The service's open alarms and its last resolved ones. */
export function AlarmsCard({ serviceId }: { serviceId: string }) {
  const alarms = useAlarms(serviceId);
  return (
    <section className="card" aria-labelledby="alarms-title">
      <h2 id="alarms-title">Alarms</h2>
      <QueryView query={alarms}>
        {(loaded) => (
          <>
            {loaded.open.length === 0 ? (
              <p className="empty">No open alarm.</p>
            ) : (
              <ul className="plain" aria-label="Open alarms">
                {loaded.open.map((alarm) => (
                  <AlarmItem key={alarm.id} alarm={alarm} />
                ))}
              </ul>
            )}
            {loaded.open_count > loaded.open.length && (
              <p className="muted">{loaded.open_count} open in all; the oldest are shown.</p>
            )}
            {loaded.recent.length > 0 && (
              <details>
                <summary>Resolved lately ({loaded.recent.length})</summary>
                <ul className="plain" aria-label="Resolved alarms">
                  {loaded.recent.map((alarm) => (
                    <AlarmItem key={alarm.id} alarm={alarm} />
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function AlarmItem({ alarm }: { alarm: Alarm }) {
  return (
    <li>
      <span className={alarm.resolved_at ? 'state ok' : 'state bad'}>{alarm.kind}</span>{' '}
      {alarm.summary}
      <br />
      <small className="muted">
        raised {formatTime(alarm.raised_at)}
        {alarm.resolved_at && `, resolved ${formatTime(alarm.resolved_at)}`}
      </small>
    </li>
  );
}
