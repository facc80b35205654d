import type { Db } from '../../platform/db/database.ts';
import { type AuthorityRow, deliveryTables as tables } from './tables.ts';

// The SQL of organisations' certificate authorities: one row each, never updated (a new CA
// would be a new row once rotation exists).

export function findAuthority(db: Db, orgId: string) {
  return tables(db)
    .selectFrom('delivery_authorities')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** Stores the organisation's CA unless one was stored first; either way returns the stored one. */
export async function insertAuthority(
  db: Db,
  authority: Omit<AuthorityRow, 'created_at'>,
): Promise<AuthorityRow> {
  await tables(db)
    .insertInto('delivery_authorities')
    .values(authority)
    .onConflict((conflict) => conflict.column('org_id').doNothing())
    .execute();
  return (await findAuthority(db, authority.org_id)) as AuthorityRow;
}
