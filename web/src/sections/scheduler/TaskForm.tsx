import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, SelectField, TextField } from '../../app/ui';
import { SchedulePreview } from './SchedulePreview';
import {
  actionOf,
  type Schedule,
  scheduleOf,
  type Task,
  type TaskInput,
  taskKey,
  tasksKey,
} from './tasks';
import { instantToWall, knownZones, wallToInstant } from './wall-time';

const frequencies = [
  'once',
  'daily',
  'weekly',
  'biweekly',
  'monthly',
  'yearly',
  'interval',
  'cron',
];
const methods = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;

/** The API's names of the fields this form shows (`body/<name>` in a problem's errors). */
const formFields = [
  'name',
  'schedule/frequency',
  'schedule/interval',
  'schedule/cron',
  'schedule/timezone',
  'schedule/start',
  'schedule/end',
  'action/message',
  'action/url',
  'action/method',
  'retry/max_attempts',
];

/** The form's fields, as the inputs hold them (strings). */
interface Fields {
  name: string;
  frequency: string;
  interval: string;
  cron: string;
  timezone: string;
  start: string;
  end: string;
  actionType: 'reminder' | 'webhook';
  message: string;
  url: string;
  method: (typeof methods)[number];
  maxAttempts: string;
}

function fieldsOf(task: Task | undefined): Fields {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!task) {
    return {
      name: '',
      frequency: 'daily',
      interval: 'PT1H',
      cron: '0 9 * * 1-5',
      timezone: zone,
      start: '',
      end: '',
      actionType: 'reminder',
      message: '',
      url: '',
      method: 'POST',
      maxAttempts: '10',
    };
  }
  const schedule = scheduleOf(task);
  const action = actionOf(task);
  const timezone = schedule.timezone ?? 'UTC';
  const retry = task.retry as TaskInput['retry'];
  return {
    name: task.name,
    frequency: schedule.frequency,
    interval: schedule.interval ?? '',
    cron: schedule.cron ?? '',
    timezone,
    start: instantToWall(schedule.start, timezone),
    end: instantToWall(schedule.end, timezone),
    actionType: action.type,
    message: action.type === 'reminder' ? action.message : '',
    url: action.type === 'webhook' ? action.url : '',
    method: action.type === 'webhook' ? (action.method ?? 'POST') : 'POST',
    maxAttempts: String(retry?.max_attempts ?? 10),
  };
}

/**
 * The schedule as the API takes it: only the frequency's own interval or cron. A start or end
 * left as it was keeps its saved instant (to the millisecond, which the form's seconds would
 * round), so an unchanged schedule stays unchanged and is not checked again.
 */
function scheduleFrom(fields: Fields, task: Task | undefined): Schedule {
  const saved = task && scheduleOf(task);
  const before = task && fieldsOf(task);
  const kept = (name: 'start' | 'end') =>
    before && fields[name] === before[name] && fields.timezone === before.timezone;
  const instant = (name: 'start' | 'end') =>
    kept(name) ? (saved?.[name] ?? null) : wallToInstant(fields[name], fields.timezone);
  return {
    frequency: fields.frequency,
    interval: fields.frequency === 'interval' ? fields.interval : null,
    cron: fields.frequency === 'cron' ? fields.cron : null,
    timezone: fields.timezone,
    start: fields.start && (instant('start') ?? ''),
    end: fields.end ? instant('end') : null,
  };
}

function bodyFrom(fields: Fields, task: Task | undefined) {
  const action =
    fields.actionType === 'reminder'
      ? { type: 'reminder' as const, message: fields.message || fields.name }
      : { type: 'webhook' as const, url: fields.url, method: fields.method };
  // A number the API refuses in words (a non-number is sent as is, so it says so too).
  const maxAttempts = Number(fields.maxAttempts);
  return {
    name: fields.name,
    schedule: scheduleFrom(fields, task),
    action,
    retry: { max_attempts: Number.isNaN(maxAttempts) ? fields.maxAttempts : maxAttempts },
  } as TaskInput;
}

/**
 * Create a task, or change one (a merge patch of the same fields, with the version read). The
 * API's complaints are shown next to the fields they name, and the next runs are previewed by
 * the API as the schedule is filled in.
 */
