import type { Tx } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { Problem } from '../platform/problems.ts';
import { fanoutJob } from './fanout.ts';
import { hydrateFrom, newPostState } from './hydrate.ts';
import type { SocialId } from './ids.ts';
import { notifyOfPosts } from './notifications.ts';
import type { Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { addDeltas } from './store/counters.ts';
import * as store from './store/posts.ts';
import { postText } from './text.ts';

// Creating a post (docs/social.md, "Posts"): the text is checked and parsed per request; the
// posts that arrive together are then written in one transaction (writers.ts, group commit),
// each kept or refused on its own — the row, its mentions and tags, its media, the counters, the
// fan-out job, the notifications and the `post.created` event all commit together.

/** What a client sends to create a post. */
export interface PostInput {
  text: string;
  media_ids?: SocialId[];
  reply_to_id?: SocialId;
}

/** A post checked and ready to write. */
export interface PreparedPost {
  authorId: SocialId;
  text: string;
  mentions: string[];
  tags: string[];
  mediaIds: SocialId[];
  replyToId: SocialId | null;
}

/** A post written (or why it was refused, thrown to its caller alone). */
export type PostOutcome =
  | { id: SocialId; authorId: SocialId; refused?: undefined }
  | { refused: Problem };

/** Media one post may carry. */
export const maxMedia = 4;

/**
 * Creates `authorId`'s post from `input` with whatever else arrives meanwhile; after the commit
 * it is in the author's own home timeline at once (followers' come with the fan-out). Returns it
 * as its author sees it.
 */
export async function createPost(
  social: Social,
  authorId: SocialId,
  input: PostInput,
): Promise<Post> {
  const mediaIds = input.media_ids ?? [];
  if (mediaIds.length > maxMedia || new Set(mediaIds).size !== mediaIds.length) {
    throw new Problem('media-unusable', `A post carries at most ${maxMedia} distinct media`);
  }
  const checked = postText(input.text, {
    maxChars: social.config.postMaxChars,
    hasMedia: mediaIds.length > 0,
  });
  const outcome = await social.writers.createPost({
    authorId,
    ...checked,
    mediaIds,
    replyToId: input.reply_to_id ?? null,
  });
  if (outcome.refused) throw outcome.refused;
  await social.timelines.addToMany([authorId], {
    entryId: outcome.id,
    originId: outcome.id,
    authorId,
  });
  // Its state is known without a read: nobody has seen its id yet.
  const state = newPostState(outcome.id);
  const [post] = await hydrateFrom(social, new Map([[outcome.id, state]]), [outcome.id]);
  if (!post) throw new Error(`post ${outcome.id} vanished after its commit`);
  return post;
}

/** A post whose checks passed: what its row needs of the post it answers. */
interface Checked {
  post: PreparedPost;
  parent: store.PostHead | undefined;
}

/** What one written post adds to its batch's statements. */
interface Written {
  id: SocialId;
  authorId: SocialId;
  replyToAuthor: SocialId | null;
  mentionIds: SocialId[];
}

/**
 * Writes `posts` in `tx`, in order: each the post created or why it was refused. Every refusal
 * is found by a read before anything is written, so a refused post leaves the transaction as it
 * was for the others; the kept posts' rows and tags are then one statement each.
 */
export async function writePosts(
  social: Social,
  tx: Tx,
  posts: PreparedPost[],
): Promise<PostOutcome[]> {
  const checks: (Checked | Problem)[] = [];
  const claimedMedia = new Set<SocialId>();
  for (const post of posts) checks.push(await checkPost(tx, post, claimedMedia));
  const kept = checks.filter((check): check is Checked => !(check instanceof Problem));
  const written = await writeChecked(tx, kept);
  let next = 0;
  const outcomes = checks.map((check) =>
    check instanceof Problem
      ? { refused: check }
      : { id: (written[next++] as Written).id, authorId: check.post.authorId },
  );
  if (written.length === 0) return outcomes;
  await addDeltas(
    tx,
    kept.flatMap(({ post, parent }) => [
      { subjectId: post.authorId, field: 'posts' as const, delta: 1 },
      ...(parent ? [{ subjectId: parent.id, field: 'replies' as const, delta: 1 }] : []),
    ]),
  );
  const { core } = social;
  await core.jobs.enqueueMany(
    written.map((w) => fanoutJob.spec({ postId: w.id })),
    { tx },
  );
  await notifyOfPosts(social, tx, written);
  await core.events.publishMany(
    tx,
    written.map((w) => postCreatedEvent(w.id, w.authorId, w.replyToAuthor, null)),
  );
  return outcomes;
}

/** The event every process's live delivery hears when a post or repost commits. */
export function postCreatedEvent(
  id: SocialId,
  authorId: SocialId,
  replyToAuthor: SocialId | null,
  repostOfId: SocialId | null,
): EventInput {
  return {
    topic: 'social:posts',
    type: 'post.created',
    data: { id, author_id: authorId, reply_to_author: replyToAuthor, repost_of_id: repostOfId },
  };
}

/**
 * The checks of `post` that read (the post answered, the media), or why it is refused. Media
 * taken by an earlier post of the batch count as attached: both are checked before either is.
 */
async function checkPost(
  tx: Tx,
  post: PreparedPost,
  claimedMedia: Set<SocialId>,
): Promise<Checked | Problem> {
  const parent = post.replyToId ? await replyParent(tx, post.replyToId, post.authorId) : undefined;
  if (parent instanceof Problem) return parent;
  if (post.mediaIds.length > 0) {
    const free = await store.lockFreeMedia(tx, post.authorId, post.mediaIds);
    if (free !== post.mediaIds.length || post.mediaIds.some((id) => claimedMedia.has(id))) {
      return new Problem('media-unusable', 'Some media_ids are not yours, unknown or attached');
    }
    for (const id of post.mediaIds) claimedMedia.add(id);
  }
  return { post, parent };
}

/** Writes the checked posts: rows and tags one statement each, mentions and media per post. */
async function writeChecked(tx: Tx, kept: Checked[]): Promise<Written[]> {
  if (kept.length === 0) return [];
  const ids = await store.insertPosts(
    tx,
    kept.map(({ post, parent }) => ({
      authorId: post.authorId,
      text: post.text,
      replyToId: parent?.id ?? null,
      replyToAuthor: parent?.author_id ?? null,
      conversationId: parent?.conversation_id ?? null,
    })),
  );
  await store.insertTags(
    tx,
    kept.flatMap(({ post }, i) => post.tags.map((tag) => ({ postId: ids[i] as SocialId, tag }))),
  );
  const written: Written[] = [];
  for (const [i, { post, parent }] of kept.entries()) {
    const id = ids[i] as SocialId;
    if (post.mediaIds.length > 0) await store.attachMedia(tx, id, post.mediaIds);
    written.push({
      id,
      authorId: post.authorId,
      replyToAuthor: parent?.author_id ?? null,
      mentionIds: await store.insertMentions(tx, id, post.mentions),
    });
  }
  return written;
}

/**
 * The post replied to, share-locked (it cannot be deleted before the reply commits): 404 when it
 * is unknown or either author blocked the other, 422 when deleted. A reply to a repost answers
 * the post reposted.
 */
async function replyParent(tx: Tx, postId: SocialId, authorId: SocialId) {
  let parent = await store.findPostHead(tx, postId, authorId, 'share');
  if (parent?.repost_of_id && !parent.deleted) {
    parent = await store.findPostHead(tx, parent.repost_of_id, authorId, 'share');
  }
  return usable(parent, postId);
}

/** `head` if the viewer may act on it; else the problem to answer. */
export function usable(head: store.PostHead | undefined, postId: SocialId) {
  if (!head || head.blocked) return new Problem('not-found', `No post ${postId}`);
  if (head.deleted) return new Problem('reply-to-deleted', `Post ${postId} was deleted`);
  return head;
}
