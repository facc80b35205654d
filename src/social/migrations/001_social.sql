-- The microblog (docs/social.md, design in docs/design/microblog.md). Profiles, the follow graph,
-- blocks and mutes; posts (replies and reposts are posts), their media, mentions and tags;
-- likes; counters kept as sharded deltas; the impressions seen-set; home timelines (the
-- PostgreSQL timeline store).
--
-- Ids are 64-bit and time-ordered, made here by `social_id()`: 48 bits of Unix milliseconds, then
-- 16 bits of one shared sequence (65,536 ids a millisecond, unique across processes). One
-- sequence for every social table, so a post id and a profile id never collide and the counters
-- can key by either. Node reads bigint as a Number, which loses digits past 2^53: every query of
-- the module selects ids `::text`, and the API sends them as strings.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE social_id_seq;

CREATE FUNCTION social_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT (floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint << 16)
       | (nextval('social_id_seq') & 65535)
$$;

CREATE TABLE social_profiles (
  id             bigint      PRIMARY KEY DEFAULT social_id(),
  user_id        uuid        NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  -- Stored lower-case; shown as stored.
  handle         text        NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9_]{1,30}$'),
  display_name   text        NOT NULL DEFAULT '' CHECK (char_length(display_name) <= 50),
  bio            text        NOT NULL DEFAULT '' CHECK (char_length(bio) <= 500),
  avatar_media_id bigint,
  -- Written by the profile's own requests at most once an hour (activity.ts).
  last_active_at timestamptz NOT NULL DEFAULT now(),
  -- live: fanned out to; cold: inactive, skipped by fan-out, rebuilt on return; rebuilding: being
  -- rebuilt (fanned out to again, so nothing posted meanwhile is missed).
  home_state     text        NOT NULL DEFAULT 'live'
                 CHECK (home_state IN ('live', 'rebuilding', 'cold')),
  -- More followers than SOCIAL_HOT_FOLLOWERS: not fanned out, merged into timelines at read.
  hot            boolean     NOT NULL DEFAULT false,
  search         tsvector    GENERATED ALWAYS AS (
                   setweight(to_tsvector('simple', handle), 'A')
                   || setweight(to_tsvector('simple', display_name), 'B')) STORED,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX social_profiles_search ON social_profiles USING gin (search);
CREATE INDEX social_profiles_handle_trgm ON social_profiles USING gin (handle gin_trgm_ops);
CREATE INDEX social_profiles_hot ON social_profiles (id) WHERE hot;

-- Fan-out pages a followee's followers by (followee_id, follower_id).
CREATE TABLE social_follows (
  followee_id bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  follower_id bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  -- The follower asked to be notified of each post ("the bell").
  notify      boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (followee_id, follower_id),
  CHECK (followee_id <> follower_id)
);
CREATE UNIQUE INDEX social_follows_by_follower ON social_follows (follower_id, followee_id);
CREATE INDEX social_follows_notify ON social_follows (followee_id, follower_id) WHERE notify;
-- The followers and following lists, newest follow first (keyset pages, no sort of the whole list).
CREATE INDEX social_follows_followers_list
  ON social_follows (followee_id, created_at DESC, follower_id DESC);
CREATE INDEX social_follows_following_list
  ON social_follows (follower_id, created_at DESC, followee_id DESC);

CREATE TABLE social_blocks (
  blocker_id bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  blocked_id bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blocker_id, blocked_id),
  CHECK (blocker_id <> blocked_id)
);
CREATE INDEX social_blocks_blocked ON social_blocks (blocked_id, blocker_id);

CREATE TABLE social_mutes (
  muter_id   bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  muted_id   bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (muter_id, muted_id),
  CHECK (muter_id <> muted_id)
);

