import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
  waitForJobState,
} from '../../../test/helpers.ts';
import { transaction } from '../db/database.ts';
import type { JobState } from '../jobs/spec.ts';

// Web Push against a local HTTP server playing the push service. The test holds the browser's
// side of the subscription (a P-256 key pair and an auth secret), decrypts each message by hand
// per RFC 8291 (aes128gcm), and checks the VAPID header per RFC 8292 (an ES256 JWT whose key is
// the one Meridian publishes). 410 removes the subscription; 500 retries until dead.

interface PushRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const pushed: PushRequest[] = [];
/** Status the push service answers, by path. */
const answers = new Map<string, number>();
let pushService: Server;
let pushOrigin: string;
let server: TestServer;
let api: Api;
let operator: string;
const env = {
  OUTBOUND_ALLOW_PRIVATE: 'true',
  VAPID_SUBJECT: 'mailto:ops@meridian.test',
  NOTIFY_MAX_ATTEMPTS: '2',
  NOTIFY_RETRY_BASE_MS: '20',
};

beforeAll(async () => {
  pushService = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    pushed.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
    response.writeHead(answers.get(path) ?? 201).end();
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
  server = await startTestServer({ env });
  api = apiClient(server.url);
  operator = (await signUpOperator(api, server)).token;
});
afterAll(() => new Promise((resolve) => pushService.close(resolve)));

