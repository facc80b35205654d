import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../app/api';
import { ProblemMessage, ProgressBar, QueryView, SelectField } from '../../app/ui';
import { type Import, keys } from './data';

type Kind = 'items' | 'levels';
type Policy = 'reject_all' | 'reject_failed_rows';

const columnsOf: Record<Kind, string> = {
  items:
    'sku, name (required); description, category_id, unit_cost, price, currency, status, allow_backorder, attributes, media',
  levels:
    'sku or item_id, location_id, quantity (required); state, change_from_quantity, reason, reference',
};

/**
 * CSV import: the file is sent as it is (text/csv); the server stages it and runs it as a job,
 * whose progress arrives live (`inventory.import_progress`) and whose failed rows are listed
 * by their line in the file when it ends.
 */
export function ImportView({ orgId }: { orgId: string }) {
  const [kind, setKind] = useState<Kind>('items');
  const [policy, setPolicy] = useState<Policy>('reject_failed_rows');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (csv: File) =>
      call(
        api.POST('/v1/orgs/{orgId}/inventory/imports', {
          params: { path: { orgId }, query: { kind, error_policy: policy } },
          // The route takes the file itself, not JSON.
          body: (await csv.text()) as never,
          bodySerializer: (body: unknown) => body as string,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <>
      <h1>Import a CSV file</h1>
      <form className="card" onSubmit={onSubmit} noValidate aria-label="Import">
        <div className="row">
          <SelectField
            label="What the file holds"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            <option value="items">Items</option>
            <option value="levels">Stock levels</option>
          </SelectField>
          <SelectField
            label="When a row fails"
            value={policy}
            onChange={(event) => setPolicy(event.target.value as Policy)}
          >
            <option value="reject_failed_rows">Import the other rows</option>
            <option value="reject_all">Import nothing</option>
          </SelectField>
        </div>
        <p className="muted">Columns: {columnsOf[kind]}. The first line is the header.</p>
        <div className="field">
          <label htmlFor="inventory-import-file">CSV file</label>
          <input
            id="inventory-import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        {upload.error ? <ProblemMessage error={upload.error} /> : null}
        <button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Import'}
        </button>
      </form>
      {upload.data && <ImportStatus key={upload.data.id} orgId={orgId} started={upload.data} />}
    </>
  );
}

const finished = (state: Import['state']) => state === 'completed' || state === 'failed';

function ImportStatus({ orgId, started }: { orgId: string; started: Import }) {
  const job = useQuery({
    queryKey: keys.importJob(orgId, started.id),
    queryFn: () =>
      call(
        api.GET('/v1/orgs/{orgId}/inventory/imports/{importId}', {
          params: { path: { orgId, importId: started.id } },
        }),
      ),
    initialData: started,
    // Live events move the bar; reading now and then covers an event missed while reconnecting.
    refetchInterval: (query) =>
      query.state.data && finished(query.state.data.state) ? false : 3000,
  });
  return (
    <section className="card" aria-label="Import progress">
      <QueryView query={job}>{(data) => <ImportReport job={data} />}</QueryView>
    </section>
  );
}

function ImportReport({ job }: { job: Import }) {
  const { counts } = job;
  const verdict =
    job.state === 'failed'
      ? 'Nothing was imported: a row failed and the file was to be imported whole or not at all.'
      : job.state === 'completed'
        ? `Done: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed.`
        : `${job.state === 'queued' ? 'Waiting to start' : 'Importing'}…`;
  return (
    <>
      <h2>Import {job.state}</h2>
      <ProgressBar label="Rows processed" value={job.processed} max={job.total} />
      <p role="status" data-testid="import-verdict">
        {verdict}
      </p>
      {job.ignored_columns.length > 0 && (
        <p className="muted">Columns ignored: {job.ignored_columns.join(', ')}</p>
      )}
      {job.errors.length > 0 && <RowErrors job={job} />}
    </>
  );
}

function RowErrors({ job }: { job: Import }) {
  return (
    <table data-testid="import-errors">
      <caption>
        Rows that failed
        {job.counts.failed > job.errors.length ? ` (first ${job.errors.length})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="number">
            Line
          </th>
          <th scope="col">Problem</th>
          <th scope="col">What was wrong</th>
        </tr>
      </thead>
      <tbody>
        {job.errors.map((row) => (
          <tr key={row.row}>
            <td className="number">{row.row}</td>
            <td>{row.error?.type.replace('/problems/', '').replace('-', ' ')}</td>
            <td>{row.error?.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