CREATE TABLE social_posts (
  id              bigint      PRIMARY KEY DEFAULT social_id(),
  author_id       bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  text            text        NOT NULL DEFAULT '',
  reply_to_id     bigint      REFERENCES social_posts,
  -- The author answered, kept so the fan-out's reply rule needs no join.
  reply_to_author bigint,
  -- The thread's root: the post's own id for a root.
  conversation_id bigint      NOT NULL,
  -- A repost is a post row with no text of its own.
  repost_of_id    bigint      REFERENCES social_posts,
  -- A deleted post is a tombstone (text and media cleared) so replies keep their place.
  deleted_at      timestamptz,
  search          tsvector    GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (repost_of_id IS NULL OR (text = '' AND reply_to_id IS NULL))
);
CREATE INDEX social_posts_author ON social_posts (author_id, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX social_posts_conversation ON social_posts (conversation_id, id)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX social_posts_one_repost ON social_posts (author_id, repost_of_id)
  WHERE repost_of_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX social_posts_reposts ON social_posts (repost_of_id) WHERE repost_of_id IS NOT NULL;
-- A thread's replies below a post (the context view walks down by it).
CREATE INDEX social_posts_replies ON social_posts (reply_to_id) WHERE reply_to_id IS NOT NULL;
CREATE INDEX social_posts_search ON social_posts USING gin (search);

-- Processed images only (the original, with its EXIF and GPS, is never kept); bytes in blobs.
CREATE TABLE social_media (
  id           bigint      PRIMARY KEY DEFAULT social_id(),
  owner_id     bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  post_id      bigint      REFERENCES social_posts ON DELETE SET NULL,
  position     smallint    CHECK (position BETWEEN 0 AND 3),
  content_type text        NOT NULL,
  blob_hash    text        NOT NULL,
  thumb_hash   text        NOT NULL,
  width        integer     NOT NULL,
  height       integer     NOT NULL,
  blurhash     text        NOT NULL,
  alt          text        NOT NULL DEFAULT '' CHECK (char_length(alt) <= 1500),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (post_id, position)
);
CREATE INDEX social_media_owner ON social_media (owner_id, id);

CREATE TABLE social_mentions (
  post_id    bigint NOT NULL REFERENCES social_posts ON DELETE CASCADE,
  profile_id bigint NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  PRIMARY KEY (post_id, profile_id)
);

CREATE TABLE social_post_tags (
  tag     text   NOT NULL,
  post_id bigint NOT NULL REFERENCES social_posts ON DELETE CASCADE,
  PRIMARY KEY (tag, post_id)
);
CREATE INDEX social_post_tags_post ON social_post_tags (post_id);

-- One row per user and post: liking twice is one like.
CREATE TABLE social_likes (
  post_id    bigint      NOT NULL REFERENCES social_posts ON DELETE CASCADE,
  profile_id bigint      NOT NULL REFERENCES social_profiles ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, profile_id)
);
CREATE INDEX social_likes_by_profile ON social_likes (profile_id, created_at);

-- Counters (counters.ts): the rows above are the truth; a counter is `value` plus the pending
-- deltas, which writers spread over 16 slots so a viral post is not one row every like waits on,
-- and which the fold job moves into `value` every second. Fields: 1 likes, 2 reposts, 3 replies,
-- 4 impressions, 5 followers, 6 following, 7 posts.
CREATE TABLE social_counters (
  subject_id bigint   NOT NULL,
  field      smallint NOT NULL,
  value      bigint   NOT NULL,
  PRIMARY KEY (subject_id, field)
);
-- The hot-account check (hot-accounts.ts) reads only the followers counts near or past the line.
CREATE INDEX social_counters_followers ON social_counters (value) WHERE field = 5;
CREATE TABLE social_counter_deltas (
  subject_id bigint   NOT NULL,
  field      smallint NOT NULL,
  slot       smallint NOT NULL CHECK (slot BETWEEN 0 AND 15),
  delta      bigint   NOT NULL,
  PRIMARY KEY (subject_id, field, slot)
);

-- Impressions' seen-set: who was already counted for a post in this window. UNLOGGED (no WAL):
-- a PostgreSQL crash empties it, so a viewer may be counted once more in that window. Two
-- tables by window parity; the one the next window uses is truncated before it starts.
CREATE UNLOGGED TABLE social_seen_0 (
  post_id   bigint NOT NULL,
  viewer_id bigint NOT NULL,
  PRIMARY KEY (post_id, viewer_id)
);
CREATE UNLOGGED TABLE social_seen_1 (LIKE social_seen_0 INCLUDING ALL);

-- Home timelines in the PostgreSQL store (timeline-store/postgres.ts). A cache of the fan-out,
-- written at 100,000 rows a second: no foreign keys (a check per row would double the cost, and
-- a stale row is harmless: reads drop what is gone).
CREATE TABLE social_home_entries (
  user_id   bigint NOT NULL,  -- the reader's profile
  entry_id  bigint NOT NULL,  -- the post or repost: the order and the cursor
  origin_id bigint NOT NULL,  -- entry_id, or the reposted post: the de-dup key
  author_id bigint NOT NULL,  -- who posted it: unfollow and block remove by this
  PRIMARY KEY (user_id, entry_id)
) WITH (fillfactor = 90);
CREATE INDEX social_home_entries_author ON social_home_entries (user_id, author_id);

-- Grouped notifications (likes, reposts): when a recipient last heard of a post by email or push.
CREATE TABLE social_notify_marks (
  recipient_id    bigint      NOT NULL,
  post_id         bigint      NOT NULL,
  kind            text        NOT NULL,
  last_sent_at    timestamptz,
  last_emailed_at timestamptz,
  PRIMARY KEY (recipient_id, post_id, kind)
);

