import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { deliveryModule } from '../src/delivery/module.ts';
import {
  type Api,
  type ApiResponse,
  apiClient,
  signUp,
  startTestServer,
  type TestServer,
  type TestStartOptions,
} from './helpers.ts';

// What the delivery tests share: a Meridian with the delivery module and an organisation with its
// owner; real HTTP servers on 127.0.0.1 standing for a customer's nodes (each acknowledging,
// refusing, hanging or down, as the test sets it) and for a node source with ETags.

export interface DeliveryTest {
  api: Api;
  server: TestServer;
  orgId: string;
  owner: { id: string; token: string };
  /** Calls the API as the owner (or `token`). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<ApiResponse>;
  /** Onboards a service in the organisation; fails the test unless it is created. */
  createService(fields: Record<string, unknown>): Promise<Record<string, any>>;
  /** A node's status, by the API. */
  node(serviceId: string, name: string): Promise<Record<string, any>>;
}

/** A test server with delivery: private targets allowed (the nodes are on 127.0.0.1), fast scans. */
export async function startDelivery(options: TestStartOptions = {}): Promise<DeliveryTest> {
  const server = await startTestServer({
    ...options,
    env: {
      DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
      OUTBOUND_ALLOW_PRIVATE: 'true',
      DELIVERY_SCAN_MS: '100',
      DELIVERY_SOURCE_SYNC_SECONDS: '1',
      ...options.env,
    },
    systems: [deliveryModule],
  });
  const api = apiClient(server.url);
  const owner = await signUp(api, 'owner');
  const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
  if (org.status !== 201) throw new Error(`organisation: ${JSON.stringify(org.body)}`);
  const call = (method: string, path: string, body?: unknown, token = owner.token) =>
    api(method, path, { token, body });
  return {
    api,
    server,
    orgId: org.body.id,
    owner,
    call,
    async createService(fields) {
      const created = await call('POST', '/v1/delivery/services', {
        org_id: org.body.id,
        name: `svc-${randomBytes(4).toString('hex')}`,
        kind: 'static',
        static_metadata: { tier: 'gold' },
        lifetime_minutes: 60,
        ...fields,
      });
      if (created.status !== 201) throw new Error(`service: ${JSON.stringify(created.body)}`);
      return created.body;
    },
    async node(serviceId, name) {
      const response = await call('GET', `/v1/delivery/services/${serviceId}/nodes/${name}`);
      if (response.status !== 200) throw new Error(`node: ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}

/** How a test node answers a push. */
export type NodeBehaviour = 'ack' | 'refuse' | 'hang' | 'down';

/** One push a node received. */
export interface ReceivedPush {
  node: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, any>;
}

export interface NodeFleet {
  /** The push URL template for the services under test: `http://127.0.0.1:<port>/push/{node}`. */
  template: string;
  received: ReceivedPush[];
  /** How `node` answers from now on (default `ack`). */
  set(node: string, behaviour: NodeBehaviour): void;
  /** Pushes being answered now, and the most seen at once, by the path's first segment. */
  inFlight: Map<string, number>;
  maxInFlight: Map<string, number>;
}

/**
 * A real HTTP server standing for every node: `POST /push/<node>` (or `/push/<group>/<node>`,
 * to count concurrency per group) acknowledges the version sent, refuses it with an error (a
 * NACK), hangs without answering, or resets the connection (down). Closed after the file.
 */
export async function startNodeFleet(): Promise<NodeFleet> {
  const behaviours = new Map<string, NodeBehaviour>();
  const fleet: Omit<NodeFleet, 'template'> = {
    received: [],
    set: (node, behaviour) => behaviours.set(node, behaviour),
    inFlight: new Map(),
    maxInFlight: new Map(),
  };
  const server = http.createServer(async (request, response) => {
    const parts = (request.url ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    const node = parts.at(-1) ?? '';
    const group = parts.length > 2 ? (parts[1] as string) : node;
    const behaviour = behaviours.get(node) ?? 'ack';
    if (behaviour === 'down') {
      request.socket.destroy();
      return;
    }
    const now = (fleet.inFlight.get(group) ?? 0) + 1;
    fleet.inFlight.set(group, now);
    fleet.maxInFlight.set(group, Math.max(now, fleet.maxInFlight.get(group) ?? 0));
    response.on('close', () => fleet.inFlight.set(group, (fleet.inFlight.get(group) ?? 1) - 1));
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    fleet.received.push({ node, headers: request.headers, body });
    if (behaviour === 'hang') return;
    response.setHeader('content-type', 'application/json');
    if (behaviour === 'refuse') {
      response.statusCode = 422;
      response.end(
        JSON.stringify({ version: body.version - 1, error: 'cannot parse certificate' }),
      );
      return;
    }
    response.end(JSON.stringify({ version: body.version }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return { ...fleet, template: `http://127.0.0.1:${port}/push/{node}` };
}

/** A node source over HTTP: serves `list` with an ETag, answers 304 to it, or fails on demand. */
export interface SourceServer {
  url: string;
  /** Serves this text from now on (a new ETag). */
  serve(text: string): void;
  /** Answers this status instead of the list until `serve` is called again. */
  fail(status: number): void;
  /** Requests seen, and how many were answered 304. */
  requests: number;
  notModified: number;
}

export async function startSourceServer(): Promise<SourceServer> {
  let text = '';
  let etag = '"0"';
  let failing: number | undefined;
  const state = { requests: 0, notModified: 0 };
  const server = http.createServer((request, response) => {
    state.requests++;
    if (failing) {
      response.statusCode = failing;
      response.end('broken');
    } else if (request.headers['if-none-match'] === etag) {
      state.notModified++;
      response.statusCode = 304;
      response.end();
    } else {
      response.setHeader('etag', etag);
      response.end(text);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  let version = 0;
  return {
    url: `http://127.0.0.1:${port}/nodes.txt`,
    serve(next) {
      text = next;
      etag = `"${++version}"`;
      failing = undefined;
    },
    fail(status) {
      failing = status;
    },
    get requests() {
      return state.requests;
    },
    get notModified() {
      return state.notModified;
    },
  };
}
