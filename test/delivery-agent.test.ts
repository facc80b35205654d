import { type ChildProcess, spawn } from 'node:child_process';
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '../src/delivery/certificates/x509.ts';
import { deliveryModule } from '../src/delivery/module.ts';
import { createTravelClock } from '../src/platform/clock.ts';
import { freePort } from '../src/platform/db/embedded.ts';
import { startServer } from '../src/platform/runtime.ts';
import { type Api, apiClient, signUp, silentLog, testSetup } from './helpers.ts';

// The agent as operators run it: `meridian agent` as a process of its own, against a real
// Meridian on 127.0.0.1 that is stopped and started again on the same database and port. Its
// files are checked with node:crypto against the organisation's CA; its reload command is a
// real script; the platform clock travels to make renewals due.

const meridianBin = path.resolve(import.meta.dirname, '../bin/meridian.js');
const clock = createTravelClock();
const poll = { timeout: 30_000, interval: 100 };
const agents = new Set<ChildProcess>();
const directories: string[] = [];

let setup: Awaited<ReturnType<typeof testSetup>>;
let server: Awaited<ReturnType<typeof startServer>>;
let api: Api;
let owner: { token: string };
let orgId: string;

beforeAll(async () => {
  const port = await freePort();
  setup = await testSetup({
    systems: [deliveryModule],
    env: {
      PORT: String(port),
      DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
      DELIVERY_SCAN_MS: '100',
      SHUTDOWN_DRAIN_SECONDS: '2',
    },
  });
  server = await start();
  api = apiClient(server.url);
  owner = await signUp(api, 'owner');
  const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
  orgId = org.body.id;
});

afterAll(async () => {
  for (const agent of agents) {
    if (agent.exitCode === null && agent.signalCode === null) {
      agent.kill('SIGKILL');
      await once(agent, 'exit');
    }
  }
  await server?.close();
  await setup?.database.close();
  for (const dir of directories) await rm(dir, { recursive: true, force: true });
});

function start() {
  return startServer(setup.config, silentLog, setup.database, setup.systems, { clock });
}

const call = (method: string, url: string, body?: unknown) =>
  api(method, url, { token: owner.token, body });

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'meridian-agent-'));
  directories.push(dir);
  return dir;
}

