import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { type ApiData, api, call } from '../../app/api';

// The scheduler's data: types read from the generated API types, and the queries the views
// share. Every key of one task starts with ['task', id], so one invalidation (a live event)
// refreshes the task, its preview and its history together.

export type Task = ApiData<'/v1/tasks/{taskId}'>;
export type TaskInput = paths['/v1/tasks']['post']['requestBody']['content']['application/json'];
/** The API types a task's schedule and action as `unknown`: they are what was sent, normalized. */
export type Schedule = TaskInput['schedule'];
export type Action = NonNullable<TaskInput['action']>;
export type Execution = ApiData<'/v1/tasks/{taskId}/executions'>['items'][number];
export type ExecutionDetail = ApiData<'/v1/tasks/{taskId}/executions/{executionId}'>;

export const tasksKey = ['tasks'];
export const taskKey = (taskId: string) => ['task', taskId];

export const scheduleOf = (task: Task) => task.schedule as Schedule;
export const actionOf = (task: Task) => task.action as Action;

export function useTasks() {
  return useInfiniteQuery({
    queryKey: tasksKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/v1/tasks', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useTask(taskId: string) {
  return useQuery({
    queryKey: taskKey(taskId),
    queryFn: () => call(api.GET('/v1/tasks/{taskId}', { params: { path: { taskId } } })),
  });
}

export function useOccurrences(taskId: string, count = 5) {
  return useQuery({
    queryKey: [...taskKey(taskId), 'occurrences', count],
    queryFn: () =>
      call(
        api.GET('/v1/tasks/{taskId}/occurrences', {
          params: { path: { taskId }, query: { count } },
        }),
      ),
  });
}

export function useExecutions(taskId: string) {
  return useInfiniteQuery({
    queryKey: [...taskKey(taskId), 'executions'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/tasks/{taskId}/executions', {
          params: { path: { taskId }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useExecutionDetail(taskId: string, executionId: string) {
  return useQuery({
    queryKey: [...taskKey(taskId), 'execution', executionId],
    queryFn: () =>
      call(
        api.GET('/v1/tasks/{taskId}/executions/{executionId}', {
          params: { path: { taskId, executionId } },
        }),
      ),
  });
}

/** The `state` class (styles.css) that colours a task or execution state. */
export function stateTone(state: string): string {
  if (state === 'active' || state === 'succeeded') return 'ok';
  if (state === 'dead' || state === 'missed') return 'bad';
  if (state === 'paused' || state === 'retrying' || state === 'skipped') return 'warn';
  return '';
}

/** "every PT30M", "daily at the start's time", "cron 0 9 * * 1-5": a schedule in a few words. */
export function describeSchedule(schedule: Schedule): string {
  const zone = schedule.timezone && schedule.timezone !== 'UTC' ? ` (${schedule.timezone})` : '';
  if (schedule.frequency === 'interval') return `every ${schedule.interval}${zone}`;
  if (schedule.frequency === 'cron') return `cron ${schedule.cron}${zone}`;
  return `${schedule.frequency}${zone}`;
}
