import { createPrivateKey, X509Certificate } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A fleet of simulated nodes behind one HTTP server, for the delivery tests and the benchmark
// (bench/delivery/simulator-process.ts runs it as a process of its own). Node `web-1` is
// `POST /nodes/web-1`: a service's push URL template is `<url>/nodes/{node}`. Each node checks
// what it is pushed as a real node would before it acknowledges the version (docs/delivery.md,
// "Acknowledgements"): the certificate chains to the organisation's CA, is valid now, names
// this node in its SPIFFE ID, and matches the private key sent with it; otherwise it refuses the
// version with its reason (a NACK). Per node it keeps what it received, so that a test can say
// "every node got a distinct valid certificate" and see when renewals came.
//
// One origin for the whole fleet: Meridian's outbound pool keeps 16 connections per origin, so
// at most 16 pushes of one Meridian process reach the simulator at once (real nodes are an
// origin each). A `slow` node therefore holds one of those 16 for its delay.

/**
 * How a node answers: `ack` (after its checks); `down` (the connection is reset); `hang` (no
 * answer: Meridian's deadline ends the call); `garbage` (a 200 with an HTML page, as a proxy in front of a node may answer);
 * `wrong-version` (200 naming the version before the one sent); `refuse` (a NACK whatever it was
 * sent); `{ slowMs }` (its checks, then the answer after that delay); `{ downMs, upMs }`
 * (flapping: see `Flapping`).
 */
export type NodeBehaviour =
  | 'ack'
  | 'down'
  | 'hang'
  | 'garbage'
  | 'wrong-version'
  | 'refuse'
  | { slowMs: number }
  | Flapping;

/**
 * A flapping node: `down` for `downMs`, then `ack` for `upMs`, in turn, by the simulator's clock.
 * Each node is at its own point of the cycle (from its name's hash), so a flapping fleet comes and
 * goes a few at a time, not all at once.
 */
export interface Flapping {
  downMs: number;
  upMs: number;
}

/** One push a node received, and what it answered. */
export interface ReceivedVersion {
  version: number;
  /** When it arrived, by the simulator's `now`, ms. */
  at: number;
  /** The certificate's serial number (lower-case hex) and its end, for certificate pushes. */
  serial?: string;
  notAfter?: number;
  /** `failed`: down, hanging, garbage or a wrong version: no acknowledgement, no refusal. */
  answer: 'ack' | 'refused' | 'failed';
  /** Why the node refused it. */
  error?: string;
}

export interface SimulatorSummary {
  pushes: number;
  acknowledged: number;
  refused: number;
  failed: number;
  /** Distinct nodes with at least one acknowledged version. */
  nodesAcknowledged: number;
  /** The simulator's `now` at its first push and at its last acknowledgement, ms (0: none). */
  firstPushAt: number;
  lastAckAt: number;
}

export interface NodeSimulatorOptions {
  /** The CA every certificate must chain to (PEM)… */
  caCertificatePem?: string;
  /** …or where to read it, once, at the first certificate push: `GET /v1/delivery/authority`. */
  authority?: { meridianUrl: string; orgId: string; token: string };
  /** The time for validity checks and records (a test's travel clock). Default: `Date.now`. */
  now?: () => number;
  /** Default 0 (a free port). */
  port?: number;
}

export interface NodeSimulator {
  url: string;
  /** The push URL template for a service whose nodes this simulates: `<url>/nodes/{node}`. */
  template: string;
  /** How `node` answers from now on. */
  set(node: string, behaviour: NodeBehaviour): void;
  /**
   * How a `fraction` of all nodes answer from now on: those whose name hashes (with `salt`)
   * below it, the same nodes every time. A node `set` by name is not affected.
   */
  setFraction(fraction: number, behaviour: NodeBehaviour, salt?: string): void;
  /** Every node answers `ack` again. */
  reset(): void;
  behaviourOf(node: string): NodeBehaviour;
  /** What `node` received, oldest first. */
  history(node: string): readonly ReceivedVersion[];
  /** Every node that received something, with its history. */
  nodes(): ReadonlyMap<string, readonly ReceivedVersion[]>;
  summary(): SimulatorSummary;
  close(): Promise<void>;
}

/** The most of a push body read; a certificate push is about 3 KB. */
const maxBodyBytes = 1024 * 1024;

