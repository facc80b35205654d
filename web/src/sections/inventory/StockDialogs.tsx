import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, Dialog, SelectField, TextField } from '../../app/ui';
import { keys, type Level, type Location } from './data';
import { StockProblem, stateName } from './explain';

export type StockAction = 'adjust' | 'count' | 'transfer' | 'receive' | 'thresholds';

const titles: Record<StockAction, string> = {
  adjust: 'Adjust stock',
  count: 'Count stock',
  transfer: 'Transfer stock',
  receive: 'Receive stock',
  thresholds: 'Safety stock and reorder point',
};

const adjustReasons = ['correction', 'cycle_count', 'damaged', 'shrinkage', 'restock'] as const;

interface DialogProps {
  orgId: string;
  level: Level;
  locations: Location[];
  onClose: () => void;
}

/** The dialog of one stock action on one level; `action` null is closed. */
export function StockDialog({ action, ...props }: { action: StockAction | null } & DialogProps) {
  return (
    <Dialog title={action ? titles[action] : ''} open={action !== null} onClose={props.onClose}>
      {action === 'adjust' && <AdjustForm {...props} />}
      {action === 'count' && <CountForm {...props} />}
      {action === 'transfer' && <TransferForm {...props} />}
      {action === 'receive' && <ReceiveForm {...props} />}
      {action === 'thresholds' && <ThresholdsForm {...props} />}
    </Dialog>
  );
}

/** A stock operation's mutation: on success the item's levels and ledger are read again. */
function useStockOperation<Body>(props: DialogProps, send: (body: Body) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: keys.levels(props.orgId, props.level.item_id),
      });
      void queryClient.invalidateQueries({
        queryKey: keys.ledger(props.orgId, props.level.item_id),
      });
      props.onClose();
    },
  });
}

function nameOf(locations: Location[], id: string): string {
  return locations.find((location) => location.id === id)?.name ?? id;
}

