import type pg from 'pg';
import type { SocialId } from '../ids.ts';
import type { MediaRow } from './media.ts';

// The hydration queries (hydrate.ts), the hot path of every timeline. A post's body (author,
// text, media, mentions, tags) does not change once written, so it is read once and kept in the
// process (post-bodies.ts); what does change, or differs by viewer, is read for every page in one
// light statement: whether the viewer may see it, its counts, and whether they liked or reposted
// it. Both are named statements, planned once per pooled connection (planning the old single
// query cost as much as running it).

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
    text: bodiesQuery,
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

// $1 the ids.
const bodiesQuery = `
  SELECT p.id::text AS id, p.author_id::text AS author_id, a.handle, a.display_name,
         avatar.thumb_hash AS avatar_thumb, p.text, p.created_at,
         p.reply_to_id::text AS reply_to_id, p.conversation_id::text AS conversation_id,
         p.repost_of_id::text AS repost_of_id,
         coalesce((SELECT json_agg(json_build_object(
             'id', m.id::text, 'content_type', m.content_type, 'blob_hash', m.blob_hash,
             'thumb_hash', m.thumb_hash, 'width', m.width, 'height', m.height,
             'blurhash', m.blurhash, 'alt', m.alt) ORDER BY m.position)
           FROM social_media m WHERE m.post_id = p.id), '[]') AS media,
         coalesce((SELECT json_agg(json_build_object('id', pr.id::text, 'handle', pr.handle)
                                   ORDER BY pr.handle)
           FROM social_mentions mn JOIN social_profiles pr ON pr.id = mn.profile_id
          WHERE mn.post_id = p.id), '[]') AS mentions,
         coalesce((SELECT array_agg(t.tag ORDER BY t.tag) FROM social_post_tags t
                    WHERE t.post_id = p.id), '{}') AS tags
    FROM social_posts p
    JOIN social_profiles a ON a.id = p.author_id
    LEFT JOIN social_media avatar ON avatar.id = a.avatar_media_id
   WHERE p.id = ANY($1::bigint[])`;
