import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The SQL of notifications (notifications.ts, notify-jobs.ts). Muted or blocked actors never
// notify: every query that picks recipients leaves out those who muted the actor, and blocks
// either way.

/** A profile to notify, with the user the notification goes to. */
export interface Recipient {
  profile_id: SocialId;
  user_id: string;
}

/** Who a notification names: the actor's handle and display name. */
export interface Actor {
  handle: string;
  display_name: string;
}

/** `recipient` (a profile column) has not muted `actor`, and neither blocked the other. */
const hears = (recipient: string, actor: string) => sql`
  NOT EXISTS (SELECT 1 FROM social_mutes m
              WHERE m.muter_id = ${sql.ref(recipient)} AND m.muted_id = ${sql.raw(actor)})
  AND NOT EXISTS (SELECT 1 FROM social_blocks b
                  WHERE (b.blocker_id = ${sql.ref(recipient)} AND b.blocked_id = ${sql.raw(actor)})
                     OR (b.blocker_id = ${sql.raw(actor)} AND b.blocked_id = ${sql.ref(recipient)}))`;

/** Of the profiles `ids`, those other than `actorId` who hear from it, with their users. */
export async function recipientsAmong(
  tx: Db | Tx,
  actorId: SocialId,
  ids: SocialId[],
): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<Recipient>`
    WITH actor AS (SELECT ${actorId}::bigint AS id)
    SELECT r.id::text AS profile_id, r.user_id::text AS user_id
    FROM social_profiles r, actor
    WHERE r.id = ANY(${ids}::bigint[]) AND r.id <> actor.id AND ${hears('r.id', 'actor.id')}`.execute(
    tx,
  );
  return rows;
}

export async function findActor(tx: Db | Tx, profileId: SocialId): Promise<Actor | undefined> {
  const { rows } = await sql<Actor>`
    SELECT handle, display_name FROM social_profiles WHERE id = ${profileId}::bigint`.execute(tx);
  return rows[0];
}

/** What a notification about a post says of it. */
export interface NotifiedPost {
  author_id: SocialId;
  text: string;
  /** A reply, a repost or deleted: no bell for it. */
  bell: boolean;
}

export async function findNotifiedPost(
  tx: Db | Tx,
  postId: SocialId,
): Promise<NotifiedPost | undefined> {
  const { rows } = await sql<NotifiedPost>`
    SELECT author_id::text AS author_id, text,
           (reply_to_id IS NULL AND repost_of_id IS NULL AND deleted_at IS NULL) AS bell
    FROM social_posts WHERE id = ${postId}::bigint`.execute(tx);
  return rows[0];
}

