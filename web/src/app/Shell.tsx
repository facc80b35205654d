import { Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './ErrorBoundary';
import { LiveBadge } from './LiveBadge';
import { NotificationBell } from './NotificationBell';
import { OrganisationSwitcher } from './organisations';
import { sections } from './sections';
import { useSession } from './session';
import { Loading } from './ui';

/** The signed-in frame: navigation, organisation, notifications, live state, and the section. */
export function Shell() {
  const { user, signOut } = useSession();
  const [location] = useLocation();
  // Only the links are hidden: a section opened directly says itself what its API refused.
  const linked = sections.filter((section) => !section.operatorsOnly || user.is_operator);
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
          {linked.map((section) => (
            <SectionLink key={section.path} path={section.path} label={section.label} />
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
        <ErrorBoundary resetKey={location}>
          <Suspense fallback={<Loading />}>
            <Switch>
              {sections.map((section) => (
                <Route key={section.path} path={section.path} nest>
                  <section.View />
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
        </ErrorBoundary>
      </main>
    </>
  );
}

/** A section's link, marked current on any of its pages (`/inventory/items/…` too). */
function SectionLink({ path, label }: { path: string; label: string }) {
  const [location] = useLocation();
  const current = location === path || location.startsWith(`${path}/`);
  return (
    <Link
      href={path}
      className={current ? 'active' : ''}
      aria-current={current ? 'page' : undefined}
    >
      {label}
    </Link>
  );
}
