import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { type ApiData, api, call, onSignedOut, setToken } from './api';
import { Loading, ProblemMessage } from './ui';

export type User = ApiData<'/v1/me'>;
export type Organisation = ApiData<'/v1/orgs'>['items'][number];

export interface Session {
  user: User;
  orgs: Organisation[];
  /** The organisation the console shows, chosen with the switcher; null before one exists. */
  org: Organisation | null;
  selectOrg(id: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

const orgKey = 'meridian.org';

/** Loads who is signed in and their organisations, then renders `children` with the session. */
export function SessionProvider({
  onSignOut,
  children,
}: {
  onSignOut: () => void;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState(() => localStorage.getItem(orgKey));
  const me = useQuery({ queryKey: ['me'], queryFn: () => call(api.GET('/v1/me')) });
  const orgs = useQuery({
    queryKey: ['orgs'],
    queryFn: () => call(api.GET('/v1/orgs', { params: { query: { limit: 100 } } })),
  });
  useEffect(() => onSignedOut(onSignOut), [onSignOut]);

  const selectOrg = useCallback((id: string) => {
    localStorage.setItem(orgKey, id);
    setOrgId(id);
  }, []);
  const signOut = useCallback(async () => {
    await call(api.POST('/v1/auth/logout')).catch(() => undefined);
    setToken(null);
    queryClient.clear();
    onSignOut();
  }, [queryClient, onSignOut]);

  if (me.isPending || orgs.isPending) return <Loading what="Signing in" />;
  if (me.isError || orgs.isError) {
    return (
      <main className="centred">
        <ProblemMessage error={me.error ?? orgs.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  const items = orgs.data.items;
  const org = items.find((candidate) => candidate.id === orgId) ?? items[0] ?? null;
  return (
    <SessionContext.Provider value={{ user: me.data, orgs: items, org, selectOrg, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}
