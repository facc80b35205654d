import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { UserRow } from '../db/tables.ts';
import type { App } from '../http/app.ts';
import { Problem } from '../problems.ts';
import { findUserByTokenHash } from './store.ts';
import { tokenHashHex } from './tokens.ts';

export interface Principal {
  tokenId: string;
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'is_operator' | 'created_at'>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Why `requireUser`/`requireOperator` refused the request; thrown in `preValidation`. */
    authFailure?: Problem;
  }
}

/**
 * A resolved token is remembered this long, so that an authenticated request costs no query.
 * Revoking evicts it at once in the process that revoked; other processes notice within this.
 */
const cacheTtlMs = 5_000;
const cacheMaxEntries = 10_000;

export interface Authenticator {
  /** `onRequest` hook: a valid bearer token or a 401. Sets `request.principal`. */
  requireUser(request: FastifyRequest): Promise<void>;
  /** `onRequest` hook: as `requireUser`, and the user must be an operator (else 403). */
  requireOperator(request: FastifyRequest): Promise<void>;
  /** Forgets a token (after it is revoked). */
  evict(hash: Buffer): void;
  /** Refuses the requests the hooks above failed (see `createAuthenticator`). */
  register(app: App): void;
}

/**
 * Authentication for routes that name `requireUser` or `requireOperator` as `onRequest` hooks.
 * A failed check does not throw at once: it is recorded and thrown in `preValidation`, after the
 * rate limiter (an `onRequest` hook that runs after the route's own). So the limiter counts a
 * verified caller by token, and a caller with a bad token by address: inventing tokens buys
 * neither a fresh allowance nor unlimited guesses.
 */
export function createAuthenticator(pool: pg.Pool): Authenticator {
  const cache = new Map<string, { principal: Principal; until: number }>();

  async function resolve(secret: string): Promise<Principal | undefined> {
    const key = tokenHashHex(secret);
    const now = Date.now();
    const cached = cache.get(key);
    if (cached && cached.until > now) return cached.principal;
    cache.delete(key);
    const row = await findUserByTokenHash(pool, Buffer.from(key, 'hex'));
    if (!row) return undefined;
    const { token_id, token_expires_at, ...user } = row;
    const principal = { tokenId: token_id, user };
    if (cache.size >= cacheMaxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, {
      principal,
      until: Math.min(now + cacheTtlMs, token_expires_at?.getTime() ?? Infinity),
    });
    return principal;
  }

  async function requireUser(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S{1,200})$/i.exec(header) : null;
    if (!match?.[1]) {
      request.authFailure = new Problem(
        'unauthorized',
        'Send an API token as "Authorization: Bearer <token>"',
      );
      return;
    }
    const principal = await resolve(match[1]);
    if (!principal) {
      request.authFailure = new Problem('unauthorized', 'The token is unknown, revoked or expired');
      return;
    }
    request.principal = principal;
  }

  return {
    requireUser,
    async requireOperator(request) {
      await requireUser(request);
      if (request.principal && !request.principal.user.is_operator) {
        request.authFailure = new Problem('forbidden', 'Only operators may use /v1/admin');
      }
    },
    evict(hash) {
      cache.delete(hash.toString('hex'));
    },
    register(app) {
      app.addHook('preValidation', async (request) => {
        if (request.authFailure) throw request.authFailure;
      });
    },
  };
}

/** The caller of a route behind `requireUser` (a 401 if the route forgot the hook). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal || request.authFailure) throw new Problem('unauthorized');
  return request.principal;
}
