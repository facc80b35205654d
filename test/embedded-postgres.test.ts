import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './helpers.ts';
import { isAlive, killLeftovers, runMeridian, startMeridian } from './processes.ts';

// Meridian as its users run it: `meridian serve` in its own process, with the embedded
// PostgreSQL under DATA_DIR. One data directory goes through every step, in order. Each step
// starts processes and clusters: on a loaded machine that can take longer than the default 30 s.
describe('meridian serve on the embedded PostgreSQL', { timeout: 120_000 }, () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const postmasterPid = async () =>
    Number(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
  const credentials = { email: 'kept@example.com', password: 'kept across restarts' };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-embedded-'));
  });
  afterEach(killLeftovers);
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data directory and keeps committed data across a clean restart', async () => {
    const first = await startMeridian(env());
    const signUp = await apiClient(first.url)('POST', '/v1/auth/signup', {
      body: { ...credentials, name: 'Kept' },
    });
    expect(signUp.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startMeridian(env());
    const login = await apiClient(second.url)('POST', '/v1/auth/login', { body: credentials });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('runs operator commands beside the running server, on its cluster', async () => {
    const server = await startMeridian(env());
    const clusterPid = await postmasterPid();
    const api = apiClient(server.url);

    const created = await runMeridian(
      ['user', 'create', '--email', 'ops@example.com', '--password', 'operator secret', '--admin'],
      env(),
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const me = await api('GET', '/v1/me', { token: JSON.parse(created.stdout).token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'ops@example.com', is_operator: true });

    const issued = await runMeridian(['token', 'create', '--email', 'ops@example.com'], env());
    expect(issued.code).toBe(0);
    const token = JSON.parse(issued.stdout).token;
    expect((await api('GET', '/v1/admin/instances', { token })).status).toBe(200);

    const dead = await runMeridian(['jobs', 'dead'], env());
    expect(dead).toMatchObject({ code: 0, stdout: '', stderr: '' });

    // The commands used the server's cluster and left it running.
    expect(await postmasterPid()).toBe(clusterPid);
    expect(isAlive(clusterPid)).toBe(true);
    expect((await api('GET', '/readyz')).status).toBe(200);
    expect((await api('GET', '/v1/me', { token })).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // With no server, a command starts the cluster for itself and stops it again.
    const alone = await runMeridian(['token', 'create', '--email', 'ops@example.com'], env());
    expect(alone.code).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'meridian.pid'))).toBe(false);
  });

  it('refuses a second Meridian on the same data directory with a clear error', async () => {
    const first = await startMeridian(env());
    const clusterPid = await postmasterPid();
    const second = await runMeridian(['serve'], { ...env(), PORT: '0' });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`in use by another Meridian (pid ${first.child.pid})`);
    // The first one's cluster is untouched and still serving.
    expect(await postmasterPid()).toBe(clusterPid);
    expect((await apiClient(first.url)('GET', '/readyz')).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('takes over the orphaned cluster after SIGKILL with no committed data lost', async () => {
    const victim = await startMeridian(env());
    const api = apiClient(victim.url);
    const login = await api('POST', '/v1/auth/login', { body: credentials });
    const org = await api('POST', '/v1/orgs', {
      token: login.body.token,
      body: { name: 'Survivor' },
    });
    expect(org.status).toBe(201);
    const orphan = await postmasterPid();
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(isAlive(orphan)).toBe(true);

    const heir = await startMeridian(env());
    expect(isAlive(orphan)).toBe(false);
    expect(await postmasterPid()).not.toBe(orphan);
    const orgs = await apiClient(heir.url)('GET', '/v1/orgs', { token: login.body.token });
    expect(orgs.body.items.map((o: { name: string }) => o.name)).toEqual(['Survivor']);
    heir.child.kill('SIGTERM');
    expect(await heir.exited).toBe(0);
  });

  it('drains a request in flight on SIGTERM, then leaves no process behind', async () => {
    const server = await startMeridian(env());
    const clusterPid = await postmasterPid();
    // Sign-up spends ~0.3 s hashing the password: SIGTERM lands while it runs.
    const inFlight = apiClient(server.url)('POST', '/v1/auth/signup', {
      body: { email: 'late@example.com', password: 'arrived before the signal', name: 'Late' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(201);
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(30_000);
    expect(isAlive(clusterPid)).toBe(false);
  });
});
