import { randomBytes } from 'node:crypto';
import { inventoryModule } from '../src/inventory/module.ts';
import type { Database } from '../src/platform/db/database.ts';
import {
  type Api,
  type ApiResponse,
  apiClient,
  signUp,
  startTestServer,
  type TestStartOptions,
} from './helpers.ts';

// What inventory's tests share: a Meridian with the inventory module, an organisation with its
// owner, and the calls that set up a catalogue (items, locations) and stock through the API.

export interface Shop {
  api: Api;
  /** The test server's pool, for what only SQL can check (the ledger's trigger, invariants). */
  database: Database;
  url: string;
  orgId: string;
  owner: { id: string; token: string };
  /** `/v1/orgs/<org>/inventory` + `path`. */
  path(path: string): string;
  /** Calls the inventory API as the owner (or `token`). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<ApiResponse>;
  createItem(fields?: Record<string, unknown>): Promise<{ id: string; sku: string }>;
  createLocation(fields?: Record<string, unknown>): Promise<{ id: string; name: string }>;
  /** Puts `quantity` on hand (a `restock` adjustment) at the level of `itemId` and `locationId`. */
  stock(itemId: string, locationId: string, quantity: number): Promise<void>;
}

/** A test server with inventory, and an organisation owned by a new user. */
export async function startShop(options: TestStartOptions = {}): Promise<Shop> {
  const server = await startTestServer({ ...options, systems: [inventoryModule] });
  return openShop(apiClient(server.url), server);
}

/** A new owner and organisation on a running Meridian at `url`. */
export async function openShop(
  api: Api,
  { url, database }: { url: string; database: Database },
): Promise<Shop> {
  const owner = await signUp(api, 'owner');
  const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Shop' } });
  if (org.status !== 201) throw new Error(`organisation: ${JSON.stringify(org.body)}`);
  const orgId = org.body.id as string;
  const path = (rest: string) => `/v1/orgs/${orgId}/inventory${rest}`;
  const call = (method: string, rest: string, body?: unknown, token = owner.token) =>
    api(method, path(rest), { token, body });
  const created = async (response: ApiResponse) => {
    if (response.status !== 201) throw new Error(`create: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  return {
    api,
    database,
    url,
    orgId,
    owner,
    path,
    call,
    createItem: async (fields = {}) =>
      created(
        await call('POST', '/items', {
          sku: `SKU-${randomBytes(4).toString('hex')}`,
          name: 'Widget',
          ...fields,
        }),
      ),
    createLocation: async (fields = {}) =>
      created(
        await call('POST', '/locations', {
          name: `Warehouse ${randomBytes(3).toString('hex')}`,
          ...fields,
        }),
      ),
    async stock(itemId, locationId, quantity) {
      const response = await call('POST', '/adjustments', {
        item_id: itemId,
        location_id: locationId,
        delta: quantity,
        reason: 'restock',
      });
      if (response.status !== 200) throw new Error(`stock: ${JSON.stringify(response.body)}`);
    },
  };
}
