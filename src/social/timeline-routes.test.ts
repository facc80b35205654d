import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { follow } from '../../test/social-fanout-fixtures.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import { cullTimelines } from './activity.ts';
import { firstIdAt } from './ids.ts';
import { socialOf } from './social.ts';
import { nextSinceId } from './timeline-routes.ts';

// `GET /v1/social/timelines/home` over HTTP: posts made through the API reach a follower's home,
// hydrated; a deleted one is gone at once; cursors are strings; bad input is a problem.

let test: SocialTest;
let author: Person;
let reader: Person;

beforeAll(async () => {
  test = await startSocial({ env: { JOB_QUEUES: 'default:10,social:8' } });
  author = await test.person();
  reader = await test.person();
  await follow(test.database.db, reader.profileId, author.profileId);
});

const home = (query = '') => reader.call('GET', `/v1/social/timelines/home${query}`);

describe('GET /v1/social/timelines/home', () => {
  it('shows a followee’s posts, hydrated, newest first, and drops a deleted one', async () => {
    const first = await author.call('POST', '/v1/social/posts', { text: 'first #hello' });
    const second = await author.call('POST', '/v1/social/posts', { text: 'second' });
    expect([first.status, second.status]).toEqual([201, 201]);
    await vi.waitFor(
      async () => {
        const page = await home();
        expect(page.status).toBe(200);
        expect(page.body.items.map((p: { id: string }) => p.id)).toEqual([
          second.body.id,
          first.body.id,
        ]);
      },
      { timeout: 30_000, interval: 100 },
    );
    const page = await home('?limit=1');
    expect(page.body.items[0]).toMatchObject({ text: 'second', author: { id: author.profileId } });
    expect(page.body.next_max_id).toBe(second.body.id);
    const older = await home(`?limit=1&max_id=${page.body.next_max_id}`);
    expect(older.body.items.map((p: { id: string }) => p.id)).toEqual([first.body.id]);

    expect((await author.call('DELETE', `/v1/social/posts/${second.body.id}`)).status).toBe(204);
    const after = await home();
    expect(after.body.items.map((p: { id: string }) => p.id)).toEqual([first.body.id]);
  });

  it('rebuilds a returning reader’s timeline and marks them active', async () => {
    const { db } = test.database;
    const returning = await test.person();
    await follow(db, returning.profileId, author.profileId);
    await sql`UPDATE social_profiles SET last_active_at = now() - interval '40 days'
               WHERE id = ${returning.profileId}`.execute(db);
    expect(await cullTimelines(socialOf(test.server.server.core))).toBeGreaterThanOrEqual(1);
    const page = await returning.call('GET', '/v1/social/timelines/home');
    expect(page.status).toBe(200);
    expect(page.body.rebuilt).toBe(true);
    expect(page.body.items.length).toBeGreaterThan(0);
    const { rows } = await sql<{ recent: boolean }>`
      SELECT last_active_at > now() - interval '1 minute' AS recent
        FROM social_profiles WHERE id = ${returning.profileId}`.execute(db);
    expect(rows[0]?.recent).toBe(true);
    expect((await returning.call('GET', '/v1/social/timelines/home')).body.rebuilt).toBe(false);
  });

  it('answers bad cursors and limits with a problem, and strangers with 401', async () => {
    for (const query of ['limit=0', 'limit=101', 'max_id=abc', 'since_id=99999999999999999999'])
      expectProblem(await home(`?${query}`), 'validation-failed');
    expectProblem(await home('?colour=blue'), 'validation-failed');
    // 19 digits, but past 2^63 - 1: refused before it reaches PostgreSQL.
    expectProblem(await home('?max_id=9223372036854775808'), 'bad-request');
    expectProblem(await test.api('GET', '/v1/social/timelines/home'), 'unauthorized');
  });
});

describe('next_since_id', () => {
  const idAt = (msAgo: number) => firstIdAt(new Date(Date.now() - msAgo));

  it('is the page’s top when it is settled, else the newest settled id, never below the ask', () => {
    const settled = [idAt(60_000), idAt(70_000)];
    expect(nextSinceId(settled, undefined)).toBe(settled[0]);
    const young = idAt(1_000);
    expect(nextSinceId([young, ...settled], undefined)).toBe(settled[0]);
    const line = BigInt(nextSinceId([young], undefined) as string);
    expect(line < BigInt(young) && line > BigInt(idAt(10_000))).toBe(true);
    const asked = idAt(2_000);
    expect(nextSinceId([young], asked)).toBe(asked);
    expect(nextSinceId([], settled[0])).toBe(settled[0]);
    expect(nextSinceId([], undefined)).toBeNull();
  });
});
