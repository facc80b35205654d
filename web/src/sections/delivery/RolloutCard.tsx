import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, formatTime, ProblemMessage, ProgressBar, TextField } from '../../app/ui';
import { keys, type Rollout, useLatestRollout } from './queries';

/** Re-issue every node, paced; its progress, and abort. */
export function RolloutCard({ serviceId }: { serviceId: string }) {
  const rollout = useLatestRollout(serviceId);
  const running = rollout.data?.state === 'running';
  return (
    <section className="card" aria-labelledby="rollout-title">
      <h2 id="rollout-title">Rollout</h2>
      {rollout.data && <RolloutProgress serviceId={serviceId} rollout={rollout.data} />}
      {rollout.isError && <ProblemMessage error={rollout.error} />}
      {!running && <StartRollout serviceId={serviceId} />}
    </section>
  );
}

function RolloutProgress({ serviceId, rollout }: { serviceId: string; rollout: Rollout }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/delivery/services/{serviceId}/rollouts/{rolloutId}/cancel', {
          params: { path: { serviceId, rolloutId: rollout.id } },
        }),
      ),
    onSuccess: (ended) => queryClient.setQueryData(keys.latestRollout(serviceId), ended),
  });
  const tone = rollout.state === 'completed' ? 'ok' : rollout.state === 'running' ? 'warn' : 'bad';
  return (
    <div className="rollout" data-testid="rollout">
      <p>
        <span className={`state ${tone}`}>{rollout.state}</span>{' '}
        <span className="muted">
          started {formatTime(rollout.started_at)}, {rollout.nodes_per_minute} nodes a minute
        </span>
      </p>
      <ProgressBar label="Nodes re-issued" value={rollout.attempted} max={rollout.total} />
      <p>
        {rollout.acknowledged} acknowledged, {rollout.failed} failed, {rollout.pending} waiting
      </p>
      {rollout.end_reason && <p className="muted">Ended: {rollout.end_reason}</p>}
      {rollout.state === 'running' && (
        <button
          type="button"
          className="danger"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate()}
        >
          Abort rollout
        </button>
      )}
      {cancel.isError && <ProblemMessage error={cancel.error} />}
    </div>
  );
}

function StartRollout({ serviceId }: { serviceId: string }) {
  const queryClient = useQueryClient();
  const [perMinute, setPerMinute] = useState('60');
  const [abortRatio, setAbortRatio] = useState('0.2');
  const start = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/delivery/services/{serviceId}/rollouts', {
          params: { path: { serviceId } },
          body: { nodes_per_minute: Number(perMinute), abort_ratio: Number(abortRatio) },
        }),
      ),
    onSuccess: (rollout) => queryClient.setQueryData(keys.latestRollout(serviceId), rollout),
    // Refused because one runs (started elsewhere): the card shows that one.
    onError: () => queryClient.invalidateQueries({ queryKey: keys.latestRollout(serviceId) }),
  });
  const problem = start.error ? asProblem(start.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">
        Re-issue every node now, paced, stopping by itself when too many deliveries fail.
      </p>
      <div className="row">
        <TextField
          label="Nodes per minute"
          type="number"
          step="any"
          value={perMinute}
          onChange={(event) => setPerMinute(event.target.value)}
          error={problem?.fieldError('nodes_per_minute')}
        />
        <TextField
          label="Abort at a failed share of"
          type="number"
          step="any"
          value={abortRatio}
          onChange={(event) => setAbortRatio(event.target.value)}
          error={problem?.fieldError('abort_ratio')}
        />
      </div>
      {problem && problem.errors.length === 0 && <ProblemMessage error={problem} />}
      <button type="submit" disabled={start.isPending}>
        Start rollout
      </button>
    </form>
  );
}
