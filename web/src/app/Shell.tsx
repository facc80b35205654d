import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { LiveBadge } from './LiveBadge';
import { NotificationBell } from './NotificationBell';
import { OrganisationSwitcher } from './organisations';
import { useSession } from './session';
import { Loading } from './ui';

// Each section is its own chunk, fetched the first time it is opened.
const sections = [
  { path: '/scheduler', label: 'Scheduler', view: lazy(() => import('../sections/scheduler')) },
  { path: '/inventory', label: 'Inventory', view: lazy(() => import('../sections/inventory')) },
  { path: '/social', label: 'Microblog', view: lazy(() => import('../sections/social')) },
  { path: '/delivery', label: 'Delivery', view: lazy(() => import('../sections/delivery')) },
  {
    path: '/operations',
    label: 'Operations',
    view: lazy(() => import('../sections/operations')),
    operatorsOnly: true,
  },
];

/** The signed-in frame: navigation, organisation, notifications, live state, and the section. */
export function Shell() {
  const { user, signOut } = useSession();
  const visible = sections.filter((section) => !section.operatorsOnly || user.is_operator);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Meridian
        </Link>
        <nav aria-label="Sections">
          {visible.map((section) => (
            <Link
              key={section.path}
              href={section.path}
              className={(active) => (active ? 'active' : '')}
            >
              {section.label}
            </Link>
          ))}
        </nav>
        <div className="tools">
          <OrganisationSwitcher />
          <LiveBadge />
          <NotificationBell />
          <span className="muted" title={user.email}>
            {user.name}
          </span>
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <Suspense fallback={<Loading />}>
          <Switch>
            {visible.map((section) => (
              <Route key={section.path} path={section.path} nest>
                <section.view />
              </Route>
            ))}
            <Route path="/">
              <Redirect to="/scheduler" />
            </Route>
            <Route>
              <p role="alert">This page does not exist.</p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
