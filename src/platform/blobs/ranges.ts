import type { ByteRange } from './blob-store.ts';

/** What a `Range` header asks of a blob of a given size: all of it, one range, or the impossible. */
export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header (RFC 9110 §14) against a blob of `size` bytes. One range is served
 * (`bytes=0-99`, `bytes=100-`, `bytes=-100`); a header that is not a byte range, or that lists
 * several, is ignored and the whole blob sent, as RFC 9110 allows (a multipart answer would be
 * more code than any media client needs). A range that starts past the end is unsatisfiable.
 * `If-Range` with another validator than `etag` also means the whole blob.
 */
export function rangeOf(
  header: string | undefined,
  ifRange: string | undefined,
  etag: string,
  size: number,
): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.replace(/\s/g, ''));
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last `last` bytes (all of them if the blob is shorter).
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'whole' }; // invalid: ignored
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}

/** Whether `If-None-Match` names `etag` (weakly compared, as RFC 9110 §13.1.2 says), or is `*`. */
export function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
