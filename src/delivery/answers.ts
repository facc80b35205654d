import type { OutboundResponse } from '../platform/outbound/client.ts';

// What a node's answer to a push means (docs/delivery.md, "Acknowledgements"): as in Envoy's
// xDS, a node acknowledges the version it applied, or refuses it with its error (a NACK).

export type Outcome =
  | { kind: 'acknowledged' }
  | { kind: 'refused'; error: string }
  | { kind: 'failed'; error: string };

/** The longest error of a node's that is kept. */
const maxErrorLength = 1000;

/**
 * Reads a node's answer to version `version`:
 * - a JSON body with an `error` string (status 2xx or 4xx): refused, with that error;
 * - 2xx with `{ "version": <the version sent> }`, another JSON object naming no version, or an
 *   empty body: acknowledged;
 * - 2xx naming another version: failed (the node runs something else);
 * - 2xx with a body that is not a JSON object (an HTML page from a proxy in front of the node
 *   says nothing of what the node applied): failed;
 * - anything else: failed, with the status and the start of the body.
 */
export function readAnswer(response: OutboundResponse, version: number): Outcome {
  const { status, excerpt } = response;
  const body = jsonObjectOf(excerpt);
  const success = status >= 200 && status < 300;
  if (body && typeof body.error === 'string' && (success || (status >= 400 && status < 500))) {
    return { kind: 'refused', error: body.error.slice(0, maxErrorLength) || '(empty error)' };
  }
  if (success && !body && excerpt.trim() !== '') {
    const said = excerpt.trim().slice(0, 200);
    return { kind: 'failed', error: `the node answered ${status} with no JSON object: ${said}` };
  }
  if (success) {
    const applied = body?.version;
    if (applied === undefined || applied === version || applied === String(version)) {
      return { kind: 'acknowledged' };
    }
    return {
      kind: 'failed',
      error: `the node answered version ${JSON.stringify(applied)}, not ${version}`,
    };
  }
  const said = excerpt.trim().slice(0, 200);
  return { kind: 'failed', error: `the node answered ${status}${said ? `: ${said}` : ''}` };
}

function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
