import type { SocialId } from './ids.ts';
import type { Post } from './post-schemas.ts';
import type { Social } from './social.ts';

/**
 * The posts `ids` as `viewerId` sees them, in the order of `ids`: author, media, mentions, tags,
 * counts (folded and pending), the viewer's like and repost, and for a repost the post reposted.
 * Deleted posts, and posts the viewer may not see (blocked either way), are left out.
 */
export async function hydratePosts(
  _social: Social,
  _viewerId: SocialId | undefined,
  _ids: SocialId[],
): Promise<Post[]> {
  throw new Error('not built yet');
}
