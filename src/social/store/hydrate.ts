import type pg from 'pg';
import type { SocialId } from '../ids.ts';
import type { MediaRow } from './media.ts';

// The hydration queries (hydrate.ts), the hot path of every timeline. A post's body (author,
// text, media, mentions, tags) does not change once written, so it is read once and kept in the
// process (post-bodies.ts); what does change, or differs by viewer, is read for every page in one
// light statement: whether the viewer may see it, its counts, and whether they liked or reposted
// it. Both are functions, planned once per pooled connection (planning either as a statement
// cost more than running it).

/** What a post shows whoever reads it; its author's name as it was when read (a minute at most). */
export interface PostBodyRow {
  id: SocialId;
  author_id: SocialId;
  handle: string;
  display_name: string;
  avatar_thumb: string | null;
  text: string;
  created_at: Date;
  reply_to_id: SocialId | null;
  conversation_id: SocialId;
  repost_of_id: SocialId | null;
  media: Omit<MediaRow, 'owner_id' | 'post_id'>[];
  mentions: { id: SocialId; handle: string }[];
  tags: string[];
}

/** What a post is for one viewer now: whether it may be shown, its counts, their own marks. */
export interface PostStateRow {
  id: SocialId;
  repost_of_id: SocialId | null;
  /** Deleted, or its author blocked the viewer or is blocked by them (or muted, when asked). */
  hidden: boolean;
  likes: number;
  reposts: number;
  replies: number;
  impressions: number;
  liked: boolean;
  reposted: boolean;
}

/** The bodies of `ids` (any order; unknown ids give no row). */
export async function postBodies(pool: pg.Pool, ids: SocialId[]): Promise<PostBodyRow[]> {
  const { rows } = await pool.query<PostBodyRow>({
    name: 'social.post-bodies',
    // migrations/001_social.sql: a function, so that its plan is kept.
    text: 'SELECT * FROM social_post_bodies($1)',
    values: [ids],
  });
  return rows;
}

/**
 * The state of `ids` and of the posts they repost, for `viewerId` (null: nobody); `hideMuted`
 * also hides authors the viewer muted (timelines).
 */
export async function postStates(
  pool: pg.Pool,
  viewerId: SocialId | null,
  ids: SocialId[],
  hideMuted: boolean,
): Promise<PostStateRow[]> {
  const { rows } = await pool.query<PostStateRow>({
    name: 'social.post-states',
    // migrations/001_social.sql: a function, so that its plan is kept.
    text: 'SELECT * FROM social_post_states($1, $2, $3)',
    values: [viewerId, ids, hideMuted],
  });
  return rows;
}
