import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryTest, startDelivery } from '../../test/delivery-harness.ts';
import { apiClient, expectProblem, signUp, startTestServer } from '../../test/helpers.ts';
import { deliveryModule } from './module.ts';

// Onboarding through the API: services created, read, listed, changed and removed; hostile and
// malformed input answered with the problem that names the field; another organisation's
// service is a 404.

let t: DeliveryTest;
const template = 'https://{node}.nodes.acme.example/meridian';
const service = (fields: Record<string, unknown> = {}) =>
  t.call('POST', '/v1/delivery/services', {
    org_id: t.orgId,
    name: `payments-${randomUUID().slice(0, 8)}`,
    kind: 'certificate',
    lifetime_minutes: 60,
    push_url_template: template,
    ...fields,
  });

beforeAll(async () => {
  t = await startDelivery();
});

describe('onboarding a service', () => {
  it('creates a certificate service with the default window, and its organisation CA', async () => {
    const created = await service({ name: 'payments' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'payments',
      kind: 'certificate',
      lifetime_minutes: 60,
      renewal_window: { start: 0.5, end: 0.6, danger_at: 0.9 },
      mode: 'push',
      concurrency: 8,
      node_source: null,
      version: 1,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const authority = await t.call('GET', `/v1/delivery/authority?org_id=${t.orgId}`);
    expect(authority.body.certificate_pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const read = await t.call('GET', `/v1/delivery/services/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    const listed = await t.call('GET', `/v1/delivery/services?org_id=${t.orgId}&limit=100`);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
  });

  it('takes a window of its own, and notes a window that is a single point', async () => {
    const created = await service({ renewal_window: { start: 0.4, end: 0.4, danger_at: 0.8 } });
    expect(created.status).toBe(201);
    expect(created.body.renewal_window).toEqual({ start: 0.4, end: 0.4, danger_at: 0.8 });
    expect(created.body.notes[0]).toMatch(/single point/);
  });

  it('refuses a second service of the same name, whatever its case', async () => {
    await service({ name: 'Billing' });
    expectProblem(await service({ name: 'billing' }), 'service-name-taken');
  });

  it('changes a service, guarded by its version, and removes it', async () => {
    const created = await service();
    const id = created.body.id;
    const changed = await t.call('PATCH', `/v1/delivery/services/${id}`, {
      concurrency: 2,
      renewal_window: { start: 0.3 },
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ concurrency: 2, version: 2 });
    expect(changed.body.renewal_window).toEqual({ start: 0.3, end: 0.6, danger_at: 0.9 });
    const stale = await t.call('PATCH', `/v1/delivery/services/${id}`, {
      concurrency: 3,
      version: 1,
    });
    expectProblem(stale, 'version-conflict');
    expect((await t.call('DELETE', `/v1/delivery/services/${id}`)).status).toBe(204);
    expectProblem(await t.call('GET', `/v1/delivery/services/${id}`), 'not-found');
  });
});

describe('hostile and malformed input', () => {
  it('refuses a name that is not a SPIFFE path segment, naming the field', async () => {
    for (const name of ['../etc', 'a/b', 'payments service', '.hidden', 'ünï']) {
      const body = expectProblem(await service({ name }), 'invalid-service');
      expect(body.errors[0].field).toBe('body/name');
    }
    expectProblem(await service({ name: 'bad\u202ename' }), 'invalid-service');
  });

  it('refuses a window outside (0, 1) or out of order, saying what was meant', async () => {
    const percent = expectProblem(
      await service({ renewal_window: { start: 50, end: 60 } }),
      'invalid-service',
    );
    expect(percent.errors).toContainEqual({
      field: 'body/renewal_window/start',
      message: expect.stringContaining('50% is 0.5'),
    });
    const zero = expectProblem(await service({ renewal_window: { start: 0 } }), 'invalid-service');
    expect(zero.errors[0].field).toBe('body/renewal_window/start');
    const order = expectProblem(
      await service({ renewal_window: { start: 0.5, end: 0.9, danger_at: 0.8 } }),
      'invalid-service',
    );
    expect(order.errors[0].field).toBe('body/renewal_window/danger_at');
    expect(order.errors[0].message).not.toMatch(/dangerAt/);
  });

  it('refuses unknown fields, a lifetime of 0 and a wrong kind as validation errors', async () => {
    expectProblem(await service({ colour: 'red' }), 'validation-failed');
    expectProblem(await service({ renewal_window: { dangerAt: 0.95 } }), 'validation-failed');
    expectProblem(await service({ lifetime_minutes: 0 }), 'validation-failed');
    expectProblem(await service({ lifetime_minutes: 1.5 }), 'validation-failed');
    expectProblem(await service({ kind: 'tarot' }), 'validation-failed');
    expectProblem(await service({ mode: 'carrier-pigeon' }), 'validation-failed');
    expectProblem(await service({ org_id: 'not-a-uuid' }), 'validation-failed');
  });

  it('refuses fields that do not fit the kind', async () => {
    const fetched = expectProblem(await service({ kind: 'fetched' }), 'invalid-service');
    expect(fetched.errors[0].field).toBe('body/fetch_url_template');
    const extra = expectProblem(await service({ static_metadata: { a: 1 } }), 'invalid-service');
    expect(extra.errors[0].field).toBe('body/static_metadata');
  });

  it('refuses URL templates that are not URLs, and bad node sources', async () => {
    const notUrl = expectProblem(
      await service({ push_url_template: 'nodes/{node}' }),
      'invalid-service',
    );
    expect(notUrl.errors[0].field).toBe('body/push_url_template');
    const ftp = expectProblem(
      await service({ node_source: { location: 'ftp://acme.example/nodes' } }),
      'invalid-service',
    );
    expect(ftp.errors[0].field).toBe('body/node_source/location');
    const bucket = expectProblem(
      await service({ node_source: { location: 's3://Bad_Bucket/nodes.txt' } }),
      'invalid-service',
    );
    expect(bucket.errors[0].message).toMatch(/bucket name/);
    const keyless = expectProblem(
      await service({ node_source: { location: 's3://acme-fleet/nodes.txt' } }),
      'invalid-service',
    );
    expect(keyless.errors[0].field).toBe('body/node_source/access_key_id');
  });

  it('keeps secrets out of answers: an S3 key is sealed, never shown', async () => {
    const created = await service({
      node_source: {
        location: 's3://acme-fleet/prod/nodes.txt',
        // Nothing listens there: the read that follows fails at once, without the network.
        s3_endpoint: 'http://127.0.0.1:9',
        access_key_id: 'AKIAEXAMPLE',
        secret_access_key: 'very-secret-key',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.node_source).toMatchObject({
      location: 's3://acme-fleet/prod/nodes.txt',
      has_credentials: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/AKIAEXAMPLE|very-secret-key/);
    const { rows } = await t.server.database.pool.query(
      'SELECT source_credentials FROM delivery_services WHERE id = $1',
      [created.body.id],
    );
    expect(rows[0].source_credentials).toMatch(/^v1\./);
    expect(rows[0].source_credentials).not.toMatch(/very-secret-key/);
  });
});

describe('organisations', () => {
  it("answers another organisation's service as one that does not exist", async () => {
    const created = await service();
    const stranger = await signUp(t.api, 'stranger');
    const path = `/v1/delivery/services/${created.body.id}`;
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { concurrency: 1 }],
      ['DELETE', '', undefined],
      ['GET', '/status', undefined],
      ['GET', '/nodes', undefined],
      ['POST', '/nodes', { name: 'web-1' }],
    ] as const) {
      expectProblem(await t.call(method, `${path}${suffix}`, body, stranger.token), 'not-found');
    }
    expectProblem(
      await t.call(
        'POST',
        '/v1/delivery/services',
        {
          org_id: t.orgId,
          name: 'x',
          kind: 'static',
          lifetime_minutes: 1,
          push_url_template: template,
          static_metadata: {},
        },
        stranger.token,
      ),
      'not-found',
    );
    expectProblem(
      await t.call('GET', `/v1/delivery/services?org_id=${t.orgId}`, undefined, stranger.token),
      'not-found',
    );
    expectProblem(await t.call('GET', `/v1/delivery/services/${randomUUID()}`), 'not-found');
  });

  it('lets members read and only owners and admins change', async () => {
    const created = await service();
    const member = await signUp(t.api, 'member');
    const added = await t.call('POST', `/v1/orgs/${t.orgId}/members`, {
      email: member.email,
      role: 'member',
    });
    expect(added.status).toBe(201);
    const path = `/v1/delivery/services/${created.body.id}`;
    expect((await t.call('GET', path, undefined, member.token)).status).toBe(200);
    expectProblem(await t.call('PATCH', path, { concurrency: 1 }, member.token), 'forbidden');
    expectProblem(
      await t.call('POST', `${path}/nodes`, { name: 'web-1' }, member.token),
      'forbidden',
    );
  });
});

describe('private targets', () => {
  it('refuses URL templates and sources on private addresses unless the operator allows them', async () => {
    const server = await startTestServer({
      systems: [deliveryModule],
      env: { DELIVERY_KEY_SECRET: 'x'.repeat(40), OUTBOUND_ALLOW_PRIVATE: 'false' },
    });
    const api = apiClient(server.url);
    const owner = await signUp(api, 'careful');
    const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Careful' } });
    const create = (fields: Record<string, unknown>) =>
      api('POST', '/v1/delivery/services', {
        token: owner.token,
        body: {
          org_id: org.body.id,
          name: `svc-${randomUUID().slice(0, 8)}`,
          kind: 'static',
          static_metadata: {},
          lifetime_minutes: 60,
          push_url_template: template,
          ...fields,
        },
      });
    for (const url of [
      'https://127.0.0.1/{node}',
      'https://[::1]:8443/push',
      'https://169.254.169.254/latest',
    ]) {
      expectProblem(await create({ push_url_template: url }), 'target-refused');
    }
    const http = expectProblem(
      await create({ push_url_template: 'http://nodes.acme.example/{node}' }),
      'invalid-service',
    );
    expect(http.errors[0].message).toMatch(/https/);
    expectProblem(
      await create({ node_source: { location: 'https://10.0.0.8/nodes.txt' } }),
      'target-refused',
    );
    expect((await create({})).status).toBe(201);
  });
});
