import type { Tx } from '../platform/db/database.ts';
import type { SocialId } from './ids.ts';
import type { Social } from './social.ts';

// What the microblog tells people who are not looking (docs/social.md, "Notifications"):
// mentions, replies, new followers and bell posts at once; likes and reposts grouped per post.

/** A new post's notifications (mentions, the reply's parent author), in the post's transaction. */
export async function notifyOfPost(
  _social: Social,
  _tx: Tx,
  _post: {
    id: SocialId;
    authorId: SocialId;
    replyToAuthor: SocialId | null;
    mentionIds: SocialId[];
  },
): Promise<void> {}

/** A new follower's notification, in the follow's transaction. */
export async function notifyOfFollow(
  _social: Social,
  _tx: Tx,
  _follow: { followerId: SocialId; followeeId: SocialId },
): Promise<void> {}

/**
 * New likes and reposts of posts, as the counter fold finds them (each post once a fold): the
 * author hears of them grouped, not once per like.
 */
export async function notifyOfReactions(
  _social: Social,
  _tx: Tx,
  _reactions: { postId: SocialId; kind: 'like' | 'repost'; count: number }[],
): Promise<void> {}
