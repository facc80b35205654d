import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { groupCommit } from '../db/group-commit.ts';
import { Problem } from '../problems.ts';
import type { App } from './app.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour `Idempotency-Key` on this POST/PATCH route. */
    idempotent?: boolean;
    /**
     * Top-level fields of this route's JSON response that are secrets (a signing secret shown
     * once): they are removed before the response is kept, so a replay answers without them and
     * names them in `Idempotent-Omitted`.
     */
    idempotentSecrets?: string[];
  }
  interface FastifyRequest {
    idempotencyClaim?: { scope: string; key: string };
  }
}

const retention = '24 hours';
/** A claim this old with no response belongs to a process that died mid-request: take it over. */
const abandonedAfter = '60 seconds';
/** How long a duplicate waits for the first request to finish before it gets a 409. */
const waitForFirstMs = 10_000;
const pollMs = 50;
/** Response headers worth replaying; the rest (date, request id, rate limit) are the new request's. */
const replayedHeaders = ['content-type', 'etag', 'location'];

/**
 * `Idempotency-Key` for routes with `config: { idempotent: true }`: the first request with a key
 * runs and its response (status, body, a few headers) is kept for 24 hours; the same key with the
 * same request replays it, with another body is a 422, and while the first still runs a duplicate
 * waits for its response (then a 409). Keys belong to the caller: the user, or the client address.
 * A 5xx is not kept, so the client may try again. A route's `idempotentSecrets` are not kept at
 * all: the replay goes without them, saying so in `Idempotent-Omitted`.
 */
export function registerIdempotency(app: App, db: Db): void {
  // The claims and kept responses of requests that arrive together are written together, one
  // statement and one commit for dozens of requests (group commit): per request they would be
  // two of the few statements a whole stock adjustment costs.
  const claim = groupCommit(db, claimKeys);
  const keep = groupCommit(db, keepResponses);

  // Hooked onto the routes that ask for it (first, as a global hook would run), so that every
  // other request skips two async hooks.
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = [claimOrReplay, ...[route.preHandler ?? []].flat()];
    route.onSend = [keepResponse, ...[route.onSend ?? []].flat()];
  });

  async function claimOrReplay(request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new Problem('bad-request', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const scope = request.principal ? `user:${request.principal.user.id}` : `ip:${request.ip}`;
    const requestHash = hashRequest(request);
    if (await claim({ scope, key, requestHash })) {
      request.idempotencyClaim = { scope, key };
      return;
    }
    return replay(db, claim, reply, { scope, key, requestHash });
  }

  async function keepResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claimed = request.idempotencyClaim;
    if (!claimed) return payload;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', claimed.scope)
        .where('key', '=', claimed.key)
        .execute();
      return payload;
    }
    const headers: Record<string, string> = Object.fromEntries(
      replayedHeaders.flatMap((name) => {
        const value = reply.getHeader(name);
        return value === undefined ? [] : [[name, String(value)]];
      }),
    );
    const kept = withoutSecrets(payload, request.routeOptions.config.idempotentSecrets ?? []);
    if (kept.omitted.length > 0) headers['idempotent-omitted'] = kept.omitted.join(', ');
    await keep({ ...claimed, status: reply.statusCode, headers, body: kept.body });
    return payload;
  }
}

/** A request's claim of its key. */
interface KeyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

