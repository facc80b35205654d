import { defineConfigSection } from '../platform/config.ts';

/** The microblog's settings (docs/social.md, "Configuration"); the defaults are the peers'. */
export const socialConfig = defineConfigSection('social', (env) => ({
  /** Entries kept per home timeline (Twitter: 800; Mastodon: 400). Older pages are read from the posts. */
  timelineCap: env.integer('SOCIAL_TIMELINE_CAP', 800, 50, 10_000),
  /** Followers written per fan-out job, in one statement. */
  fanoutBatch: env.integer('SOCIAL_FANOUT_BATCH', 5_000, 1, 100_000),
  /** Above this many followers an account is not fanned out but merged into timelines at read. */
  hotFollowers: env.integer('SOCIAL_HOT_FOLLOWERS', 100_000, 1, 1_000_000_000),
  /** A user unseen this long gets no fan-out; their timeline is rebuilt when they return. */
  activeDays: env.integer('SOCIAL_ACTIVE_DAYS', 30, 1, 3650),
  /** A repost is hidden when its original (or another repost of it) is within this many newer entries. */
  repostWindow: env.integer('SOCIAL_REPOST_WINDOW', 40, 0, 400),
  /** Accounts one user may follow (Twitter's limit; it bounds a timeline's rebuild). */
  followingMax: env.integer('SOCIAL_FOLLOWING_MAX', 5_000, 1, 1_000_000),
  /** A post's length in characters (grapheme clusters: an emoji sequence is one). */
  postMaxChars: env.integer('SOCIAL_POST_MAX_CHARS', 500, 1, 100_000),
  /** Largest image upload before processing. */
  mediaMaxBytes: env.integer('SOCIAL_MEDIA_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  /** Where the Redis timeline store keeps its keys, so that Meridians can share one Redis. */
  redisPrefix: env.text('SOCIAL_REDIS_PREFIX', 'meridian:social:'),
  /** A viewer counts once per post within this window. */
  impressionWindowSeconds: env.integer('SOCIAL_IMPRESSION_WINDOW_SECONDS', 3_600, 1, 86_400 * 30),
}));

export type SocialConfig = ReturnType<typeof socialConfig.of>;
