import { type AliasedRawBuilder, type ColumnType, type Generated, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The microblog's tables as Kysely sees them (migrations/001_social.sql says why each column is
// there). Every bigint id is a `SocialId` (a decimal string). PostgreSQL accepts one as a
// parameter as it is, but node-postgres reads a bigint column back as a Number, which loses
// digits past 2^53 (and every social id is past it): a query that returns an id selects it
// through `idText` (`::text`), never bare.

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** A column the database fills when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** An id the database makes (`social_id()`) unless given. */
type MadeId = Generated<SocialId>;

/** Where a home timeline stands (`social_profiles.home_state`). */
export type HomeState =
  /** Fanned out to: the stored timeline is whole. */
  | 'live'
  /** Being rebuilt on the user's return; fanned out to again already. */
  | 'rebuilding'
  /** Inactive longer than SOCIAL_ACTIVE_DAYS: skipped by fan-out, nothing stored. */
  | 'cold';

/** What a counter counts (`social_counters.field`). */
export const counterFields = {
  likes: 1,
  reposts: 2,
  replies: 3,
  impressions: 4,
  followers: 5,
  following: 6,
  posts: 7,
} as const;
export type CounterField = keyof typeof counterFields;

export type SocialTables = {
  social_profiles: {
    id: MadeId;
    user_id: string;
    handle: string;
    display_name: Defaulted<string>;
    bio: Defaulted<string>;
    avatar_media_id: SocialId | null;
    last_active_at: Defaulted<Date>;
    home_state: Defaulted<HomeState>;
    hot: Defaulted<boolean>;
    created_at: CreatedAt;
  };
  social_follows: {
    followee_id: SocialId;
    follower_id: SocialId;
    notify: Defaulted<boolean>;
    created_at: CreatedAt;
  };
  social_blocks: { blocker_id: SocialId; blocked_id: SocialId; created_at: CreatedAt };
  social_mutes: { muter_id: SocialId; muted_id: SocialId; created_at: CreatedAt };
  social_posts: {
    id: MadeId;
    author_id: SocialId;
    text: Defaulted<string>;
    reply_to_id: SocialId | null;
    reply_to_author: SocialId | null;
    conversation_id: SocialId;
    repost_of_id: SocialId | null;
    deleted_at: Date | null;
    created_at: CreatedAt;
  };
  social_media: {
    id: MadeId;
    owner_id: SocialId;
    post_id: SocialId | null;
    position: number | null;
    content_type: string;
    blob_hash: string;
    thumb_hash: string;
    width: number;
    height: number;
    blurhash: string;
    alt: Defaulted<string>;
    created_at: CreatedAt;
  };
  social_mentions: { post_id: SocialId; profile_id: SocialId };
  social_post_tags: { tag: string; post_id: SocialId };
  social_likes: { post_id: SocialId; profile_id: SocialId; created_at: CreatedAt };
  social_counters: { subject_id: SocialId; field: number; value: number };
  social_counter_deltas: { subject_id: SocialId; field: number; slot: number; delta: number };
  social_seen_0: { post_id: SocialId; viewer_id: SocialId };
  social_seen_1: { post_id: SocialId; viewer_id: SocialId };
  social_home_entries: {
    user_id: SocialId;
    entry_id: SocialId;
    origin_id: SocialId;
    author_id: SocialId;
  };
  social_notify_marks: {
    recipient_id: SocialId;
    post_id: SocialId;
    kind: string;
    last_sent_at: Date | null;
    last_emailed_at: Date | null;
  };
};

/** The social tables on `db` or a transaction. */
export function socialTables(db: Db | Tx) {
  return db.withTables<SocialTables>();
}

/**
 * A bigint column read as its decimal text, so it arrives whole.
 *
 * @example
 * socialTables(db).selectFrom('social_posts as p').select([idText('p.id', 'id'), 'p.text'])
 */
export function idText<A extends string>(column: string, alias: A): AliasedRawBuilder<SocialId, A> {
  return sql<SocialId>`${sql.ref(column)}::text`.as(alias);
}
