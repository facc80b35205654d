import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { operationTables as tables } from './operation-tables.ts';

// What each node runs now: the metadata of its last acknowledged version (never a private key).

/** Keeps what the node acknowledged; nothing when the node was removed meanwhile. */
export function saveCurrentMetadata(
  db: Db,
  nodeId: string,
  current: { version: number; issuedAt: Date; expiresAt: Date; metadata: Record<string, unknown> },
) {
  return sql`
    INSERT INTO delivery_node_metadata (node_id, version, issued_at, expires_at, metadata)
    SELECT id, ${current.version}, ${current.issuedAt}, ${current.expiresAt},
           ${JSON.stringify(current.metadata)}::jsonb
    FROM delivery_nodes WHERE id = ${nodeId}
    ON CONFLICT (node_id) DO UPDATE SET version = EXCLUDED.version,
      issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at,
      metadata = EXCLUDED.metadata`.execute(db);
}

export function findCurrentMetadata(db: Db, nodeId: string) {
  return tables(db)
    .selectFrom('delivery_node_metadata')
    .selectAll()
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
}
