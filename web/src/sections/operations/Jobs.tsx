import type { UseQueryResult } from '@tanstack/react-query';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiData, api, call } from '../../app/api';
import {
  Dialog,
  formatTime,
  ProblemMessage,
  QueryView,
  SelectField,
  TextField,
} from '../../app/ui';
import { keys, OpsQueryView, refreshMs } from './access';
import { jobCounts, type Metrics } from './metrics';

type Job = ApiData<'/v1/admin/jobs'>['items'][number];
interface Filter {
  queue: string;
  kind: string;
}

const states = ['available', 'running', 'dead'] as const;

/** The queues' counts, and the dead jobs with their errors, to redrive one by one or all. */
export function Jobs({ metrics }: { metrics: UseQueryResult<Metrics> }) {
  const [filter, setFilter] = useState<Filter>({ queue: '', kind: '' });
  const queues = metrics.data ? [...jobCounts(metrics.data).keys()].sort() : [];
  return (
    <>
      <h1>Jobs</h1>
      <QueueCounts metrics={metrics} />
      <h2 id="dead-title">Dead jobs</h2>
      <p className="muted">
        Jobs that used all their attempts. Redriving runs one again from its first attempt; its
        errors are kept.
      </p>
      <div className="row">
        <SelectField
          label="Queue"
          value={filter.queue}
          onChange={(event) => setFilter({ ...filter, queue: event.target.value })}
        >
          <option value="">Every queue</option>
          {queues.map((queue) => (
            <option key={queue}>{queue}</option>
          ))}
        </SelectField>
        <TextField
          label="Kind"
          placeholder="e.g. notify.email"
          value={filter.kind}
          onChange={(event) => setFilter({ ...filter, kind: event.target.value.trim() })}
        />
      </div>
      <DeadJobs filter={filter} />
    </>
  );
}

function QueueCounts({ metrics }: { metrics: UseQueryResult<Metrics> }) {
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">Queues</h2>
      <QueryView
        query={metrics}
        empty="No unfinished or dead jobs in any queue."
        isEmpty={(data) => jobCounts(data).size === 0}
      >
        {(data) => (
          <table aria-labelledby="queues-title">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                {states.map((state) => (
                  <th key={state} scope="col" className="number">
                    {state}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...jobCounts(data)].sort().map(([queue, counts]) => (
                <tr key={queue}>
                  <th scope="row">{queue}</th>
                  {states.map((state) => (
                    <td key={state} className="number">
                      {counts[state] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}

function useDeadJobs(filter: Filter) {
  return useInfiniteQuery({
    queryKey: [...keys.jobs, 'dead', filter],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/admin/jobs', {
          params: {
            query: {
              state: 'dead',
              limit: 50,
              queue: filter.queue || undefined,
              kind: filter.kind || undefined,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: refreshMs,
  });
}

function useRedrive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[] } | { queue?: string; kind?: string; all?: boolean }) =>
      call(api.POST('/v1/admin/jobs/redrive', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.jobs }),
        queryClient.invalidateQueries({ queryKey: keys.metrics }),
      ]),
  });
}

function DeadJobs({ filter }: { filter: Filter }) {
  const dead = useDeadJobs(filter);
  const redrive = useRedrive();
  const [confirming, setConfirming] = useState(false);
  const jobs = dead.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="dead-title">
      <div className="row ops-actions">
        <button
          type="button"
          className="danger"
          disabled={jobs.length === 0 || redrive.isPending}
          onClick={() => setConfirming(true)}
        >
          {filter.queue || filter.kind ? 'Redrive all matching' : 'Redrive all'}
        </button>
        <p role="status" className="muted">
          {redrive.data && redrivenSummary(redrive.data.redriven.length)}
        </p>
      </div>
      <ProblemMessage error={redrive.error} />
      <OpsQueryView query={dead} empty="No dead jobs." isEmpty={() => jobs.length === 0}>
        {() => (
          <>
            <DeadJobTable
              jobs={jobs}
              busy={redrive.isPending}
              onRedrive={(id) => redrive.mutate({ ids: [id] })}
            />
            {dead.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={dead.isFetchingNextPage}
                onClick={() => void dead.fetchNextPage()}
              >
                Load more
              </button>
            )}
          </>
        )}
      </OpsQueryView>
      <Dialog title="Redrive dead jobs" open={confirming} onClose={() => setConfirming(false)}>
        <p>{redriveAllSummary(filter)}</p>
        <div className="row">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              redrive.mutate(filter.queue || filter.kind ? withoutBlanks(filter) : { all: true });
            }}
          >
            Redrive them
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep them dead
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function redrivenSummary(count: number): string {
  if (count === 0) {
    return 'Nothing redriven: no longer dead, or an unfinished job holds the same unique key.';
  }
  return `Redriven: ${count} ${count === 1 ? 'job' : 'jobs'}.`;
}

function withoutBlanks({ queue, kind }: Filter) {
  return { queue: queue || undefined, kind: kind || undefined };
}

function redriveAllSummary({ queue, kind }: Filter): string {
  const which = [queue && `in queue ${queue}`, kind && `of kind ${kind}`].filter(Boolean);
  return `Every dead job${which.length ? ` ${which.join(' ')}` : ''}, not only those listed, runs again from its first attempt.`;
}

function DeadJobTable({
  jobs,
  busy,
  onRedrive,
}: {
  jobs: Job[];
  busy: boolean;
  onRedrive: (id: number) => void;
}) {
  return (
    <div className="ops-scroll">
      <table aria-labelledby="dead-title">
        <thead>
          <tr>
            <th scope="col" className="number">
              Job
            </th>
            <th scope="col">Kind</th>
            <th scope="col">Queue</th>
            <th scope="col" className="number">
              Attempts
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Died</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td className="number">{job.id}</td>
              <td>{job.kind}</td>
              <td>{job.queue}</td>
              <td className="number">
                {job.attempt}/{job.max_attempts}
              </td>
              <td>
                <JobErrors job={job} />
              </td>
              <td>{formatTime(job.finished_at)}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  aria-label={`Redrive job ${job.id}`}
                  onClick={() => onRedrive(job.id)}
                >
                  Redrive
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The last error in full view; every attempt's error and the payload a click away. */
function JobErrors({ job }: { job: Job }) {
  const last = job.errors.at(-1);
  return (
    <details className="ops-details">
      <summary>{last ? last.error : 'No error recorded'}</summary>
      <ol>
        {job.errors.map((entry) => (
          <li key={`${entry.attempt}-${entry.at}`}>
            Attempt {entry.attempt}, {formatTime(entry.at)}: {entry.error}
          </li>
        ))}
      </ol>
      <pre>{JSON.stringify(job.payload, null, 2)}</pre>
    </details>
  );
}
