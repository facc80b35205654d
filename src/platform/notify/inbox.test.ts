import { beforeAll, describe, expect, it } from 'vitest';
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
import type { PublishedEvent } from '../events/publish.ts';
import type { JobState } from '../jobs/spec.ts';
import type { NotificationMessage } from './service.ts';

// The in-app inbox, preferences and the built-in mailbox (no SMTP_URL), over real HTTP and a
// real PostgreSQL: paging, unread counts, read and read-all, live publication on the user's
// topic, nothing at all from a rolled-back transaction, and preferences deciding the channels.

let server: TestServer;
let api: Api;
let alice: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  alice = await signUp(api, 'alice');
  bob = await signUp(api, 'bob');
  operator = (await signUpOperator(api, server)).token;
});

function send(message: Partial<NotificationMessage> & { userId: string }) {
  return transaction(server.database.db, (tx) =>
    server.server.core.notify.send(tx, {
      event: 'test.happened',
      title: 'Something happened',
      body: 'Details',
      ...message,
    }),
  );
}

const waitForJob = (id: number, state: JobState) =>
  waitForJobState(server.server.core.jobs, id, state);

describe('the inbox', () => {
  it('pages newest first, counts unread, and shows only your own', async () => {
    const user = await signUp(api, 'pager');
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const result = await send({ userId: user.id, title: `n${i}`, data: { i } });
      sent.push(result.notificationId as string);
    }
    await send({ userId: bob.id, title: 'for bob' });
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api('GET', `/v1/notifications${query}`, { token: user.token });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.unread).toBe(5);
      titles.push(...page.body.items.map((item: any) => item.title));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(titles).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
    const first = (await api('GET', '/v1/notifications?limit=1', { token: user.token })).body;
    expect(first.items[0]).toMatchObject({
      id: sent[4],
      event: 'test.happened',
      body: 'Details',
      data: { i: 5 },
      read_at: null,
    });
  });

  it('marks one read, then all, and refuses ids that are not yours', async () => {
    const user = await signUp(api, 'reader');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await send({ userId: user.id })).notificationId!);
    const bobs = (await send({ userId: bob.id })).notificationId!;

    const read = await api('POST', `/v1/notifications/${ids[0]}/read`, { token: user.token });
    expect(read.status).toBe(200);
    expect(read.body.read_at).toEqual(expect.any(String));
    const again = await api('POST', `/v1/notifications/${ids[0]}/read`, { token: user.token });
    expect(again.body.read_at).toBe(read.body.read_at);
    expect((await api('GET', '/v1/notifications', { token: user.token })).body.unread).toBe(2);

    expectProblem(
      await api('POST', `/v1/notifications/${bobs}/read`, { token: user.token }),
      'not-found',
    );
    expectProblem(
      await api('POST', '/v1/notifications/not-a-uuid/read', { token: user.token }),
      'validation-failed',
    );
    expectProblem(await api('POST', `/v1/notifications/${ids[1]}/read`), 'unauthorized');

    const all = await api('POST', '/v1/notifications/read-all', { token: user.token });
    expect(all.body).toEqual({ marked: 2 });
    expect((await api('GET', '/v1/notifications', { token: user.token })).body.unread).toBe(0);
    const bobsInbox = await api('GET', '/v1/notifications', { token: bob.token });
    expect(bobsInbox.body.items.find((item: any) => item.id === bobs).read_at).toBeNull();
  });

  it('refuses a tampered cursor', async () => {
    expectProblem(
      await api('GET', '/v1/notifications?cursor=WyJub3BlIl0', { token: alice.token }),
      'invalid-cursor',
    );
  });

  it('publishes each new notification on the user’s topic, once committed', async () => {
    const received: PublishedEvent[] = [];
    const unsubscribe = server.server.core.events.subscribe([`user:${alice.id}`], (event) =>
      received.push(event),
    );
    try {
      const { notificationId } = await send({ userId: alice.id, title: 'live' });
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toMatchObject({
        topic: `user:${alice.id}`,
        type: 'notification',
        data: { id: notificationId, title: 'live', read_at: null },
      });
    } finally {
      unsubscribe();
    }
  });

  it('leaves no trace of a rolled-back transaction: no row, no event, no job', async () => {
    const user = await signUp(api, 'rollback');
    const received: PublishedEvent[] = [];
    const unsubscribe = server.server.core.events.subscribe([`user:${user.id}`], (event) =>
      received.push(event),
    );
    let jobIds: number[] = [];
    await expect(
      transaction(server.database.db, async (tx) => {
        jobIds = (
          await server.server.core.notify.send(tx, {
            userId: user.id,
            event: 'test.x',
            title: 't',
            body: 'b',
          })
        ).jobIds;
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(jobIds.length).toBe(1);
    expect(await server.server.core.jobs.get(jobIds[0]!)).toBeUndefined();
    const inbox = await api('GET', '/v1/notifications', { token: user.token });
    expect(inbox.body).toMatchObject({ items: [], unread: 0 });
    // A committed one afterwards arrives alone: the rolled-back one was never published.
    await send({ userId: user.id, title: 'committed' });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.data).toMatchObject({ title: 'committed' });
    unsubscribe();
  });

  it('refuses a message a module got wrong, before writing anything', async () => {
    await expect(send({ userId: alice.id, event: 'Not An Event' })).rejects.toThrow(/event/);
    await expect(send({ userId: alice.id, title: '' })).rejects.toThrow(/title/);
    await expect(send({ userId: alice.id, channels: ['in_app', 'fax'] })).rejects.toThrow(/fax/);
  });
});

