import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  type SourceServer,
  startDelivery,
  startNodeFleet,
  startSourceServer,
} from '../../test/delivery-harness.ts';

// A service's nodes from its node source, an HTTP server with ETags: nodes added and removed as
// the list changes, an unchanged list read as a 304, and every failed or suspicious read leaving
// the nodes as they were (DELIVERY_SOURCE_SYNC_SECONDS is 1 here).

let t: DeliveryTest;
let fleet: NodeFleet;
const poll = { timeout: 15_000, interval: 50 };

beforeAll(async () => {
  t = await startDelivery();
  fleet = await startNodeFleet();
});

async function nodeNames(serviceId: string): Promise<string[]> {
  const page = await t.call('GET', `/v1/delivery/services/${serviceId}/nodes?limit=100`);
  return page.body.items.map((node: { name: string }) => node.name);
}

async function sourced(source: SourceServer, fields: Record<string, unknown> = {}) {
  return t.createService({
    push_url_template: fleet.template,
    node_source: { location: source.url, ...fields },
  });
}

const sourceOf = async (serviceId: string) =>
  (await t.call('GET', `/v1/delivery/services/${serviceId}`)).body.node_source;

describe('node sources', () => {
  it('adds and removes nodes as the list changes, and delivers to the new ones', async () => {
    const source = await startSourceServer();
    source.serve('# fleet\nsrc-a\nsrc-b  # spare\n');
    const service = await sourced(source);
    await expect.poll(() => nodeNames(service.id), poll).toEqual(['src-a', 'src-b']);
    await expect
      .poll(async () => (await t.node(service.id, 'src-a')).state, poll)
      .toBe('acknowledged');
    expect((await t.node(service.id, 'src-a')).origin).toBe('source');
    // Unchanged: read again with its ETag, answered 304.
    await expect.poll(() => source.notModified, poll).toBeGreaterThanOrEqual(2);
    expect(await sourceOf(service.id)).toMatchObject({ etag: '"1"', error: null });
    source.serve('["src-b", "src-c"]');
    await expect.poll(() => nodeNames(service.id), poll).toEqual(['src-b', 'src-c']);
    await expect
      .poll(async () => (await t.node(service.id, 'src-c')).state, poll)
      .toBe('acknowledged');
  });

  it('keeps every node when a read fails or the list is malformed, and says why', async () => {
    const source = await startSourceServer();
    source.serve('keep-1\nkeep-2\n');
    const service = await sourced(source);
    await expect.poll(() => nodeNames(service.id), poll).toEqual(['keep-1', 'keep-2']);
    source.fail(503);
    await expect.poll(async () => (await sourceOf(service.id)).error, poll).toMatch(/503/);
    expect(await nodeNames(service.id)).toEqual(['keep-1', 'keep-2']);
    source.serve('keep-1\nnot a name!\n');
    await expect.poll(async () => (await sourceOf(service.id)).error, poll).toMatch(/line 2/);
    expect(await nodeNames(service.id)).toEqual(['keep-1', 'keep-2']);
    const status = await t.call('GET', `/v1/delivery/services/${service.id}/status`);
    expect(status.body.node_source.error).toMatch(/line 2/);
  });

  it('refuses to empty a service by an empty list, unless the service allows it', async () => {
    const source = await startSourceServer();
    source.serve('only-1\n');
    const careful = await sourced(source);
    await expect.poll(() => nodeNames(careful.id), poll).toEqual(['only-1']);
    source.serve('');
    await expect
      .poll(async () => (await sourceOf(careful.id)).error, poll)
      .toMatch(/lists no nodes/);
    expect(await nodeNames(careful.id)).toEqual(['only-1']);

    const other = await startSourceServer();
    other.serve('gone-1\n');
    const allowing = await sourced(other, { allow_empty: true });
    await expect.poll(() => nodeNames(allowing.id), poll).toEqual(['gone-1']);
    other.serve('[]');
    await expect.poll(() => nodeNames(allowing.id), poll).toEqual([]);
    expect((await sourceOf(allowing.id)).error).toBeNull();
  });

  it('takes no node registered through the API for a service with a source', async () => {
    const source = await startSourceServer();
    source.serve('listed-1\n');
    const service = await sourced(source);
    const response = await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, {
      name: 'extra',
    });
    expect(response.status).toBe(409);
    await expect.poll(() => nodeNames(service.id), poll).toEqual(['listed-1']);
    const removal = await t.call('DELETE', `/v1/delivery/services/${service.id}/nodes/listed-1`);
    expect(removal.status).toBe(409);
    const sync = await t.call('POST', `/v1/delivery/services/${service.id}/source/sync`);
    expect(sync.status).toBe(202);
  });
});
