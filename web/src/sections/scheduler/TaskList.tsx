import { Link } from 'wouter';
import { formatTime, fromNow, QueryView, useNow } from '../../app/ui';
import { describeSchedule, scheduleOf, stateTone, type Task, useTasks } from './tasks';

/** Your tasks, oldest first: state, schedule and next run, kept live by the section. */
export function TaskList() {
  const tasks = useTasks();
  return (
    <>
      <div className="page-heading">
        <h1>Scheduler</h1>
        <Link href="/new" className="button">
          New task
        </Link>
      </div>
      <QueryView query={tasks}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return (
            // The benchmark's mark: the list is on screen, with its tasks or its empty state.
            <div data-testid="task-list">
              {items.length === 0 ? (
                <div className="empty">
                  No tasks yet. <Link href="/new">Create one</Link> to run a reminder or a webhook
                  on a schedule.
                </div>
              ) : (
                <TaskTable tasks={items} />
              )}
              {tasks.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  disabled={tasks.isFetchingNextPage}
                  onClick={() => void tasks.fetchNextPage()}
                >
                  Show more tasks
                </button>
              )}
            </div>
          );
        }}
      </QueryView>
    </>
  );
}

function TaskTable({ tasks }: { tasks: Task[] }) {
  const now = useNow(10_000);
  return (
    <table>
      <caption className="visually-hidden">Your tasks</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">State</th>
          <th scope="col">Schedule</th>
          <th scope="col">Next run</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td>
              <Link href={`/tasks/${task.id}`}>{task.name}</Link>
            </td>
            <td>
              <span className={`state ${stateTone(task.state)}`}>{task.state}</span>
            </td>
            <td>{describeSchedule(scheduleOf(task))}</td>
            <td>
              {task.next_run_at ? (
                <time dateTime={task.next_run_at} title={formatTime(task.next_run_at)}>
                  {formatTime(task.next_run_at)}{' '}
                  <span className="muted">({fromNow(task.next_run_at, now)})</span>
                </time>
              ) : (
                <span className="muted">none</span>
              )}
            </td>
            <td>{task.tags.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