/** Every node that received something, as `GET /nodes` answers it. */
export interface NodeRecord {
  name: string;
  behaviour: NodeBehaviour;
  history: readonly ReceivedVersion[];
}

/**
 * Starts the simulator on 127.0.0.1. `GET /summary` answers `summary()` as JSON and `GET /nodes`
 * every node's record (`NodeRecord[]`), for a benchmark that runs it in another process.
 */
export async function startNodeSimulator(
  options: NodeSimulatorOptions = {},
): Promise<NodeSimulator> {
  const now = options.now ?? Date.now;
  const byName = new Map<string, NodeBehaviour>();
  let fractions: Array<{ fraction: number; behaviour: NodeBehaviour; salt: string }> = [];
  const histories = new Map<string, ReceivedVersion[]>();
  const totals = {
    pushes: 0,
    acknowledged: 0,
    refused: 0,
    failed: 0,
    nodesAcknowledged: 0,
    firstPushAt: 0,
    lastAckAt: 0,
  };
  let authority: Promise<X509Certificate> | undefined = options.caCertificatePem
    ? Promise.resolve(new X509Certificate(options.caCertificatePem))
    : undefined;

  function behaviourOf(node: string): NodeBehaviour {
    const named = byName.get(node);
    if (named) return named;
    for (const rule of fractions) {
      if (unitHash(`${rule.salt}:${node}`) < rule.fraction) return rule.behaviour;
    }
    return 'ack';
  }

  function caCertificate(): Promise<X509Certificate> {
    authority ??= fetchAuthority(options.authority).catch((error: unknown) => {
      authority = undefined; // read again at the next push
      throw error;
    });
    return authority;
  }

  function record(node: string, received: ReceivedVersion) {
    const history = histories.get(node) ?? [];
    if (history.length === 0) histories.set(node, history);
    if (received.answer === 'ack') {
      if (!history.some((earlier) => earlier.answer === 'ack')) totals.nodesAcknowledged++;
      totals.acknowledged++;
      totals.lastAckAt = Math.max(totals.lastAckAt, received.at);
    } else if (received.answer === 'refused') totals.refused++;
    else totals.failed++;
    history.push(received);
  }

  const summary = (): SimulatorSummary => ({ ...totals });

  const records = (): NodeRecord[] =>
    [...histories].map(([name, history]) => ({ name, behaviour: behaviourOf(name), history }));

  async function answerPush(
    node: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ) {
    const behaviour = behaviourAt(behaviourOf(node), node, now());
    if (behaviour === 'down') {
      request.socket.destroy();
      countDown(node);
      return;
    }
    const text = await readBody(request);
    const at = now();
    totals.pushes++;
    totals.firstPushAt ||= at;
    const push = parsePush(text);
    if (!push) {
      record(node, { version: 0, at, answer: 'refused', error: 'not a push' });
      return send(response, 400, { error: 'the body is not a push (JSON with a version)' });
    }
    const { version } = push;
    const checked = await checkPush(push, node, caCertificate, at);
    const received: ReceivedVersion = { version, at, ...checked.certificate, answer: 'failed' };
    if (behaviour === 'hang') {
      record(node, received); // answered by Meridian's deadline: the socket closes then
      return;
    }
    if (typeof behaviour === 'object') await delay(behaviour.slowMs);
    if (behaviour === 'garbage') {
      record(node, received);
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<html><body>Welcome to nginx!</body></html>');
    }
    if (behaviour === 'wrong-version') {
      record(node, received);
      return send(response, 200, { version: version - 1 });
    }
    const error = behaviour === 'refuse' ? 'refused by the simulator' : checked.error;
    if (error) {
      record(node, { ...received, answer: 'refused', error });
      return send(response, 422, { version, error });
    }
    record(node, { ...received, answer: 'ack' });
    send(response, 200, { version });
  }

  function countDown(node: string) {
    const at = now();
    totals.pushes++;
    totals.firstPushAt ||= at;
    record(node, { version: 0, at, answer: 'failed', error: 'down' });
  }

  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    if (request.method === 'GET' && url === '/summary') return send(response, 200, summary());
    if (request.method === 'GET' && url === '/nodes') return send(response, 200, records());
    const match = /^\/nodes\/([^/?]+)$/.exec(url);
    if (request.method !== 'POST' || !match) return send(response, 404, { error: 'no such node' });
    let node: string;
    try {
      node = decodeURIComponent(match[1] as string);
    } catch {
      return send(response, 400, { error: 'the node name is not percent-encoded UTF-8' });
    }
    answerPush(node, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 400, { error: String(error) });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    template: `${url}/nodes/{node}`,
    set: (node, behaviour) => byName.set(node, behaviour),
    setFraction(fraction, behaviour, salt = '') {
      fractions = [
        ...fractions.filter((rule) => rule.salt !== salt),
        { fraction, behaviour, salt },
      ];
    },
    reset() {
      byName.clear();
      fractions = [];
    },
    behaviourOf,
    history: (node) => histories.get(node) ?? [],
    nodes: () => histories,
    summary,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What a push carries that the checks read. */
interface Push {
  version: number;
  node?: unknown;
  kind?: unknown;
  metadata?: { certificate_pem?: unknown; private_key_pem?: unknown; spiffe_id?: unknown };
}

function parsePush(text: string): Push | undefined {
  try {
    const value = JSON.parse(text) as Push;
    return typeof value === 'object' && value !== null && Number.isInteger(value.version)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A real node's checks of what it is pushed: its own name, and for a certificate the chain to the
 * CA, validity at `at`, its SPIFFE ID naming this node, and the key sent with it. The first
 * failure is the node's error.
 */
async function checkPush(
  push: Push,
  node: string,
  caCertificate: () => Promise<X509Certificate>,
  at: number,
): Promise<{ error?: string; certificate?: { serial: string; notAfter: number } }> {
  if (push.node !== node) return { error: `pushed for ${String(push.node)}, not ${node}` };
  if (push.kind !== 'certificate') return {};
  const { certificate_pem: certificatePem, private_key_pem: keyPem } = push.metadata ?? {};
  if (typeof certificatePem !== 'string' || typeof keyPem !== 'string') {
    return { error: 'no certificate_pem and private_key_pem' };
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificatePem);
  } catch {
    return { error: 'certificate_pem does not parse' };
  }
  const serial = leaf.serialNumber.toLowerCase();
  const notAfter = Date.parse(leaf.validTo);
  const certificate = { serial, notAfter };
  const ca = await caCertificate();
  if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) {
    return { certificate, error: 'the certificate is not signed by the organisation CA' };
  }
  if (at < Date.parse(leaf.validFrom) || at > notAfter) {
    return { certificate, error: `the certificate is not valid now (${leaf.validTo})` };
  }
  const uri = /URI:(spiffe:\/\/[^,\s]+)/.exec(leaf.subjectAltName ?? '')?.[1];
  if (!uri || decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) !== node) {
    return { certificate, error: `the certificate names ${uri ?? 'no SPIFFE ID'}, not ${node}` };
  }
  try {
    if (!leaf.checkPrivateKey(createPrivateKey(keyPem))) {
      return { certificate, error: 'the private key does not match the certificate' };
    }
  } catch {
    return { certificate, error: 'private_key_pem does not parse' };
  }
  return { certificate };
}

