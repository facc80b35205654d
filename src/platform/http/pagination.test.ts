import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problem } from '../problems.ts';
import { decodeCursor, decodeIdCursor, pageOf } from './pagination.ts';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function expectInvalidCursor(
  cursor: string,
  arity?: number,
  decode: (cursor: string, arity?: number) => unknown = decodeCursor,
): void {
  let thrown: unknown;
  try {
    decode(cursor, arity);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `cursor ${JSON.stringify(cursor)} was accepted`).toBeInstanceOf(Problem);
  expect((thrown as Problem).problem).toBe('invalid-cursor');
}

describe('pageOf', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('keeps `limit` rows and gives the key of the last one kept when more follow', () => {
    const page = pageOf(rows, 2, (row) => [row.id]);
    expect(page.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.next_cursor).not.toBeNull();
    expect(decodeCursor(page.next_cursor as string)).toEqual(['b']);
  });

  it('has no next cursor when the rows fit the page', () => {
    expect(pageOf(rows, 3, (row) => [row.id])).toEqual({ items: rows, next_cursor: null });
    expect(pageOf([], 3, (row: { id: string }) => [row.id])).toEqual({
      items: [],
      next_cursor: null,
    });
  });
});

describe('decodeCursor', () => {
  it('reads no cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('round-trips every key that pageOf writes', () => {
    // Keys come from stored rows, so never hold a NUL (PostgreSQL text cannot).
    const part = fc.oneof(
      fc.string({ unit: 'binary' }).filter((text) => !text.includes('\0')),
      fc.uuid(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (key) => {
        const { next_cursor } = pageOf([key, key], 1, (row) => row);
        expect(next_cursor).toEqual(expect.any(String));
        expect(decodeCursor(next_cursor as string, key.length)).toEqual(key);
      }),
    );
  });

  it('refuses garbage', () => {
    const smuggled = [encode(['a\u0000']), encode(['\ud800', 1])];
    for (const cursor of [
      '',
      'not a cursor',
      '%%%',
      '!!!!',
      encode('just a string').slice(3),
      ...smuggled,
    ]) {
      expectInvalidCursor(cursor);
    }
  });

  it('refuses any random string that is not a JSON array of keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cursor) => {
        let decoded: unknown;
        try {
          decoded = decodeCursor(cursor);
        } catch (error) {
          expect(error).toBeInstanceOf(Problem);
          expect((error as Problem).problem).toBe('invalid-cursor');
          return;
        }
        // Accepted only when it really is a one-element array of a string or number.
        expect(decoded).toEqual([expect.anything()]);
        expect(['string', 'number']).toContain(typeof (decoded as unknown[])[0]);
      }),
    );
  });

  it('refuses a key of the wrong arity', () => {
    expectInvalidCursor(encode(['a', 'b']), 1);
    expectInvalidCursor(encode(['a']), 2);
    expectInvalidCursor(encode([]), 1);
  });

  it('refuses JSON that is not an array of strings and numbers', () => {
    for (const value of [
      'a',
      42,
      null,
      true,
      { 0: 'a', length: 1 },
      [null],
      [true],
      [{ id: 'a' }],
      [['a']],
    ]) {
      expectInvalidCursor(encode(value));
    }
  });
});

describe('decodeIdCursor', () => {
  it('round-trips a UUID key', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const { next_cursor } = pageOf([{ id }, { id }], 1, (row) => [row.id]);
        expect(decodeIdCursor(next_cursor as string)).toBe(id);
      }),
    );
    expect(decodeIdCursor(undefined)).toBeUndefined();
  });

  it('refuses a well-formed cursor whose key is not a UUID', () => {
    for (const key of [['not-a-uuid'], [42], [''], ["' OR 1=1 --"], ['a', 'b']]) {
      expectInvalidCursor(encode(key), undefined, decodeIdCursor);
    }
    expectInvalidCursor('garbage', undefined, decodeIdCursor);
  });
});
