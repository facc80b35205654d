const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `text` is a UUID in its canonical form, as every id Meridian gives out is. Checked
 * before a query takes an id from a client (a cursor, a topic): PostgreSQL refuses anything else
 * for a `uuid`, with an error instead of "no such row".
 */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}
