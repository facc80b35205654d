import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, Dialog, SelectField, TextField } from '../../app/ui';
import { type Item, keys } from './data';
import { StockProblem } from './explain';

/** "Edit item": a dialog that saves the fields only if the item is still the version it showed. */
export function EditItem({ orgId, item }: { orgId: string; item: Item }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Edit item
      </button>
      <Dialog title="Edit item" open={open} onClose={() => setOpen(false)}>
        <EditItemForm orgId={orgId} item={item} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

const toMinor = (text: string) => (text === '' ? null : Math.round(Number(text) * 100));
const fromMinor = (minor: number | null) => (minor === null ? '' : (minor / 100).toFixed(2));

/**
 * Keeps the version the form was filled from (`base`): a save made elsewhere meanwhile is a 409
 * `version-conflict`, explained, and "Start from their version" refills the form from the item as
 * it now is (the live event has already put it in the query).
 */
function EditItemForm({ orgId, item, onDone }: { orgId: string; item: Item; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(item);
  const [name, setName] = useState(item.name);
  const [description, setDescription] = useState(item.description);
  const [price, setPrice] = useState(fromMinor(item.price));
  const [status, setStatus] = useState(item.status);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/v1/orgs/{orgId}/inventory/items/{itemId}', {
          params: { path: { orgId, itemId: item.id } },
          body: { name, description, price: toMinor(price), status, version: base.version },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.item(orgId, item.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.search(orgId) });
      onDone();
    },
  });
  const problem = save.error ? asProblem(save.error) : null;
  const restart = async () => {
    const current = await queryClient.fetchQuery({
      queryKey: keys.item(orgId, item.id),
      queryFn: () =>
        call(
          api.GET('/v1/orgs/{orgId}/inventory/items/{itemId}', {
            params: { path: { orgId, itemId: item.id } },
          }),
        ),
      staleTime: 0,
    });
    setBase(current);
    setName(current.name);
    setDescription(current.description);
    setPrice(fromMinor(current.price));
    setStatus(current.status);
    save.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem?.fieldError('name')}
      />
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={problem?.fieldError('description')}
      />
      <TextField
        label="Price"
        inputMode="decimal"
        value={price}
        onChange={(event) => setPrice(event.target.value)}
        error={problem?.fieldError('price')}
      />
      <SelectField
        label="Status"
        value={status}
        onChange={(event) => setStatus(event.target.value as Item['status'])}
      >
        <option value="active">Active</option>
        <option value="archived">Archived</option>
      </SelectField>
      {problem && problem.errors.length === 0 && (
        <StockProblem error={problem} locationName={(id) => id} />
      )}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        {problem?.name === 'version-conflict' && (
          <button type="button" className="secondary" onClick={() => void restart()}>
            Start from their version
          </button>
        )}
      </div>
    </form>
  );
}
