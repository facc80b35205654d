import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Database } from '../src/platform/db/database.ts';
import { socialModule } from '../src/social/module.ts';
import { ensureProfileId } from '../src/social/store/profiles.ts';
import { redisKeyPrefix } from './admin-database.ts';
import {
  type Api,
  type ApiResponse,
  apiClient,
  signUp,
  startTestServer,
  type TestServer,
  type TestStartOptions,
} from './helpers.ts';

// What the microblog's tests share: a Meridian with the social module, and people on it. The
// timeline store is the one the run chooses: PostgreSQL, or Redis when the run sets REDIS_URL
// (the Redis pass of .ci/run), under a key prefix of this server's own.

export interface SocialTest {
  api: Api;
  server: TestServer;
  /** The test server's pool, for what only SQL can check. */
  database: Database;
  url: string;
  /** A new signed-up user with a profile. */
  person(name?: string): Promise<Person>;
}

export interface Person {
  userId: string;
  profileId: string;
  token: string;
  /** Calls the API as this person. */
  call(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

/**
 * The environment a social test server runs with: the run's Redis, if it has one, under a key
 * prefix of its own. The run's teardown deletes the run's keys (`redisKeyPrefix`): a cleanup
 * registered here would be ignored when the server starts in a `beforeAll`.
 */
export function socialTestEnv(env: Record<string, string> = {}): Record<string, string> {
  const redis = process.env.REDIS_URL;
  if (!redis) return env;
  const prefix = `${redisKeyPrefix(inject('templateDatabase'))}${randomBytes(6).toString('hex')}:`;
  return { REDIS_URL: redis, SOCIAL_REDIS_PREFIX: prefix, ...env };
}

/** A test server with the social module (and `options.systems`). */
export async function startSocial(options: TestStartOptions = {}): Promise<SocialTest> {
  const server = await startTestServer({
    ...options,
    env: socialTestEnv(options.env),
    systems: [socialModule, ...(options.systems ?? [])],
  });
  const api = apiClient(server.url);
  return {
    api,
    server,
    database: server.database,
    url: server.url,
    person: (name) => person(api, server.database, name),
  };
}

/** Signs a new user up on `api` and makes their profile. */
export async function person(api: Api, database: Database, name?: string): Promise<Person> {
  const user = await signUp(api, name);
  const profileId = await ensureProfileId(database.db, user.id);
  return {
    userId: user.id,
    profileId,
    token: user.token,
    call: (method, path, body) => api(method, path, { token: user.token, body }),
  };
}
