import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ApiProblem, currentToken } from './app/api';
import { LiveConnection, LiveContext } from './app/live';
import { Shell } from './app/Shell';
import { SignIn } from './app/SignIn';
import { sectionOf } from './app/sections';
import { SessionProvider } from './app/session';
import './app/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live events invalidate what changed; this only bounds how stale a view without one gets.
      staleTime: 30_000,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});

/** The live connection for a signed-in session; a gap in the replay refetches every view. */
function Live({ children }: { children: React.ReactNode }) {
  const [connection] = useState(
    () => new LiveConnection(() => void queryClient.invalidateQueries()),
  );
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

/** Where the sign-in page was sent from (`?next=`), if it is a page of this console. */
function pageAfterSignIn(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function App() {
  const [signedIn, setSignedIn] = useState(() => currentToken() !== null);
  const [location, navigate] = useLocation();
  const onSignOut = useCallback(() => setSignedIn(false), []);
  const onSignedIn = useCallback(() => {
    // Nothing read for someone else (a session that expired in this tab) may show.
    queryClient.clear();
    setSignedIn(true);
    navigate(pageAfterSignIn());
  }, [navigate]);
  if (!signedIn) {
    return (
      <Switch>
        <Route path="/signup">
          <SignIn creating onSignedIn={onSignedIn} />
        </Route>
        <Route path="/signin">
          <SignIn creating={false} onSignedIn={onSignedIn} />
        </Route>
        <Route>
          <Redirect to={`/signin?next=${encodeURIComponent(location)}`} />
        </Route>
      </Switch>
    );
  }
  return (
    <SessionProvider onSignOut={onSignOut}>
      <Live>
        <Shell />
      </Live>
    </SessionProvider>
  );
}

// The section of the first page loads while the session is read, not after.
if (currentToken()) void sectionOf(window.location.pathname)?.preload();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
