import type { SocialId } from './ids.ts';
import type { OriginalPost, Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { type PostBodyRow, type PostStateRow, postStates } from './store/hydrate.ts';

/**
 * The posts `ids` as `viewerId` sees them, in the order of `ids`: author, media, mentions, tags,
 * counts (folded and pending), the viewer's like and repost, and for a repost the post reposted.
 * Deleted posts, and posts the viewer may not see (blocked either way; for a repost, its original
 * too), are left out, as are unknown ids. `hideMuted` also leaves out authors the viewer muted.
 * One light query a page (what the viewer may see, counts, their marks); the bodies come from
 * the process's `postBodies`, read only when not seen lately.
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
  const pool = social.core.database.pool;
  const states = new Map(
    (await postStates(pool, viewerId ?? null, ids, hideMuted)).map((row) => [row.id, row]),
  );
  const bodies = await social.postBodies.get([...states.keys()]);
  const urlOf = (hash: string) => social.core.blobs.urlOf(hash);
  const shown = (id: SocialId) => {
    const state = states.get(id);
    const body = bodies.get(id);
    return state && body && !state.hidden ? postJson(body, state, urlOf) : undefined;
  };
  const posts: Post[] = [];
  for (const id of ids) {
    const post = shown(id);
    const originalId = states.get(id)?.repost_of_id;
    const original = originalId ? shown(originalId) : undefined;
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