async function fetchAuthority(
  authority: NodeSimulatorOptions['authority'],
): Promise<X509Certificate> {
  if (!authority) throw new Error('the simulator has no CA certificate and no authority to ask');
  const response = await fetch(
    `${authority.meridianUrl}/v1/delivery/authority?org_id=${authority.orgId}`,
    { headers: { authorization: `Bearer ${authority.token}` } },
  );
  if (response.status !== 200) throw new Error(`the authority answered ${response.status}`);
  const { certificate_pem } = (await response.json()) as { certificate_pem: string };
  return new X509Certificate(certificate_pem);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error(`a push larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a node does with a push arriving at `at`: a flapping node is then down or acknowledging. */
function behaviourAt(
  behaviour: NodeBehaviour,
  node: string,
  at: number,
): Exclude<NodeBehaviour, Flapping> {
  if (typeof behaviour !== 'object' || !('downMs' in behaviour)) return behaviour;
  const cycle = behaviour.downMs + behaviour.upMs;
  const position = (at + unitHash(`flapping:${node}`) * cycle) % cycle;
  return position < behaviour.downMs ? 'down' : 'ack';
}

/**
 * A name's place in [0, 1), stable across runs and processes: FNV-1a, then MurmurHash3's
 * finaliser, without which names differing in their last character land close together.
 */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
