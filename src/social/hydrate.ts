import type { SocialId } from './ids.ts';
import type { OriginalPost, Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { type PostBodyRow, type PostStateRow, postStates } from './store/hydrate.ts';

/** What the posts of a page are for its viewer now, by id (the posts reposted included). */
export type PostStates = Map<SocialId, PostStateRow>;

/**
 * The posts `ids` as `viewerId` sees them, in the order of `ids`: author, media, mentions, tags,
 * counts (folded and pending), the viewer's like and repost, and for a repost the post reposted.
 * Deleted posts, and posts the viewer may not see (blocked either way; for a repost, its original
 * too), are left out, as are unknown ids. `hideMuted` also leaves out authors the viewer muted.
 * One light query a page (`readPostStates`); the bodies come from the process's `postBodies`,
 * read only when not seen lately.
 *
 * @example
 * const posts = await hydratePosts(social, viewerId, entries.map((e) => e.entryId));
 */
export async function hydratePosts(
  social: Social,
  viewerId: SocialId | undefined,
  ids: SocialId[],
  { hideMuted = false }: { hideMuted?: boolean } = {},
): Promise<Post[]> {
  if (ids.length === 0) return [];
  return hydrateFrom(social, await readPostStates(social, viewerId, ids, hideMuted), ids);
}

/**
 * What `ids` (and the posts they repost) are for `viewerId` now: whether each may be shown, its
 * counts, the viewer's marks. A home page reads them once for every entry it walks, then
 * hydrates the ones it shows from them (`hydrateFrom`).
 */
export async function readPostStates(
  social: Social,
  viewerId: SocialId | undefined,
  ids: SocialId[],
  hideMuted: boolean,
): Promise<PostStates> {
  if (ids.length === 0) return new Map();
  const rows = await postStates(social.core.database.pool, viewerId ?? null, ids, hideMuted);
  return new Map(rows.map((row) => [row.id, row]));
}

/** What a post its author has just written is for them: shown, nothing counted or marked yet. */
export function newPostState(id: SocialId): PostStateRow {
  return {
    id,
    repost_of_id: null,
    hidden: false,
    likes: 0,
    reposts: 0,
    replies: 0,
    impressions: 0,
    liked: false,
    reposted: false,
  };
}

/** Whether `id` may be shown: live and not hidden, and so is the post it reposts. */
export function isShown(states: PostStates, id: SocialId): boolean {
  const state = states.get(id);
  if (!state || state.hidden) return false;
  if (!state.repost_of_id) return true;
  const original = states.get(state.repost_of_id);
  return original !== undefined && !original.hidden;
}

/** The posts `ids` that `states` says may be shown, in order, with their bodies. */
export async function hydrateFrom(
  social: Social,
  states: PostStates,
  ids: SocialId[],
): Promise<Post[]> {
  const shownIds = ids.filter((id) => isShown(states, id));
  const originals = shownIds.flatMap((id) => states.get(id)?.repost_of_id ?? []);
  const bodies = await social.postBodies.get([...shownIds, ...originals]);
  const urlOf = (hash: string) => social.core.blobs.urlOf(hash);
  const json = (id: SocialId) => {
    const state = states.get(id);
    const body = bodies.get(id);
    return state && body ? postJson(body, state, urlOf) : undefined;
  };
  const posts: Post[] = [];
  for (const id of shownIds) {
    const post = json(id);
    const originalId = states.get(id)?.repost_of_id;
    const original = originalId ? json(originalId) : undefined;
    if (!post || (originalId && !original)) continue;
    posts.push({ ...post, repost_of: original ?? null });
  }
  return posts;
}

function postJson(
  body: PostBodyRow,
  state: PostStateRow,
  urlOf: (hash: string) => string,
): OriginalPost {
  return {
    id: body.id,
    author: {
      id: body.author_id,
      handle: body.handle,
      display_name: body.display_name,
      avatar_url: body.avatar_thumb ? urlOf(body.avatar_thumb) : null,
    },
    text: body.text,
    created_at: body.created_at.toISOString(),
    reply_to_id: body.reply_to_id,
    conversation_id: body.conversation_id,
    media: body.media.map((media) => ({
      id: media.id,
      content_type: media.content_type,
      url: urlOf(media.blob_hash),
      thumbnail_url: urlOf(media.thumb_hash),
      width: media.width,
      height: media.height,
      blurhash: media.blurhash,
      alt: media.alt,
    })),
    mentions: body.mentions,
    tags: body.tags,
    counts: {
      likes: state.likes,
      reposts: state.reposts,
      replies: state.replies,
      impressions: state.impressions,
    },
    viewer: { liked: state.liked, reposted: state.reposted },
  };
}
