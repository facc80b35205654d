import type { App } from './app.ts';
import { parseJsonBody } from './json-body.ts';

/** The media type of a JSON merge patch (RFC 7396). */
export const mergePatchType = 'application/merge-patch+json';

/**
 * Lets the routes of `scope` (a plugin's own encapsulated instance) read
 * `application/merge-patch+json` bodies, parsed as the JSON ones are (`parseJsonBody`: text that
 * cannot be stored and prototype keys refused). Other routes keep answering 415 to that type.
 */
export function acceptMergePatch(scope: App): void {
  scope.addContentTypeParser(mergePatchType, { parseAs: 'string' }, parseJsonBody);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Applies a JSON merge patch (RFC 7396) to `target`: objects are merged member by member, a
 * `null` member removes the target's, anything else (arrays too) replaces it. Returns a new value.
 *
 * @example
 * applyMergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }); // { a: 1, b: { d: 3, e: 4 } }
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    // Refused by the body parser already; never a way to reach a prototype.
    if (name === '__proto__') continue;
    if (value === null) delete merged[name];
    else merged[name] = applyMergePatch(merged[name], value);
  }
  return merged;
}
