import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestDatabase, startTestServer } from './helpers.ts';
import { runMeridian } from './processes.ts';

describe('the meridian command', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { DATABASE_URL: await createTestDatabase() };
  });

  it('creates an operator and a token that the API accepts', async () => {
    const created = await runMeridian(
      ['user', 'create', '--email', 'ops@example.com', '--password', 'operator secret', '--admin'],
      env,
    );
    expect(created.code).toBe(0);
    const { user } = JSON.parse(created.stdout);
    expect(user).toMatchObject({ email: 'ops@example.com', name: 'ops', is_operator: true });

    const issued = await runMeridian(
      [
        'token',
        'create',
        '--email',
        'ops@example.com',
        '--name',
        'deploy',
        '--expires-in-days',
        '7',
      ],
      env,
    );
    expect(issued.code).toBe(0);
    const token = JSON.parse(issued.stdout);
    expect(token.name).toBe('deploy');
    expect(new Date(token.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const server = await startTestServer({ databaseUrl: env.DATABASE_URL });
    const instances = await apiClient(server.url)('GET', '/v1/admin/instances', {
      token: token.token,
    });
    expect(instances.status).toBe(200);
  });

  it('says what is wrong, in one line, when it cannot do what was asked', async () => {
    const duplicate = await runMeridian(
      ['user', 'create', '--email', 'OPS@example.com', '--password', 'another secret'],
      env,
    );
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toBe('meridian: OPS@example.com is already registered\n');

    const nobody = await runMeridian(['token', 'create', '--email', 'nobody@example.com'], env);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('No user is registered with nobody@example.com');

    const short = await runMeridian(
      ['user', 'create', '--email', 'x@example.com', '--password', 'short'],
      env,
    );
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('at least 8 characters');

    // The API's rules for names, told in one line naming the option.
    const blank = await runMeridian(
      ['user', 'create', '--email', 'y@example.com', '--password', 'long enough', '--name', '  '],
      env,
    );
    expect(blank.code).toBe(2);
    expect(blank.stderr).toBe('meridian: --name: must not be blank\n');
    const bidi = await runMeridian(
      ['token', 'create', '--email', 'ops@example.com', '--name', 'deploy\u202egnp.exe'],
      env,
    );
    expect(bidi.code).toBe(2);
    expect(bidi.stderr).toMatch(/^meridian: --name: .*U\+202E/);

    const unselected = await runMeridian(['jobs', 'redrive'], env);
    expect(unselected.code).toBe(2);
    expect(unselected.stderr).toBe('meridian: say which jobs: --id, --kind, --queue or --all\n');
  });

  it('trims the names it is given, as the API does', async () => {
    const created = await runMeridian(
      [
        'user',
        'create',
        '--email',
        'trim@example.com',
        '--password',
        'long enough',
        '--name',
        ' Trim Me ',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).user.name).toBe('Trim Me');
  });

  it('refuses bad configuration before starting, naming the variable', async () => {
    const result = await runMeridian(['serve'], { ...env, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be an integer');
  });

  it('reports an unreachable DATABASE_URL without a stack trace', async () => {
    const result = await runMeridian(['migrate'], {
      DATABASE_URL: 'postgres://meridian@127.0.0.1:1/none',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^meridian: cannot use PostgreSQL at 127.0.0.1:1\/none: .*ECONNREFUSED/,
    );
  });
});
