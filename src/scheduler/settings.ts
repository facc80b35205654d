import { isDeepStrictEqual } from 'node:util';
import { channels } from '../platform/notify/service.ts';
import { requireCallableTarget } from '../platform/outbound/target-guard.ts';
import { Problem } from '../platform/problems.ts';
import { validateSchedule } from './recurrence.ts';
import type { TaskInput } from './schemas.ts';
import type { StoredAction, StoredRetry } from './store/tables.ts';
import type { TaskSettings } from './store/tasks.ts';

// A task's settings from its JSON: defaults filled in (the brief's: 10 attempts, backoff factor
// 2, a minute of tolerance, catch up the latest), then every rule that needs more than a schema
// checked at once, so a bad request names all its faulty fields in one 422.

interface FieldError {
  field: string;
  message: string;
}

export const defaultRetry: StoredRetry = {
  max_attempts: 10,
  initial_delay_ms: 1_000,
  factor: 2,
  max_delay_ms: 3_600_000,
};
export const defaultToleranceMs = 60_000;
/** Who hears what unless the task says otherwise: trouble, by email and in the inbox. */
export const defaultNotify: Record<string, string[]> = {
  dead: ['email', 'in_app'],
  late: ['email', 'in_app'],
  missed: ['email', 'in_app'],
};
const defaultWebhookTimeoutMs = 10_000;
/** A JSON body bigger than this is refused: tasks are metadata, not payload storage. */
export const maxWebhookBodyBytes = 65_536;
const maxHeaderBytes = 16_384;
/**
 * Headers Meridian sets itself on each call, and those of the connection and the message's
 * framing, which the HTTP client owns (see `headerProblem` in platform/outbound/header-syntax.ts).
 */
const reservedHeaders = new Set([
  'host',
  'content-length',
  'content-type',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'user-agent',
  'idempotency-key',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'meridian-execution-id',
  'meridian-attempt',
  'meridian-scheduled-time',
]);

/**
 * The settings of a task from its whole input: of a new task (`current` undefined), or of a task
 * after a change (`current` its settings, the input the merged patch). What is unchanged is not
 * checked again: a schedule equal to the current one is kept even if its end has passed since,
 * and an unchanged webhook URL is not resolved again. Throws an `invalid-task` problem listing
 * each faulty field.
 */
export async function resolveSettings(
  input: TaskInput,
  current: TaskSettings | undefined,
  options: { now: Date; allowPrivateTargets: boolean },
): Promise<TaskSettings> {
  const errors: FieldError[] = [];
  const { name } = input;
  // On create, the given events are merged with the defaults; a change starts from the task's.
  const notify = current ? (input.notify ?? defaultNotify) : { ...defaultNotify, ...input.notify };
  const settings: TaskSettings = {
    name,
    schedule: checkSchedule(input.schedule, options.now, errors, current?.schedule),
    action: input.action ? actionOf(input.action, errors) : reminderOf(name),
    retry: { ...defaultRetry, ...input.retry },
    tolerance_ms: input.tolerance_ms ?? defaultToleranceMs,
    catch_up: input.catch_up ?? 'latest',
    notify: notifyOf(notify, errors),
    tags: input.tags ?? [],
    flexible_window_minutes: input.flexible_window_minutes ?? 0,
    overlap: input.overlap ?? 'allow_all',
  };
  if (settings.retry.max_delay_ms < settings.retry.initial_delay_ms) {
    errors.push({ field: 'retry.max_delay_ms', message: 'must not be below initial_delay_ms' });
  }
  const sameUrl =
    current?.action.type === 'webhook' &&
    settings.action.type === 'webhook' &&
    current.action.url === settings.action.url;
  if (settings.action.type === 'webhook' && !sameUrl) {
    await checkTarget(settings.action.url, options.allowPrivateTargets, errors);
  }
  if (errors.length > 0) throw invalidTask(errors);
  return settings;
}

/** The `invalid-task` problem naming every faulty field. */
function invalidTask(errors: FieldError[]): Problem {
  // Named like schema validation errors: the path in the request body.
  const named = errors.map((e) => ({
    field: `body/${e.field.replaceAll('.', '/')}`,
    message: e.message,
  }));
  return new Problem('invalid-task', named.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors: named,
  });
}

