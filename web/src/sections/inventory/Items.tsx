import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../app/api';
import { asProblem, Dialog, ProblemMessage, QueryView, SelectField, TextField } from '../../app/ui';
import { type Item, type ItemFilters, keys, type Location, useLevels, useLocations } from './data';

/** The items: a search with filters, and each item's levels at every location. */
export function Items({ orgId }: { orgId: string }) {
  const [filters, setFilters] = useState<ItemFilters>({ q: '' });
  // Typing does not send a search per key: the query follows a pause.
  const deferred = useSettled(filters, 250);
  const locations = useLocations(orgId);
  const search = useInfiniteQuery({
    queryKey: keys.search(orgId, deferred),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/search', {
          params: {
            path: { orgId },
            query: { ...deferred, limit: 25, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const filtered =
    deferred.q !== '' || deferred.location_id || deferred.status || deferred.low_stock;
  return (
    <>
      <div className="page-heading">
        <h1>Items</h1>
        <NewItem orgId={orgId} />
        <NewLocation orgId={orgId} />
      </div>
      <Filters filters={filters} onChange={setFilters} locations={locations.data ?? []} />
      <QueryView
        query={search}
        isEmpty={(data) => data.pages[0]?.items.length === 0}
        empty={
          filtered
            ? 'No item matches these filters.'
            : 'No items yet. Add one, or import a CSV file.'
        }
      >
        {(data) => (
          <>
            <ItemTable
              orgId={orgId}
              items={data.pages.flatMap((page) => page.items)}
              locations={locations.data ?? []}
            />
            {search.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={search.isFetchingNextPage}
                onClick={() => void search.fetchNextPage()}
              >
                More items
              </button>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

/** `value` once it has stayed the same for `delayMs`. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function Filters({
  filters,
  onChange,
  locations,
}: {
  filters: ItemFilters;
  onChange: (filters: ItemFilters) => void;
  locations: Location[];
}) {
  const set = (patch: Partial<ItemFilters>) => onChange({ ...filters, ...patch });
  return (
    <search className="row inventory-filters">
      <TextField
        label="Search"
        type="search"
        placeholder="SKU, name or description"
        value={filters.q}
        onChange={(event) => set({ q: event.target.value })}
      />
      <SelectField
        label="Location"
        value={filters.location_id ?? ''}
        onChange={(event) => set({ location_id: event.target.value || undefined })}
      >
        <option value="">Any location</option>
        {locations.map((location) => (
          <option key={location.id} value={location.id}>
            {location.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(event) =>
          set({ status: (event.target.value || undefined) as ItemFilters['status'] })
        }
      >
        <option value="">Any status</option>
        <option value="active">Active</option>
        <option value="archived">Archived</option>
      </SelectField>
      <label className="inventory-check">
        <input
          type="checkbox"
          checked={filters.low_stock ?? false}
          onChange={(event) => set({ low_stock: event.target.checked || undefined })}
        />
        Low stock only
      </label>
    </search>
  );
}

function ItemTable({
  orgId,
  items,
  locations,
}: {
  orgId: string;
  items: Item[];
  locations: Location[];
}) {
  return (
    <table>
      <caption className="muted">On hand, and available after reservations, per location</caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Name</th>
          {locations.map((location) => (
            <th scope="col" className="number" key={location.id}>
              {location.name}
            </th>
          ))}
          <th scope="col" className="number">
            Total on hand
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <ItemRow key={item.id} orgId={orgId} item={item} locations={locations} />
        ))}
      </tbody>
    </table>
  );
}

function ItemRow({ orgId, item, locations }: { orgId: string; item: Item; locations: Location[] }) {
  const levels = useLevels(orgId, item.id);
  const levelAt = (locationId: string) =>
    levels.data?.find((level) => level.location_id === locationId);
  const total = levels.data?.reduce((sum, level) => sum + level.on_hand, 0);
  return (
    <tr data-testid={`item-${item.sku}`}>
      <td>
        <Link href={`/items/${item.id}`}>{item.sku}</Link>
      </td>
      <td>
        {item.name}
        {item.status === 'archived' && <span className="state warn"> archived</span>}
      </td>
      {locations.map((location) => {
        const level = levelAt(location.id);
        return (
          <td className="number" key={location.id}>
            {level ? (
              <>
                {level.on_hand}{' '}
                <span className={level.low_stock ? 'state bad' : 'muted'}>
                  ({level.available} avail.)
                </span>
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
        );
      })}
      <td className="number" data-testid="total-on-hand">
        {total ?? '…'}
      </td>
    </tr>
  );
}

/** Opens a small form in a dialog; the form's mutation closes it when it succeeds. */
function FormDialog({
  label,
  children,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog title={label} open={open} onClose={() => setOpen(false)}>
        {children(() => setOpen(false))}
      </Dialog>
    </>
  );
}

function NewItem({ orgId }: { orgId: string }) {
  return (
    <FormDialog label="New item">
      {(close) => <NewItemForm orgId={orgId} onDone={close} />}
    </FormDialog>
  );
}

function NewItemForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [sku, setSku] = useState('');
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/orgs/{orgId}/inventory/items', {
          params: { path: { orgId } },
          body: { sku, name, ...(price ? { price: Math.round(Number(price) * 100) } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.search(orgId) });
      onDone();
    },
  });
  const problem = create.error ? asProblem(create.error) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        label="SKU"
        value={sku}
        onChange={(event) => setSku(event.target.value)}
        error={
          problem?.fieldError('sku') ?? (problem?.name === 'sku-taken' ? problem.title : undefined)
        }
      />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem?.fieldError('name')}
      />
      <TextField
        label="Price (optional)"
        inputMode="decimal"
        value={price}
        onChange={(event) => setPrice(event.target.value)}
        error={problem?.fieldError('price')}
      />
      {problem && problem.errors.length === 0 && problem.name !== 'sku-taken' && (
        <ProblemMessage error={problem} />
      )}
      <button type="submit" disabled={create.isPending}>
        Create item
      </button>
    </form>
  );
}

function NewLocation({ orgId }: { orgId: string }) {
  return (
    <FormDialog label="New location">
      {(close) => <NewLocationForm orgId={orgId} onDone={close} />}
    </FormDialog>
  );
}

function NewLocationForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'warehouse' | 'store'>('warehouse');
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/orgs/{orgId}/inventory/locations', {
          params: { path: { orgId } },
          body: { name, kind },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.locations(orgId) });
      onDone();
    },
  });
  const problem = create.error ? asProblem(create.error) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        label="Location name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem?.fieldError('name')}
      />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as typeof kind)}
      >
        <option value="warehouse">Warehouse</option>
        <option value="store">Store</option>
      </SelectField>
      {problem && problem.errors.length === 0 && <ProblemMessage error={problem} />}
      <button type="submit" disabled={create.isPending}>
        Create location
      </button>
    </form>
  );
}
