import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, call } from '../../app/api';
import { type LiveEvent, useLive } from '../../app/live';

// The section's queries: every key starts with ['inventory', orgId, …], so that a live event
// invalidates exactly the views it concerns and an organisation's data never shows in another.

export type Item = ApiData<'/v1/orgs/{orgId}/inventory/items/{itemId}'>;
export type Level = ApiData<'/v1/orgs/{orgId}/inventory/items/{itemId}/levels'>['levels'][number];
export type Location = ApiData<'/v1/orgs/{orgId}/inventory/locations'>['items'][number];
export type LedgerEntry =
  ApiData<'/v1/orgs/{orgId}/inventory/items/{itemId}/ledger'>['items'][number];
export type Order = ApiData<'/v1/orgs/{orgId}/inventory/orders/{orderId}'>;
export type Import = ApiData<'/v1/orgs/{orgId}/inventory/imports/{importId}'>;
export type OrderState = Order['state'];

export interface ItemFilters {
  q: string;
  location_id?: string;
  status?: 'active' | 'archived';
  low_stock?: boolean;
}

export const keys = {
  search: (orgId: string, filters?: ItemFilters) =>
    filters
      ? (['inventory', orgId, 'search', filters] as const)
      : (['inventory', orgId, 'search'] as const),
  item: (orgId: string, itemId: string) => ['inventory', orgId, 'item', itemId] as const,
  levels: (orgId: string, itemId: string) => ['inventory', orgId, 'levels', itemId] as const,
  ledger: (orgId: string, itemId: string) => ['inventory', orgId, 'ledger', itemId] as const,
  locations: (orgId: string) => ['inventory', orgId, 'locations'] as const,
  orders: (orgId: string, state?: string) =>
    state === undefined
      ? (['inventory', orgId, 'orders'] as const)
      : (['inventory', orgId, 'orders', state] as const),
  importJob: (orgId: string, importId: string) => ['inventory', orgId, 'import', importId] as const,
  reports: (orgId: string) => ['inventory', orgId, 'reports'] as const,
};

export function useLocations(orgId: string) {
  return useQuery({
    queryKey: keys.locations(orgId),
    queryFn: () =>
      call(api.GET('/v1/orgs/{orgId}/inventory/locations', { params: { path: { orgId } } })),
    select: (data) => data.items,
  });
}

export function useItem(orgId: string, itemId: string) {
  return useQuery({
    queryKey: keys.item(orgId, itemId),
    queryFn: () =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/items/{itemId}', {
          params: { path: { orgId, itemId } },
        }),
      ),
  });
}

export function useLevels(orgId: string, itemId: string) {
  return useQuery({
    queryKey: keys.levels(orgId, itemId),
    queryFn: () =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/items/{itemId}/levels', {
          params: { path: { orgId, itemId } },
        }),
      ),
    select: (data) => data.levels,
  });
}

/** The locations by id, for naming them in tables. */
export function useLocationNames(orgId: string): (id: string) => string {
  const locations = useLocations(orgId);
  return (id) => locations.data?.find((location) => location.id === id)?.name ?? id.slice(0, 8);
}

/**
 * Keeps the section live: each event of `inventory:<org>` invalidates the queries it touches
 * (the levels and ledger of the items a stock change named, the lists an item or order is in),
 * and an import's progress is written straight into its query.
 */
export function useInventoryLive(orgId: string): void {
  const queryClient = useQueryClient();
  useLive([`inventory:${orgId}`], (event: LiveEvent) => {
    const invalidate = (queryKey: readonly unknown[]) =>
      void queryClient.invalidateQueries({ queryKey });
    switch (event.event) {
      case 'inventory.levels_changed': {
        const data = event.data as { levels: Level[] };
        for (const itemId of new Set(data.levels.map((level) => level.item_id))) {
          invalidate(keys.levels(orgId, itemId));
          invalidate(keys.ledger(orgId, itemId));
        }
        invalidate(keys.search(orgId));
        invalidate(keys.reports(orgId));
        break;
      }
      case 'inventory.item_created':
      case 'inventory.item_updated': {
        const { item } = event.data as { item: Item };
        queryClient.setQueryData(keys.item(orgId, item.id), item);
        invalidate(keys.search(orgId));
        break;
      }
      case 'inventory.items_upserted':
        invalidate(keys.search(orgId));
        break;
      case 'inventory.order_changed':
        invalidate(keys.orders(orgId));
        break;
      case 'inventory.import_progress': {
        const progress = event.data as Pick<Import, 'state' | 'processed' | 'total' | 'counts'> & {
          import_id: string;
        };
        const key = keys.importJob(orgId, progress.import_id);
        queryClient.setQueryData<Import>(key, (current) =>
          current ? { ...current, ...progress } : current,
        );
        // The failed rows are not in the event: read them when the import ends.
        if (progress.state === 'completed' || progress.state === 'failed') invalidate(key);
        break;
      }
    }
  });
}