async function pullService(fields: Record<string, unknown>) {
  const created = await call('POST', '/v1/delivery/services', {
    org_id: orgId,
    name: `svc-${randomBytes(4).toString('hex')}`,
    mode: 'pull',
    lifetime_minutes: 60,
    ...fields,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const token = await call('POST', `/v1/delivery/services/${created.body.id}/join-tokens`, {});
  return { service: created.body, token: token.body.token as string };
}

const nodeStatus = async (serviceId: string, name: string) =>
  (await call('GET', `/v1/delivery/services/${serviceId}/nodes/${name}`)).body;

interface RunningAgent {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** `meridian agent …` as its own process; its stderr lines are collected. */
function startAgent(args: string[]): RunningAgent {
  const child = spawn(process.execPath, [meridianBin, 'agent', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  agents.add(child);
  const lines: string[] = [];
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, lines, exited };
}

async function stopAgent(agent: RunningAgent): Promise<number | null> {
  agent.child.kill('SIGTERM');
  return agent.exited;
}

/** A reload command: a script that appends the version it was run for to reloads.log. */
async function reloadCommand(dir: string, exitCode = 0): Promise<string> {
  const script = path.join(dir, '..', `${path.basename(dir)}-reload.cjs`);
  directories.push(script);
  await writeFile(
    script,
    `require('node:fs').appendFileSync(process.env.MERIDIAN_DIR + '/reloads.log', process.env.MERIDIAN_VERSION + '\\n');
     if (${exitCode}) { process.stderr.write('config test failed'); process.exit(${exitCode}); }`,
  );
  return `"${process.execPath}" "${script}"`;
}

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('meridian agent', () => {
  it('joins, writes a certificate for its own key, reloads, acknowledges, renews and survives restarts', async () => {
    const { service, token } = await pullService({ kind: 'certificate' });
    const node = 'web-1.acme.internal';
    const out = await tempDir();
    const args = ['--server', server.url, '--out', out, '--node', node, '--wait', '2'];
    const exec = ['--exec', await reloadCommand(out)];
    let agent = startAgent([...args, '--token', token, ...exec]);

    await expect
      .poll(() => nodeStatus(service.id, node), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 1 });
    const ca = new X509Certificate(
      (await call('GET', `/v1/delivery/authority?org_id=${orgId}`)).body.certificate_pem,
    );
    const first = await readFiles(out);
    expect(first.cert.verify(ca.publicKey)).toBe(true);
    expect(first.cert.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
    expect(first.cert.subjectAltName).toContain(`DNS:${node}`);
    expect(first.chain).toContain(ca.toString().trim());
    expect(first.metadata).toMatchObject({ version: 1, node, kind: 'certificate' });
    expect(first.metadata.metadata.private_key_pem).toBeUndefined();
    expect(first.reloads).toEqual(['1']);
    expect(await mode(path.join(out, 'key.pem'))).toBe(0o600);
    expect(await mode(path.join(out, 'agent.json'))).toBe(0o600);
    const status = await nodeStatus(service.id, node);
    expect(typeof status.clock_skew_ms).toBe('number');
    expect(Math.abs(status.clock_skew_ms)).toBeLessThan(60_000);

    // Renewal: the platform clock passes the node's renewal time; the long poll brings the
    // next version, certifying the new key whose CSR came with the acknowledgement.
    clock.travelTo(new Date(Date.parse(status.next_delivery_at) + 1_000));
    await expect
      .poll(() => nodeStatus(service.id, node), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 2 });
    const second = await readFiles(out);
    expect(second.cert.serialNumber).not.toBe(first.cert.serialNumber);
    expect(second.key).not.toBe(first.key);
    expect(second.cert.checkPrivateKey(createPrivateKey(second.key))).toBe(true);
    expect(second.cert.verify(ca.publicKey)).toBe(true);
    expect(second.reloads).toEqual(['1', '2']);

    // The server stops and starts again on the same database and port; the agent keeps asking.
    await server.close();
    await expect.poll(() => agent.lines.some((line) => /unreachable/.test(line)), poll).toBe(true);
    server = await start();
    await call('POST', `/v1/delivery/services/${service.id}/nodes/${node}/deliver`);
    await expect
      .poll(() => nodeStatus(service.id, node), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 3 });
    expect((await readFiles(out)).reloads).toEqual(['1', '2', '3']);

    // The agent restarts without the join token: its credential is in its directory.
    expect(await stopAgent(agent)).toBe(0);
    agent = startAgent([...args, ...exec]);
    await expect
      .poll(() => agent.lines.some((line) => /resuming after version 3/.test(line)), poll)
      .toBe(true);
    await call('POST', `/v1/delivery/services/${service.id}/nodes/${node}/deliver`);
    await expect
      .poll(() => nodeStatus(service.id, node), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 4 });
    const fourth = await readFiles(out);
    expect(fourth.cert.checkPrivateKey(createPrivateKey(fourth.key))).toBe(true);
    expect(await stopAgent(agent)).toBe(0);
    expect(agent.lines.every((line) => line.startsWith('meridian agent: '))).toBe(true);
  });

  it('refuses a version whose reload command fails, with the command error as the NACK', async () => {
    const { service, token } = await pullService({ kind: 'static', static_metadata: { a: 1 } });
    const out = await tempDir();
    const agent = startAgent([
      ...['--server', server.url, '--token', token, '--out', out, '--node', 'nack-1'],
      ...['--wait', '2', '--exec', await reloadCommand(out, 3)],
    ]);
    await expect
      .poll(() => nodeStatus(service.id, 'nack-1'), poll)
      .toMatchObject({ state: 'refused', refused_version: 1, current_version: null });
    const status = await nodeStatus(service.id, 'nack-1');
    expect(status.last_error).toMatch(/reload command failed \(exit 3\): config test failed/);
    expect(JSON.parse(await readFile(path.join(out, 'metadata.json'), 'utf8'))).toMatchObject({
      version: 1,
      metadata: { a: 1 },
    });
    expect(await stopAgent(agent)).toBe(0);
  });

  it('joins again when its node was removed and registered anew', async () => {
    const { service, token } = await pullService({ kind: 'static', static_metadata: { a: 1 } });
    const out = await tempDir();
    const agent = startAgent([
      ...['--server', server.url, '--token', token, '--out', out, '--node', 'gone-1'],
      ...['--wait', '2'],
    ]);
    await expect
      .poll(() => nodeStatus(service.id, 'gone-1'), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 1 });
    await call('POST', `/v1/delivery/services/${service.id}/nodes/gone-1/deliver`);
    await expect
      .poll(() => nodeStatus(service.id, 'gone-1'), poll)
      .toMatchObject({ current_version: 2 });
    const removed = await call('DELETE', `/v1/delivery/services/${service.id}/nodes/gone-1`);
    expect(removed.status).toBe(204);
    // Its versions count from 1 again; the agent, at version 2, takes them all the same.
    await expect
      .poll(() => nodeStatus(service.id, 'gone-1'), poll)
      .toMatchObject({ state: 'acknowledged', current_version: 1, origin: 'agent' });
    expect(
      agent.lines.some((line) => /refused the node credential; joining again/.test(line)),
    ).toBe(true);
    expect(await stopAgent(agent)).toBe(0);
  });

  it('refuses an https server it cannot verify, and trusts one by --ca-file', async () => {
    const tls = await selfSignedServer();
    try {
      const out = await tempDir();
      const args = ['--server', tls.url, '--token', 'mrdj_x', '--out', out, '--node', 'tls-1'];
      const refused = startAgent(args);
      expect(await refused.exited).toBe(2);
      expect(refused.lines.join('\n')).toMatch(/cannot verify the TLS certificate/);
      expect(tls.requests).toBe(0);

      const trusted = startAgent([...args, '--ca-file', tls.caFile]);
      expect(await trusted.exited).toBe(2);
      expect(trusted.lines.join('\n')).toMatch(/the join was refused: the server answered 401/);
      expect(tls.requests).toBe(1);
    } finally {
      await tls.close();
    }
  });

  it('refuses plain http to another machine unless told', async () => {
    const out = await tempDir();
    const agent = startAgent(['--server', 'http://192.0.2.1', '--token', 't', '--out', out]);
    expect(await agent.exited).toBe(2);
    expect(agent.lines.join('\n')).toMatch(/plain http/);
  });
});

