// Load for bench/inventory.ts through Meridian's HTTP API with autocannon's API: stock adjustments
// (`POST …/inventory/adjustments`) or 3-line orders (`POST …/inventory/orders`) over the first
// `items` items of `itemsFile`, each request with its own Idempotency-Key, for `seconds`. Prints
// autocannon's JSON result (plus `statuses`) on stdout, the first refused answer on stderr. Run:
// `node bench/inventory/load.ts '<json options>'`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { adjustmentBody, orderBody } from './load-shapes.ts';

export interface LoadOptions {
  url: string;
  token: string;
  orgId: string;
  locationId: string;
  itemsFile: string;
  items: number;
  kind: 'adjustment' | 'order';
  connections: number;
  seconds: number;
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Instance {
  stop(): void;
  on(event: 'done', listener: (result: unknown) => void): void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers: Record<string, string>;
  requests: {
    method: string;
    path: string;
    setupRequest(request: Request): Request;
    onResponse(status: number, body: string): void;
  }[];
}) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const items = (JSON.parse(readFileSync(options.itemsFile, 'utf8')) as string[]).slice(
  0,
  options.items,
);
const base = `/v1/orgs/${options.orgId}/inventory`;
// Unique across runs too: a replayed key would answer from the kept response.
const keyPrefix = randomUUID();
let next = 0;
let firstFailure: string | undefined;
const statuses: Record<string, number> = {};

const instance = autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  timeout: 30,
  headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
  requests: [
    {
      method: 'POST',
      path: options.kind === 'adjustment' ? `${base}/adjustments` : `${base}/orders`,
      setupRequest(request) {
        const i = next++;
        const body =
          options.kind === 'adjustment'
            ? adjustmentBody(i, items, options.locationId)
            : orderBody(i, items);
        return {
          ...request,
          headers: { ...request.headers, 'idempotency-key': `${keyPrefix}-${i}` },
          body: JSON.stringify(body),
        };
      },
      onResponse(status, body) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 300) firstFailure ??= `${status} ${body.slice(0, 500)}`;
      },
    },
  ],
});
process.on('SIGTERM', () => instance.stop());

instance.on('done', (result) => {
  if (firstFailure) process.stderr.write(`  first refused answer: ${firstFailure}\n`);
  process.stdout.write(JSON.stringify({ ...(result as object), statuses }));
});
