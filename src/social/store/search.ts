import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// Post search (docs/social.md, "Search"): full text over `social_posts.search` (the `simple`
// dictionary: words as written, no stemming). Hashtags are searched in `social_post_tags` by the
// tag timeline's query (store/posts.ts, `tagPostIds`).

/**
 * The live posts whose text has the words of `q` (web-search syntax: quotes, `-word`, `or`),
 * newest first, below `beforeId`: ids only, for `hydratePosts`, which leaves out what the
 * viewer may not see. Newest first, not by rank: a keyset on the id walks `social_posts`' primary
 * key for common words and the GIN index for rare ones, where ranking would score every match.
 */
export async function searchPostIds(
  db: Db,
  q: string,
  beforeId: SocialId | undefined,
  limit: number,
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_posts
     WHERE search @@ websearch_to_tsquery('simple', ${q}) AND deleted_at IS NULL
       ${beforeId === undefined ? sql`` : sql`AND id < ${beforeId}::bigint`}
     ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return rows.map((row) => row.id);
}
