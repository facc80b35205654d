import { Redis } from 'ioredis';
import pg from 'pg';

/** Runs one statement (CREATE or DROP DATABASE) on its own connection to the admin database. */
export async function adminQuery(admin: URL, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the admin database's server. */
export function databaseUrl(admin: URL, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The start of the name of every test file's database copied from `template` in one run. */
export function testDatabasePrefix(template: string): string {
  return `${template.replace('meridian_template_', 'meridian_test_')}_`;
}

/** Drops every database whose name starts with `prefix`: what a run's files left behind. */
export async function dropDatabasesStartingWith(admin: URL, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/** The start of every Redis key the social tests of one run write (their timeline stores). */
export function redisKeyPrefix(template: string): string {
  return `test:${template.replace('meridian_template_', '')}:`;
}

/** Deletes the keys under `prefix` in the Redis at `url`: what a run's tests left there. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
