import type { PublishedEvent } from '../platform/events/publish.ts';
import type { App } from '../platform/http/app.ts';
import type { Core } from '../platform/module.ts';
import { hydratePosts } from './hydrate.ts';
import { type SocialId, socialId } from './ids.ts';
import type { Social } from './social.ts';
import { homeAudiences, type LivePost, maySeePost, ownsProfile } from './store/live.ts';

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

/** Events handled in one query, at most: those that arrived while the last batch was handled. */
const maxBatch = 500;

/**
 * Starts this process's live delivery: it listens to `social:posts` until the HTTP server closes.
 * Called from the module's routes, so it runs wherever the stream gateway does (roles `all` and
 * `api`), which a module service would not (services run only where jobs do). Events are handled
 * in arrival order, those that arrived meanwhile as one batch (one audience query, one
 * hydration), so a deletion never overtakes its post and a burst of posts is not a query each.
 */
export function startLiveDelivery(app: App, social: Social): void {
  const { core } = social;
  const pending: PublishedEvent[] = [];
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      await deliver(social, batch).catch((error) =>
        core.log.warn({ err: error, events: batch.length }, 'live delivery failed'),
      );
    }
    draining = undefined;
  }

  const unsubscribe = core.events.subscribe([postsTopic], (event) => {
    pending.push(event);
    draining ??= drain();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await draining;
  });
}

/** A `social:posts` event as live delivery needs it. */
interface LiveEvent {
  type: 'post.created' | 'post.deleted';
  id: SocialId;
  post: LivePost;
}

function liveEvent(event: PublishedEvent): LiveEvent | undefined {
  if (event.type !== 'post.created' && event.type !== 'post.deleted') return undefined;
  const data = event.data as PostCreatedData;
  return {
    type: event.type,
    id: data.id,
    post: {
      authorId: data.author_id,
      // A deletion goes to every follower who may have had it: no reply rule.
      replyToAuthor: event.type === 'post.created' ? (data.reply_to_author ?? null) : null,
      repostOfId: event.type === 'post.created' ? (data.repost_of_id ?? null) : null,
    },
  };
}

/** Pushes `social:posts` events to the home timelines open here that they reach. */
async function deliver(social: Social, batch: PublishedEvent[]): Promise<void> {
  const { events, log } = social.core;
  const local = events
    .localTopics(homePrefix)
    .map((topic) => topic.slice(homePrefix.length))
    .filter((id) => /^\d{1,19}$/.test(id));
  if (local.length === 0) return;
  const live = batch.map(liveEvent).filter((event) => event !== undefined);
  const audiences = await homeAudiences(
    social.core.database.db,
    live.map((event) => event.post),
    local,
  );
  const created = live
    .filter((event, index) => event.type === 'post.created' && audiences[index]?.length)
    .map((event) => event.id);
  // Hydrated once for every reader; a failure still lets the deletions through.
  const posts =
    created.length === 0
      ? []
      : await hydratePosts(social, undefined, created).catch((error) => {
          log.warn({ err: error, posts: created }, 'live delivery could not hydrate posts');
          return [];
        });
  const hydrated = new Map(posts.map((post) => [post.id, post]));
  for (const [index, event] of live.entries()) {
    const data = event.type === 'post.created' ? hydrated.get(event.id) : { id: event.id };
    if (!data) continue; // deleted meanwhile, or not hydrated
    for (const profileId of audiences[index] ?? []) {
      events.deliverLocal(`${homePrefix}${profileId}`, { type: event.type, data });
    }
  }
}
