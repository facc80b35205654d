import type { JobHandler, JobSpec } from './spec.ts';

// Typed job definitions, as River's `Worker[T JobArgs]` and graphile-worker's task payloads: a
// kind is written once, in its definition, and both the code that enqueues it and its handler
// take the payload type from there, so neither writes the kind again nor casts the payload.

/** What a definition fixes for every job of its kind; `spec`'s options override each field. */
export type JobDefaults = Pick<
  JobSpec,
  'queue' | 'priority' | 'maxAttempts' | 'backoff' | 'timeoutMs'
>;

/** One job's options: the whole spec but its kind and payload. */
export type JobOptions = Omit<JobSpec, 'kind' | 'payload'>;

/** A handler with the kind it runs: what `Module.jobs` returns, made by a definition's `handle`. */
export interface JobRegistration {
  readonly kind: string;
  readonly handler: JobHandler;
}

/** The payload of a job that carries none: stored as `{}`, like every payload left out. */
export type NoPayload = Record<string, never>;

/**
 * `spec`'s arguments. The payload may be left out when `{}` is a valid one (`NoPayload`, or only
 * optional fields), because a job enqueued without a payload is stored with `{}`.
 */
export type JobSpecArgs<Payload> = NoPayload extends Payload
  ? [payload?: Payload, options?: JobOptions]
  : [payload: Payload, options?: JobOptions];

/** A kind of job and its payload's type: makes its specs and its handler's registration. */
export interface JobDefinition<Payload> {
  readonly kind: string;
  readonly defaults: JobDefaults;
  /**
   * A spec of this kind for `enqueue`: the definition's defaults, overridden by `options` (a
   * backoff field by field).
   */
  spec(...args: JobSpecArgs<Payload>): JobSpec<Payload>;
  /** Registers `handler` for this kind; it receives jobs whose payload is `Payload`. */
  handle(handler: JobHandler<Payload>): JobRegistration;
  /** Whether `job` is of this kind, which types its payload (e.g. in `onTransition`). */
  is<J extends { kind: string; payload: unknown }>(job: J): job is J & { payload: Payload };
}

/**
 * Defines a kind of job whose payload is `Payload`. The payload is not checked at run time: it is
 * written by `spec`, in our own code and usually in the transaction that needs the job, so the
 * type is what the handler gets (a redrive reruns the same payload). A payload whose shape changes
 * needs a new kind, or a handler that still reads the jobs already enqueued.
 *
 * @example
 * export const sendReportJob = defineJob<{ reportId: string }>('reports.send', { maxAttempts: 3 });
 * await core.jobs.enqueue(sendReportJob.spec({ reportId: report.id }, { runAt }), { tx });
 * // module.ts
 * jobs: (core) => [sendReportJob.handle((job) => sendReport(core, job.payload.reportId))],
 */
export function defineJob<Payload = NoPayload>(
  kind: string,
  defaults: JobDefaults = {},
): JobDefinition<Payload> {
  return {
    kind,
    defaults,
    spec(payload?: Payload, options: JobOptions = {}) {
      const backoff =
        defaults.backoff || options.backoff
          ? { ...defaults.backoff, ...options.backoff }
          : undefined;
      return {
        ...defaults,
        ...options,
        ...(backoff && { backoff }),
        ...(payload !== undefined && { payload }),
        kind,
      };
    },
    // The engine gives a handler only jobs of its kind, whose payloads `spec` typed.
    handle: (handler) => ({ kind, handler: handler as JobHandler }),
    is: <J extends { kind: string; payload: unknown }>(job: J): job is J & { payload: Payload } =>
      job.kind === kind,
  };
}
