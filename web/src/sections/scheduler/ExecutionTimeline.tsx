import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../app/api';
import { formatTime, ProblemMessage, QueryView } from '../../app/ui';
import { type Execution, stateTone, taskKey, useExecutionDetail, useExecutions } from './tasks';

/** The task's dead executions (to redrive) and its history as a timeline, latest due first. */
export function ExecutionTimeline({ taskId }: { taskId: string }) {
  const executions = useExecutions(taskId);
  return (
    <QueryView query={executions}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        return (
          <>
            <DeadExecutions taskId={taskId} executions={items.filter(isDead)} />
            <section className="card" aria-labelledby="execution-history">
              <h2 id="execution-history">Executions</h2>
              {items.length === 0 ? (
                <div className="empty">No executions yet: the first appears when it falls due.</div>
              ) : (
                <ol className="timeline" data-testid="execution-timeline">
                  {items.map((execution) => (
                    <TimelineEntry key={execution.id} taskId={taskId} execution={execution} />
                  ))}
                </ol>
              )}
              {executions.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  disabled={executions.isFetchingNextPage}
                  onClick={() => void executions.fetchNextPage()}
                >
                  Show older executions
                </button>
              )}
            </section>
          </>
        );
      }}
    </QueryView>
  );
}

const isDead = (execution: Execution) => execution.state === 'dead';

function TimelineEntry({ taskId, execution }: { taskId: string; execution: Execution }) {
  const [open, setOpen] = useState(false);
  const tone = stateTone(execution.state);
  return (
    <li className={`timeline-entry ${tone}`} data-state={execution.state}>
      <div className="row">
        <time dateTime={execution.scheduled_for}>{formatTime(execution.scheduled_for)}</time>
        <span className={`state ${tone}`}>{execution.state}</span>
        {execution.buffered && <span className="muted">waiting for the run under way</span>}
        <span className="muted">
          {execution.attempts} attempt{execution.attempts === 1 ? '' : 's'}
          {execution.http_status !== null && `, HTTP ${execution.http_status}`}
        </span>
        {execution.attempts > 0 && (
          <button
            type="button"
            className="link"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide attempts' : 'Show attempts'}
          </button>
        )}
      </div>
      {execution.last_error && <p className="execution-error">{execution.last_error}</p>}
      {open && <AttemptHistory taskId={taskId} executionId={execution.id} />}
    </li>
  );
}

function AttemptHistory({ taskId, executionId }: { taskId: string; executionId: string }) {
  const detail = useExecutionDetail(taskId, executionId);
  return (
    <QueryView query={detail}>
      {(data) => (
        <table className="attempts">
          <caption className="visually-hidden">Attempts</caption>
          <thead>
            <tr>
              <th scope="col">Attempt</th>
              <th scope="col">Started</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="number">
                Duration
              </th>
              <th scope="col">Error</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {data.attempt_history.map((attempt) => (
              <tr key={attempt.attempt}>
                <td>{attempt.attempt}</td>
                <td>{formatTime(attempt.started_at)}</td>
                <td>
                  {attempt.outcome}
                  {attempt.http_status !== null && ` (HTTP ${attempt.http_status})`}
                </td>
                <td className="number">
                  {attempt.duration_ms === null ? '—' : `${attempt.duration_ms} ms`}
                </td>
                <td>{attempt.error}</td>
                <td>
                  <code>{attempt.response_excerpt}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}

/** Executions that used all their attempts: each can run again, or all of them at once. */
function DeadExecutions({ taskId, executions }: { taskId: string; executions: Execution[] }) {
  const queryClient = useQueryClient();
  const redrive = useMutation({
    mutationFn: (executionId: string | null) =>
      executionId
        ? call(
            api.POST('/v1/tasks/{taskId}/executions/{executionId}/redrive', {
              params: { path: { taskId, executionId } },
            }),
          )
        : call(api.POST('/v1/tasks/{taskId}/executions/redrive', { params: { path: { taskId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKey(taskId) }),
  });
  if (executions.length === 0 && !redrive.error) return null;
  return (
    <section className="card dead" aria-labelledby="dead-executions">
      <div className="row">
        <h2 id="dead-executions">Dead executions</h2>
        {executions.length > 1 && (
          <button
            type="button"
            className="secondary"
            disabled={redrive.isPending}
            onClick={() => redrive.mutate(null)}
          >
            Redrive all
          </button>
        )}
      </div>
      <p className="muted">
        These used all their attempts. A redrive runs one again with fresh attempts.
      </p>
      <ProblemMessage error={redrive.error} />
      <ul className="plain">
        {executions.map((execution) => (
          <li key={execution.id} className="row">
            <span>Due {formatTime(execution.scheduled_for)}</span>
            <span className="muted">{execution.last_error}</span>
            <button
              type="button"
              disabled={redrive.isPending}
              aria-label={`Redrive the execution due ${formatTime(execution.scheduled_for)}`}
              onClick={() => redrive.mutate(execution.id)}
            >
              Redrive
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
