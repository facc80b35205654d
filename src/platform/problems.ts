/**
 * A kind of problem a client can receive: its status and a short, fixed title. A response is
 * `application/problem+json` (RFC 9457) with `type` = `/problems/<name>`; docs/errors.md lists
 * every kind for client writers, and a test keeps the two in step.
 */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
}

/** Problem kinds by name, as a module declares them (see `defineProblems`). */
export type ProblemCatalogue = Readonly<Record<string, ProblemType>>;

/**
 * Declares a module's own problems, once, for its `Module.problems`. The names are kept as
 * literal types; registering them in `ProblemNames` (a declaration merged beside the call, as
 * below) makes them names `Problem` accepts, so a misspelt name does not compile. A name is
 * lower-case words joined by `-`; the status is 4xx or 5xx.
 *
 * @example
 * export const schedulerProblems = defineProblems({
 *   'invalid-task': { status: 422, title: 'The task cannot be scheduled as given' },
 * });
 * type SchedulerProblems = typeof schedulerProblems;
 * declare module '../platform/problems.ts' {
 *   interface ProblemNames extends SchedulerProblems {}
 * }
 * // in the scheduler's service:
 * throw new Problem('invalid-task', 'body/schedule/cron: not a cron pattern', { errors });
 */
export function defineProblems<const C extends Record<string, ProblemType>>(
  catalogue: C,
): Readonly<C> {
  for (const [name, { status, title }] of Object.entries(catalogue)) {
    if (!/^[a-z]+(-[a-z]+)*$/.test(name))
      throw new Error(`problem name "${name}" is not kebab-case`);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new Error(`problem "${name}" has status ${status}, not 4xx or 5xx`);
    }
    if (!title) throw new Error(`problem "${name}" has no title`);
  }
  return Object.freeze(catalogue);
}

/**
 * The platform's problems: what any route or service may answer, whatever the module. Modules
 * declare the rest (`identityProblems`, `schedulerProblems`, …).
 */
export const platformProblems = defineProblems({
  'bad-request': { status: 400, title: 'Bad request' },
  'validation-failed': { status: 400, title: 'Request validation failed' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  'invalid-cursor': { status: 400, title: 'Invalid pagination cursor' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'route-not-found': { status: 404, title: 'No such route' },
  conflict: { status: 409, title: 'Conflict' },
  'version-conflict': { status: 409, title: 'The resource was changed by someone else' },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is in flight',
  },
  'request-timeout': { status: 408, title: 'The request did not arrive in time' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused with a different request',
  },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  // Outbound calls to user-chosen URLs (`core.outbound`) are the platform's, whoever makes them.
  'target-refused': { status: 422, title: 'Meridian may not call this URL' },
  'upgrade-required': { status: 426, title: 'WebSocket upgrade required' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'header-too-large': { status: 431, title: 'Request headers too large' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
});

export type PlatformProblems = typeof platformProblems;

/**
 * Every problem name that may be thrown: the platform's, and each module's merged in by a
 * `declare module` beside its `defineProblems` (see there). Only the keys matter.
 */
export interface ProblemNames extends PlatformProblems {}

export type ProblemName = keyof ProblemNames & string;

export type PlatformProblemName = keyof PlatformProblems & string;

/**
 * A refusal a person can act on, thrown by services, stores, routes and commands alike: a
 * problem name, a detail for a human, and extension members (`errors` lists per-field errors as
 * `{ field, message }`; others such as `current_version`). It knows nothing of HTTP: the HTTP
 * error handler answers it as problem+json with the status and title its catalogue gives the
 * name, and the CLI prints its detail as one line.
 *
 * @example
 * throw new Problem('not-found', `No task ${taskId}`);
 * throw new Problem('version-conflict', detail, { current_version: 3 });
 */
export class Problem extends Error {
  override readonly name = 'Problem';
  readonly problem: ProblemName;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(problem: ProblemName, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? problemTitle(problem));
    this.problem = problem;
    this.extensions = extensions;
  }

  /** What went wrong, for a human: the problem's `detail` (the error's message). */
  get detail(): string {
    return this.message;
  }
}

/** Without a detail, a platform problem's title stands in; a module's problem has its name. */
function problemTitle(problem: ProblemName): string {
  return (platformProblems as ProblemCatalogue)[problem]?.title ?? problem;
}
