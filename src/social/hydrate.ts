import type { SocialId } from './ids.ts';
import type { OriginalPost, Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { type HydrationRow, hydrationRows } from './store/hydrate.ts';

/**
 * The posts `ids` as `viewerId` sees them, in the order of `ids`: author, media, mentions, tags,
 * counts (folded and pending), the viewer's like and repost, and for a repost the post reposted.
 * Deleted posts, and posts the viewer may not see (blocked either way; for a repost, its original
 * too), are left out, as are unknown ids. One query, whatever the number of posts: this is the
 * hot path of every timeline. `hideMuted` also leaves out authors the viewer muted.
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
  const rows = await hydrationRows(social.core.database.pool, viewerId ?? null, ids, hideMuted);
  const urlOf = (hash: string) => social.core.blobs.urlOf(hash);
  const originals = new Map<number, HydrationRow>();
  for (const row of rows) if (row.original) originals.set(row.ord, row);
  const posts: { ord: number; post: Post }[] = [];
  for (const row of rows) {
    if (row.original || row.hidden) continue;
    const original = originals.get(row.ord);
    if (row.repost_of_id && (!original || original.hidden)) continue;
    const repost_of = original ? postJson(original, urlOf) : null;
    posts.push({ ord: row.ord, post: { ...postJson(row, urlOf), repost_of } });
  }
  return posts.sort((a, b) => a.ord - b.ord).map(({ post }) => post);
}

function postJson(row: HydrationRow, urlOf: (hash: string) => string): OriginalPost {
  return {
    id: row.id,
    author: {
      id: row.author_id,
      handle: row.handle,
      display_name: row.display_name,
      avatar_url: row.avatar_hash ? urlOf(row.avatar_hash) : null,
    },
    text: row.text,
    created_at: row.created_at.toISOString(),
    reply_to_id: row.reply_to_id,
    conversation_id: row.conversation_id,
    media: row.media.map((media) => ({
      id: media.id,
      content_type: media.content_type,
      url: urlOf(media.blob_hash),
      thumbnail_url: urlOf(media.thumb_hash),
      width: media.width,
      height: media.height,
      blurhash: media.blurhash,
      alt: media.alt,
    })),
    mentions: row.mentions,
    tags: row.tags,
    counts: {
      likes: row.likes,
      reposts: row.reposts,
      replies: row.replies,
      impressions: row.impressions,
    },
    viewer: { liked: row.liked, reposted: row.reposted },
  };
}
