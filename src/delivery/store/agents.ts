import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { deliveryTables as tables } from './tables.ts';

// The SQL of pull mode: join tokens, agents (a node's credential, its CSR and the version kept
// for it) and the node transitions only pull mode makes (`recordOffered`, `awaitAgent`). The
// acknowledgements are store/nodes.ts's, as in push mode. Credentials and tokens are looked up
// by their SHA-256 hash; neither is ever stored.

/** A node that waits for its agent's join: not due until then (the join makes it due now). */
export const awaitingAgent = new Date('9999-01-01T00:00:00Z');

export function insertJoinToken(
  db: Db,
  token: { serviceId: string; name: string; hash: Buffer; expiresAt: Date; createdBy: string },
) {
  return tables(db)
    .insertInto('delivery_join_tokens')
    .values({
      id: uuidv7(),
      service_id: token.serviceId,
      name: token.name,
      token_hash: token.hash,
      expires_at: token.expiresAt,
      created_by: token.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A page of the service's join tokens, newest first (ids are UUIDv7). */
export function listJoinTokens(
  db: Db,
  serviceId: string,
  before: string | undefined,
  limit: number,
) {
  return tables(db)
    .selectFrom('delivery_join_tokens')
    .selectAll()
    .where('service_id', '=', serviceId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Revokes the token at `at`; false when the service has no such token. */
export async function revokeJoinToken(db: Db, serviceId: string, id: string, at: Date) {
  const updated = await tables(db)
    .updateTable('delivery_join_tokens')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
    .where('service_id', '=', serviceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export function findJoinToken(db: Db, hash: Buffer) {
  return tables(db)
    .selectFrom('delivery_join_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export function countJoin(db: Db, tokenId: string, at: Date) {
  return tables(db)
    .updateTable('delivery_join_tokens')
    .set({ joins: sql`joins + 1`, last_used_at: at })
    .where('id', '=', tokenId)
    .execute();
}

/**
 * The node's agent from now on: a new credential and CSR. A version kept for a former agent is
 * dropped: its certificate is for a key the new agent does not hold.
 */
export function upsertAgent(db: Db, nodeId: string, credentialHash: Buffer, csr: string | null) {
  return tables(db)
    .insertInto('delivery_agents')
    .values({ node_id: nodeId, credential_hash: credentialHash, csr })
    .onConflict((conflict) =>
      conflict.column('node_id').doUpdateSet({
        credential_hash: credentialHash,
        csr,
        offered_version: null,
        offer: null,
        joined_at: new Date(),
      }),
    )
    .execute();
}

/** The node whose agent holds this credential; undefined for an unknown or replaced one. */
export function findAgentNode(db: Db, credentialHash: Buffer) {
  return tables(db)
    .selectFrom('delivery_agents as a')
    .innerJoin('delivery_nodes as n', 'n.id', 'a.node_id')
    .select(['n.id', 'n.service_id', 'n.name', 'n.agent_seen_at'])
    .where('a.credential_hash', '=', credentialHash)
    .executeTakeFirst();
}

export function findAgent(db: Db, nodeId: string) {
  return tables(db)
    .selectFrom('delivery_agents')
    .selectAll()
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
}

/** The version kept for the agent, when it is newer than `version`. */
export async function offerAfter(db: Db, nodeId: string, version: number) {
  const row = await tables(db)
    .selectFrom('delivery_agents')
    .select('offer')
    .where('node_id', '=', nodeId)
    .where('offered_version', '>', version)
    .executeTakeFirst();
  return row?.offer ?? undefined;
}

/** Keeps `offer` (version `version`) for the agent, replacing the one it had. */
export function storeOffer(
  db: Db,
  nodeId: string,
  version: number,
  offer: Record<string, unknown>,
) {
  return tables(db)
    .updateTable('delivery_agents')
    .set({ offered_version: version, offer: JSON.stringify(offer) })
    .where('node_id', '=', nodeId)
    .execute();
}

export function setCsr(db: Db, nodeId: string, csr: string) {
  return tables(db)
    .updateTable('delivery_agents')
    .set({ csr })
    .where('node_id', '=', nodeId)
    .execute();
}

/**
 * A version is ready for the agent: the delivery ends here (the slot is freed). The node is due
 * again at `renewAt`, the kept version's own renewal time, so an agent away for long finds a
 * version no older than its window when it comes back. Its acknowledgement keeps that time.
 */
export function recordOffered(db: Db, nodeId: string, renewAt: Date) {
  return tables(db)
    .updateTable('delivery_nodes')
    .set({ renew_at: renewAt, delivering_until: null })
    .where('id', '=', nodeId)
    .execute();
}

/**
 * Nothing can be prepared before the node's agent joins (with its CSR): not due until then. The
 * version numbered for this delivery was never made, so the number is given back.
 */
export function awaitAgent(db: Db, nodeId: string) {
  return tables(db)
    .updateTable('delivery_nodes')
    .set({
      renew_at: awaitingAgent,
      delivering_until: null,
      delivered_version: sql`delivered_version - 1`,
    })
    .where('id', '=', nodeId)
    .execute();
}

/** The agent was heard from at `at`; `skewMs` when it told its clock. */
export function recordAgentSeen(db: Db, nodeId: string, at: Date, skewMs?: number) {
  return tables(db)
    .updateTable('delivery_nodes')
    .set({ agent_seen_at: at, ...(skewMs === undefined ? {} : { clock_skew_ms: skewMs }) })
    .where('id', '=', nodeId)
    .execute();
}
