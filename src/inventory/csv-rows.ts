import type { BulkRow } from './bulk.ts';
import { failedRow } from './bulk.ts';
import type { RowResult } from './bulk-schemas.ts';

// CSV records as bulk rows (docs/inventory.md, "CSV files"). The header names the columns, in any
// order; an empty cell is a field left out; numbers, booleans and JSON cells are read here, and
// everything else is checked by the bulk row schemas, so a CSV row and a JSON row fail alike.

/** An item file's columns, as exported (attributes and media as JSON). */
export const itemColumns = [
  'sku',
  'name',
  'description',
  'category_id',
  'unit_cost',
  'price',
  'currency',
  'status',
  'allow_backorder',
  'attributes',
  'media',
] as const;

/** A level file's columns as imported; a file without `quantity` sets `on_hand` (an export). */
export const levelColumns = [
  'sku',
  'item_id',
  'location_id',
  'quantity',
  'state',
  'change_from_quantity',
  'reason',
  'reference',
] as const;

/** A level export's columns. */
export const levelExportColumns = [
  'sku',
  'item_id',
  'location_id',
  'location_name',
  'on_hand',
  'reserved',
  'incoming',
  'damaged',
  'available',
  'safety_stock',
  'reorder_point',
] as const;

/** What a file holds. */
export type ImportKind = 'items' | 'levels';

const integers = new Set(['unit_cost', 'price', 'quantity', 'change_from_quantity']);
const booleans = new Set(['allow_backorder']);
const json = new Set(['attributes', 'media']);

/** How the cells of a file with `header` become rows: the fields each column feeds. */
export interface CsvRowReader {
  /** Columns of the header that the kind does not read. */
  ignored: string[];
  /** What the header lacks, in words; the file is refused. */
  missing: string[];
  toRow(cells: string[], row: number): BulkRow | RowResult;
}

/** The reader of a file of `kind` whose header is `header`. */
export function csvRowReader(kind: ImportKind, header: string[]): CsvRowReader {
  const known: readonly string[] = kind === 'items' ? itemColumns : levelColumns;
  const fields = header.map((column) => {
    const name = column.trim();
    if (known.includes(name)) return name;
    // A level export's on-hand count, when the file has no quantity column: a cycle count.
    return kind === 'levels' && name === 'on_hand' && !header.includes('quantity')
      ? 'quantity'
      : undefined;
  });
  const has = (name: string) => fields.includes(name);
  const missing =
    kind === 'items'
      ? ['sku', 'name'].filter((name) => !has(name))
      : [
          ...(has('sku') || has('item_id') ? [] : ['sku or item_id']),
          ...(has('location_id') ? [] : ['location_id']),
          ...(has('quantity') ? [] : ['quantity (or on_hand)']),
        ];
  return {
    ignored: header.filter((_, i) => fields[i] === undefined),
    missing,
    toRow(cells, row) {
      if (cells.length > header.length) {
        const detail = `has ${cells.length} fields; the header has ${header.length}`;
        return failedRow(row, 'validation-failed', detail);
      }
      const value: Record<string, unknown> = {};
      for (const [i, cell] of cells.entries()) {
        const field = fields[i];
        if (field === undefined || cell === '') continue;
        const read = readCell(field, cell);
        if (read instanceof Error) return failedRow(row, 'validation-failed', read.message);
        value[field] = read;
      }
      return { row, value };
    },
  };
}

/** A cell as its field's type; what does not read as that type is left for the schema to name. */
function readCell(field: string, cell: string): unknown {
  if (integers.has(field)) return /^-?\d{1,16}$/.test(cell.trim()) ? Number(cell) : cell;
  if (booleans.has(field)) {
    const word = cell.trim().toLowerCase();
    return word === 'true' ? true : word === 'false' ? false : cell;
  }
  if (json.has(field)) {
    try {
      return JSON.parse(cell);
    } catch {
      return new Error(`${field}: not valid JSON`);
    }
  }
  return cell;
}