/** A browser's side of a subscription: the key pair and auth secret it keeps. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: (endpoint: string) => ({
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    }),
  };
}

/** RFC 8291 §3.4 and RFC 8188: undoes what the application server did, with the browser's keys. */
function decryptPush(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20]!;
  const serverPublicKey = body.subarray(21, 21 + keyIdLength);
  const ciphertext = body.subarray(21 + keyIdLength);
  expect(recordSize).toBeGreaterThanOrEqual(ciphertext.length);
  const sharedSecret = ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    ecdh.getPublicKey(),
    serverPublicKey,
  ]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  const end = padded.lastIndexOf(2);
  expect(padded.subarray(end + 1).every((byte) => byte === 0)).toBe(true);
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`; returns the JWT's claims once verified. */
function verifyVapid(header: string | undefined, publicKey: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  expect(match, header).not.toBeNull();
  const [, jwt, key] = match!;
  expect(key).toBe(publicKey);
  const [head, claims, signature] = jwt!.split('.') as [string, string, string];
  expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({
    typ: 'JWT',
    alg: 'ES256',
  });
  const point = Buffer.from(publicKey, 'base64url');
  const verifier = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: verifier, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
    aud: string;
    exp: number;
    sub: string;
  };
}

async function notify(userId: string, title: string, data: unknown = {}): Promise<number[]> {
  const { jobIds } = await transaction(server.database.db, (tx) =>
    server.server.core.notify.send(tx, { userId, event: 'test.push', title, body: 'b', data }),
  );
  return jobIds;
}

const waitForJob = (id: number, state: JobState) =>
  waitForJobState(server.server.core.jobs, id, state, 15_000);

/** Only push: so that each send makes one job per subscription. */
async function pushOnly(token: string) {
  const saved = await api('PUT', '/v1/notifications/preferences', {
    token,
    body: { default_channels: ['push'], events: {} },
  });
  expect(saved.status).toBe(200);
}

describe('the VAPID key', () => {
  it('is made once, kept in the database, and the same for every process', async () => {
    const first = await api('GET', '/v1/push/vapid-public-key');
    expect(first.status).toBe(200);
    const key = Buffer.from(first.body.public_key, 'base64url');
    expect(key.length).toBe(65);
    expect(key[0]).toBe(4);
    // A second process on the same database (it runs delivery jobs too, so it is configured alike).
    const second = await startTestServer({ databaseUrl: server.databaseUrl, env });
    const other = await apiClient(second.url)('GET', '/v1/push/vapid-public-key');
    expect(other.body.public_key).toBe(first.body.public_key);
  });
});

describe('delivery', () => {
  it('sends a message only the subscription can decrypt, signed with the VAPID key', async () => {
    const user = await signUp(api, 'pushed');
    await pushOnly(user.token);
    const browser = browserKeys();
    const registered = await api('POST', '/v1/push/subscriptions', {
      token: user.token,
      body: browser.json(`${pushOrigin}/push/ok-1`),
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const [jobId] = await notify(user.id, 'Build finished', { build: 42 });
    await waitForJob(jobId!, 'completed');

    const request = pushed.find((entry) => entry.path === '/push/ok-1')!;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    const message = JSON.parse(decryptPush(request.body, browser.ecdh, browser.auth));
    expect(message).toMatchObject({
      event: 'test.push',
      title: 'Build finished',
      body: 'b',
      data: { build: 42 },
    });
    expect(() => decryptPush(request.body, browserKeys().ecdh, browser.auth)).toThrow();

    const { public_key } = (await api('GET', '/v1/push/vapid-public-key')).body;
    const claims = verifyVapid(request.headers.authorization, public_key);
    expect(claims.aud).toBe(pushOrigin);
    expect(claims.sub).toBe('mailto:ops@meridian.test');
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600);
  });

  it('cuts a message too big for a push service, keeping the title', async () => {
    const user = await signUp(api, 'verbose');
    await pushOnly(user.token);
    const browser = browserKeys();
    await api('POST', '/v1/push/subscriptions', {
      token: user.token,
      body: browser.json(`${pushOrigin}/push/big`),
    });
    const [jobId] = await notify(user.id, 'Big report', { rows: 'x'.repeat(10_000) });
    await waitForJob(jobId!, 'completed');
    const request = pushed.find((entry) => entry.path === '/push/big')!;
    expect(request.body.length).toBeLessThan(4096);
    const message = JSON.parse(decryptPush(request.body, browser.ecdh, browser.auth));
    expect(message).toMatchObject({ title: 'Big report', body: 'b', truncated: true });
    expect(message).not.toHaveProperty('data');
  });

  it('removes a subscription the push service says is gone (410)', async () => {
    const user = await signUp(api, 'gone');
    await pushOnly(user.token);
    answers.set('/push/gone', 410);
    const registered = await api('POST', '/v1/push/subscriptions', {
      token: user.token,
      body: browserKeys().json(`${pushOrigin}/push/gone`),
    });
    const kept = await api('POST', '/v1/push/subscriptions', {
      token: user.token,
      body: browserKeys().json(`${pushOrigin}/push/kept`),
    });
    const jobIds = await notify(user.id, 'Anyone there?');
    expect(jobIds.length).toBe(2);
    for (const id of jobIds) await waitForJob(id, 'completed');
    const list = await api('GET', '/v1/push/subscriptions', { token: user.token });
    expect(list.body.items.map((item: any) => item.id)).toEqual([kept.body.id]);
    expect(registered.body.id).not.toBe(kept.body.id);
    expect((await notify(user.id, 'Again')).length).toBe(1);
  });

  it('retries a push service that fails (500), then keeps the delivery dead and visible', async () => {
    const user = await signUp(api, 'failing');
    await pushOnly(user.token);
    answers.set('/push/broken', 500);
    await api('POST', '/v1/push/subscriptions', {
      token: user.token,
      body: browserKeys().json(`${pushOrigin}/push/broken`),
    });
    const [jobId] = await notify(user.id, 'Will it arrive?');
    const job = await waitForJob(jobId!, 'dead');
    expect(job.errors.map((error) => error.error)).toEqual([
      'push service answered 500: ',
      'push service answered 500: ',
    ]);
    expect(pushed.filter((entry) => entry.path === '/push/broken').length).toBe(2);
    const dead = await api('GET', '/v1/admin/jobs?state=dead&kind=notify.push', {
      token: operator,
    });
    expect(dead.body.items.map((item: any) => item.id)).toContain(jobId);
    const list = await api('GET', '/v1/push/subscriptions', { token: user.token });
    expect(list.body.items.length).toBe(1);
  });
});

describe('subscriptions', () => {
  it('registers again idempotently, lists only yours, and unregisters', async () => {
    const user = await signUp(api, 'subscriber');
    const other = await signUp(api, 'other');
    const browser = browserKeys();
    const body = browser.json(`${pushOrigin}/push/again`);
    const first = await api('POST', '/v1/push/subscriptions', { token: user.token, body });
    const again = await api('POST', '/v1/push/subscriptions', { token: user.token, body });
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ endpoint: body.endpoint, created_at: expect.any(String) });
    expect(first.body).not.toHaveProperty('keys');
    const theirs = await api('POST', '/v1/push/subscriptions', {
      token: other.token,
      body: browserKeys().json(`${pushOrigin}/push/theirs`),
    });

    const list = await api('GET', '/v1/push/subscriptions', { token: user.token });
    expect(list.body).toEqual({ items: [first.body], next_cursor: null });
    expectProblem(
      await api('DELETE', `/v1/push/subscriptions/${theirs.body.id}`, { token: user.token }),
      'not-found',
    );
    const removed = await api('DELETE', `/v1/push/subscriptions/${first.body.id}`, {
      token: user.token,
    });
    expect(removed.status).toBe(204);
    expectProblem(
      await api('DELETE', `/v1/push/subscriptions/${first.body.id}`, { token: user.token }),
      'not-found',
    );
    expect((await api('GET', '/v1/push/subscriptions', { token: user.token })).body.items).toEqual(
      [],
    );
  });

  it('refuses malformed subscriptions with a clear 4xx', async () => {
    const user = await signUp(api, 'sloppy');
    const good = browserKeys().json(`${pushOrigin}/push/x`);
    const post = (body: unknown) =>
      api('POST', '/v1/push/subscriptions', { token: user.token, body });
    const notOnCurve = Buffer.alloc(65, 7);
    notOnCurve[0] = 4;
    const cases: [unknown, 'validation-failed' | 'invalid-push-subscription' | 'target-refused'][] =
      [
        [{ endpoint: good.endpoint }, 'validation-failed'],
        [{ ...good, keys: { p256dh: good.keys.p256dh } }, 'validation-failed'],
        [{ ...good, extra: 1 }, 'validation-failed'],
        [{ ...good, keys: { ...good.keys, p256dh: 'not base64!' } }, 'invalid-push-subscription'],
        [{ ...good, keys: { ...good.keys, p256dh: 'AAAA' } }, 'invalid-push-subscription'],
        [
          { ...good, keys: { ...good.keys, p256dh: notOnCurve.toString('base64url') } },
          'invalid-push-subscription',
        ],
        [{ ...good, keys: { ...good.keys, auth: 'c2hvcnQ' } }, 'invalid-push-subscription'],
        [{ ...good, endpoint: 'not a url' }, 'target-refused'],
        [{ ...good, endpoint: 'ftp://push.example.com/x' }, 'target-refused'],
      ];
    for (const [body, problem] of cases) expectProblem(await post(body), problem);
    expectProblem(await post('{"endpoint":'), 'malformed-json');
    expectProblem(await api('POST', '/v1/push/subscriptions', { body: good }), 'unauthorized');
    expect((await api('GET', '/v1/push/subscriptions', { token: user.token })).body.items).toEqual(
      [],
    );
  });

  it('refuses a private endpoint when the operator has not allowed private targets', async () => {
    const strict = await startTestServer();
    const strictApi = apiClient(strict.url);
    const user = await signUp(strictApi, 'strict');
    for (const endpoint of [`${pushOrigin}/push/x`, 'http://localhost/push', 'http://[::1]/p']) {
      const refused = await strictApi('POST', '/v1/push/subscriptions', {
        token: user.token,
        body: browserKeys().json(endpoint),
      });
      expectProblem(refused, 'target-refused');
    }
  });
});
