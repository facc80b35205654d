import { chmod, lstat, mkdtemp, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reachableRoot } from '../src/platform/db/server-user.ts';
import { apiClient, createTestDatabase } from './helpers.ts';
import {
  killLeftovers,
  runMeridian,
  stackTraceLine,
  startMeridian,
  waitUntilHealthy,
} from './processes.ts';

afterEach(killLeftovers);

const isRoot = process.getuid?.() === 0;
// Each step starts Meridian (most with an embedded cluster) in a process of its own: on a loaded
// machine that can take longer than the default 30 s.
const slow = { timeout: 120_000 };

// The cluster runs as the `postgres` user only when Meridian runs as root: elsewhere there is
// nothing to place, so these steps need root.
describe.skipIf(!isRoot)(
  'as root, with DATA_DIR under folders only root may enter (needs root)',
  slow,
  () => {
    let outer: string;
    let inner: string;
    let dataDir: string;
    let cluster: string | undefined;
    const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
    const credentials = { email: 'private@example.com', password: 'behind closed folders' };

    beforeAll(async () => {
      outer = await mkdtemp(path.join(os.tmpdir(), 'meridian-private-'));
      inner = await mkdtemp(path.join(outer, 'nested-'));
      await chmod(outer, 0o700);
      await chmod(inner, 0o700);
      dataDir = path.join(inner, 'data');
    });
    afterAll(async () => {
      if (outer) await rm(outer, { recursive: true, force: true });
      if (cluster) await rm(cluster, { recursive: true, force: true });
    });

    it('starts with the cluster under /var/lib/meridian, linked from DATA_DIR, folders untouched', async () => {
      const server = await startMeridian(env());
      await waitUntilHealthy(server.url);

      const link = path.join(dataDir, 'postgres');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      cluster = await readlink(link);
      expect(path.dirname(cluster)).toBe(reachableRoot);
      expect((await stat(outer)).mode & 0o777).toBe(0o700);
      expect((await stat(inner)).mode & 0o777).toBe(0o700);
      const warnings = server.logs.filter((entry) => entry.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toContain(link);
      expect(warnings[0]?.msg).toContain(cluster);

      const signUp = await apiClient(server.url)('POST', '/v1/auth/signup', {
        body: { ...credentials, name: 'Private' },
      });
      expect(signUp.status).toBe(201);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).not.toMatch(stackTraceLine);
    });

    it('follows the link on the next start, with the data kept and no second warning', async () => {
      const server = await startMeridian(env());
      await waitUntilHealthy(server.url);
      const login = await apiClient(server.url)('POST', '/v1/auth/login', { body: credentials });
      expect(login.status).toBe(200);
      expect(server.logs.filter((entry) => entry.level === 40)).toEqual([]);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).not.toMatch(stackTraceLine);
    });
  },
);

describe('a start that cannot succeed', slow, () => {
  let databaseUrl: string;
  let taken: Server;
  let takenPort: number;
  let scratch: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
    scratch = await mkdtemp(path.join(os.tmpdir(), 'meridian-start-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => taken?.close(resolve));
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('says in one line, without a stack trace, that PORT is taken', async () => {
    const result = await runMeridian(['serve'], {
      DATABASE_URL: databaseUrl,
      PORT: String(takenPort),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `meridian: cannot listen on 127.0.0.1:${takenPort}: the port is in use (set PORT to another, or 0 for any free one)\n`,
    );
    expect(result.stdout).not.toMatch(stackTraceLine);
  });

  it('says in one line, without a stack trace, that DATA_DIR cannot be used', async () => {
    const file = path.join(scratch, 'a-file');
    await writeFile(file, 'not a directory');
    const result = await runMeridian(['serve'], {
      DATABASE_URL: '',
      DATA_DIR: path.join(file, 'data'),
      PORT: '0',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^meridian: cannot use DATA_DIR .*a-file\/data: ENOTDIR[^\n]*\n$/,
    );
    expect(result.stdout).not.toMatch(stackTraceLine);
  });
});

describe('logs', slow, () => {
  it('are JSON lines with ISO timestamps when stdout is not a terminal', async () => {
    const server = await startMeridian({ DATABASE_URL: await createTestDatabase() });
    const serving = server.logs.find((entry) => entry.msg === 'Meridian is serving');
    expect(serving?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('are one readable line per entry with LOG_FORMAT=pretty', async () => {
    const server = await startMeridian({
      DATABASE_URL: await createTestDatabase(),
      LOG_FORMAT: 'pretty',
    });
    expect(server.logs).toEqual([]);
    expect(server.output()).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Meridian is serving \{"url":"http:[^\n]*\}$/m,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
