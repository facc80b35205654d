// Reading the PEM or DER that nodes and agents send, strictly and within a size bound, so that
// garbage gets an answer that says what is wrong instead of a parser's exception.

/** The most a CSR or certificate given to the library may weigh; Meridian's are under 2 KB. */
export const maxInputBytes = 16 * 1024;

/** What a refusal is made of: the caller's typed error, with a message for a person. */
export type Refuse = (message: string) => Error;

/**
 * The DER of `input` (in an ArrayBuffer of its own): its bytes when it is DER, else the first PEM block, which must carry one of
 * `labels` (the first is the one named in refusals). Throws what `refuse` makes for an empty or
 * oversized input, text that is not PEM, a block without its end line, another kind of block, or
 * a body that is not base64.
 */
export function derOf(
  input: string | Uint8Array,
  labels: readonly [string, ...string[]],
  refuse: Refuse,
): Uint8Array {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size === 0) throw refuse(`The ${labels[0]} is empty`);
  if (size > maxInputBytes) {
    throw refuse(`The ${labels[0]} is ${size} bytes; at most ${maxInputBytes} are accepted`);
  }
  if (typeof input !== 'string') {
    const bytes = Buffer.from(input);
    return bytes.subarray(0, 11).toString('latin1') === '-----BEGIN '
      ? pemBody(bytes.toString('utf8'), labels, refuse)
      : new Uint8Array(bytes);
  }
  return pemBody(input, labels, refuse);
}

function pemBody(text: string, labels: readonly [string, ...string[]], refuse: Refuse): Uint8Array {
  const begin = /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(text);
  if (!begin) {
    throw refuse(`The ${labels[0]} is not PEM: no "-----BEGIN ${labels[0]}-----" line`);
  }
  const label = begin[1] ?? '';
  if (!labels.includes(label)) {
    throw refuse(`The PEM block is a ${label}, not a ${labels[0]}`);
  }
  const bodyStart = begin.index + begin[0].length;
  const end = text.indexOf(`-----END ${label}-----`, bodyStart);
  if (end < 0) {
    throw refuse(`The ${labels[0]} is cut short: no "-----END ${label}-----" line`);
  }
  const body = text.slice(bodyStart, end).replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw refuse(`The ${labels[0]}'s PEM body is not base64`);
  }
  // A copy of its own: Node pools small Buffers, and the x509 parser reads a view's whole buffer.
  return new Uint8Array(Buffer.from(body, 'base64'));
}
