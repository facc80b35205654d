import type { Tx } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { SocialId } from './ids.ts';
import type { Social } from './social.ts';
import {
  type Actor,
  authorsWithBellFollowers,
  findActor,
  findNotifiedPost,
  postAuthors,
  type ReactionKind,
  type Recipient,
  recipientsAmong,
} from './store/notifications.ts';

// What the microblog tells people who are not looking (docs/social.md, "Live delivery and
// notifications"): mentions, replies, new followers and bell posts at once; likes and reposts
// grouped per post. Everything goes through `core.notify.send` in the caller's transaction; email
// and push only to recipients who are not on the stream right now (`core.events.online`).

/** Recipients of one post's mentions and reply, at most (a post naming 50 people notifies 10). */
const maxPostRecipients = 10;
/** How long likes and reposts of a post gather before their author hears of them. */
const groupDelayMs = 60_000;

/** Tells a post's bell followers of it, a page at a time; enqueued by `notifyOfPosts`. */
export const notifyBellJob = defineJob<{ postId: SocialId; after?: SocialId }>(
  'social.notify-bell',
  { maxAttempts: 10 },
);

/** Tells a post's author of its likes (or reposts) of the last minute, in one notification. */
export const notifyGroupJob = defineJob<{
  recipientId: SocialId;
  postId: SocialId;
  kind: ReactionKind;
}>('social.notify-group', { maxAttempts: 10 });

/** One notification of the microblog, to a profile who hears from its actor. */
export interface SocialNotice {
  event: 'social.mention' | 'social.reply' | 'social.follow' | 'social.post';
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/**
 * Sends `notice` to each recipient in `tx`: by their preferences, but in-app (and webhooks) only
 * for those connected to the stream now, who see it live and need no email or push about it.
 */
export async function sendNotices(
  social: Social,
  tx: Tx,
  recipients: Recipient[],
  notice: (recipient: Recipient) => SocialNotice,
): Promise<void> {
  if (recipients.length === 0) return;
  const { core } = social;
  const online = await core.events.online(
    recipients.map((recipient) => recipient.user_id),
    { tx },
  );
  for (const recipient of recipients) {
    await core.notify.send(tx, {
      userId: recipient.user_id,
      ...notice(recipient),
      ...(online.has(recipient.user_id) && { limitTo: watchingChannels }),
    });
  }
}

/** The channels of a notification to someone watching the app: no email, no push. */
export const watchingChannels = ['in_app', 'webhook'] as const;

/** How a notification names a person: their display name, else their handle. */
export function nameOf(actor: Actor | undefined): string {
  if (!actor) return 'Someone';
  return actor.display_name || `@${actor.handle}`;
}

/** A post's text as a notification body: its first 140 characters. */
export function excerpt(text: string): string {
  const characters = [...text];
  return characters.length <= 140 ? text : `${characters.slice(0, 139).join('')}…`;
}

/** A new post, as its notifications need it. */
export interface NotifiedNewPost {
  id: SocialId;
  authorId: SocialId;
  replyToAuthor: SocialId | null;
  mentionIds: SocialId[];
}

/**
 * New posts' notifications, in the posts' transaction: each reply's parent author
 * (`social.reply`) and the people a post mentions (`social.mention`), at most 10, never the
 * author, never someone who muted or blocked the author (or was blocked). Bell followers are told
 * by a `social.notify-bell` job, so a post's transaction stays short however many rang the bell;
 * whose authors have any is one statement for the whole batch.
 */
export async function notifyOfPosts(
  social: Social,
  tx: Tx,
  posts: NotifiedNewPost[],
): Promise<void> {
  for (const post of posts) await notifyNamed(social, tx, post);
  const roots = posts.filter((post) => post.replyToAuthor === null);
  if (roots.length === 0) return;
  const ringing = new Set(
    await authorsWithBellFollowers(
      tx,
      roots.map((post) => post.authorId),
    ),
  );
  await social.core.jobs.enqueueMany(
    roots
      .filter((post) => ringing.has(post.authorId))
      .map((post) =>
        notifyBellJob.spec({ postId: post.id }, { uniqueKey: `social.notify-bell:${post.id}` }),
      ),
    { tx },
  );
}

/** Tells the people a post names (its parent's author, its mentions) who hear its author. */
async function notifyNamed(social: Social, tx: Tx, post: NotifiedNewPost): Promise<void> {
  const named = [...new Set([post.replyToAuthor, ...post.mentionIds])].filter(
    (id): id is SocialId => id !== null && id !== post.authorId,
  );
  const recipients = await recipientsAmong(tx, post.authorId, named.slice(0, maxPostRecipients));
  if (recipients.length === 0) return;
  const name = nameOf(await findActor(tx, post.authorId));
  const body = excerpt((await findNotifiedPost(tx, post.id))?.text ?? '');
  const data = { post_id: post.id, author_id: post.authorId };
  await sendNotices(social, tx, recipients, (recipient) =>
    recipient.profile_id === post.replyToAuthor
      ? { event: 'social.reply', title: `${name} replied to you`, body, data }
      : { event: 'social.mention', title: `${name} mentioned you`, body, data },
  );
}

/** A new follower's notification (`social.follow`), in the follow's transaction. */
export async function notifyOfFollow(
  social: Social,
  tx: Tx,
  follow: { followerId: SocialId; followeeId: SocialId },
): Promise<void> {
  const recipients = await recipientsAmong(tx, follow.followerId, [follow.followeeId]);
  if (recipients.length === 0) return;
  const name = nameOf(await findActor(tx, follow.followerId));
  await sendNotices(social, tx, recipients, () => ({
    event: 'social.follow',
    title: `${name} followed you`,
    body: '',
    data: { follower_id: follow.followerId },
  }));
}

/**
 * New likes and reposts of posts, as the counter fold finds them (each post once a fold): the
 * author hears of them grouped, not once per like. Each (kind, post) gets one
 * `social.notify-group` job a minute later; while it waits, more reactions join it (its unique
 * key), and it tells of all of them at once.
 */
export async function notifyOfReactions(
  social: Social,
  tx: Tx,
  reactions: { postId: SocialId; kind: ReactionKind; count: number }[],
): Promise<void> {
  const reacted = reactions.filter((reaction) => reaction.count > 0);
  const authors = new Map(
    (await postAuthors(tx, [...new Set(reacted.map((reaction) => reaction.postId))])).map(
      (post) => [post.id, post.author_id],
    ),
  );
  const specs = reacted.flatMap(({ postId, kind }) => {
    const recipientId = authors.get(postId);
    if (!recipientId) return [];
    const uniqueKey = `social.notify-group:${kind}:${postId}`;
    return [
      notifyGroupJob.spec({ recipientId, postId, kind }, { uniqueKey, delayMs: groupDelayMs }),
    ];
  });
  await social.core.jobs.enqueueMany(specs, { tx });
}
