import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { paths } from '../../api/schema';
import { type ApiProblem, api, call } from '../../app/api';
import { asProblem, ProblemMessage, SelectField, TextAreaField, TextField } from '../../app/ui';
import { keys } from './queries';

type ServiceInput =
  paths['/v1/delivery/services']['post']['requestBody']['content']['application/json'];

/** What the wizard holds: every field as typed, turned into the API's body only when sent. */
interface Draft {
  name: string;
  kind: 'certificate' | 'fetched' | 'static';
  lifetime: string;
  fetchTemplate: string;
  staticMetadata: string;
  mode: 'push' | 'pull';
  pushTemplate: string;
  nodesFrom: 'list' | 'source';
  nodeNames: string;
  sourceLocation: string;
  s3Region: string;
  s3Endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  allowEmpty: boolean;
  concurrency: string;
  windowStart: string;
  windowEnd: string;
  dangerAt: string;
  failureRatio: string;
}

const initialDraft: Draft = {
  name: '',
  kind: 'certificate',
  lifetime: '60',
  fetchTemplate: '',
  staticMetadata: '{\n  "tier": "gold"\n}',
  mode: 'push',
  pushTemplate: '',
  nodesFrom: 'list',
  nodeNames: '',
  sourceLocation: '',
  s3Region: '',
  s3Endpoint: '',
  accessKeyId: '',
  secretAccessKey: '',
  allowEmpty: false,
  concurrency: '8',
  windowStart: '0.5',
  windowEnd: '0.6',
  dangerAt: '0.9',
  failureRatio: '0.2',
};

const steps = ['What is delivered', 'Nodes', 'Renewal', 'Review'] as const;

/** The step that holds a field the API named (`renewal_window/start` → Renewal). */
function stepOfField(field: string): number {
  if (/^(name|kind|lifetime_minutes|fetch_url_template|static_metadata)/.test(field)) return 0;
  if (/^(mode|push_url_template|node_source|concurrency|nodes)/.test(field)) return 1;
  if (/^(renewal_window|failure_alarm_ratio)/.test(field)) return 2;
  return 3;
}

/**
 * The problem's complaints by field, `body/` dropped. A taken name and a refused target name
 * their field in words only (`body/push_url_template: 10.0.0.1 is a private address`).
 */
