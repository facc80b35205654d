import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  freeFormBodyModule,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';
import { schedulerModule } from '../../scheduler/module.ts';
import { findTextFault } from './text.ts';

// What a client is told about a body, a query or a path it got wrong, on the routes of every
// system: one message per faulty field it can act on, and never a 500 for text PostgreSQL cannot
// store.

let server: TestServer;
let api: Api;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  server = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true' },
    systems: [schedulerModule, freeFormBodyModule],
  });
  api = apiClient(server.url);
  user = await signUp(api);
});

const schedule = () => ({
  frequency: 'daily',
  start: new Date(Date.now() + 3_600_000).toISOString(),
});

/** The `errors` of a `validation-failed` answer to POST /v1/tasks with `body`. */
async function taskErrors(body: Record<string, unknown>) {
  const response = await api('POST', '/v1/tasks', { token: user.token, body });
  return expectProblem(response, 'validation-failed').errors as {
    field: string;
    message: string;
  }[];
}

describe('text PostgreSQL cannot store', () => {
  // JSON.stringify writes a lone surrogate as the escape \ud800, as a client would send it.
  const nul = 'a\u0000b';
  const surrogate = 'a\ud800b';

  it.each([
    ['a NUL', nul, 'NUL'],
    ['a lone surrogate', surrogate, 'unpaired surrogate'],
  ])('refuses %s in any string of any route, naming the field', async (_, bad, says) => {
    const cases: [string, string, unknown, string][] = [
      [
        'POST',
        '/v1/auth/signup',
        { email: 'n@example.com', password: 'long enough', name: bad },
        'body/name',
      ],
      ['POST', '/v1/orgs', { name: bad }, 'body/name'],
      ['POST', '/v1/tokens', { name: bad }, 'body/name'],
      [
        'POST',
        '/v1/webhooks',
        { url: 'https://example.com/hook', description: bad },
        'body/description',
      ],
      ['POST', '/v1/tasks', { name: bad, schedule: schedule() }, 'body/name'],
      [
        'POST',
        '/v1/tasks',
        { name: 'ok', schedule: schedule(), action: { type: 'reminder', message: bad } },
        'body/action/message',
      ],
      [
        'POST',
        '/v1/tasks',
        {
          name: 'ok',
          schedule: schedule(),
          action: {
            type: 'webhook',
            url: 'https://example.com',
            body: { deep: [1, { text: bad }] },
          },
        },
        'body/action/body/deep/1/text',
      ],
      [
        'POST',
        '/v1/tasks',
        {
          name: 'ok',
          schedule: schedule(),
          action: { type: 'webhook', url: 'https://example.com', headers: { 'X-Note': bad } },
        },
        'body/action/headers/X-Note',
      ],
      ['POST', '/test/anything', { value: { [`key${bad}`]: 1 } }, 'body/value/keya\uFFFDb'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await api(method, path, { token: user.token, body });
      const problem = expectProblem(response, 'validation-failed');
      expect(problem.errors, path).toHaveLength(1);
      expect(problem.errors[0].field, path).toBe(field);
      expect(problem.errors[0].message, path).toContain(says);
    }
  });

  it('refuses them however the escape is written, and keeps well-formed text', async () => {
    const upper = await api('POST', '/test/anything', { body: '{"value": "\\u0000"}' });
    expect(expectProblem(upper, 'validation-failed').errors[0].field).toBe('body/value');
    const high = await api('POST', '/test/anything', { body: '{"value": ["\\uDBFF"]}' });
    expect(expectProblem(high, 'validation-failed').errors[0].field).toBe('body/value/0');
    // A surrogate pair is one character, and an escaped backslash followed by u is no escape.
    const pair = await api('POST', '/test/anything', {
      body: '{"value": "\\ud83d\\ude00 \\\\u0000"}',
    });
    expect(pair.status).toBe(200);
  });

  it('refuses a %00 in a query string or path parameter that reaches the database', async () => {
    const operator = await signUpOperator(api, server);
    const query = await api('GET', '/v1/admin/jobs?kind=a%00b', { token: operator.token });
    expect(expectProblem(query, 'validation-failed').errors).toEqual([
      { field: 'querystring/kind', message: 'must not contain the NUL character (U+0000)' },
    ]);
    const param = await api('GET', '/v1/tasks/%00', { token: user.token });
    expect(expectProblem(param, 'validation-failed').errors[0].field).toBe('params/taskId');
    // A cursor is decoded JSON too: one that smuggles a NUL is not one this API gave out.
    const cursor = Buffer.from(JSON.stringify(['a\u0000', 1])).toString('base64url');
    expectProblem(
      await api('GET', `/v1/tasks?cursor=${cursor}`, { token: user.token }),
      'invalid-cursor',
    );
  });

  it('walks without recursion, so deep nesting does not overflow the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findTextFault(deep)?.pointer).toBe(`/${Array(200_000).fill('0').join('/')}`);
    expect(findTextFault({ a: [1, 'fine', { b: null }] })).toBeUndefined();
  });
});

describe('prototype keys', () => {
  it.each([
    ['{"__proto__": {"polluted": true}, "value": 1}', 'body/__proto__', '__proto__'],
    ['{"value": {"a": {"__proto__": {"polluted": true}}}}', 'body/value/a/__proto__', '__proto__'],
    ['{"value": {"\\u005f_proto__": 1}}', 'body/value/__proto__', '__proto__'],
    [
      '{"value": {"constructor": {"prototype": {"polluted": true}}}}',
      'body/value/constructor',
      'constructor',
    ],
  ])('refuses %s as a field that is not allowed', async (text, field, key) => {
    const response = await api('POST', '/test/anything', { body: text });
    const problem = expectProblem(response, 'validation-failed');
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].field).toBe(field);
    expect(problem.errors[0].message).toContain(`field "${key}"`);
    expect(problem.errors[0].message).toContain('not allowed');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps a plain "constructor" field', async () => {
    const response = await api('POST', '/test/anything', { body: '{"value": {"constructor": 1}}' });
    expect(response.status).toBe(200);
  });
});

