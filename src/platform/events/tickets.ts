import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ApiTokenRow } from '../db/tables.ts';
import type { Principal } from '../identity/authenticate.ts';
import { tokenHash } from '../identity/tokens.ts';

/**
 * Browsers cannot put an Authorization header on a WebSocket or EventSource, and a token in a URL
 * ends up in logs. So a client trades its token for a ticket (`POST /v1/stream/tickets`) and puts
 * that in the URL: it works once, within `ticketTtlMs`, in any process (it is a row, not memory).
 */
export const ticketTtlMs = 60_000;

export async function issueTicket(db: Db, tokenId: string) {
  const ticket = `mst_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + ticketTtlMs);
  await sql`INSERT INTO stream_tickets (ticket_hash, token_id, expires_at)
            VALUES (${tokenHash(ticket)}, ${tokenId}, ${expiresAt})`.execute(db);
  return { ticket, expires_at: expiresAt.toISOString() };
}

/** Uses the ticket up: the principal of a live ticket whose token is still valid, else undefined. */
export async function redeemTicket(db: Db, ticket: string): Promise<Principal | undefined> {
  const { rows } = await sql<Principal['user'] & { token_id: ApiTokenRow['id'] }>`
    WITH redeemed AS (
      DELETE FROM stream_tickets WHERE ticket_hash = ${tokenHash(ticket)} RETURNING *
    )
    SELECT t.id AS token_id, u.id, u.email, u.name, u.is_operator, u.created_at
    FROM redeemed r
    JOIN api_tokens t ON t.id = r.token_id
    JOIN users u ON u.id = t.user_id
    WHERE r.expires_at > now() AND t.revoked_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > now())`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { token_id, ...user } = row;
  return { tokenId: token_id, user };
}

export async function deleteExpiredTickets(db: Db): Promise<void> {
  await sql`DELETE FROM stream_tickets WHERE expires_at < now()`.execute(db);
}
