import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  type SourceServer,
  startDelivery,
  startNodeFleet,
  startSourceServer,
} from '../../test/delivery-harness.ts';
import { expectProblem, signUp } from '../../test/helpers.ts';

// The brief's calls, /Register, /Refresh and /GetMetaData, as aliases of the clean API: fields in
// the body or the query, the service by id or by name, real nodes and a real node source.

let t: DeliveryTest;
let fleet: NodeFleet;
let source: SourceServer;
const poll = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  t = await startDelivery();
  fleet = await startNodeFleet();
  source = await startSourceServer();
  source.serve('brief-1\nbrief-2\n');
});

const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('Register', () => {
  it('onboards a certificate service from its node list, and delivers to its nodes', async () => {
    const registered = await t.call('POST', '/Register', {
      servicename_id: 'fleet',
      s3_file_link: source.url,
      push_url_template: fleet.template,
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      name: 'fleet',
      kind: 'certificate',
      lifetime_minutes: 60,
      org_id: t.orgId,
      node_source: { location: source.url },
    });
    for (const name of ['brief-1', 'brief-2']) {
      await expect
        .poll(
          async () =>
            (await t.call('GET', `/v1/delivery/services/${registered.body.id}/nodes/${name}`)).body
              .state,
          poll,
        )
        .toBe('acknowledged');
    }
  });

  it('takes its fields in the query too, but never credentials there', async () => {
    const fields = {
      servicename_id: 'by-query',
      s3_file_link: source.url,
      push_url_template: fleet.template,
    };
    const registered = await t.call('POST', `/Register?${query(fields)}`);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ name: 'by-query', kind: 'certificate' });
    const withSecret = { ...fields, servicename_id: 'leaky', secret_access_key: 'x' };
    expectProblem(await t.call('POST', `/Register?${query(withSecret)}`), 'validation-failed');
    expectProblem(await t.call('POST', '/Register', { ...fields }), 'service-name-taken');
  });

  it('refuses what the clean route refuses, and says which field is missing', async () => {
    const missing = expectProblem(
      await t.call('POST', '/Register', {
        servicename_id: 'no-link',
        push_url_template: fleet.template,
      }),
      'validation-failed',
    );
    expect(missing.detail).toContain('s3_file_link');
    expectProblem(
      await t.call('POST', '/Register', {
        s3_file_link: source.url,
        push_url_template: fleet.template,
      }),
      'validation-failed',
    );
    expectProblem(
      await t.call('POST', '/Register', {
        servicename_id: 'bad name!',
        s3_file_link: source.url,
        push_url_template: fleet.template,
      }),
      'invalid-service',
    );
    expectProblem(
      await t.call('POST', '/Register', {
        servicename_id: 'bad-link',
        s3_file_link: 'ftp://example.com/nodes',
        push_url_template: fleet.template,
      }),
      'invalid-service',
    );
    expectProblem(
      await t.call('POST', '/Register', {
        servicename_id: 'x',
        s3_file_link: source.url,
        push_url_template: fleet.template,
        rm: '-rf',
      }),
      'validation-failed',
    );
    expectProblem(await t.call('POST', '/Register', '{"servicename_id":'), 'malformed-json');
  });
});

