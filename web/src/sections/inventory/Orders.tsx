import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, formatTime, QueryView, SelectField, TextField } from '../../app/ui';
import {
  type Item,
  keys,
  type Order,
  type OrderState,
  useLocationNames,
  useLocations,
} from './data';
import { StockProblem } from './explain';

const states: OrderState[] = [
  'reserved',
  'partially_fulfilled',
  'fulfilled',
  'cancelled',
  'expired',
];
const stateClass: Record<OrderState, string> = {
  reserved: 'state warn',
  partially_fulfilled: 'state warn',
  fulfilled: 'state ok',
  cancelled: 'state bad',
  expired: 'state bad',
};

/** The first items by name, to choose order lines from and to name them (SKU). */
function useItemChoices(orgId: string) {
  return useQuery({
    queryKey: [...keys.search(orgId), 'choices'],
    queryFn: () =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/search', {
          params: { path: { orgId }, query: { q: '', status: 'active', limit: 100 } },
        }),
      ),
    select: (data) => data.items,
  });
}

/** Orders: reserve new ones, then fulfil or cancel them; each order's lines and where they are held. */
export function Orders({ orgId }: { orgId: string }) {
  const [state, setState] = useState<OrderState | ''>('');
  const items = useItemChoices(orgId);
  const orders = useInfiniteQuery({
    queryKey: keys.orders(orgId, state),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/orders', {
          params: {
            path: { orgId },
            query: {
              limit: 50,
              ...(state ? { state } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const sku = (id: string) => items.data?.find((item) => item.id === id)?.sku ?? id.slice(0, 8);
  return (
    <>
      <h1>Orders</h1>
      <NewOrder orgId={orgId} items={items.data ?? []} />
      <h2>All orders</h2>
      <div className="row">
        <SelectField
          label="State"
          value={state}
          onChange={(event) => setState(event.target.value as OrderState | '')}
        >
          <option value="">Any state</option>
          {states.map((value) => (
            <option key={value} value={value}>
              {value.replace('_', ' ')}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView
        query={orders}
        isEmpty={(data) => data.pages[0]?.items.length === 0}
        empty={state ? 'No order is in this state.' : 'No orders yet.'}
      >
        {(data) => (
          <>
            <ul className="plain">
              {data.pages
                .flatMap((page) => page.items)
                .map((order) => (
                  <OrderRow key={order.id} orgId={orgId} order={order} sku={sku} />
                ))}
            </ul>
            {orders.hasNextPage && (
              <button
                type="button"
                className="secondary"
                onClick={() => void orders.fetchNextPage()}
              >
                More orders
              </button>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

function NewOrder({ orgId, items }: { orgId: string; items: Item[] }) {
  const queryClient = useQueryClient();
  const locations = useLocations(orgId);
  const locationName = useLocationNames(orgId);
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [locationId, setLocationId] = useState('');
  const [reference, setReference] = useState('');
  const chosen = itemId || items[0]?.id || '';
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/orgs/{orgId}/inventory/orders', {
          params: { path: { orgId } },
          body: {
            lines: [
              {
                item_id: chosen,
                quantity: Number(quantity),
                ...(locationId ? { location_id: locationId } : {}),
              },
            ],
            ...(reference ? { reference } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.orders(orgId) });
      setReference('');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  if (items.length === 0) return <p className="empty">Add items before taking orders.</p>;
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label="New order">
      <h2>New order</h2>
      <div className="row">
        <SelectField
          label="Item"
          value={chosen}
          onChange={(event) => setItemId(event.target.value)}
        >
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.sku} — {item.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Quantity"
          inputMode="numeric"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={create.error ? asProblem(create.error).fieldError('lines/0/quantity') : undefined}
        />
        <SelectField
          label="Reserve at"
          value={locationId}
          onChange={(event) => setLocationId(event.target.value)}
        >
          <option value="">Best locations first</option>
          {(locations.data ?? []).map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Reference (optional)"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />
      </div>
      <StockProblem error={create.error} locationName={locationName} />
      <button type="submit" disabled={create.isPending}>
        Reserve
      </button>
    </form>
  );
}

function OrderRow({
  orgId,
  order,
  sku,
}: {
  orgId: string;
  order: Order;
  sku: (id: string) => string;
}) {
  const queryClient = useQueryClient();
  const locationName = useLocationNames(orgId);
  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.orders(orgId) });
    for (const line of order.lines) {
      void queryClient.invalidateQueries({ queryKey: keys.levels(orgId, line.item_id) });
    }
  };
  const path = { orgId, orderId: order.id };
  const fulfil = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/orgs/{orgId}/inventory/orders/{orderId}/fulfilments', {
          params: { path },
          body: null,
        }),
      ),
    onSuccess: settle,
  });
  const cancel = useMutation({
    mutationFn: () =>
      call(api.POST('/v1/orgs/{orgId}/inventory/orders/{orderId}/cancel', { params: { path } })),
    onSuccess: settle,
  });
  const open = order.state === 'reserved' || order.state === 'partially_fulfilled';
  const label = order.reference ?? `Order ${order.id.slice(0, 8)}`;
  return (
    <li data-testid={`order-${label}`}>
      <div className="row">
        <strong>{label}</strong>
        <span className={stateClass[order.state]} data-testid="order-state">
          {order.state.replace('_', ' ')}
        </span>
        <span className="muted">{formatTime(order.created_at)}</span>
        {open && (
          <>
            <button
              type="button"
              disabled={fulfil.isPending}
              aria-label={`Fulfil ${label}`}
              onClick={() => fulfil.mutate()}
            >
              Fulfil
            </button>
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              aria-label={`Cancel ${label}`}
              onClick={() => cancel.mutate()}
            >
              Cancel
            </button>
          </>
        )}
      </div>
      <ul>
        {order.lines.map((line) => (
          <li key={line.line_no}>
            {line.quantity} × {sku(line.item_id)}: {line.fulfilled} shipped, {line.reserved} held
            {line.allocations.length > 0 &&
              ` (${line.allocations
                .map(
                  (allocation) =>
                    `${allocation.quantity} at ${locationName(allocation.location_id)}`,
                )
                .join(', ')})`}
          </li>
        ))}
      </ul>
      <StockProblem error={fulfil.error ?? cancel.error} locationName={locationName} />
    </li>
  );
}
