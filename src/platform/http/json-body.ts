import type { FastifyRequest } from 'fastify';
import { Problem } from '../problems.ts';
import { findTextFault } from './text.ts';
import { validationProblem } from './validation.ts';

// Only an escape (`\u0000`, `\ud800`) can put a NUL or a lone surrogate into parsed JSON: a raw
// NUL is not valid JSON, and invalid UTF-8 has already been decoded to U+FFFD. Prototype keys are
// written out, or escaped. A body with none of these is parsed and not walked.
const mayHideFaults = /\\u|__proto__|constructor/;

/**
 * Meridian's `application/json` body parser, for every route: `JSON.parse`, then (only when the
 * text could hide one) a walk that refuses strings and keys PostgreSQL cannot store and prototype
 * keys, each as a `validation-failed` naming the field. Replaces Fastify's parser, which refused
 * prototype keys as "not valid JSON".
 */
export function parseJsonBody(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (error: Error | null, body?: unknown) => void,
): void {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.length === 0) {
    done(new Problem('malformed-json', 'The body is empty, but Content-Type says JSON'));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    done(new Problem('malformed-json', `The body is not JSON: ${(error as Error).message}`));
    return;
  }
  if (mayHideFaults.test(text)) {
    const fault = findTextFault(value);
    if (fault) {
      done(validationProblem([{ field: `body${fault.pointer}`, message: fault.message }]));
      return;
    }
  }
  done(null, value);
}
