// The content of a node source: which formats are read, which node names are taken, and how one
// list differs from the last (docs/design/delivery-node-sources.md). Pure: node-source.ts
// fetches the bytes. A list is taken whole or not at all: one bad line refuses the read, so a
// list cut short or garbled can never remove nodes.

/**
 * Why a node source could not be read or parsed. `invalid` and `refused` are the customer's
 * registration to fix (a 422); the rest come and go with the source, and the caller keeps its
 * last good node list and tries again at the next read.
 */
export type NodeSourceErrorKind =
  /** The location, endpoint or credentials cannot work as given. */
  | 'invalid'
  /** A private or loopback address, which Meridian may not call unless the operator allows. */
  | 'refused'
  /** No connection, a connection that broke, or a name that does not resolve. */
  | 'unreachable'
  | 'timeout'
  /** 401/403, or S3's refusal of the key. */
  | 'denied'
  /** 404/410, no such key or bucket. */
  | 'not-found'
  /** 5xx. */
  | 'server-error'
  /** Any other answer than the list or "not modified" (a redirect, a 400, S3's wrong region). */
  | 'unexpected-status'
  | 'too-large'
  | 'too-many'
  /** Not UTF-8, not JSON, not an array, or a bad node name (`line` says where, for text). */
  | 'malformed';

/** A node source's failure; its message says what happened and, where it can, what to change. */
export class NodeSourceError extends Error {
  override readonly name = 'NodeSourceError';
  readonly kind: NodeSourceErrorKind;
  /** The line of a plain-text list that was refused (1-based). */
  readonly line: number | undefined;

  constructor(kind: NodeSourceErrorKind, message: string, line?: number) {
    super(message);
    this.kind = kind;
    this.line = line;
  }
}

export const defaultMaxNodes = 100_000;

export interface NodeListLimits {
  /** The most bytes a list may have; default 16 MiB (`defaultMaxBytes`). */
  maxBytes: number;
  /** The most distinct nodes a list may name; default 100,000. */
  maxNodes: number;
}

export const defaultMaxBytes = 16 * 1024 * 1024;

/** At most a DNS name's length, so that a node's name fits in a certificate's SAN. */
const maxNameLength = 253;

/**
 * Why `name` cannot be a node's name, or undefined when it can. A name is 1 to 253 letters,
 * digits, `.`, `-`, `_` and `:` (so it is safe in a DNS SAN and as one URL path segment), and
 * not only dots (`.` and `..` are path steps, not names).
 */
export function nodeNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > maxNameLength) {
    return `is ${name.length} characters long, more than ${maxNameLength}`;
  }
  const bad = /[^A-Za-z0-9._:-]/.exec(name);
  if (bad) {
    return `holds ${JSON.stringify(bad[0])}, but a node name may hold only letters, digits and . - _ :`;
  }
  if (/^\.+$/.test(name)) return 'is only dots, which a URL path reads as a directory step';
  return undefined;
}

/**
 * The nodes a list names, in the order of their first mention. Three formats, told apart by the
 * first character that is not white space:
 *
 * - `[` a JSON array of names, `["web-1", "web-2"]`;
 * - `[` a JSON array of objects with a `name` (or else `id`) string, `[{"name": "web-1"}]`;
 *   their other fields are ignored;
 * - anything else: plain text, one name per line; white space around a name is trimmed, blank
 *   lines are skipped and `#` starts a comment to the end of the line.
 *
 * The content type is not consulted (S3 objects are often `application/octet-stream`). Names
 * keep their case and only exact duplicates are merged: a name is what the customer's node
 * presents and asks for, and `Web-1` and `web-1` are two names to them even if DNS would not
 * tell them apart. An empty list is a list of no nodes. Throws a `NodeSourceError`: `malformed`
 * naming the first bad line (or array element) and why, or `too-many` past `maxNodes`.
 *
 * @example
 * parseNodeList('# rack 1\nweb-1\nweb-2  # spare\n\nweb-1\n'); // ['web-1', 'web-2']
 */
export function parseNodeList(
  body: Buffer | string,
  limits: Partial<NodeListLimits> = {},
): string[] {
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  const nodes = new NodeCollector(limits.maxNodes ?? defaultMaxNodes);
  if (/^\s*[[{]/.test(text)) {
    readJsonList(text, nodes);
  } else {
    readLines(text, nodes);
  }
  return nodes.list();
}

/** The distinct names seen so far, refusing one past the maximum. */
class NodeCollector {
  readonly #names = new Set<string>();
  readonly #maxNodes: number;

  constructor(maxNodes: number) {
    this.#maxNodes = maxNodes;
  }

  add(name: string, where: string, line?: number): void {
    const problem = nodeNameProblem(name);
    if (problem) {
      throw new NodeSourceError('malformed', `${where}: ${quoted(name)} ${problem}`, line);
    }
    this.#names.add(name);
    if (this.#names.size > this.#maxNodes) {
      throw new NodeSourceError(
        'too-many',
        `${where}: the list names more than ${this.#maxNodes} nodes, the most a service may have`,
        line,
      );
    }
  }

  list(): string[] {
    return [...this.#names];
  }
}

/** A name in an error message, cut short: it may be a whole garbled file on one line. */
function quoted(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

function decodeUtf8(body: Buffer): string {
  try {
    // Fatal: a byte that is not UTF-8 refuses the list rather than becoming U+FFFD in a name.
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new NodeSourceError('malformed', 'the list is not UTF-8 text');
  }
}

function readLines(text: string, nodes: NodeCollector): void {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    // No name holds "#", so a comment can start anywhere.
    const name = line.split('#', 1)[0]?.trim() ?? '';
    if (name) nodes.add(name, `line ${index + 1}`, index + 1);
  }
}

function readJsonList(text: string, nodes: NodeCollector): void {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new NodeSourceError(
      'malformed',
      `the list is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(document)) {
    throw new NodeSourceError(
      'malformed',
      'the list is a JSON document but not an array: write ["web-1", "web-2"] or [{"name": "web-1"}]',
    );
  }
  for (const [index, item] of document.entries()) {
    const where = `element ${index + 1} of the array`;
    nodes.add(nameOfItem(item, where), where);
  }
}

function nameOfItem(item: unknown, where: string): string {
  if (typeof item === 'string') return item;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new NodeSourceError(
      'malformed',
      `${where} is ${item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`}, not a name or an object with a "name"`,
    );
  }
  const field = 'name' in item ? 'name' : 'id' in item ? 'id' : undefined;
  if (!field) throw new NodeSourceError('malformed', `${where} has neither a "name" nor an "id"`);
  const name = (item as Record<string, unknown>)[field];
  if (typeof name !== 'string') {
    throw new NodeSourceError('malformed', `${where}: its "${field}" is not a string`);
  }
  return name;
}

/**
 * What changed from the nodes a service has to the nodes its source now lists: `added` in the
 * order of `next`, `removed` in the order of `current`.
 *
 * @example
 * diffNodes(['web-1', 'web-2'], ['web-2', 'web-3']); // { added: ['web-3'], removed: ['web-1'] }
 */
export function diffNodes(
  current: Iterable<string>,
  next: readonly string[],
): { added: string[]; removed: string[] } {
  const before = new Set(current);
  const after = new Set(next);
  return {
    added: [...after].filter((name) => !before.has(name)),
    removed: [...before].filter((name) => !after.has(name)),
  };
}
