// Text PostgreSQL cannot store, wherever it hides in a request. `text` and `jsonb` refuse the NUL
// character, and a lone UTF-16 surrogate cannot be encoded as UTF-8; either would reach the
// database and fail there as a 500. JSON smuggles both in as `\u0000` and `\ud800` escapes;
// percent-encoding smuggles NUL into query strings and path parameters as `%00`.

/** A faulty string or key in a decoded request part, by JSON pointer (`/action/headers/X`). */
export interface TextFault {
  pointer: string;
  message: string;
}

/** Why this string cannot be stored, or undefined when it can. */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\0')) return 'must not contain the NUL character (U+0000)';
  if (!value.isWellFormed()) return 'must not contain an unpaired surrogate (U+D800 to U+DFFF)';
  return undefined;
}

interface Frame {
  value: unknown;
  key: string;
  parent: Frame | undefined;
}

/**
 * The first string value or object key in `root` that cannot be stored, and the prototype keys
 * (`__proto__`, `constructor.prototype`) that would pollute objects later merged with
 * `Object.assign` or a deep merge. Walks with its own stack, so a body nested 100,000 deep is
 * no threat; callers skip it when the raw text shows there is nothing to find (see
 * `parseJsonBody`).
 *
 * @example
 * findTextFault({ name: 'a\u0000b' }) // { pointer: '/name', message: 'must not contain …' }
 */
export function findTextFault(root: unknown): TextFault | undefined {
  const stack: Frame[] = [{ value: root, key: '', parent: undefined }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value } = frame;
    if (typeof value === 'string') {
      const message = unstorableText(value);
      if (message) return { pointer: pointerOf(frame), message };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], key: String(i), parent: frame });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Frame = { value: record[key], key, parent: frame };
      const fault = keyFault(key, child.value);
      if (fault) return { pointer: pointerOf(child), message: fault };
      stack.push(child);
    }
  }
  return undefined;
}

function keyFault(key: string, value: unknown): string | undefined {
  // Refused rather than stripped: a webhook body or a name silently changed is worse than a 400.
  if (key === '__proto__') return 'field "__proto__" is not allowed';
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  ) {
    return 'field "constructor" with a "prototype" is not allowed';
  }
  const text = unstorableText(key);
  return text ? `field name ${text}` : undefined;
}

/** The JSON pointer of a frame; a key that cannot be stored is shown with U+FFFD in its place. */
function pointerOf(frame: Frame): string {
  const parts: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) {
    parts.push(
      at.key.toWellFormed().replaceAll('\0', '\uFFFD').replaceAll('~', '~0').replaceAll('/', '~1'),
    );
  }
  return parts.length === 0 ? '' : `/${parts.reverse().join('/')}`;
}