-- A page's posts as its viewer sees them now (store/hydrate.ts, `postStates`): visible or not,
-- counts (folded plus pending), the viewer's like and repost. A function, planned once per
-- connection: as a prepared statement PostgreSQL planned it afresh at every call (its generic
-- plan's estimate for an id array is far above a custom plan's), and the planning cost more than
-- the running. A plan made once must stay right as the tables grow from empty, so every read is
-- a lookup by a whole unique key, written as a scalar subquery (an EXISTS may be planned as a
-- hash of all the viewer's likes, chosen while they were few), and sequential scans are off: a
-- plan made while a table was empty would otherwise scan it at every call once it is not.
CREATE FUNCTION social_post_states(p_viewer bigint, p_ids bigint[], p_hide_muted boolean)
RETURNS TABLE (id text, repost_of_id text, hidden boolean, likes bigint, reposts bigint,
               replies bigint, impressions bigint, liked boolean, reposted boolean)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT p.id::text, p.repost_of_id::text,
           p.deleted_at IS NOT NULL
             OR (SELECT true FROM social_blocks b
                  WHERE b.blocker_id = p.author_id AND b.blocked_id = p_viewer) IS NOT NULL
             OR (SELECT true FROM social_blocks b
                  WHERE b.blocker_id = p_viewer AND b.blocked_id = p.author_id) IS NOT NULL
             OR (p_hide_muted AND (SELECT true FROM social_mutes m
                  WHERE m.muter_id = p_viewer AND m.muted_id = p.author_id) IS NOT NULL),
           c.likes, c.reposts, c.replies, c.impressions,
           (SELECT true FROM social_likes l
             WHERE l.post_id = p.id AND l.profile_id = p_viewer) IS NOT NULL,
           (SELECT true FROM social_posts r
             WHERE r.author_id = p_viewer AND r.repost_of_id = p.id AND r.deleted_at IS NULL
             LIMIT 1) IS NOT NULL
      FROM social_posts p
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(n) FILTER (WHERE field = 1), 0)::bigint AS likes,
               coalesce(sum(n) FILTER (WHERE field = 2), 0)::bigint AS reposts,
               coalesce(sum(n) FILTER (WHERE field = 3), 0)::bigint AS replies,
               coalesce(sum(n) FILTER (WHERE field = 4), 0)::bigint AS impressions
          FROM (SELECT field, value AS n FROM social_counters
                 WHERE subject_id = p.id AND field BETWEEN 1 AND 4
                UNION ALL
                SELECT field, delta FROM social_counter_deltas
                 WHERE subject_id = p.id AND field BETWEEN 1 AND 4) counted) c
     -- The posts asked for and the posts they repost (an id twice is read once).
     WHERE p.id = ANY(p_ids || ARRAY(
             SELECT w.repost_of_id FROM social_posts w
              WHERE w.id = ANY(p_ids) AND w.repost_of_id IS NOT NULL));
END
$$;

-- The bodies of posts (store/hydrate.ts, `postBodies`), read when the process has not kept them.
-- A function for the same reason as social_post_states: as a prepared statement it was planned
-- afresh at every call, at about 0.4 ms, ten times its running.
CREATE FUNCTION social_post_bodies(p_ids bigint[])
RETURNS TABLE (id text, author_id text, handle text, display_name text, avatar_thumb text,
               text text, created_at timestamptz, reply_to_id text, conversation_id text,
               repost_of_id text, media json, mentions json, tags text[])
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT p.id::text, p.author_id::text, a.handle, a.display_name, avatar.thumb_hash,
           p.text, p.created_at, p.reply_to_id::text, p.conversation_id::text,
           p.repost_of_id::text,
           coalesce((SELECT json_agg(json_build_object(
               'id', m.id::text, 'content_type', m.content_type, 'blob_hash', m.blob_hash,
               'thumb_hash', m.thumb_hash, 'width', m.width, 'height', m.height,
               'blurhash', m.blurhash, 'alt', m.alt) ORDER BY m.position)
             FROM social_media m WHERE m.post_id = p.id), '[]'),
           coalesce((SELECT json_agg(json_build_object('id', pr.id::text, 'handle', pr.handle)
                                     ORDER BY pr.handle)
             FROM social_mentions mn JOIN social_profiles pr ON pr.id = mn.profile_id
            WHERE mn.post_id = p.id), '[]'),
           coalesce((SELECT array_agg(t.tag ORDER BY t.tag) FROM social_post_tags t
                      WHERE t.post_id = p.id), '{}')
      FROM social_posts p
      JOIN social_profiles a ON a.id = p.author_id
      LEFT JOIN social_media avatar ON avatar.id = a.avatar_media_id
     WHERE p.id = ANY(p_ids);
END
$$;
