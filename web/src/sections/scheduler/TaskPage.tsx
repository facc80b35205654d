import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, call } from '../../app/api';
import { Dialog, formatTime, fromNow, ProblemMessage, QueryView, useNow } from '../../app/ui';
import { ExecutionTimeline } from './ExecutionTimeline';
import {
  actionOf,
  describeSchedule,
  scheduleOf,
  stateTone,
  type Task,
  taskKey,
  tasksKey,
  useOccurrences,
  useTask,
} from './tasks';

/** One task: what it does and when, its controls, its next occurrences and its history. */
export function TaskPage({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  return (
    <>
      <p>
        <Link href="/">← All tasks</Link>
      </p>
      <QueryView query={task}>
        {(data) => (
          <>
            <TaskHeader task={data} />
            <div className="grid">
              <TaskSummary task={data} />
              <NextOccurrences task={data} />
            </div>
            <ExecutionTimeline taskId={data.id} />
          </>
        )}
      </QueryView>
    </>
  );
}

/** Run now, pause, resume, edit and delete: each a request, its problem shown beside them. */
function TaskHeader({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const path = { params: { path: { taskId: task.id } } };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: taskKey(task.id) });
    await queryClient.invalidateQueries({ queryKey: tasksKey });
  };
  const action = useMutation({
    mutationFn: (what: 'run-now' | 'pause' | 'resume'): Promise<unknown> => {
      if (what === 'run-now') return call(api.POST('/v1/tasks/{taskId}/run-now', path));
      if (what === 'pause')
        return call(api.POST('/v1/tasks/{taskId}/pause', { ...path, body: {} }));
      return call(api.POST('/v1/tasks/{taskId}/resume', path));
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/v1/tasks/{taskId}', path)),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: taskKey(task.id) });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
      navigate('/');
    },
  });
  const busy = action.isPending || remove.isPending;
  return (
    <>
      <div className="page-heading">
        <h1>{task.name}</h1>
        <span className={`state ${stateTone(task.state)}`} data-testid="task-state">
          {task.state}
        </span>
      </div>
      <div className="row task-actions">
        <button type="button" disabled={busy} onClick={() => action.mutate('run-now')}>
          Run now
        </button>
        {task.state === 'paused' ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => action.mutate('resume')}
          >
            Resume
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            disabled={busy || task.state !== 'active'}
            onClick={() => action.mutate('pause')}
          >
            Pause
          </button>
        )}
        <Link href={`/tasks/${task.id}/edit`} className="button secondary">
          Edit
        </Link>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      </div>
      <ProblemMessage error={action.error ?? remove.error} />
      {action.isSuccess && action.variables === 'run-now' && (
        <p className="muted" role="status">
          A run was started; it appears in the history below.
        </p>
      )}
      <Dialog
        title="Delete this task?"
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
      >
        <p>
          “{task.name}” stops running. Its history is kept by Meridian but no longer shown here.
        </p>
        <div className="row">
          <button type="button" className="danger" onClick={() => remove.mutate()}>
            Delete task
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </div>
      </Dialog>
    </>
  );
}

function TaskSummary({ task }: { task: Task }) {
  const now = useNow(10_000);
  const schedule = scheduleOf(task);
  const taskAction = actionOf(task);
  return (
    <section className="card" aria-labelledby="task-summary">
      <h2 id="task-summary">Schedule and action</h2>
      <dl className="facts">
        <dt>Schedule</dt>
        <dd>{describeSchedule(schedule)}</dd>
        <dt>Start</dt>
        <dd>{formatTime(schedule.start)}</dd>
        <dt>End</dt>
        <dd>{schedule.end ? formatTime(schedule.end) : 'none'}</dd>
        <dt>Next run</dt>
        <dd>
          {task.next_run_at
            ? `${formatTime(task.next_run_at)} (${fromNow(task.next_run_at, now)})`
            : 'none'}
        </dd>
        {task.paused_until && (
          <>
            <dt>Paused until</dt>
            <dd>{formatTime(task.paused_until)}</dd>
          </>
        )}
        <dt>Action</dt>
        <dd>
          {taskAction.type === 'webhook'
            ? `${taskAction.method ?? 'POST'} ${taskAction.url}`
            : `reminder: ${taskAction.message}`}
        </dd>
      </dl>
    </section>
  );
}

/** The saved schedule's next due times, from the API (the same computation as the runs). */
function NextOccurrences({ task }: { task: Task }) {
  const occurrences = useOccurrences(task.id);
  return (
    <section className="card" aria-labelledby="next-occurrences">
      <h2 id="next-occurrences">Next occurrences</h2>
      <QueryView
        query={occurrences}
        empty={<p>None: the schedule has no occurrence left.</p>}
        isEmpty={(data) => data.occurrences.length === 0}
      >
        {(data) => (
          <ol className="occurrences" data-testid="occurrences">
            {data.occurrences.map((at) => (
              <li key={at}>
                <time dateTime={at}>{formatTime(at)}</time>
              </li>
            ))}
          </ol>
        )}
      </QueryView>
      {task.state === 'paused' && (
        <p className="muted">Paused: these wait until the task resumes.</p>
      )}
    </section>
  );
}
