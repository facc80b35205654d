import { transaction } from '../platform/db/database.ts';
import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import {
  excerpt,
  nameOf,
  notifyBellJob,
  notifyGroupJob,
  sendNotices,
  watchingChannels,
} from './notifications.ts';
import { type Social, socialOf } from './social.ts';
import {
  bellFollowers,
  findActor,
  findNotifiedPost,
  markReactionsTold,
  reactionGroup,
} from './store/notifications.ts';

// The notification jobs (notifications.ts enqueues them): bell posts, a page of followers per
// run, and grouped likes and reposts.

/** Bell followers told per run of `social.notify-bell`. */
const bellPage = 1_000;

/**
 * One page of a post's bell followers (`social.post`). The page's notifications and the job for
 * the next page are written in one transaction, so a retry tells no one twice and a failure
 * loses no one; a post with many bell followers is a chain of jobs, one at a time.
 */
async function notifyBell(social: Social, postId: string, after = '0'): Promise<void> {
  const { db } = social.core.database;
  await transaction(db, async (tx) => {
    const post = await findNotifiedPost(tx, postId);
    if (!post?.bell) return;
    const page = await bellFollowers(tx, post.author_id, after, bellPage);
    const name = nameOf(await findActor(tx, post.author_id));
    await sendNotices(social, tx, page, () => ({
      event: 'social.post',
      title: `${name} posted`,
      body: excerpt(post.text),
      data: { post_id: postId, author_id: post.author_id },
    }));
    const last = page.at(-1);
    if (page.length === bellPage && last) {
      await social.core.jobs.enqueue(notifyBellJob.spec({ postId, after: last.profile_id }), {
        tx,
      });
    }
  });
}

/**
 * One notification of the likes (or reposts) of a post since its author last heard of them:
 * "Ada and 998 others liked your post". In-app each time; by email and push at most once an
 * hour per post and kind (`social_notify_marks`), and only when the author is not on the stream.
 */
async function notifyGroup(
  social: Social,
  group: { recipientId: string; postId: string; kind: 'like' | 'repost' },
): Promise<void> {
  const { core } = social;
  await transaction(core.database.db, async (tx) => {
    const found = await reactionGroup(tx, group.recipientId, group.postId, group.kind);
    if (!found?.newest_at || found.count === 0) return;
    const watching = (await core.events.online([found.user_id], { tx })).has(found.user_id);
    const emailed = found.may_email && !watching;
    const others = found.count - 1;
    const who =
      others === 0
        ? found.newest_name
        : `${found.newest_name} and ${others} other${others === 1 ? '' : 's'}`;
    await core.notify.send(tx, {
      userId: found.user_id,
      event: group.kind === 'like' ? 'social.like' : 'social.repost',
      title: `${who} ${group.kind === 'like' ? 'liked' : 'reposted'} your post`,
      body: excerpt(found.text),
      data: { post_id: group.postId, count: found.count },
      ...(!emailed && { limitTo: watchingChannels }),
    });
    await markReactionsTold(tx, { ...group, through: found.newest_at, emailed });
  });
}

/** The handlers of the notification jobs. */
export function notificationJobs(core: Core): JobRegistration[] {
  const social = () => socialOf(core);
  return [
    notifyBellJob.handle((job) => notifyBell(social(), job.payload.postId, job.payload.after)),
    notifyGroupJob.handle((job) => notifyGroup(social(), job.payload)),
  ];
}
