import { type Static, type TSchema, Type } from 'typebox';
import { isUuid } from '../ids.ts';
import { Problem } from '../problems.ts';
import { unstorableText } from './text.ts';

/** Query parameters of every list route: `?limit=&cursor=`. */
export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** The body of every list response: a page of items and the cursor of the next, or null. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  });
}

type Key = string | number;

/**
 * Reads a cursor made by `pageOf`: the sort key of the last item of the previous page, `arity`
 * values long. Anything else (tampered, truncated, from another list) is a 400.
 */
export function decodeCursor(cursor: string | undefined, arity = 1): Key[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every(
        (part) =>
          typeof part === 'number' ||
          // Decoded JSON may hold a \u0000 that PostgreSQL would refuse as a 500.
          (typeof part === 'string' && unstorableText(part) === undefined),
      )
    ) {
      return key;
    }
  } catch {
    // falls through to the problem below
  }
  throw invalidCursor();
}

/**
 * Reads the cursor of a list keyed by one UUID (`pageOf(rows, limit, (row) => [row.id])`). The id
 * is checked here: a tampered key would otherwise reach PostgreSQL as a bad uuid and fail as a 500.
 */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  const key = decodeCursor(cursor, 1)?.[0];
  if (key === undefined || (typeof key === 'string' && isUuid(key))) return key;
  throw invalidCursor();
}

/** Reads the cursor of a list keyed by one integer id (`bigint` identity columns, such as jobs). */
export function decodeSerialCursor(cursor: string | undefined): number | undefined {
  const key = decodeCursor(cursor, 1)?.[0];
  if (key === undefined || (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0)) {
    return key;
  }
  throw invalidCursor();
}

function invalidCursor(): Problem {
  return new Problem('invalid-cursor', 'The cursor is not one this list gave out');
}

/**
 * Cuts a page from rows fetched with `limit + 1` (keyset order): the extra row only tells that
 * there is a next page, whose cursor is the key of the last row kept.
 *
 * @example
 * const rows = await listTokens(db, userId, decodeIdCursor(query.cursor), query.limit + 1);
 * return pageOf(rows, query.limit, (token) => [token.id]);
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Key[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next_cursor =
    rows.length > limit && last !== undefined
      ? Buffer.from(JSON.stringify(keyOf(last))).toString('base64url')
      : null;
  return { items, next_cursor };
}
