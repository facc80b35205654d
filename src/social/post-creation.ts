import type { Tx } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { Problem } from '../platform/problems.ts';
import { fanoutJob } from './fanout.ts';
import { hydratePosts } from './hydrate.ts';
import type { SocialId } from './ids.ts';
import { notifyOfPost } from './notifications.ts';
import type { Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { addDeltas, type CounterDelta } from './store/counters.ts';
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
 * hydrated.
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
  const [post] = await hydratePosts(social, authorId, [outcome.id]);
  if (!post) throw new Error(`post ${outcome.id} vanished after its commit`);
  return post;
}

/** What one written post adds to its batch's statements. */
interface Written {
  id: SocialId;
  authorId: SocialId;
  replyToAuthor: SocialId | null;
  mentionIds: SocialId[];
  deltas: CounterDelta[];
}

/**
 * Writes `posts` in `tx`, in order: each the post created or why it was refused. Every refusal
 * is found by a read before anything of that post is written, so a refused post leaves the
 * transaction as it was for the others.
 */
export async function writePosts(
  social: Social,
  tx: Tx,
  posts: PreparedPost[],
): Promise<PostOutcome[]> {
  const outcomes: PostOutcome[] = [];
  const written: Written[] = [];
  for (const post of posts) {
    const result = await writePost(tx, post);
    if (result instanceof Problem) {
      outcomes.push({ refused: result });
      continue;
    }
    written.push(result);
    outcomes.push({ id: result.id, authorId: post.authorId });
  }
  if (written.length === 0) return outcomes;
  await addDeltas(
    tx,
    written.flatMap((w) => w.deltas),
  );
  const { core } = social;
  await core.jobs.enqueueMany(
    written.map((w) => fanoutJob.spec({ postId: w.id })),
    { tx },
  );
  for (const w of written) {
    await notifyOfPost(social, tx, {
      id: w.id,
      authorId: w.authorId,
      replyToAuthor: w.replyToAuthor,
      mentionIds: w.mentionIds,
    });
  }
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

async function writePost(tx: Tx, post: PreparedPost): Promise<Written | Problem> {
  const parent = post.replyToId ? await replyParent(tx, post.replyToId, post.authorId) : undefined;
  if (parent instanceof Problem) return parent;
  if (post.mediaIds.length > 0) {
    const free = await store.lockFreeMedia(tx, post.authorId, post.mediaIds);
    if (free !== post.mediaIds.length) {
      return new Problem('media-unusable', 'Some media_ids are not yours, unknown or attached');
    }
  }
  const { id } = await store.insertPost(tx, {
    authorId: post.authorId,
    text: post.text,
    replyToId: parent?.id ?? null,
    replyToAuthor: parent?.author_id ?? null,
    conversationId: parent?.conversation_id ?? null,
  });
  const mentionIds = await store.insertMentions(tx, id, post.mentions);
  await store.insertTags(tx, id, post.tags);
  if (post.mediaIds.length > 0) await store.attachMedia(tx, id, post.mediaIds);
  const deltas: CounterDelta[] = [{ subjectId: post.authorId, field: 'posts', delta: 1 }];
  if (parent) deltas.push({ subjectId: parent.id, field: 'replies', delta: 1 });
  return {
    id,
    authorId: post.authorId,
    replyToAuthor: parent?.author_id ?? null,
    mentionIds,
    deltas,
  };
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