export function TaskForm({ task, onSaved }: { task?: Task; onSaved: (task: Task) => void }) {
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(() => fieldsOf(task));
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  const save = useMutation({
    mutationFn: () => {
      const body = bodyFrom(fields, task);
      return task
        ? call(
            api.PATCH('/v1/tasks/{taskId}', {
              params: { path: { taskId: task.id } },
              body: { ...body, version: task.version },
            }),
          )
        : call(api.POST('/v1/tasks', { body }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: tasksKey });
      await queryClient.invalidateQueries({ queryKey: taskKey(saved.id) });
      onSaved(saved);
    },
  });
  const problem = save.error ? asProblem(save.error) : null;
  const errorOf = (field: string) => problem?.fieldError(field);
  // Complaints about a field this form has no input for are listed with the summary.
  const elsewhere = problem?.errors.filter(
    (entry) => !formFields.includes(entry.field.replace(/^body\//, '')),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const zonesId = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="task-form">
      <TextField label="Name" value={fields.name} onChange={set('name')} error={errorOf('name')} />
      <fieldset>
        <legend>Schedule</legend>
        <div className="grid">
          <SelectField
            label="Frequency"
            value={fields.frequency}
            onChange={set('frequency')}
            error={errorOf('schedule/frequency')}
          >
            {frequencies.map((frequency) => (
              <option key={frequency}>{frequency}</option>
            ))}
          </SelectField>
          {fields.frequency === 'interval' && (
            <TextField
              label="Interval"
              value={fields.interval}
              onChange={set('interval')}
              error={errorOf('schedule/interval')}
              hint="An ISO 8601 duration: PT30S, PT15M, P1DT2H"
            />
          )}
          {fields.frequency === 'cron' && (
            <TextField
              label="Cron"
              value={fields.cron}
              onChange={set('cron')}
              error={errorOf('schedule/cron')}
              hint="5 or 6 fields, seconds first when 6: 0 30 9 * * 1-5"
            />
          )}
          <TextField
            label="Time zone"
            value={fields.timezone}
            onChange={set('timezone')}
            error={errorOf('schedule/timezone')}
            hint="An IANA zone: start and end are read on its clock"
            list={zonesId}
          />
          <datalist id={zonesId}>
            {knownZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <TextField
            label="Start"
            type="datetime-local"
            step={1}
            value={fields.start}
            onChange={set('start')}
            error={errorOf('schedule/start')}
            hint={
              fields.frequency === 'cron' ? 'The first match at or after it runs' : 'The first run'
            }
          />
          <TextField
            label="End"
            type="datetime-local"
            step={1}
            value={fields.end}
            onChange={set('end')}
            error={errorOf('schedule/end')}
            hint="Optional: the last run is at or before it"
          />
        </div>
        <SchedulePreview schedule={scheduleFrom(fields, task)} />
      </fieldset>
      <fieldset>
        <legend>Action</legend>
        <div className="grid">
          <SelectField label="Action" value={fields.actionType} onChange={set('actionType')}>
            <option value="reminder">reminder (a notification to you)</option>
            <option value="webhook">webhook (an HTTP call)</option>
          </SelectField>
          {fields.actionType === 'reminder' ? (
            <TextField
              label="Message"
              value={fields.message}
              onChange={set('message')}
              error={errorOf('action/message')}
              hint="Empty: the task's name"
            />
          ) : (
            <>
              <TextField
                label="URL"
                type="url"
                value={fields.url}
                onChange={set('url')}
                error={errorOf('action/url')}
              />
              <SelectField
                label="Method"
                value={fields.method}
                onChange={set('method')}
                error={errorOf('action/method')}
              >
                {methods.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </SelectField>
            </>
          )}
          <TextField
            label="Max attempts"
            type="number"
            min={1}
            max={100}
            value={fields.maxAttempts}
            onChange={set('maxAttempts')}
            error={errorOf('retry/max_attempts')}
            hint="A run that fails this many times is dead, for you to redrive"
          />
        </div>
      </fieldset>
      {problem && (
        <div className="problem" role="alert">
          <strong>{problem.title}</strong>
          {problem.errors.length === 0 && problem.detail && <span> {problem.detail}</span>}
          {elsewhere && elsewhere.length < problem.errors.length && (
            <span> See the fields marked above.</span>
          )}
          {elsewhere && elsewhere.length > 0 && (
            <ul>
              {elsewhere.map((entry) => (
                <li key={entry.field}>
                  {entry.field.replace(/^body\//, '')}: {entry.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" disabled={save.isPending}>
        {task ? 'Save changes' : 'Create task'}
      </button>
    </form>
  );
}
