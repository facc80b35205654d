import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, call } from '../../app/api';
import { useLive } from '../../app/live';
import { useSession } from '../../app/session';

export type Service = ApiData<'/v1/delivery/services/{serviceId}'>;
export type ServiceStatus = ApiData<'/v1/delivery/services/{serviceId}/status'>;
export type DeliveryNode = ApiData<'/v1/delivery/services/{serviceId}/nodes/{name}'>;
export type Rollout = ApiData<'/v1/delivery/services/{serviceId}/rollouts/{rolloutId}'>;
export type ServiceAlarms = ApiData<'/v1/delivery/services/{serviceId}/alarms'>;

// Delivery publishes no event a browser may subscribe to (its one topic, `delivery:<node id>`,
// wakes pull agents' long polls inside Meridian), so what changes on its own — node states,
// status, rollouts — is polled while a page shows it. Alarms also reach the user's own topic as
// notifications, which invalidate them at once (useAlarmNotifications).
export const pollMs = { nodes: 3000, status: 3000, rollout: 2000, alarms: 15_000 };

/** How many nodes a service page reads (pages of 100): the table and the delivery chart. */
export const nodeReadLimit = 1000;

export const keys = {
  services: (orgId: string) => ['delivery', 'services', orgId],
  service: (id: string) => ['delivery', 'service', id],
  status: (id: string) => ['delivery', 'status', id],
  nodes: (id: string) => ['delivery', 'nodes', id],
  alarms: (id: string) => ['delivery', 'alarms', id],
  latestRollout: (id: string) => ['delivery', 'rollout', id],
};

export function useServices(orgId: string) {
  return useQuery({
    queryKey: keys.services(orgId),
    queryFn: () =>
      call(api.GET('/v1/delivery/services', { params: { query: { org_id: orgId, limit: 100 } } })),
  });
}

export function useService(serviceId: string) {
  return useQuery({
    queryKey: keys.service(serviceId),
    queryFn: () =>
      call(api.GET('/v1/delivery/services/{serviceId}', { params: { path: { serviceId } } })),
  });
}

export function useServiceStatus(serviceId: string) {
  return useQuery({
    queryKey: keys.status(serviceId),
    queryFn: () =>
      call(
        api.GET('/v1/delivery/services/{serviceId}/status', { params: { path: { serviceId } } }),
      ),
    refetchInterval: pollMs.status,
  });
}

/** Every node of the service, by name, up to `nodeReadLimit` (`more`: there are others). */
export function useNodes(serviceId: string) {
  return useQuery({
    queryKey: keys.nodes(serviceId),
    queryFn: () => readNodes(serviceId),
    refetchInterval: pollMs.nodes,
  });
}

async function readNodes(serviceId: string) {
  const nodes: DeliveryNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      api.GET('/v1/delivery/services/{serviceId}/nodes', {
        params: { path: { serviceId }, query: { limit: 100, cursor } },
      }),
    );
    nodes.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor && nodes.length < nodeReadLimit);
  return { nodes, more: Boolean(cursor) };
}

export function useAlarms(serviceId: string) {
  return useQuery({
    queryKey: keys.alarms(serviceId),
    queryFn: () =>
      call(
        api.GET('/v1/delivery/services/{serviceId}/alarms', { params: { path: { serviceId } } }),
      ),
    refetchInterval: pollMs.alarms,
  });
}

/** A rollout, polled while it runs. */
/**
 * The service's latest rollout (the running one, when one runs), started here or anywhere else:
 * polled closely while it runs, and now and then otherwise, to see one started elsewhere.
 */
export function useLatestRollout(serviceId: string) {
  return useQuery({
    queryKey: keys.latestRollout(serviceId),
    queryFn: async () => {
      const page = await call(
        api.GET('/v1/delivery/services/{serviceId}/rollouts', {
          params: { path: { serviceId }, query: { limit: 1 } },
        }),
      );
      return page.items[0] ?? null;
    },
    refetchInterval: (query) =>
      query.state.data?.state === 'running' ? pollMs.rollout : pollMs.alarms,
  });
}

/** Delivery's alarms arrive as notifications on `user:<id>`: each refreshes the alarm lists. */
export function useAlarmNotifications(): void {
  const { user } = useSession();
  const queryClient = useQueryClient();
  useLive([`user:${user.id}`], (event) => {
    const notification = event.data as { event?: string } | null;
    if (event.event === 'notification' && notification?.event?.startsWith('delivery.')) {
      void queryClient.invalidateQueries({ queryKey: ['delivery', 'alarms'] });
    }
  });
}
