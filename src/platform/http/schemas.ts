import { Type } from 'typebox';
import {
  type PlatformProblemName,
  type ProblemCatalogue,
  type ProblemType,
  platformProblems,
} from '../problems.ts';
import { nameKeyword } from './validation.ts';

/**
 * A name people read (a user, an organisation, a token, a task): surrounding whitespace is
 * trimmed before it is stored; a blank name, control characters (tab and newline included) and
 * bidirectional formatting characters are refused with one message. Free text (descriptions,
 * messages) is a plain `Type.String`: there only what cannot be stored is refused.
 *
 * @example
 * const NewOrganisationBody = Type.Object({ name: Name({ maxLength: 200 }) });
 */
export function Name({ maxLength }: { maxLength: number }) {
  return Type.String({
    minLength: 1,
    maxLength,
    [nameKeyword]: true,
    description: 'Trimmed; not blank; no control or bidirectional formatting characters',
  });
}

/** RFC 9457 problem details, as every error response carries them. */
export const ProblemDetails = Type.Object(
  {
    type: Type.String({ description: 'Names the problem: /problems/<name>, see docs/errors.md' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String({ description: 'The request id' }),
  },
  { additionalProperties: true },
);

/**
 * The error responses of a route for its OpenAPI entry, by problem name: each status is
 * documented as `application/problem+json`, described by the titles of its problems. Every route
 * can answer 400 (validation, malformed JSON, bad URL). A route that answers its module's own
 * problems passes the module's catalogue first.
 *
 * @example
 * schema: { response: { 200: Organisation, ...problemResponses('unauthorized', 'not-found') } }
 * schema: { response: { 201: Task, ...problemResponses(schedulerProblems, 'invalid-task') } }
 */
export function problemResponses(...names: PlatformProblemName[]): ProblemResponses;
export function problemResponses<C extends ProblemCatalogue>(
  own: C,
  ...names: (PlatformProblemName | (keyof C & string))[]
): ProblemResponses;
export function problemResponses(...args: (ProblemCatalogue | string)[]): ProblemResponses {
  const own = args.find((arg) => typeof arg === 'object') ?? {};
  const names = args.filter((arg) => typeof arg === 'string');
  const catalogue: ProblemCatalogue = { ...platformProblems, ...own };
  const titles = new Map<number, string[]>();
  for (const name of ['validation-failed', 'malformed-json', ...names]) {
    const { status, title } = catalogue[name] as ProblemType;
    titles.set(status, [...(titles.get(status) ?? []), `${title} (/problems/${name})`]);
  }
  const responses: ProblemResponses = {};
  for (const [status, described] of titles) {
    responses[status] = {
      description: described.join('; '),
      content: { 'application/problem+json': { schema: ProblemDetails } },
    };
  }
  return responses;
}

type ProblemResponses = Record<number, ProblemResponse>;

interface ProblemResponse {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemDetails } };
}