function StockForm({
  props,
  error,
  pending,
  submit,
  label,
  children,
}: {
  props: DialogProps;
  error: unknown;
  pending: boolean;
  submit: () => void;
  label: string;
  children: ReactNode;
}) {
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const { level, locations } = props;
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="muted">
        At {nameOf(locations, level.location_id)}: {level.on_hand} on hand, {level.available}{' '}
        available.
      </p>
      {children}
      <StockProblem error={error} locationName={(id) => nameOf(locations, id)} />
      <div className="row">
        <button type="submit" disabled={pending}>
          {label}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function fieldError(error: unknown, name: string): string | undefined {
  return error ? asProblem(error).fieldError(name) : undefined;
}

function AdjustForm(props: DialogProps) {
  const { orgId, level } = props;
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState<(typeof adjustReasons)[number]>('correction');
  const [reference, setReference] = useState('');
  const adjust = useStockOperation(props, () =>
    call(
      api.POST('/v1/orgs/{orgId}/inventory/adjustments', {
        params: { path: { orgId } },
        body: {
          item_id: level.item_id,
          location_id: level.location_id,
          delta: Number(delta),
          reason,
          ...(reference ? { reference } : {}),
        },
      }),
    ),
  );
  return (
    <StockForm
      props={props}
      error={adjust.error}
      pending={adjust.isPending}
      submit={() => adjust.mutate(undefined)}
      label="Adjust"
    >
      <TextField
        label="Change in on hand"
        hint="Negative to take units away, e.g. -3"
        inputMode="numeric"
        value={delta}
        onChange={(event) => setDelta(event.target.value)}
        error={fieldError(adjust.error, 'delta')}
      />
      <SelectField
        label="Reason"
        value={reason}
        onChange={(event) => setReason(event.target.value as typeof reason)}
      >
        {adjustReasons.map((value) => (
          <option key={value} value={value}>
            {value.replace('_', ' ')}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Reference (optional)"
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        error={fieldError(adjust.error, 'reference')}
      />
    </StockForm>
  );
}

/**
 * Sets on hand to a counted figure, only if it still is what the dialog showed when it opened
 * (compare-and-set): a change made meanwhile is a 409 explained in words, and the dialog then
 * offers to count against the new figure.
 */
function CountForm(props: DialogProps) {
  const { orgId, level } = props;
  const [expected, setExpected] = useState(level.on_hand);
  const [quantity, setQuantity] = useState(String(level.on_hand));
  const count = useStockOperation(props, (changeFrom: number) =>
    call(
      api.POST('/v1/orgs/{orgId}/inventory/set-quantity', {
        params: { path: { orgId } },
        body: {
          item_id: level.item_id,
          location_id: level.location_id,
          quantity: Number(quantity),
          change_from_quantity: changeFrom,
          reason: 'cycle_count',
        },
      }),
    ),
  );
  const stale = count.error ? asProblem(count.error) : null;
  const current = stale?.name === 'quantity-stale' ? Number(stale.body.current_quantity) : null;
  return (
    <StockForm
      props={props}
      error={count.error}
      pending={count.isPending}
      submit={() => count.mutate(expected)}
      label="Save count"
    >
      <p>
        Counting from {expected} {stateName('on_hand')}.
      </p>
      <TextField
        label="Counted on hand"
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={fieldError(count.error, 'quantity')}
      />
      {current !== null && current !== expected && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setExpected(current);
            count.reset();
          }}
        >
          Count from {current} instead
        </button>
      )}
    </StockForm>
  );
}

function TransferForm(props: DialogProps) {
  const { orgId, level, locations } = props;
  const others = locations.filter((location) => location.id !== level.location_id);
  const [to, setTo] = useState(others[0]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const transfer = useStockOperation(props, () =>
    call(
      api.POST('/v1/orgs/{orgId}/inventory/transfers', {
        params: { path: { orgId } },
        body: {
          item_id: level.item_id,
          from_location_id: level.location_id,
          to_location_id: to,
          quantity: Number(quantity),
        },
      }),
    ),
  );
  if (others.length === 0) {
    return <p>There is no other location to transfer to. Add one on the items page first.</p>;
  }
  return (
    <StockForm
      props={props}
      error={transfer.error}
      pending={transfer.isPending}
      submit={() => transfer.mutate(undefined)}
      label="Transfer"
    >
      <SelectField label="To location" value={to} onChange={(event) => setTo(event.target.value)}>
        {others.map((location) => (
          <option key={location.id} value={location.id}>
            {location.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Units to transfer"
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={fieldError(transfer.error, 'quantity')}
      />
    </StockForm>
  );
}

function ReceiveForm(props: DialogProps) {
  const { orgId, level } = props;
  const [quantity, setQuantity] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [reference, setReference] = useState('');
  const receive = useStockOperation(props, () =>
    call(
      api.POST('/v1/orgs/{orgId}/inventory/receipts', {
        params: { path: { orgId } },
        body: {
          item_id: level.item_id,
          location_id: level.location_id,
          quantity: Number(quantity),
          ...(unitCost ? { unit_cost: Math.round(Number(unitCost) * 100) } : {}),
          ...(reference ? { reference } : {}),
        },
      }),
    ),
  );
  return (
    <StockForm
      props={props}
      error={receive.error}
      pending={receive.isPending}
      submit={() => receive.mutate(undefined)}
      label="Receive"
    >
      <TextField
        label="Units received"
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={fieldError(receive.error, 'quantity')}
      />
      <TextField
        label="Unit cost (optional)"
        hint="In the item's currency, e.g. 2.50"
        inputMode="decimal"
        value={unitCost}
        onChange={(event) => setUnitCost(event.target.value)}
        error={fieldError(receive.error, 'unit_cost')}
      />
      <TextField
        label="Reference (optional)"
        hint="A purchase order or delivery note"
        value={reference}
        onChange={(event) => setReference(event.target.value)}
      />
    </StockForm>
  );
}

/** A level's safety stock (held back from available) and reorder point (low stock at or below). */
function ThresholdsForm(props: DialogProps) {
  const { orgId, level } = props;
  const [safetyStock, setSafetyStock] = useState(String(level.safety_stock));
  const [reorderPoint, setReorderPoint] = useState(String(level.reorder_point));
  const save = useStockOperation(props, () =>
    call(
      api.PUT('/v1/orgs/{orgId}/inventory/items/{itemId}/levels/{locationId}/thresholds', {
        params: { path: { orgId, itemId: level.item_id, locationId: level.location_id } },
        body: { safety_stock: Number(safetyStock), reorder_point: Number(reorderPoint) },
      }),
    ),
  );
  return (
    <StockForm
      props={props}
      error={save.error}
      pending={save.isPending}
      submit={() => save.mutate(undefined)}
      label="Save thresholds"
    >
      <TextField
        label="Safety stock"
        hint="Units kept back: not available to orders"
        inputMode="numeric"
        value={safetyStock}
        onChange={(event) => setSafetyStock(event.target.value)}
        error={fieldError(save.error, 'safety_stock')}
      />
      <TextField
        label="Reorder point"
        hint="Low stock (and an alert) when available falls to this or below; 0 for none"
        inputMode="numeric"
        value={reorderPoint}
        onChange={(event) => setReorderPoint(event.target.value)}
        error={fieldError(save.error, 'reorder_point')}
      />
    </StockForm>
  );
}