/**
 * The schedule a task would have, checked as a create checks it (the same `invalid-task`
 * problem, the same field names): for a form that previews occurrences before saving.
 */
export function previewedSchedule(
  input: TaskInput['schedule'],
  now: Date,
): TaskSettings['schedule'] {
  const errors: FieldError[] = [];
  const schedule = checkSchedule(input, now, errors, undefined);
  if (errors.length > 0) throw invalidTask(errors);
  return schedule;
}

/** Whether a change leaves the settings as they are: such a change is no change at all. */
export function sameSettings(settings: TaskSettings, current: TaskSettings): boolean {
  return settingNames.every((name) => isDeepStrictEqual(settings[name], current[name]));
}

const settingNames = [
  'name',
  'schedule',
  'action',
  'retry',
  'tolerance_ms',
  'catch_up',
  'notify',
  'tags',
  'flexible_window_minutes',
  'overlap',
] as const satisfies (keyof TaskSettings)[];

function checkSchedule(
  input: TaskInput['schedule'],
  now: Date,
  errors: FieldError[],
  current: TaskSettings['schedule'] | undefined,
): TaskSettings['schedule'] {
  // Due times are stored to the millisecond (a Date): the anchor must not be finer.
  const toMs = (instant: string) => new Date(Date.parse(instant)).toISOString();
  const stored = (schedule: TaskSettings['schedule']) => ({
    ...schedule,
    start: toMs(schedule.start),
    end: schedule.end && toMs(schedule.end),
  });
  if (current) {
    const unchanged = validateSchedule(input);
    if (unchanged.ok && isDeepStrictEqual(stored(unchanged.schedule), current)) return current;
  }
  // A once task may be created up to a minute late (a clock behind, a slow request); further in
  // the past, or a schedule whose end has gone, has no occurrence left to run.
  const result = validateSchedule(input, { notBefore: new Date(now.getTime() - 60_000) });
  if (!result.ok) {
    errors.push(...result.errors.map((e) => ({ ...e, field: `schedule.${e.field}` })));
    return input as TaskSettings['schedule'];
  }
  return stored(result.schedule);
}

function reminderOf(name: string): StoredAction {
  return { type: 'reminder', message: name };
}

function actionOf(action: NonNullable<TaskInput['action']>, errors: FieldError[]): StoredAction {
  if (action.type === 'reminder') return action;
  const headers = action.headers ?? {};
  for (const header of Object.keys(headers)) {
    if (reservedHeaders.has(header.toLowerCase())) {
      errors.push({ field: `action.headers.${header}`, message: 'is set by Meridian' });
    }
  }
  if (Buffer.byteLength(JSON.stringify(headers)) > maxHeaderBytes) {
    errors.push({ field: 'action.headers', message: `exceed ${maxHeaderBytes} bytes` });
  }
  const body = action.body ?? null;
  if (Buffer.byteLength(JSON.stringify(body)) > maxWebhookBodyBytes) {
    errors.push({ field: 'action.body', message: `exceeds ${maxWebhookBodyBytes} bytes` });
  }
  const method: string = action.method ?? 'POST';
  if (method === 'GET' && body !== null) {
    errors.push({ field: 'action.body', message: 'must be empty for GET' });
  }
  return {
    type: 'webhook',
    url: action.url,
    method,
    headers,
    body,
    timeout_ms: action.timeout_ms ?? defaultWebhookTimeoutMs,
  };
}

async function checkTarget(url: string, allowPrivate: boolean, errors: FieldError[]) {
  try {
    await requireCallableTarget(url, allowPrivate);
  } catch (error) {
    const message = error instanceof Problem ? error.message : 'is not a callable URL';
    errors.push({ field: 'action.url', message });
  }
}

function notifyOf(input: Record<string, unknown>, errors: FieldError[]) {
  const known = new Set<string>(channels);
  const notify: Record<string, string[]> = {};
  for (const [event, list] of Object.entries(input)) {
    const names = (list ?? []) as string[];
    for (const channel of names) {
      if (!known.has(channel)) {
        errors.push({ field: `notify.${event}`, message: `has no channel "${channel}"` });
      }
    }
    notify[event] = names;
  }
  return notify;
}
