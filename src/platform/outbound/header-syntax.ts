// What a request header sent to a user-chosen target may be, in one place: the task schema
// refuses the rest when a task is created (a 400 naming the header) and the outbound client
// refuses it again before it takes a connection (a task stored before the rule, another caller).

/** A header name: an RFC 9110 token (§5.1), letters, digits and ``!#$%&'*+-.^_`|~``. */
export const headerNamePattern = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

/**
 * A header value Meridian sends: visible ASCII, with spaces and tabs only between visible
 * characters (RFC 9110 §5.5 field-value, without obs-text). No CR, LF or NUL, which would split
 * or end the header, and no other byte above 0x7E: undici refuses characters past U+00FF, and
 * those up to it would reach the receiver as Latin-1 that it would have to guess.
 */
export const headerValuePattern = '^(?:[!-~](?:[\\t -~]*[!-~])?)?$';

const headerName = new RegExp(headerNamePattern);
const headerValue = new RegExp(headerValuePattern);

/**
 * Headers that frame the message or manage the connection: the HTTP client sets them from the
 * URL and the body, and undici refuses most of them from callers.
 */
const clientOwnedHeaders = new Set([
  'connection',
  'expect',
  'host',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Why these headers cannot be sent with a body of `bodyBytes` bytes, or undefined when they
 * can: a name that is not a token, a value outside `headerValuePattern`, a name given twice
 * (in any case), a header the client owns, or a `content-length` that is not the body's.
 *
 * @example
 * headerProblem({ 'X-U': '日本' }, 0) // 'header X-U: the value must be visible ASCII …'
 */
export function headerProblem(
  headers: Record<string, string>,
  bodyBytes: number,
): string | undefined {
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    // JSON.stringify shows a CR, LF or space in the name for what it is.
    const shown = JSON.stringify(name);
    if (!headerName.test(name)) {
      return `header name ${shown} is not an HTTP token (letters, digits and !#$%&'*+-.^_\`|~)`;
    }
    const lower = name.toLowerCase();
    if (seen.has(lower)) return `header ${name} is given twice`;
    seen.add(lower);
    if (clientOwnedHeaders.has(lower)) return `header ${name} is set by the HTTP client`;
    if (typeof value !== 'string' || !headerValue.test(value)) {
      return `header ${name}: the value must be visible ASCII, spaces and tabs only between characters (no CR, LF, NUL or non-ASCII)`;
    }
    if (lower === 'content-length' && value !== String(bodyBytes)) {
      return `header ${name} is ${value}, but the body is ${bodyBytes} bytes`;
    }
  }
  return undefined;
}
