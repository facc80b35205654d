import { Link, Route, Switch } from 'wouter';
import { Loading } from '../../app/ui';
import { Alerts } from './Alerts';
import { isForbidden, OperatorsOnly, useInstances } from './access';
import { Jobs } from './Jobs';
import { Mailbox } from './Mailbox';
import { useMetrics, useRates } from './metrics';
import { Overview } from './Overview';
import './operations.css';

const views = [
  { href: '/', label: 'Overview' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/mailbox', label: 'Mailbox' },
];

/**
 * The operations section (operators): instances and live metrics, job queues and dead jobs,
 * alerts, the built-in mailbox. The instances are asked for first: a 403 means the user is no
 * operator, and the whole section says so once instead of each view refusing.
 */
export default function Section() {
  const access = useInstances();
  // Sampled here, not in the overview, so the charts keep their history across the views.
  const metrics = useMetrics();
  const rates = useRates(metrics.data, metrics.dataUpdatedAt);
  if (isForbidden(access.error)) return <OperatorsOnly error={access.error} />;
  if (access.isPending) return <Loading what="Loading operations" />;
  return (
    <>
      <nav className="subnav" aria-label="Operations">
        {views.map((view) => (
          <Link key={view.href} href={view.href} className={(active) => (active ? 'active' : '')}>
            {view.label}
          </Link>
        ))}
      </nav>
      <Switch>
        <Route path="/jobs">
          <Jobs metrics={metrics} />
        </Route>
        <Route path="/alerts" component={Alerts} />
        <Route path="/mailbox/:id?" component={Mailbox} />
        <Route path="/">
          <Overview metrics={metrics} rates={rates} />
        </Route>
        <Route>
          <p role="alert">This page of Operations does not exist.</p>
        </Route>
      </Switch>
    </>
  );
}