function fieldErrors(problem: ApiProblem | null): Record<string, string> {
  if (!problem) return {};
  const errors: Record<string, string> = {};
  for (const entry of problem.errors) errors[entry.field.replace(/^body\//, '')] = entry.message;
  if (problem.name === 'service-name-taken') errors.name = problem.detail ?? problem.title;
  const named = problem.detail?.match(/^body\/([a-z_/]+): (.*)$/s);
  if (problem.name === 'target-refused' && named?.[1] && named[2]) errors[named[1]] = named[2];
  return errors;
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The API's body from the draft; throws a field error for metadata that is not JSON. */
function serviceBody(orgId: string, draft: Draft): ServiceInput {
  const body: ServiceInput = {
    org_id: orgId,
    name: draft.name.trim(),
    kind: draft.kind,
    lifetime_minutes: Number(draft.lifetime),
    mode: draft.mode,
    concurrency: optionalNumber(draft.concurrency),
    failure_alarm_ratio: optionalNumber(draft.failureRatio),
    renewal_window: {
      start: optionalNumber(draft.windowStart),
      end: optionalNumber(draft.windowEnd),
      danger_at: optionalNumber(draft.dangerAt),
    },
  };
  if (draft.kind === 'fetched') body.fetch_url_template = draft.fetchTemplate.trim();
  if (draft.kind === 'static') body.static_metadata = parseMetadata(draft.staticMetadata);
  if (draft.mode === 'push') body.push_url_template = draft.pushTemplate.trim();
  if (draft.nodesFrom === 'source') body.node_source = nodeSource(draft);
  return body;
}

function nodeSource(draft: Draft): NonNullable<ServiceInput['node_source']> {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    location: draft.sourceLocation.trim(),
    s3_region: optional(draft.s3Region),
    s3_endpoint: optional(draft.s3Endpoint),
    access_key_id: optional(draft.accessKeyId),
    secret_access_key: optional(draft.secretAccessKey),
    allow_empty: draft.allowEmpty,
  };
}

class DraftError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function parseMetadata(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Said in words below.
  }
  throw new DraftError('static_metadata', 'must be a JSON object, such as {"tier": "gold"}');
}

function nodeNamesOf(draft: Draft): string[] {
  if (draft.nodesFrom !== 'list' || draft.mode !== 'push') return [];
  return [...new Set(draft.nodeNames.split(/[\s,]+/).filter(Boolean))];
}

/** Onboards the service, then registers the nodes typed in; a node refused is reported. */
async function onboard(orgId: string, draft: Draft) {
  const service = await call(
    api.POST('/v1/delivery/services', { body: serviceBody(orgId, draft) }),
  );
  const refused: Array<{ name: string; problem: ApiProblem }> = [];
  for (const name of nodeNamesOf(draft)) {
    try {
      await call(
        api.POST('/v1/delivery/services/{serviceId}/nodes', {
          params: { path: { serviceId: service.id } },
          body: { name },
        }),
      );
    } catch (error) {
      refused.push({ name, problem: asProblem(error) });
    }
  }
  return { service, refused };
}

/** The onboarding wizard: what is delivered, to which nodes, renewed when; then review. */
export function Onboarding({ orgId }: { orgId: string }) {
  const [draft, setDraft] = useState(initialDraft);
  const [step, setStep] = useState(0);
  const [draftError, setDraftError] = useState<DraftError | null>(null);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => onboard(orgId, draft),
    onSuccess: async ({ service, refused }) => {
      await queryClient.invalidateQueries({ queryKey: keys.services(orgId) });
      if (refused.length === 0) navigate(`/services/${service.id}`);
    },
    onError: (error) => {
      const fields = Object.keys(fieldErrors(asProblem(error)));
      if (fields.length > 0) setStep(Math.min(...fields.map(stepOfField)));
    },
  });
  const problem = create.error ? asProblem(create.error) : null;
  const errors = {
    ...fieldErrors(problem),
    ...(draftError ? { [draftError.field]: draftError.message } : {}),
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const bind = (key: keyof Draft) => ({
    value: String(draft[key]),
    onChange: (event: { target: { value: string } }) =>
      set(key, event.target.value as Draft[typeof key]),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step < steps.length - 1) {
      setStep(step + 1);
      return;
    }
    try {
      serviceBody(orgId, draft);
      setDraftError(null);
      create.mutate();
    } catch (error) {
      if (!(error instanceof DraftError)) throw error;
      setDraftError(error);
      setStep(stepOfField(error.field));
    }
  };

  if (create.data && create.data.refused.length > 0) {
    return <RefusedNodes service={create.data.service} refused={create.data.refused} />;
  }
  const unplaced = problem && Object.keys(fieldErrors(problem)).length === 0;
  return (
    <>
      <h1>Onboard a service</h1>
      <StepList step={step} errors={errors} onStep={setStep} />
      <form className="card wizard" onSubmit={submit} noValidate aria-labelledby="wizard-step">
        <h2 id="wizard-step">
          Step {step + 1} of {steps.length}: {steps[step]}
        </h2>
        {step === 0 && <WhatStep draft={draft} errors={errors} bind={bind} set={set} />}
        {step === 1 && <NodesStep draft={draft} errors={errors} bind={bind} set={set} />}
        {step === 2 && <RenewalStep errors={errors} bind={bind} />}
        {step === 3 && <Review draft={draft} />}
        {unplaced && <ProblemMessage error={problem} />}
        <div className="row">
          {step > 0 && (
            <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
              Back
            </button>
          )}
          <button type="submit" disabled={create.isPending}>
            {step < steps.length - 1
              ? 'Next'
              : create.isPending
                ? 'Onboarding…'
                : 'Onboard service'}
          </button>
          <Link href="/">Cancel</Link>
        </div>
      </form>
    </>
  );
}