async function readFiles(dir: string) {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const reloads = (await read('reloads.log').catch(() => '')).split('\n').filter(Boolean);
  return {
    cert: new X509Certificate(await read('cert.pem')),
    key: await read('key.pem'),
    chain: await read('chain.pem'),
    metadata: JSON.parse(await read('metadata.json')),
    reloads,
  };
}

/** An https server on 127.0.0.1 with a self-signed certificate, answering 401 to everything. */
async function selfSignedServer() {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=127.0.0.1',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 3_600_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
      new x509.BasicConstraintsExtension(true, undefined, true),
    ],
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const dir = await tempDir();
  const caFile = path.join(dir, 'server-ca.pem');
  await writeFile(caFile, certificate.toString('pem'));
  const state = { requests: 0 };
  const tlsServer = https.createServer({ key, cert: certificate.toString('pem') }, (_, res) => {
    state.requests++;
    res.statusCode = 401;
    res.setHeader('content-type', 'application/problem+json');
    res.end(JSON.stringify({ status: 401, detail: 'no such token' }));
  });
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  const { port } = tlsServer.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caFile,
    get requests() {
      return state.requests;
    },
    async close() {
      tlsServer.closeAllConnections();
      await new Promise((resolve) => tlsServer.close(resolve));
    },
  };
}
