import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { QueryView } from '../../app/ui';
import { AlarmsCard } from './AlarmsCard';
import { DeliveryCharts } from './Charts';
import { NodesCard } from './NodesCard';
import { percent } from './present';
import {
  type Service,
  type ServiceStatus,
  useAlarmNotifications,
  useService,
  useServiceStatus,
} from './queries';
import { RolloutCard } from './RolloutCard';

/** One service: its status, charts, rollout, alarms and nodes, kept current by polling. */
export function ServicePage({ serviceId }: { serviceId: string }) {
  const service = useService(serviceId);
  useAlarmNotifications();
  return (
    <>
      <p>
        <Link href="/">← Services</Link>
      </p>
      <QueryView query={service}>
        {(loaded) => (
          <>
            <ServiceHeader service={loaded} />
            <StatusCard serviceId={serviceId} />
            <NodesCard service={loaded} />
            <DeliveryCharts serviceId={serviceId} />
            <div className="grid">
              <RolloutCard serviceId={serviceId} />
              <AlarmsCard serviceId={serviceId} />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}

function ServiceHeader({ service }: { service: Service }) {
  const window = service.renewal_window;
  return (
    <section className="card" aria-labelledby="service-name">
      <h1 id="service-name">{service.name}</h1>
      <dl className="facts">
        <Fact term="Kind">{service.kind}</Fact>
        <Fact term="Mode">{service.mode}</Fact>
        <Fact term="Lifetime">{service.lifetime_minutes} min</Fact>
        <Fact term="Renewal">
          {percent(window.start)}–{percent(window.end)} of the lifetime, danger at{' '}
          {percent(window.danger_at)}
        </Fact>
        <Fact term="Concurrency">{service.concurrency}</Fact>
        {service.push_url_template && <Fact term="Pushed to">{service.push_url_template}</Fact>}
        <Fact term="Nodes from">{service.node_source?.location ?? 'the API'}</Fact>
      </dl>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const statusTiles: Array<{ key: keyof ServiceStatus; label: string; tone?: string }> = [
  { key: 'nodes', label: 'Nodes' },
  { key: 'healthy', label: 'Healthy', tone: 'ok' },
  { key: 'renewing', label: 'Renewing' },
  { key: 'danger', label: 'Danger', tone: 'warn' },
  { key: 'expired', label: 'Expired', tone: 'bad' },
  { key: 'new', label: 'New' },
  { key: 'failing', label: 'Failing', tone: 'bad' },
  { key: 'delivering', label: 'Delivering' },
];

function StatusCard({ serviceId }: { serviceId: string }) {
  const status = useServiceStatus(serviceId);
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <QueryView query={status}>
        {(loaded) => (
          <>
            <dl className="tiles" data-testid="service-status">
              {statusTiles.map(({ key, label, tone }) => (
                <div
                  key={key}
                  className={Number(loaded[key]) > 0 && tone ? `tile ${tone}` : 'tile'}
                >
                  <dt>{label}</dt>
                  <dd>{String(loaded[key])}</dd>
                </div>
              ))}
            </dl>
            {loaded.node_source?.error && (
              <p className="problem" role="alert">
                The node source could not be read: {loaded.node_source.error}
              </p>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