function StepList({
  step,
  errors,
  onStep,
}: {
  step: number;
  errors: Record<string, string>;
  onStep: (step: number) => void;
}) {
  const faulty = new Set(Object.keys(errors).map(stepOfField));
  return (
    <ol className="wizard-steps" aria-label="Onboarding steps">
      {steps.map((label, index) => (
        <li key={label}>
          <button
            type="button"
            className={index === step ? 'link current' : 'link'}
            aria-current={index === step ? 'step' : undefined}
            onClick={() => onStep(index)}
          >
            {index + 1}. {label}
            {faulty.has(index) && <span className="field-error"> (to correct)</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}

interface StepProps {
  draft: Draft;
  errors: Record<string, string>;
  bind: (key: keyof Draft) => {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
  };
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
}

function WhatStep({ draft, errors, bind }: StepProps) {
  return (
    <>
      <TextField
        label="Service name"
        hint="Letters, digits, '.', '_', '-'; part of each node's SPIFFE ID"
        error={errors.name}
        autoComplete="off"
        {...bind('name')}
      />
      <SelectField label="Kind of metadata" error={errors.kind} {...bind('kind')}>
        <option value="certificate">Certificate: a leaf from the organisation's CA</option>
        <option value="fetched">Fetched: what a URL answers for each node</option>
        <option value="static">Static: the same JSON for every node</option>
      </SelectField>
      <TextField
        label="Lifetime (minutes)"
        type="number"
        min={1}
        hint="Each delivered version expires this long after it was issued"
        error={errors.lifetime_minutes}
        {...bind('lifetime')}
      />
      {draft.kind === 'fetched' && (
        <TextField
          label="Fetch URL template"
          hint="https://…/{node}: what it answers is delivered to the node"
          error={errors.fetch_url_template}
          {...bind('fetchTemplate')}
        />
      )}
      {draft.kind === 'static' && (
        <TextAreaField
          label="Static metadata (JSON)"
          error={errors.static_metadata}
          rows={5}
          {...bind('staticMetadata')}
        />
      )}
    </>
  );
}

function NodesStep({ draft, errors, bind, set }: StepProps) {
  return (
    <>
      <SelectField
        label="Delivery mode"
        hint="Push: Meridian POSTs to each node. Pull: an agent on each node asks for it."
        error={errors.mode}
        {...bind('mode')}
      >
        <option value="push">Push</option>
        <option value="pull">Pull (agents join with a token)</option>
      </SelectField>
      {draft.mode === 'push' && (
        <TextField
          label="Push URL template"
          hint="Where each node is pushed; {node} is replaced by the node's name"
          error={errors.push_url_template}
          placeholder="https://{node}.nodes.example.com/meridian"
          {...bind('pushTemplate')}
        />
      )}
      <fieldset>
        <legend>Nodes come from</legend>
        <label className="choice">
          <input
            type="radio"
            name="nodes-from"
            checked={draft.nodesFrom === 'list'}
            onChange={() => set('nodesFrom', 'list')}
          />
          {draft.mode === 'push'
            ? 'Names I list here (more through the API later)'
            : 'Agents that join'}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="nodes-from"
            checked={draft.nodesFrom === 'source'}
            onChange={() => set('nodesFrom', 'source')}
          />
          A node source (a list on S3 or HTTPS, read again every minute)
        </label>
      </fieldset>
      {draft.nodesFrom === 'list' && draft.mode === 'push' && (
        <TextAreaField
          label="Node names"
          hint="One a line (or separated by spaces)"
          rows={4}
          error={errors.nodes}
          {...bind('nodeNames')}
        />
      )}
      {draft.nodesFrom === 'source' && (
        <SourceFields errors={errors} bind={bind} draft={draft} set={set} />
      )}
      <TextField
        label="Concurrency"
        type="number"
        min={1}
        max={64}
        hint="Deliveries of this service in flight at once"
        error={errors.concurrency}
        {...bind('concurrency')}
      />
    </>
  );
}

function SourceFields({ draft, errors, bind, set }: StepProps) {
  const s3 = draft.sourceLocation.trim().startsWith('s3://');
  return (
    <>
      <TextField
        label="Node source location"
        hint="s3://bucket/key, or an https:// URL (a presigned one carries its own access)"
        error={errors['node_source/location'] ?? errors.node_source}
        {...bind('sourceLocation')}
      />
      {s3 && (
        <div className="grid">
          <TextField
            label="S3 region"
            error={errors['node_source/s3_region']}
            {...bind('s3Region')}
          />
          <TextField
            label="S3 endpoint (optional)"
            error={errors['node_source/s3_endpoint']}
            {...bind('s3Endpoint')}
          />
          <TextField
            label="Access key ID"
            autoComplete="off"
            error={errors['node_source/access_key_id']}
            {...bind('accessKeyId')}
          />
          <TextField
            label="Secret access key"
            type="password"
            autoComplete="new-password"
            hint="Sealed by Meridian and never shown again"
            error={errors['node_source/secret_access_key']}
            {...bind('secretAccessKey')}
          />
        </div>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.allowEmpty}
          onChange={(event) => set('allowEmpty', event.target.checked)}
        />
        An empty list removes every node (otherwise it is refused as a mistake)
      </label>
    </>
  );
}

function RenewalStep({ errors, bind }: Pick<StepProps, 'errors' | 'bind'>) {
  return (
    <>
      <p className="muted">
        Fractions of the lifetime: each node renews at a random point between the window's start and
        end; from the danger point a failed delivery is retried every few seconds.
      </p>
      <div className="grid">
        <TextField
          label="Renewal window start"
          type="number"
          step="any"
          error={errors['renewal_window/start']}
          {...bind('windowStart')}
        />
        <TextField
          label="Renewal window end"
          type="number"
          step="any"
          error={errors['renewal_window/end']}
          {...bind('windowEnd')}
        />
        <TextField
          label="Danger point"
          type="number"
          step="any"
          error={errors['renewal_window/danger_at'] ?? errors['renewal_window/']}
          {...bind('dangerAt')}
        />
      </div>
      <TextField
        label="Failing share that raises an alarm"
        type="number"
        step="any"
        hint="The share of nodes whose last delivery failed, e.g. 0.2"
        error={errors.failure_alarm_ratio}
        {...bind('failureRatio')}
      />
    </>
  );
}

function Review({ draft }: { draft: Draft }) {
  const names = nodeNamesOf(draft);
  const rows: Array<[string, ReactNode]> = [
    ['Name', draft.name || '—'],
    ['Kind', draft.kind],
    ['Lifetime', `${draft.lifetime} minutes`],
    ['Mode', draft.mode],
    ...(draft.mode === 'push'
      ? [['Push URL template', draft.pushTemplate || '—'] as [string, string]]
      : []),
    [
      'Nodes',
      draft.nodesFrom === 'source'
        ? `from ${draft.sourceLocation || '—'}`
        : draft.mode === 'pull'
          ? 'agents that join'
          : `${names.length} listed${names.length ? `: ${names.slice(0, 10).join(', ')}` : ''}`,
    ],
    ['Renewal window', `${draft.windowStart} – ${draft.windowEnd}, danger at ${draft.dangerAt}`],
    ['Concurrency', draft.concurrency],
    ['Alarm at a failing share of', draft.failureRatio],
  ];
  return (
    <dl className="review">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The service exists, but some nodes were refused: say which and why, and go on from there. */
function RefusedNodes({
  service,
  refused,
}: {
  service: { id: string; name: string };
  refused: Array<{ name: string; problem: ApiProblem }>;
}) {
  return (
    <section className="card">
      <h1>{service.name} is onboarded</h1>
      <p>These nodes were not registered:</p>
      <ul>
        {refused.map(({ name, problem }) => (
          <li key={name}>
            <strong>{name}</strong>: {problem.fieldError('name') ?? problem.detail ?? problem.title}
          </li>
        ))}
      </ul>
      <Link href={`/services/${service.id}`} className="button">
        Open {service.name}
      </Link>
    </section>
  );
}
