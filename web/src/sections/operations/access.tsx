import type { UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem, api, call } from '../../app/api';
import { QueryView } from '../../app/ui';

/** How often the lists refetch: the platform publishes no live events for them. */
export const refreshMs = 5000;

export const keys = {
  instances: ['operations', 'instances'],
  jobs: ['operations', 'jobs'],
  alerts: ['operations', 'alerts'],
  mailbox: ['operations', 'mailbox'],
  metrics: ['operations', 'metrics'],
};

/** The instances: the overview lists them, and the section asks for them first to learn its access. */
export function useInstances() {
  return useQuery({
    queryKey: keys.instances,
    queryFn: () => call(api.GET('/v1/admin/instances')),
    refetchInterval: refreshMs,
  });
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 403;
}

/** What a non-operator sees: the API's refusal in words, and what to do about it. */
export function OperatorsOnly({ error }: { error?: unknown }) {
  const detail = error instanceof ApiProblem ? error.detail : undefined;
  return (
    <div className="card" role="alert">
      <h1>Operations is for operators only</h1>
      <p>
        This section shows Meridian’s processes, job queues, alerts and mailbox. Your account is not
        an operator{detail ? ` (Meridian said: ${detail})` : ''}.
      </p>
      <p className="muted">
        An operator is made with <code>meridian user create --admin</code>; ask one if you need
        access.
      </p>
    </div>
  );
}

/** `QueryView`, with a refusal (rights withdrawn while the page was open) said as such. */
export function OpsQueryView<T>(props: {
  query: UseQueryResult<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (isForbidden(props.query.error)) return <OperatorsOnly error={props.query.error} />;
  return <QueryView {...props} />;
}
