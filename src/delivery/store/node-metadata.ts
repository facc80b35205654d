import type { Db } from '../../platform/db/database.ts';
import { operationTables as tables } from './operation-tables.ts';

// What each node runs now: the metadata of its last acknowledged version (never a private key),
// kept by the end of its delivery (nodes.ts, `recordEnds`).

export function findCurrentMetadata(db: Db, nodeId: string) {
  return tables(db)
    .selectFrom('delivery_node_metadata')
    .selectAll()
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
}
