import type { PublishedEvent } from '../platform/events/publish.ts';
import type { App } from '../platform/http/app.ts';
import type { Core } from '../platform/module.ts';
import { hydratePosts } from './hydrate.ts';
import { type SocialId, socialId } from './ids.ts';
import type { Social } from './social.ts';
import { homeAudience, maySeePost, ownsProfile } from './store/live.ts';

// Live delivery (docs/social.md, "Live delivery and notifications"): one logged event per post on
// `social:posts`, and each process pushes it to the home timelines open on its own connections,
// unlogged (`deliverLocal`). A post to 10,000 connected followers is one log row and one query
// per process, not 10,000 logged events; a missed push is caught up with `since_id`.

/** The internal topic the posts code publishes `post.created` and `post.deleted` on. */
export const postsTopic = 'social:posts';
/** A home timeline's live topic is this and the profile id: `social:home-<profile id>`. */
const homePrefix = 'social:home-';

/** The data of `post.created` on `social:posts`, published in the post's transaction. */
export interface PostCreatedData {
  id: SocialId;
  author_id: SocialId;
  reply_to_author: SocialId | null;
  repost_of_id: SocialId | null;
}

/** The data of `post.deleted` on `social:posts`, published in the delete's transaction. */
export interface PostDeletedData {
  id: SocialId;
  author_id: SocialId;
}

/**
 * Who may subscribe to `social:<id>`: `home-<profile id>` (new posts for a home timeline) to its
 * owner only; `post-<post id>` (live counts) to whoever may see the post (it exists, is not
 * deleted, and its author and the user have not blocked each other). Anything else is refused.
 */
export async function authoriseSocialTopic(
  userId: string,
  id: string,
  core: Core,
): Promise<boolean> {
  const [, kind, subject] = /^(home|post)-(\d{1,19})$/.exec(id) ?? [];
  const subjectId = subject && validId(subject);
  if (!subjectId) return false;
  const { db } = core.database;
  return kind === 'home' ? ownsProfile(db, userId, subjectId) : maySeePost(db, userId, subjectId);
}

function validId(text: string): SocialId | undefined {
  try {
    return socialId(text, 'topic');
  } catch {
    return undefined;
  }
}

/**
 * Starts this process's live delivery: it listens to `social:posts` until the HTTP server closes.
 * Called from the module's routes, so it runs wherever the stream gateway does (roles `all` and
 * `api`), which a module service would not (services run only where jobs do).
 */
export function startLiveDelivery(app: App, social: Social): void {
  const { core } = social;
  // One event after another, so a post's deletion never overtakes its creation.
  let queue: Promise<void> = Promise.resolve();
  const unsubscribe = core.events.subscribe([postsTopic], (event) => {
    queue = queue
      .then(() => deliver(social, event))
      .catch((error) => core.log.warn({ err: error, id: event.id }, 'live delivery failed'));
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await queue;
  });
}

/** Pushes one `social:posts` event to the home timelines open here that it reaches. */
async function deliver(social: Social, event: PublishedEvent): Promise<void> {
  const { events } = social.core;
  const local = events
    .localTopics(homePrefix)
    .map((topic) => topic.slice(homePrefix.length))
    .filter((id) => /^\d{1,19}$/.test(id));
  if (local.length === 0) return;
  if (event.type === 'post.created') {
    const post = event.data as PostCreatedData;
    const audience = await audienceOf(social, post, local);
    if (audience.length === 0) return;
    const [hydrated] = await hydratePosts(social, undefined, [post.id]);
    if (!hydrated) return; // deleted meanwhile
    for (const profileId of audience) {
      events.deliverLocal(`${homePrefix}${profileId}`, { type: 'post.created', data: hydrated });
    }
  } else if (event.type === 'post.deleted') {
    const { id, author_id } = event.data as PostDeletedData;
    const post = { id, author_id, reply_to_author: null, repost_of_id: null };
    for (const profileId of await audienceOf(social, post, local)) {
      events.deliverLocal(`${homePrefix}${profileId}`, { type: 'post.deleted', data: { id } });
    }
  }
}

function audienceOf(social: Social, post: PostCreatedData, local: SocialId[]) {
  return homeAudience(
    social.core.database.db,
    {
      authorId: post.author_id,
      replyToAuthor: post.reply_to_author,
      repostOfId: post.repost_of_id,
    },
    local,
  );
}