describe('preferences', () => {
  it('starts with every channel on, the documented defaults', async () => {
    const response = await api('GET', '/v1/notifications/preferences', { token: alice.token });
    expect(response.body).toEqual({
      default_channels: ['in_app', 'email', 'push', 'webhook'],
      events: {},
    });
  });

  it('refuses unknown channels (422) and malformed bodies (400)', async () => {
    const put = (body: unknown) =>
      api('PUT', '/v1/notifications/preferences', { token: alice.token, body });
    const unknown = expectProblem(
      await put({ default_channels: ['in_app', 'pigeon'], events: {} }),
      'unknown-channel',
    );
    expect(unknown.detail).toContain('"pigeon"');
    expectProblem(
      await put({ default_channels: [], events: { 'test.x': ['sms'] } }),
      'unknown-channel',
    );
    expectProblem(await put({ default_channels: 'email', events: {} }), 'validation-failed');
    expectProblem(
      await put({ default_channels: [], events: { 'Bad Event!': [] } }),
      'validation-failed',
    );
    expectProblem(await put({ default_channels: [] }), 'validation-failed');
    expectProblem(
      await put({ default_channels: ['email', 'email'], events: {} }),
      'validation-failed',
    );
  });

  it('sends each event only to the channels its preferences name', async () => {
    const user = await signUp(api, 'picky');
    const saved = await api('PUT', '/v1/notifications/preferences', {
      token: user.token,
      body: {
        default_channels: ['in_app'],
        events: { 'test.muted': [], 'test.mailed': ['email'] },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await api('GET', '/v1/notifications/preferences', { token: user.token })).body).toEqual(
      saved.body,
    );

    const muted = await send({ userId: user.id, event: 'test.muted' });
    expect(muted).toEqual({ notificationId: null, jobIds: [] });
    const other = await send({ userId: user.id, event: 'test.other' });
    expect(other.notificationId).not.toBeNull();
    expect(other.jobIds).toEqual([]);
    const mailed = await send({ userId: user.id, event: 'test.mailed', title: 'by mail only' });
    expect(mailed.notificationId).toBeNull();
    expect(mailed.jobIds.length).toBe(1);
    await waitForJob(mailed.jobIds[0]!, 'completed');
    const inbox = await api('GET', '/v1/notifications', { token: user.token });
    expect(inbox.body.items.map((item: any) => item.event)).toEqual(['test.other']);
    const mailbox = await api('GET', '/v1/admin/mailbox?limit=100', { token: operator });
    expect(mailbox.body.items.filter((mail: any) => mail.to_address === user.email)).toMatchObject([
      { subject: 'by mail only' },
    ]);
  });

  it('lets the sender name the channels for one message, over the preferences', async () => {
    const user = await signUp(api, 'overridden');
    await api('PUT', '/v1/notifications/preferences', {
      token: user.token,
      body: { default_channels: ['in_app'], events: {} },
    });
    const mailOnly = await send({ userId: user.id, channels: ['email'] });
    expect(mailOnly.notificationId).toBeNull();
    expect(mailOnly.jobIds.length).toBe(1);
    const none = await send({ userId: user.id, channels: [] });
    expect(none).toEqual({ notificationId: null, jobIds: [] });
  });

  it('lets the sender limit one message to some of the chosen channels', async () => {
    const user = await signUp(api, 'watching');
    await api('PUT', '/v1/notifications/preferences', {
      token: user.token,
      body: { default_channels: ['in_app', 'email'], events: { 'test.muted': [] } },
    });
    const inAppOnly = await send({ userId: user.id, limitTo: ['in_app', 'webhook'] });
    expect(inAppOnly.notificationId).not.toBeNull();
    expect(inAppOnly.jobIds).toEqual([]);
    // A limit never adds a channel the preferences leave out.
    const muted = await send({ userId: user.id, event: 'test.muted', limitTo: ['in_app'] });
    expect(muted).toEqual({ notificationId: null, jobIds: [] });
    await expect(send({ userId: user.id, limitTo: ['pigeon'] })).rejects.toThrow(/pigeon/);
  });
});

describe('the built-in mailbox', () => {
  it('keeps mail when there is no SMTP server, newest first, escaped in HTML', async () => {
    const user = await signUp(api, 'mailed');
    const first = await send({ userId: user.id, title: 'First', body: 'one' });
    const second = await send({
      userId: user.id,
      title: 'Stock <script>alert(1)</script> & co',
      body: 'Line one\nline two\n\nNext "paragraph"',
    });
    for (const id of [...first.jobIds, ...second.jobIds]) await waitForJob(id, 'completed');
    const page = await api('GET', '/v1/admin/mailbox?limit=100', { token: operator });
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((mail: any) => mail.to_address === user.email);
    expect(mine.map((mail: any) => mail.subject)).toEqual([
      'Stock <script>alert(1)</script> & co',
      'First',
    ]);
    const mail = mine[0];
    expect(mail.from_address).toBe('Meridian <meridian@localhost>');
    expect(mail.text_body).toContain('Line one\nline two\n\nNext "paragraph"');
    expect(mail.html_body).toContain('Stock &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(mail.html_body).not.toContain('<script>');
    expect(mail.html_body).toContain('<p>Line one<br>line two</p>');
    expect(mail.html_body).toContain('<p>Next &quot;paragraph&quot;</p>');
  });

  it('pages, and is for operators only', async () => {
    const page = await api('GET', '/v1/admin/mailbox?limit=1', { token: operator });
    expect(page.body.items.length).toBe(1);
    expect(page.body.next_cursor).toEqual(expect.any(String));
    const next = await api('GET', `/v1/admin/mailbox?limit=1&cursor=${page.body.next_cursor}`, {
      token: operator,
    });
    expect(next.body.items[0].id < page.body.items[0].id).toBe(true);
    expectProblem(await api('GET', '/v1/admin/mailbox', { token: alice.token }), 'forbidden');
    expectProblem(await api('GET', '/v1/admin/mailbox'), 'unauthorized');
  });
});
