import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, call } from './api';
import { type Organisation, useSession } from './session';
import { asProblem, Dialog, ProblemMessage, SelectField, TextField } from './ui';

/** Create an organisation; it becomes the one the console shows. */
export function CreateOrganisation({ onCreated }: { onCreated?: () => void }) {
  const { selectOrg } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => call(api.POST('/v1/orgs', { body: { name } })),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['orgs'] });
      selectOrg(org.id);
      onCreated?.();
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
        label="Organisation name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem?.fieldError('name')}
      />
      {problem && problem.errors.length === 0 && <ProblemMessage error={problem} />}
      <button type="submit" disabled={create.isPending}>
        Create organisation
      </button>
    </form>
  );
}

/** Renders `children` with the chosen organisation, or asks for one to be created first. */
export function WithOrganisation({ children }: { children: (org: Organisation) => ReactNode }) {
  const { org } = useSession();
  if (org) return <>{children(org)}</>;
  return (
    <section className="card">
      <h2>Create an organisation</h2>
      <p>Inventory and delivery belong to an organisation. Create yours to begin.</p>
      <CreateOrganisation />
    </section>
  );
}

const newOrganisation = 'new';

/** Chooses the organisation the console shows, or opens the form for a new one. */
export function OrganisationSwitcher() {
  const { orgs, org, selectOrg } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <SelectField
        label="Organisation"
        value={org?.id ?? ''}
        onChange={(event) =>
          event.target.value === newOrganisation ? setCreating(true) : selectOrg(event.target.value)
        }
      >
        {!org && <option value="">None yet</option>}
        {orgs.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
        <option value={newOrganisation}>New organisation…</option>
      </SelectField>
      <Dialog title="New organisation" open={creating} onClose={() => setCreating(false)}>
        <CreateOrganisation onCreated={() => setCreating(false)} />
      </Dialog>
    </>
  );
}
