// The microblog benchmark's people, made by SQL on the server (`INSERT … SELECT generate_series`),
// never through the API: users 1..`hotFollowers` with their profiles (one in twenty culled, as the
// design's "95 % live"), a bearer token for each of the first `followers` (secret `tokenOf(g)`,
// its SHA-256 computed by PostgreSQL), `posters` accounts that readers follow, and two authors:
// "wide" followed by users 1..followers (fanned out), "hot" followed by all (merged at read).
import pg from 'pg';

/** Accounts each home reader follows besides the two authors: their posts fill the timeline. */
export const posters = 50;

/** Older posts the community starts with (fewer in a smaller community). */
const historyPosts = 200_000;

export interface Community {
  /** Followed by users 1..followers: its posts are fanned out. */
  wide: Person;
  /** Followed by users 1..hotFollowers, flagged hot: its posts are merged in at read. */
  hot: Person;
  /** Users hotFollowers+1..hotFollowers+posters: followed by users 1..posters. */
  posterIds: string[];
  /** Users with a token: 1..tokens (and the authors and posters). */
  tokens: number;
}

export interface Person {
  g: number;
  profileId: string;
  token: string;
}

/** The bearer token of user `g` (only its hash is in the database). */
export const tokenOf = (g: number) => `mrd_bench_${g}`;

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Makes the community; `followers` ≤ `hotFollowers`. Returns the ids the measures need. */
export async function createCommunity(
  databaseUrl: string,
  followers: number,
  hotFollowers: number,
): Promise<Community> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const timed = async (what: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(text, values);
    progress(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const people = hotFollowers + posters + 2;
  const wideG = hotFollowers + posters + 1;
  const hotG = wideG + 1;
  try {
    progress(`setting up ${people.toLocaleString('en')} users by SQL…`);
    await timed(
      'users',
      `INSERT INTO users (id, email, name, password_hash)
       SELECT md5('bench-user-' || g)::uuid, 'bench' || g || '@example.com', 'Bench ' || g,
              'scrypt$bench-no-password'
         FROM generate_series(1, $1) AS g`,
      [people],
    );
    await timed(
      'profiles',
      `INSERT INTO social_profiles (user_id, handle, display_name, home_state)
       SELECT md5('bench-user-' || g)::uuid, 'b' || g, 'Bench ' || g,
              CASE WHEN g % 20 = 0 AND g <= $2 THEN 'cold' ELSE 'live' END
         FROM generate_series(1, $1) AS g`,
      [people, hotFollowers],
    );
    await client.query(
      `CREATE TABLE bench_people AS
       SELECT substr(handle, 2)::int AS g, id FROM social_profiles WHERE handle ~ '^b[0-9]+$';
       ALTER TABLE bench_people ADD PRIMARY KEY (g)`,
    );
    await timed(
      'tokens',
      `INSERT INTO api_tokens (id, user_id, name, token_hash)
       SELECT gen_random_uuid(), md5('bench-user-' || g)::uuid, 'bench',
              sha256(convert_to('mrd_bench_' || g, 'UTF8'))
         FROM generate_series(1, $3) AS g
        UNION ALL
       SELECT gen_random_uuid(), md5('bench-user-' || g)::uuid, 'bench',
              sha256(convert_to('mrd_bench_' || g, 'UTF8'))
         FROM generate_series($2 + 1, $1) AS g`,
      [people, hotFollowers, followers],
    );
    await timed(
      'follows',
      `INSERT INTO social_follows (followee_id, follower_id)
       SELECT (SELECT id FROM bench_people WHERE g = $1), id FROM bench_people WHERE g <= $3
        UNION ALL
       SELECT (SELECT id FROM bench_people WHERE g = $2), id FROM bench_people WHERE g <= $4
        UNION ALL
       SELECT poster.id, reader.id FROM bench_people poster, bench_people reader
        WHERE poster.g > $4 AND poster.g <= $4 + $5 AND reader.g <= $5`,
      [wideG, hotG, followers, hotFollowers, posters],
    );
    // A microblog's history, so that the plans PostgreSQL keeps are made on tables of their
    // working shape, not empty ones (a plan made on an empty table scans it once it is not):
    // older posts by people no reader follows (never in a measured timeline), each liked once.
    await client.query(
      `CREATE TEMP TABLE history AS
       SELECT (((extract(epoch FROM now() - interval '30 days') * 1000)::bigint + i) << 16) AS id,
              $2::int + 1 + i % ($1::int - $2::int) AS author_g, 1 + i % $1::int AS liker_g
         FROM generate_series(1, $3::int) AS i`,
      [hotFollowers, posters, Math.min(historyPosts, hotFollowers)],
    );
    await timed(
      'history',
      `INSERT INTO social_posts (id, author_id, text, conversation_id)
       SELECT h.id, p.id, 'An older post #history', h.id
         FROM history h JOIN bench_people p ON p.g = h.author_g;
       INSERT INTO social_post_tags (tag, post_id) SELECT 'history', id FROM history;
       INSERT INTO social_likes (post_id, profile_id)
       SELECT h.id, p.id FROM history h JOIN bench_people p ON p.g = h.liker_g;
       INSERT INTO social_counters (subject_id, field, value) SELECT id, 1, 1 FROM history`,
    );
    // The followers counts the hot flag is evaluated from, and the flag itself at once (the
    // periodic evaluation would take up to 30 s).
    await client.query(
      `INSERT INTO social_counters (subject_id, field, value)
       SELECT followee_id, 5, count(*) FROM social_follows GROUP BY followee_id;
       INSERT INTO social_counters (subject_id, field, value)
       SELECT follower_id, 6, count(*) FROM social_follows GROUP BY follower_id;
       UPDATE social_profiles SET hot = true
        WHERE id = (SELECT id FROM bench_people WHERE g = ${hotG})`,
    );
    await timed('VACUUM ANALYZE', 'VACUUM ANALYZE');
    const { rows } = await client.query<{ g: number; id: string }>(
      'SELECT g, id::text AS id FROM bench_people WHERE g > $1 ORDER BY g',
      [hotFollowers],
    );
    const idOf = (g: number) => rows.find((row) => row.g === g)?.id ?? '';
    const person = (g: number): Person => ({ g, profileId: idOf(g), token: tokenOf(g) });
    return {
      wide: person(wideG),
      hot: person(hotG),
      posterIds: rows.filter((row) => row.g <= hotFollowers + posters).map((row) => row.id),
      tokens: followers,
    };
  } finally {
    await client.end();
  }
}

/** The profile ids of users `from`..`to` (inclusive), in order. */
export async function profileIds(databaseUrl: string, from: number, to: number) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id::text AS id FROM bench_people WHERE g BETWEEN $1 AND $2 ORDER BY g',
      [from, to],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
