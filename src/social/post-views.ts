import type { Static } from 'typebox';
import { decodeCursor, pageOf } from '../platform/http/pagination.ts';
import { Problem } from '../platform/problems.ts';
import { hydratePosts } from './hydrate.ts';
import { type SocialId, socialId } from './ids.ts';
import type { DeletedPost, Post, PostContext } from './post-schemas.ts';
import { summaryJson } from './profiles.ts';
import type { Social } from './social.ts';
import { likedBy, repostedBy } from './store/likes.ts';
import * as store from './store/posts.ts';
import { normaliseTag } from './text.ts';

// What the post routes read (docs/social.md, "Posts"): one post, its thread, a profile's or a
// tag's timeline, who liked or reposted it. Ids come from the store, posts from hydratePosts, and
// every post served to someone is an impression (recorded in memory, written within a second).

/** Ancestors shown above a post, nearest 40. */
const ancestorLimit = 40;
/** Descendants per page of a thread. */
const descendantPage = 60;

/** Post `postId` as `viewerId` sees it; 404 when unknown, deleted or blocked either way. */
export async function readPost(social: Social, viewerId: SocialId, postId: SocialId) {
  const [post] = await hydratePosts(social, viewerId, [postId]);
  if (!post) throw new Problem('not-found', `No post ${postId}`);
  served(social, viewerId, [post]);
  return post;
}

/** The thread around `postId`: ancestors root first, the post, a page of descendants after `after`. */
export async function postContext(
  social: Social,
  viewerId: SocialId,
  postId: SocialId,
  after: SocialId | undefined,
): Promise<Static<typeof PostContext>> {
  const post = await readPost(social, viewerId, postId);
  const { db } = social.core.database;
  const ancestors = (await store.ancestorsOf(db, postId, ancestorLimit)).reverse();
  const below = await store.descendantsOf(db, postId, after, descendantPage + 1);
  const descendants = below.slice(0, descendantPage);
  const shown = await hydratePosts(
    social,
    viewerId,
    [...ancestors, ...descendants].map((p) => p.id),
  );
  served(social, viewerId, shown);
  const byId = new Map(shown.map((p) => [p.id, p]));
  const inPlace = (posts: store.ThreadPost[]) =>
    posts.flatMap((p): (Post | Static<typeof DeletedPost>)[] => {
      if (p.deleted) return [{ id: p.id, deleted: true }];
      const hydrated = byId.get(p.id);
      return hydrated ? [hydrated] : [];
    });
  return {
    ancestors: inPlace(ancestors),
    post,
    descendants: inPlace(descendants),
    next_after: below.length > descendantPage ? (descendants.at(-1)?.id ?? null) : null,
  };
}

/** A page of posts, newest first, and the `max_id` of the next. */
export interface PostPage {
  items: Post[];
  next_max_id: SocialId | null;
}

/** `profileId`'s live posts and reposts; 404 when the profile is unknown or blocked either way. */
export async function profileTimeline(
  social: Social,
  viewerId: SocialId,
  profileId: SocialId,
  range: store.IdRange,
): Promise<PostPage> {
  const { db } = social.core.database;
  if (!(await store.profileVisible(db, profileId, viewerId))) {
    throw new Problem('not-found', `No profile ${profileId}`);
  }
  return pageOfPosts(social, viewerId, range, await store.profilePostIds(db, profileId, range));
}

/** The posts tagged `tag` (any case or width: it is normalised as tags are). */
export async function tagTimeline(
  social: Social,
  viewerId: SocialId,
  tag: string,
  range: store.IdRange,
): Promise<PostPage> {
  const normal = normaliseTag(tag.replace(/^#/, ''));
  if (!normal) return { items: [], next_max_id: null };
  const ids = await store.tagPostIds(social.core.database.db, normal, range);
  return pageOfPosts(social, viewerId, range, ids);
}

async function pageOfPosts(
  social: Social,
  viewerId: SocialId,
  range: store.IdRange,
  ids: SocialId[],
): Promise<PostPage> {
  const items = await hydratePosts(social, viewerId, ids);
  served(social, viewerId, items);
  // The cursor is the last id read, not shown: hidden posts must not end the scroll early.
  return { items, next_max_id: ids.length === range.limit ? (ids.at(-1) ?? null) : null };
}

/** Who liked (`likes`) or reposted (`reposts`) `postId`: keyset pages of profiles. */
export async function postPeople(
  social: Social,
  viewerId: SocialId,
  postId: SocialId,
  list: 'likes' | 'reposts',
  query: { limit: number; cursor?: string },
) {
  const key = decodeCursor(query.cursor, 1)?.[0];
  const after = key === undefined ? undefined : cursorId(key);
  await readPost(social, viewerId, postId);
  const { db } = social.core.database;
  const rows =
    list === 'likes'
      ? await likedBy(db, postId, after, query.limit + 1)
      : await repostedBy(db, postId, after, query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => [row.key]);
  return { ...page, items: page.items.map((row) => summaryJson(social, row)) };
}

function cursorId(key: string | number): SocialId {
  try {
    return socialId(key, 'cursor');
  } catch {
    throw new Problem('invalid-cursor', 'The cursor is not one this list gave out');
  }
}

/** Records the impressions of `posts` served to `viewerId` (reposts count for their original). */
function served(social: Social, viewerId: SocialId, posts: Post[]): void {
  const ids = posts.flatMap((post) => (post.repost_of ? [post.id, post.repost_of.id] : [post.id]));
  social.impressions.record(viewerId, ids);
}
