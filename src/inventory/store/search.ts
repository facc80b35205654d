import { type RawBuilder, sql } from 'kysely';
import { type Db, transaction } from '../../platform/db/database.ts';
import type { ItemRow } from './tables.ts';

// Item search (docs/inventory.md, "Search"). Words are matched by PostgreSQL's full text search
// on the generated `search` column (SKU weighted A, name B, description C; GIN index); when no
// item has them, typos by pg_trgm's word similarity between what was typed and
// `sku || ' ' || name` (the trigram GIN index serves `<%`). One rank combines them, and an exact
// SKU outranks everything:
//
//   rank = 10 if the SKU is q (case aside) + ts_rank (0..1) + word_similarity (0..1)
//
// Pages are keyset on (rank desc, id) — the rank is a float8 that the cursor carries exactly —
// or, with no q, on (name, id). No offset: a page costs the same however deep it is.

/** Word similarity at or above this is a match: "widgte" is 0.57 of "widget". */
const typoThreshold = '0.4';

/** What a search asks: words (or none), filters, and how many hits. */
export interface SearchFilter {
  q: string;
  categoryId?: string;
  locationId?: string;
  status?: ItemRow['status'];
  lowStock?: boolean;
  limit: number;
}

/** An item found, with its rank (null when listing by name). */
export type SearchHit = ItemRow & { rank: number | null };

/** A page of the organisation's items matching `filter`, after `after` (the last hit's key). */
export async function searchItems(
  db: Db,
  orgId: string,
  filter: SearchFilter,
  after: [number, string] | [string, string] | undefined,
): Promise<SearchHit[]> {
  const filters = filterSql(filter);
  if (filter.q === '') {
    const [name, id] = (after ?? []) as [string?, string?];
    const { rows } = await sql<SearchHit>`
      SELECT i.*, NULL::float8 AS rank FROM inventory_items i
       WHERE i.org_id = ${orgId} ${filters}
         ${name === undefined ? sql`` : sql`AND (i.name, i.id) > (${name}, ${id}::uuid)`}
       ORDER BY i.name, i.id
       LIMIT ${filter.limit}`.execute(db);
    return rows;
  }
  const [rank, id] = (after ?? []) as [number?, string?];
  const q = filter.q;
  const ts = sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
  return transaction(db, async (tx) => {
    // The threshold of `<%` is a setting: set for this transaction only. And the planner prices
    // the three index scans above a scan of the organisation's items, which is 20 to 50 times
    // slower (6 ms against 130 ms at 30,000 items): a sequential scan only when nothing else.
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${typoThreshold}, true),
                     set_config('enable_seqscan', 'off', true)`.execute(tx);
    const rankOf = sql`((CASE WHEN lower(i.sku) = lower(${q}) THEN 10 ELSE 0 END)
                         + ts_rank(i.search, ${ts})
                         + word_similarity(${q}, i.sku || ' ' || i.name))::float8 AS rank`;
    // Words first (and the SKU itself); the typo arm only when no item has the words. Both arms
    // at once cost the trigram recheck of every item sharing a trigram with q: "kettle" also
    // reads every "bottle", a SKU-shaped q every item (all SKUs share "sku"), 0.5 s at 100,000
    // items against 4 ms for the words (docs/benchmarks.md, inventory-catalogue). The NOT
    // EXISTS is a one-time filter: the trigram scan runs only when the words found nothing.
    const { rows } = await sql<SearchHit>`
      WITH words AS MATERIALIZED (
        SELECT i.*, ${rankOf}
          FROM inventory_items i
         WHERE i.org_id = ${orgId}
           AND (i.search @@ ${ts} OR i.sku = ${q})
           ${filters}
      ),
      hits AS (
        SELECT * FROM words
        UNION ALL
        -- A SKU equal to q but for case, when its words do not match, is found by similarity
        -- (trigrams are lower-cased).
        SELECT i.*, ${rankOf}
          FROM inventory_items i
         WHERE NOT EXISTS (SELECT 1 FROM words)
           AND i.org_id = ${orgId}
           AND ${q} <% (i.sku || ' ' || i.name)
           ${filters}
      )
      SELECT * FROM hits
       ${rank === undefined ? sql`` : sql`WHERE rank < ${rank}::float8 OR (rank = ${rank}::float8 AND id > ${id}::uuid)`}
       ORDER BY rank DESC, id
       LIMIT ${filter.limit}`.execute(tx);
    return rows;
  });
}

function filterSql(filter: SearchFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.categoryId) parts.push(sql`AND i.category_id = ${filter.categoryId}::uuid`);
  if (filter.status) parts.push(sql`AND i.status = ${filter.status}`);
  if (filter.locationId) {
    parts.push(sql`AND EXISTS (SELECT 1 FROM inventory_levels l
                                WHERE l.item_id = i.id AND l.location_id = ${filter.locationId}::uuid)`);
  }
  if (filter.lowStock) {
    // Low somewhere, or at the location when one is named.
    const at = filter.locationId ? sql`AND l.location_id = ${filter.locationId}::uuid` : sql``;
    parts.push(sql`AND EXISTS (SELECT 1 FROM inventory_levels l
                                WHERE l.item_id = i.id AND l.low_stock_since IS NOT NULL ${at})`);
  }
  return sql.join(parts, sql` `);
}
