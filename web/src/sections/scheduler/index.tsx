import { useQueryClient } from '@tanstack/react-query';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useLive } from '../../app/live';
import { useSession } from '../../app/session';
import { QueryView } from '../../app/ui';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';
import { TaskPage } from './TaskPage';
import { taskKey, tasksKey, useTask } from './tasks';
import './scheduler.css';

/** The scheduler section: built in its own chunk, loaded when first opened. */
export default function Section() {
  useLiveExecutions();
  return (
    <div className="scheduler">
      <Switch>
        <Route path="/">
          <TaskList />
        </Route>
        <Route path="/new">
          <NewTask />
        </Route>
        <Route path="/tasks/:taskId/edit">{({ taskId }) => <EditTask taskId={taskId} />}</Route>
        <Route path="/tasks/:taskId">{({ taskId }) => <TaskPage taskId={taskId} />}</Route>
        <Route>
          <p role="alert">This page does not exist.</p>
        </Route>
      </Switch>
    </div>
  );
}

/**
 * The scheduler publishes every change of an execution on the owner's topic as
 * `scheduler.execution` ({task_id, task_name, execution}): the task's history, its next run and
 * the list's state are refetched, so runs appear without a reload.
 */
function useLiveExecutions() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  useLive([`user:${user.id}`], (event) => {
    if (event.event !== 'scheduler.execution') return;
    const { task_id } = event.data as { task_id: string };
    void queryClient.invalidateQueries({ queryKey: taskKey(task_id) });
    void queryClient.invalidateQueries({ queryKey: tasksKey });
  });
}

function NewTask() {
  const [, navigate] = useLocation();
  return (
    <>
      <p>
        <Link href="/">← All tasks</Link>
      </p>
      <h1>New task</h1>
      <section className="card">
        <TaskForm onSaved={(task) => navigate(`/tasks/${task.id}`)} />
      </section>
    </>
  );
}

function EditTask({ taskId }: { taskId: string }) {
  const [, navigate] = useLocation();
  const task = useTask(taskId);
  return (
    <>
      <p>
        <Link href={`/tasks/${taskId}`}>← Back to the task</Link>
      </p>
      <QueryView query={task}>
        {(data) => (
          <>
            <h1>Edit {data.name}</h1>
            <section className="card">
              <TaskForm task={data} onSaved={(saved) => navigate(`/tasks/${saved.id}`)} />
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