describe('GetMetaData', () => {
  it("returns the node's current certificate and chain, never its private key", async () => {
    const byName = await t.call(
      'GET',
      `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1' })}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ node: 'brief-1', kind: 'certificate', version: 1 });
    const { metadata } = byName.body;
    expect(metadata).not.toHaveProperty('private_key_pem');
    const leaf = new X509Certificate(metadata.certificate_pem);
    expect(leaf.serialNumber.toLowerCase()).toBe(metadata.serial_number.toLowerCase());
    expect(leaf.subjectAltName).toContain('brief-1');
    expect(metadata.chain_pem).toContain('BEGIN CERTIFICATE');
    // The same through the clean route, by the service's id, and as a POST with a body.
    const serviceId = byName.body.service.id;
    const clean = await t.call('GET', `/v1/delivery/services/${serviceId}/nodes/brief-1/metadata`);
    expect(clean.body).toEqual(byName.body);
    const posted = await t.call('POST', '/GetMetaData', {
      serviceName_id: serviceId,
      node_id: 'brief-1',
    });
    expect(posted.body).toEqual(byName.body);
  });

  it('answers 404 for what is not there or not yours, and 400 for malformed calls', async () => {
    expectProblem(
      await t.call('GET', `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'ghost' })}`),
      'not-found',
    );
    expectProblem(
      await t.call('GET', `/GetMetaData?${query({ serviceName_id: 'nope', node_id: 'brief-1' })}`),
      'not-found',
    );
    expectProblem(
      await t.call('GET', `/GetMetaData?${query({ serviceName_id: 'fleet' })}`),
      'validation-failed',
    );
    expectProblem(
      await t.call('GET', `/GetMetaData?${query({ node_id: 'brief-1' })}`),
      'validation-failed',
    );
    expectProblem(
      await t.call(
        'GET',
        `/GetMetaData?${query({ serviceName_id: 'x'.repeat(500), node_id: 'a' })}`,
      ),
      'validation-failed',
    );
    expectProblem(
      await t.call(
        'GET',
        `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1', sql: "' OR 1=1" })}`,
      ),
      'validation-failed',
    );
    const stranger = await signUp(t.api, 'stranger');
    await t.api('POST', '/v1/orgs', { token: stranger.token, body: { name: 'Other' } });
    expectProblem(
      await t.call(
        'GET',
        `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1' })}`,
        undefined,
        stranger.token,
      ),
      'not-found',
    );
    expectProblem(
      await t.api('GET', '/GetMetaData?serviceName_id=fleet&node_id=brief-1'),
      'unauthorized',
    );
  });

  it('asks a caller in several organisations to name one', async () => {
    const second = await t.call('POST', '/v1/orgs', { name: 'Second' });
    expect(second.status).toBe(201);
    expectProblem(
      await t.call('GET', `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1' })}`),
      'bad-request',
    );
    const named = await t.call(
      'GET',
      `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1', org_id: t.orgId })}`,
    );
    expect(named.status).toBe(200);
  });
});

describe('Refresh', () => {
  it('adds a node and delivers to it at once, then re-delivers to it', async () => {
    const service = await t.createService({ name: 'manual', push_url_template: fleet.template });
    const added = await t.call('POST', '/Refresh', {
      serviceName_id: service.id,
      new_node_id: 'fresh-1',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'fresh-1', origin: 'api' });
    await expect
      .poll(async () => (await t.node(service.id, 'fresh-1')).current_version, poll)
      .toBe(1);
    const again = await t.call(
      'POST',
      `/Refresh?${query({ serviceName_id: service.id, new_node_id: 'fresh-1' })}`,
    );
    expect(again.status).toBe(202);
    await expect
      .poll(async () => (await t.node(service.id, 'fresh-1')).current_version, poll)
      .toBe(2);
  });

  it('refuses a node for a service whose list is the truth, and bad names', async () => {
    const fleetService = (
      await t.call(
        'GET',
        `/GetMetaData?${query({ serviceName_id: 'fleet', node_id: 'brief-1', org_id: t.orgId })}`,
      )
    ).body.service;
    expectProblem(
      await t.call('POST', '/Refresh', { serviceName_id: fleetService.id, new_node_id: 'extra' }),
      'conflict',
    );
    const service = await t.createService({ push_url_template: fleet.template });
    expectProblem(
      await t.call('POST', '/Refresh', { serviceName_id: service.id, new_node_id: 'bad/name' }),
      'invalid-service',
    );
    expectProblem(
      await t.call('POST', '/Refresh', { serviceName_id: service.id }),
      'validation-failed',
    );
    expectProblem(
      await t.call('POST', '/Refresh', {
        serviceName_id: service.id,
        new_node_id: 'a'.repeat(300),
      }),
      'validation-failed',
    );
  });
});