/** Those of `authorIds` for whom anyone rang the bell (follows with `notify`). */
export async function authorsWithBellFollowers(
  tx: Db | Tx,
  authorIds: SocialId[],
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT a.id::text AS id FROM unnest(${[...new Set(authorIds)]}::bigint[]) AS a(id)
     WHERE EXISTS (SELECT 1 FROM social_follows WHERE followee_id = a.id AND notify)`.execute(tx);
  return rows.map((row) => row.id);
}

/** The next `limit` bell followers of `authorId` after profile `after`, in id order, who hear. */
export async function bellFollowers(
  tx: Db | Tx,
  authorId: SocialId,
  after: SocialId,
  limit: number,
): Promise<Recipient[]> {
  const { rows } = await sql<Recipient>`
    WITH actor AS (SELECT ${authorId}::bigint AS id)
    SELECT f.follower_id::text AS profile_id, r.user_id::text AS user_id
    FROM actor, social_follows f JOIN social_profiles r ON r.id = f.follower_id
    WHERE f.followee_id = actor.id AND f.notify AND f.follower_id > ${after}::bigint
      AND ${hears('f.follower_id', 'actor.id')}
    ORDER BY f.follower_id LIMIT ${limit}`.execute(tx);
  return rows;
}

/** The authors of those of `postIds` not deleted: who hears of their likes and reposts. */
export async function postAuthors(
  tx: Db | Tx,
  postIds: SocialId[],
): Promise<{ id: SocialId; author_id: SocialId }[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<{ id: SocialId; author_id: SocialId }>`
    SELECT id::text AS id, author_id::text AS author_id FROM social_posts
    WHERE id = ANY(${postIds}::bigint[]) AND deleted_at IS NULL`.execute(tx);
  return rows;
}

/** A grouped reaction: likes or reposts of one post, told to its author. */
export type ReactionKind = 'like' | 'repost';

/** The reactions to a post since its author last heard of them. */
export interface ReactionGroup {
  user_id: string;
  /** Reactions since the last notification, from people the author hears from. */
  count: number;
  /**
   * When the newest of them was made, as PostgreSQL's text (a Date would lose the microseconds,
   * and the newest would count again next time): up to it, the author has been told.
   */
  newest_at: string | null;
  /** The newest reactor's display name (or handle). */
  newest_name: string | null;
  text: string;
  /** No email or push of this group in the last hour. */
  may_email: boolean;
}

/**
 * The likes (or reposts) of `postId` newer than the author's last notification of them (the mark
 * in `social_notify_marks`), leaving out the author's own and those of people they muted or who
 * are blocked either way. Undefined if the post or its author is gone.
 */
export async function reactionGroup(
  tx: Db | Tx,
  recipientId: SocialId,
  postId: SocialId,
  kind: ReactionKind,
): Promise<ReactionGroup | undefined> {
  const reactions =
    kind === 'like'
      ? sql`SELECT profile_id AS actor_id, created_at FROM social_likes
            WHERE post_id = ${postId}::bigint`
      : sql`SELECT author_id AS actor_id, created_at FROM social_posts
            WHERE repost_of_id = ${postId}::bigint AND deleted_at IS NULL`;
  const { rows } = await sql<ReactionGroup>`
    WITH actor AS (SELECT ${recipientId}::bigint AS id),
    mark AS (
      SELECT last_sent_at, last_emailed_at FROM social_notify_marks
      WHERE recipient_id = ${recipientId}::bigint AND post_id = ${postId}::bigint AND kind = ${kind}
    ),
    fresh AS (
      SELECT x.actor_id, x.created_at FROM (${reactions}) x, actor
      WHERE x.actor_id <> actor.id
        AND x.created_at > coalesce((SELECT last_sent_at FROM mark), '-infinity')
        AND ${hears('x.actor_id', 'actor.id')}
    ),
    newest AS (SELECT actor_id, created_at FROM fresh ORDER BY created_at DESC LIMIT 1)
    SELECT r.user_id::text AS user_id, p.text,
           (SELECT count(*)::int FROM fresh) AS count,
           (SELECT created_at::text FROM newest) AS newest_at,
           (SELECT coalesce(nullif(display_name, ''), '@' || handle)
              FROM social_profiles WHERE id = (SELECT actor_id FROM newest)) AS newest_name,
           coalesce((SELECT last_emailed_at FROM mark) < now() - interval '1 hour', true)
             AS may_email
    FROM social_posts p JOIN social_profiles r ON r.id = p.author_id
    WHERE p.id = ${postId}::bigint AND p.author_id = ${recipientId}::bigint
      AND p.deleted_at IS NULL`.execute(tx);
  return rows[0];
}

/** Records that the author was told of the reactions up to `through` (and emailed, if so). */
export async function markReactionsTold(
  tx: Db | Tx,
  mark: {
    recipientId: SocialId;
    postId: SocialId;
    kind: ReactionKind;
    through: string;
    emailed: boolean;
  },
): Promise<void> {
  await sql`
    INSERT INTO social_notify_marks AS m (recipient_id, post_id, kind, last_sent_at, last_emailed_at)
    VALUES (${mark.recipientId}::bigint, ${mark.postId}::bigint, ${mark.kind}, ${mark.through}::timestamptz,
            CASE WHEN ${mark.emailed} THEN now() END)
    ON CONFLICT (recipient_id, post_id, kind) DO UPDATE
      SET last_sent_at = excluded.last_sent_at,
          last_emailed_at = coalesce(excluded.last_emailed_at, m.last_emailed_at)`.execute(tx);
}
