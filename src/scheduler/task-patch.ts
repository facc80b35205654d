import { applyMergePatch } from '../platform/http/merge-patch.ts';
import { compileBodyValidator } from '../platform/http/validation.ts';
import { TaskInput } from './schemas.ts';
import { defaultNotify } from './settings.ts';
import type { TaskSettings } from './store/tasks.ts';

// `PATCH /v1/tasks/{id}` is a JSON merge patch (RFC 7396) of the task's settings: the patch is
// applied to the task as it is, and the result is checked as a whole against the task schema, so
// an error names the field of the merged task that is wrong (docs/scheduler.md, "Changing a task").

const validateTaskInput = compileBodyValidator<TaskInput>(TaskInput);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The task input that `patch` makes of `current`. Besides RFC 7396:
 * - an `action` whose `type` changes replaces the action (a reminder's `message` means nothing
 *   to a webhook);
 * - a `schedule` whose `frequency` changes drops the old frequency's `interval` or `cron`,
 *   unless the patch gives them;
 * - a reminder whose message is the task's name follows a new name, unless the patch sets it;
 * - a `notify` event set to `null` gets its default channels back, as on create.
 * Throws a validation error (a 400 `validation-failed`, fields named `body/...`) when the merged
 * task does not fit the schema.
 *
 * @example
 * mergeTaskPatch(task, { schedule: { end: '2027-01-01T00:00:00Z' } }); // only the end changes
 */
export function mergeTaskPatch(current: TaskSettings, patch: Record<string, unknown>): TaskInput {
  // The task's settings only (a TaskRow has more), copied: validation fills defaults in place.
  const base: Record<string, unknown> = structuredClone({
    name: current.name,
    schedule: current.schedule,
    action: current.action,
    retry: current.retry,
    tolerance_ms: current.tolerance_ms,
    catch_up: current.catch_up,
    notify: current.notify,
    tags: current.tags,
    flexible_window_minutes: current.flexible_window_minutes,
    overlap: current.overlap,
  });
  const schedule = patch.schedule;
  if (
    isObject(schedule) &&
    schedule.frequency !== undefined &&
    schedule.frequency !== current.schedule.frequency
  ) {
    base.schedule = { ...(base.schedule as object), interval: null, cron: null };
  }
  const action = patch.action;
  if (isObject(action) && action.type !== undefined && action.type !== current.action.type) {
    delete base.action;
  }
  const merged = applyMergePatch(base, patch) as Record<string, unknown>;
  const namesReminder =
    current.action.type === 'reminder' && current.action.message === current.name;
  const mergedAction = merged.action;
  if (
    namesReminder &&
    typeof merged.name === 'string' &&
    isObject(mergedAction) &&
    mergedAction.type === 'reminder' &&
    !(isObject(action) && 'message' in action)
  ) {
    merged.action = { ...mergedAction, message: merged.name };
  }
  const notify = merged.notify;
  if (isObject(patch.notify) && isObject(notify)) {
    for (const [event, channels] of Object.entries(patch.notify)) {
      if (channels === null && defaultNotify[event]) notify[event] = defaultNotify[event];
    }
  }
  if (!validateTaskInput(merged)) {
    const errors = validateTaskInput.errors ?? [];
    // The shape of Fastify's schema validation errors, so that the HTTP layer names the fields
    // of the body exactly as it does for a request that fails its route's schema.
    throw Object.assign(new Error(errors[0]?.message ?? 'invalid task'), {
      statusCode: 400,
      validation: errors,
      validationContext: 'body',
    });
  }
  return merged;
}