/** A response to keep under its claimed key. */
interface KeptResponse {
  scope: string;
  key: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Takes each key for its request — new, expired, or abandoned by a dead process — and answers
 * whether it did. Of two claims of one key in a batch, the first claims it (one statement may
 * not change a row twice) and the second goes on to wait for its response, as it would have.
 */
async function claimKeys(tx: Db, claims: KeyClaim[]): Promise<boolean[]> {
  const first = new Map(claims.map((claim) => [`${claim.scope}\n${claim.key}`, claim]));
  const distinct = [...first.values()];
  const column = <K extends keyof KeyClaim>(name: K) => distinct.map((claim) => claim[name]);
  const { rows } = await sql<{ scope: string; key: string }>`
    INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
    SELECT scope, key, request_hash, now() + ${retention}::interval
      FROM unnest(${column('scope')}::text[], ${column('key')}::text[],
                  ${column('requestHash')}::text[]) AS c (scope, key, request_hash)
    ON CONFLICT (scope, key) DO UPDATE
      SET request_hash = excluded.request_hash, created_at = now(), expires_at = excluded.expires_at,
          status_code = NULL, response_headers = NULL, response_body = NULL
      WHERE idempotency_keys.expires_at < now()
         OR (idempotency_keys.status_code IS NULL
             AND idempotency_keys.created_at < now() - ${abandonedAfter}::interval)
    RETURNING scope, key`.execute(tx);
  const claimed = new Set(rows.map((row) => `${row.scope}\n${row.key}`));
  return claims.map((claim) => {
    const id = `${claim.scope}\n${claim.key}`;
    return claimed.has(id) && first.get(id) === claim;
  });
}

async function keepResponses(tx: Db, kept: KeptResponse[]): Promise<undefined[]> {
  const column = <K extends keyof KeptResponse>(name: K) => kept.map((response) => response[name]);
  await sql`
    UPDATE idempotency_keys AS k
       SET status_code = v.status, response_headers = v.headers, response_body = v.body
      FROM unnest(${column('scope')}::text[], ${column('key')}::text[], ${column('status')}::int[],
                  ${kept.map((response) => JSON.stringify(response.headers))}::jsonb[],
                  ${column('body')}::text[]) AS v (scope, key, status, headers, body)
     WHERE k.scope = v.scope AND k.key = v.key`.execute(tx);
  return kept.map(() => undefined);
}

/**
 * The response body to keep: a JSON object without its `secrets` members, and the names of those
 * it had. Secrets are never written to `idempotency_keys`, which keeps responses for 24 hours.
 */
function withoutSecrets(body: string, secrets: string[]): { body: string; omitted: string[] } {
  if (secrets.length === 0) return { body, omitted: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { body, omitted: [] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { body, omitted: [] };
  }
  const kept = parsed as Record<string, unknown>;
  const omitted = secrets.filter((name) => Object.hasOwn(kept, name));
  for (const name of omitted) delete kept[name];
  return { body: omitted.length > 0 ? JSON.stringify(kept) : body, omitted };
}

function hashRequest(request: FastifyRequest): string {
  return requestFingerprint(request.method, request.url, request.headers['if-match'], request.body);
}

/** What makes two requests "the same" under one key: method, URL, `If-Match` and body. */
export function requestFingerprint(
  method: string,
  url: string,
  ifMatch: string | undefined,
  body: unknown,
): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${ifMatch ?? ''}\n`)
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

async function replay(
  db: Db,
  claim: (claim: KeyClaim) => Promise<boolean>,
  reply: FastifyReply,
  { scope, key, requestHash }: KeyClaim,
): Promise<FastifyReply | undefined> {
  const deadline = Date.now() + waitForFirstMs;
  for (;;) {
    const stored = await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response_headers', 'response_body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (stored && stored.request_hash !== requestHash) {
      throw new Problem(
        'idempotency-key-reused',
        'This Idempotency-Key was used with a different request; use a new key for a new request',
      );
    }
    if (stored?.status_code != null) {
      return reply
        .code(stored.status_code)
        .headers({ ...stored.response_headers, 'idempotent-replayed': 'true' })
        .send(stored.response_body);
    }
    // Gone: the first request failed with a 5xx and released the key; this one may run instead.
    if (!stored && (await claim({ scope, key, requestHash }))) {
      reply.request.idempotencyClaim = { scope, key };
      return undefined;
    }
    if (Date.now() > deadline) {
      throw new Problem(
        'idempotency-key-in-use',
        'The first request with this key is still running',
        {
          retry_after_s: 1,
        },
      );
    }
    await sleep(pollMs);
  }
}

/** Deletes the keys past their 24 hours (a periodic job); lookups already ignore them. */
export async function pruneExpiredIdempotencyKeys(db: Db): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', sql<Date>`now()`).execute();
}