describe('messages a person can act on', () => {
  it('reports the webhook branch of an action, not the reminder branch', async () => {
    const errors = await taskErrors({
      name: 'timeout',
      schedule: schedule(),
      action: { type: 'webhook', url: 'https://example.com', timeout_ms: 0 },
    });
    expect(errors).toEqual([{ field: 'body/action/timeout_ms', message: 'must be >= 100' }]);
    const reminder = await taskErrors({
      name: 'reminder',
      schedule: schedule(),
      action: { type: 'reminder', message: 'hi', url: 'https://example.com' },
    });
    expect(reminder).toEqual([{ field: 'body/action/url', message: 'unknown field "url"' }]);
  });

  it('lists the allowed values of an enum once', async () => {
    const errors = await taskErrors({ name: 'catch', schedule: schedule(), catch_up: 'never' });
    expect(errors).toEqual([
      { field: 'body/catch_up', message: 'must be one of: all, latest, skip' },
    ]);
    const method = await taskErrors({
      name: 'method',
      schedule: schedule(),
      action: { type: 'webhook', url: 'https://example.com', method: 'FETCH' },
    });
    expect(method).toEqual([
      { field: 'body/action/method', message: 'must be one of: GET, POST, PUT, PATCH, DELETE' },
    ]);
  });

  it('names the discriminator when it matches no branch', async () => {
    const errors = await taskErrors({ name: 'sms', schedule: schedule(), action: { type: 'sms' } });
    expect(errors).toEqual([
      { field: 'body/action/type', message: 'must be one of: webhook, reminder' },
    ]);
    const missing = await taskErrors({ name: 'none', schedule: schedule(), action: { url: 'x' } });
    expect(missing).toHaveLength(1);
    expect(missing[0]?.field).toBe('body/action/type');
  });

  it('says which types a nullable field takes, and what the meant type got wrong', async () => {
    const wrongType = await taskErrors({ name: 'end', schedule: { ...schedule(), end: 5 } });
    expect(wrongType).toEqual([{ field: 'body/schedule/end', message: 'must be string or null' }]);
    const wrongFormat = await taskErrors({
      name: 'end',
      schedule: { ...schedule(), end: 'tomorrow' },
    });
    expect(wrongFormat).toEqual([
      { field: 'body/schedule/end', message: 'must match format "date-time"' },
    ]);
  });

  it('lists the values of a query enum and of an identity role', async () => {
    const state = await api('GET', '/v1/tasks?state=sleeping', { token: user.token });
    expect(expectProblem(state, 'validation-failed').errors).toEqual([
      { field: 'querystring/state', message: 'must be one of: active, paused, completed' },
    ]);
    const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Roles' } });
    const member = await api('POST', `/v1/orgs/${org.body.id}/members`, {
      token: user.token,
      body: { email: user.email, role: 'king' },
    });
    expect(expectProblem(member, 'validation-failed').errors).toEqual([
      { field: 'body/role', message: 'must be one of: owner, admin, member' },
    ]);
  });
});

describe('names', () => {
  it('trims surrounding whitespace before storing a name', async () => {
    const org = await api('POST', '/v1/orgs', {
      token: user.token,
      body: { name: '  Acme\u00a0 ' },
    });
    expect(org.status).toBe(201);
    expect(org.body.name).toBe('Acme');
    const task = await api('POST', '/v1/tasks', {
      token: user.token,
      body: { name: '\tnightly  report \n', schedule: schedule() },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(task.body.name).toBe('nightly  report');
    const renamed = await api('PATCH', `/v1/tasks/${task.body.id}`, {
      token: user.token,
      body: { name: ' weekly ' },
    });
    expect(renamed.body.name).toBe('weekly');
  });

  it.each([
    ['blank', '   ', 'must not be blank'],
    ['a newline inside', 'two\nlines', 'U+000A'],
    ['a tab inside', 'a\tb', 'U+0009'],
    ['DEL', 'a\u007fb', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'U+202E'],
    ['a bidi isolate', 'a\u2066b', 'U+2066'],
    ['a left-to-right mark', 'a\u200eb', 'U+200E'],
    ['an Arabic letter mark', 'a\u061cb', 'U+061C'],
  ])('refuses a name with %s, on every route that takes a name', async (_, name, says) => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['POST', '/v1/auth/signup', { email: 'b@example.com', password: 'long enough', name }],
      ['POST', '/v1/orgs', { name }],
      ['POST', '/v1/tokens', { name }],
      ['POST', '/v1/tasks', { name, schedule: schedule() }],
    ];
    for (const [method, path, body] of cases) {
      const response = await api(method, path, { token: user.token, body });
      const problem = expectProblem(response, 'validation-failed');
      expect(problem.errors, path).toHaveLength(1);
      expect(problem.errors[0].field, path).toBe('body/name');
      expect(problem.errors[0].message, path).toContain(says);
    }
  });

  it('keeps newlines in free text', async () => {
    const task = await api('POST', '/v1/tasks', {
      token: user.token,
      body: {
        name: 'free text',
        schedule: schedule(),
        action: { type: 'reminder', message: 'line one\nline two\ttabbed' },
      },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(task.body.action.message).toBe('line one\nline two\ttabbed');
  });
});
