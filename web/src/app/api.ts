import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';

/** One field's complaint in a `validation-failed` problem: `field` is `body/<name>` and so on. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem the API answered, thrown by `call` so that views can show it in words. */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** The whole body, for the members some problems add (`current_version`, …). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    super(detail ?? title);
    this.status = status;
    this.body = body;
    this.type = typeof body.type === 'string' ? body.type : 'about:blank';
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  }

  /** The problem's name, as docs/errors.md lists it: `/problems/version-conflict` → `version-conflict`. */
  get name(): string {
    return this.type.replace(/^\/problems\//, '');
  }

  /** The complaint about one field of the body (`amount` matches `body/amount`), if any. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === `body/${field}` || error.field === field)
      ?.message;
  }
}

const tokenKey = 'meridian.token';
let token = localStorage.getItem(tokenKey);
const signedOutListeners = new Set<() => void>();

export function currentToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
  if (value) localStorage.setItem(tokenKey, value);
  else localStorage.removeItem(tokenKey);
}

/** Called when the API refuses the token (expired, revoked): the session ends. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** The typed client of Meridian's public API (types generated from its OpenAPI document). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && token) {
      setToken(null);
      for (const listener of signedOutListeners) listener();
    }
    return response;
  },
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an `api.GET/POST/…` call: its data, or an `ApiProblem` thrown. A network failure is a
 * problem too (status 0), so every view handles one kind of error.
 *
 * @example const task = await call(api.GET('/v1/tasks/{taskId}', { params: { path: { taskId } } }));
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw new ApiProblem(0, {
      title: 'Meridian cannot be reached',
      detail: 'The request did not reach the server. Check the connection and try again.',
    });
  }
  if (result.response.ok) return result.data as T;
  const body =
    typeof result.error === 'object' && result.error !== null
      ? (result.error as Record<string, unknown>)
      : { title: result.response.statusText };
  throw new ApiProblem(result.response.status, body);
}

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/**
 * What a route answers on success, from the generated types.
 *
 * @example type Task = ApiData<'/v1/tasks/{taskId}'>;
 */
export type ApiData<
  P extends keyof paths,
  M extends keyof paths[P] = 'get' & keyof paths[P],
> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer OK }
    ? JsonOf<OK>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;
