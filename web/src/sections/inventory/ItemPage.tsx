import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../app/api';
import { TimeChart } from '../../app/TimeChart';
import { formatTime, QueryView } from '../../app/ui';
import { chartColours } from './colours';
import {
  type Item,
  keys,
  type LedgerEntry,
  type Level,
  type Location,
  useItem,
  useLevels,
  useLocations,
} from './data';
import { EditItem } from './EditItem';
import { stateName } from './explain';
import { type StockAction, StockDialog } from './StockDialogs';

/** One item: its levels with the stock actions, on hand over time, and its ledger. */
export function ItemPage({ orgId, itemId }: { orgId: string; itemId: string }) {
  const item = useItem(orgId, itemId);
  return (
    <>
      <p>
        <Link href="/">← Items</Link>
      </p>
      <QueryView query={item}>{(data) => <ItemDetail orgId={orgId} item={data} />}</QueryView>
    </>
  );
}

function ItemDetail({ orgId, item }: { orgId: string; item: Item }) {
  const levels = useLevels(orgId, item.id);
  const locations = useLocations(orgId);
  const ledger = useInfiniteQuery({
    queryKey: keys.ledger(orgId, item.id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/items/{itemId}/ledger', {
          params: {
            path: { orgId, itemId: item.id },
            query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const entries = useMemo(
    () => ledger.data?.pages.flatMap((page) => page.items) ?? [],
    [ledger.data],
  );
  const locationName = (id: string) =>
    locations.data?.find((location) => location.id === id)?.name ?? id.slice(0, 8);
  return (
    <>
      <div className="page-heading">
        <h1>
          {item.name} <span className="muted">{item.sku}</span>
        </h1>
        {item.status === 'archived' && <span className="state warn">archived</span>}
        <EditItem orgId={orgId} item={item} />
      </div>
      {item.description && <p>{item.description}</p>}
      <h2>Stock by location</h2>
      <QueryView query={levels}>
        {(data) => (
          <QueryView
            query={locations}
            isEmpty={(list) => list.length === 0}
            empty="No locations yet: add one on the items page to hold stock."
          >
            {(list) => <LevelTable orgId={orgId} itemId={item.id} levels={data} locations={list} />}
          </QueryView>
        )}
      </QueryView>
      {levels.data && entries.length > 0 && <OnHandChart levels={levels.data} entries={entries} />}
      <h2>Ledger</h2>
      <QueryView
        query={ledger}
        isEmpty={() => entries.length === 0}
        empty="No stock has moved yet."
      >
        {() => (
          <>
            <LedgerTable entries={entries} locationName={locationName} />
            {ledger.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={ledger.isFetchingNextPage}
                onClick={() => void ledger.fetchNextPage()}
              >
                Older entries
              </button>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

/** A level of zeros, for a location that has never held the item (so stock can be received there). */
function emptyLevel(itemId: string, locationId: string): Level {
  return {
    item_id: itemId,
    location_id: locationId,
    on_hand: 0,
    reserved: 0,
    incoming: 0,
    damaged: 0,
    available: 0,
    safety_stock: 0,
    reorder_point: 0,
    low_stock: false,
    version: 0,
    updated_at: '',
  };
}

function LevelTable({
  orgId,
  itemId,
  levels,
  locations,
}: {
  orgId: string;
  itemId: string;
  levels: Level[];
  locations: Location[];
}) {
  const [open, setOpen] = useState<{ action: StockAction; locationId: string } | null>(null);
  const rows = locations.map(
    (location) =>
      levels.find((level) => level.location_id === location.id) ?? emptyLevel(itemId, location.id),
  );
  const openLevel = open && rows.find((level) => level.location_id === open.locationId);
  const actions: [StockAction, string][] = [
    ['adjust', 'Adjust'],
    ['count', 'Count'],
    ['transfer', 'Transfer'],
    ['receive', 'Receive'],
    ['thresholds', 'Thresholds'],
  ];
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Location</th>
            {['on_hand', 'reserved', 'available', 'incoming', 'damaged', 'reorder point'].map(
              (state) => (
                <th scope="col" className="number" key={state}>
                  {stateName(state)}
                </th>
              ),
            )}
            <th scope="col">Stock actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((level) => {
            const name = locations.find((location) => location.id === level.location_id)?.name;
            return (
              <tr key={level.location_id} data-testid={`level-${name}`}>
                <th scope="row">{name}</th>
                <td className="number" data-testid="on-hand">
                  {level.on_hand}
                </td>
                <td className="number">{level.reserved}</td>
                <td className="number" data-testid="available">
                  {level.available}
                  {level.low_stock && <span className="state bad"> low</span>}
                </td>
                <td className="number">{level.incoming}</td>
                <td className="number">{level.damaged}</td>
                <td className="number">{level.reorder_point}</td>
                <td>
                  <div className="row inventory-actions">
                    {actions.map(([action, label]) => (
                      <button
                        key={action}
                        type="button"
                        className="secondary"
                        aria-label={`${label} at ${name}`}
                        onClick={() => setOpen({ action, locationId: level.location_id })}
                      >
                        {label}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {/* Always mounted with the row it was opened on, so the native dialog opens and closes. */}
      <StockDialog
        action={openLevel ? (open?.action ?? null) : null}
        orgId={orgId}
        level={openLevel || rows[0] || emptyLevel(itemId, '')}
        locations={locations}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

/**
 * On hand summed over locations, after each ledger row read so far: walked back from the live
 * levels (each row's delta undone in turn), so the series is exact however few rows are loaded.
 */
function onHandSeries(levels: Level[], entries: LedgerEntry[]): [number[], number[]] {
  let total = levels.reduce((sum, level) => sum + level.on_hand, 0);
  const times: number[] = [Date.now() / 1000];
  const values: number[] = [total];
  for (const entry of entries) {
    if (entry.state !== 'on_hand') continue;
    // Two points at the row's time, before and after: a step, as stock changes at once.
    const at = new Date(entry.created_at).getTime() / 1000;
    times.push(at, at);
    values.push(total, total - entry.delta);
    total -= entry.delta;
  }
  times.reverse();
  values.reverse();
  return [times, values];
}

function OnHandChart({ levels, entries }: { levels: Level[]; entries: LedgerEntry[] }) {
  const data = useMemo(() => onHandSeries(levels, entries), [levels, entries]);
  return (
    <TimeChart
      title="On hand over time, all locations"
      series={[{ label: 'On hand', colour: chartColours.onHand }]}
      data={data}
    />
  );
}

function LedgerTable({
  entries,
  locationName,
}: {
  entries: LedgerEntry[];
  locationName: (id: string) => string;
}) {
  return (
    <table data-testid="ledger">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Location</th>
          <th scope="col">State</th>
          <th scope="col" className="number">
            Change
          </th>
          <th scope="col" className="number">
            After
          </th>
          <th scope="col">Reason</th>
          <th scope="col">Reference</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatTime(entry.created_at)}</td>
            <td>{locationName(entry.location_id)}</td>
            <td>{stateName(entry.state)}</td>
            <td className="number">{entry.delta > 0 ? `+${entry.delta}` : entry.delta}</td>
            <td className="number">{entry.quantity_after}</td>
            <td>{entry.reason.replace('_', ' ')}</td>
            <td>{entry.reference ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
