import { describe, expect, it } from 'vitest';
import { matchesNoneMatch, rangeOf } from './ranges.ts';

const etag = '"abc"';
const of = (header: string | undefined, ifRange?: string) => rangeOf(header, ifRange, etag, 100);

describe('rangeOf', () => {
  it('reads one byte range of each form', () => {
    expect(of('bytes=0-9')).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
    expect(of('bytes=90-')).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(of('bytes=-10')).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(of('bytes = 5 - 6')).toEqual({ kind: 'partial', range: { start: 5, end: 6 } });
  });

  it('clips an end past the blob, and a suffix longer than it', () => {
    expect(of('bytes=50-1000')).toEqual({ kind: 'partial', range: { start: 50, end: 99 } });
    expect(of('bytes=-1000')).toEqual({ kind: 'partial', range: { start: 0, end: 99 } });
  });

  it('finds a start past the end, or an empty suffix, unsatisfiable', () => {
    expect(of('bytes=100-')).toEqual({ kind: 'unsatisfiable' });
    expect(of('bytes=100-200')).toEqual({ kind: 'unsatisfiable' });
    expect(of('bytes=-0')).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: other units, several ranges, nonsense, reversed', () => {
    for (const header of [
      undefined,
      'items=0-1',
      'bytes=0-1,5-6',
      'bytes=x-y',
      'bytes=-',
      'bytes=9-2',
    ]) {
      expect(of(header), String(header)).toEqual({ kind: 'whole' });
    }
  });

  it('honours If-Range only when it names this blob', () => {
    expect(of('bytes=0-1', '"abc"')).toMatchObject({ kind: 'partial' });
    expect(of('bytes=0-1', '"other"')).toEqual({ kind: 'whole' });
    expect(of('bytes=0-1', 'Tue, 01 Dec 2026 00:00:00 GMT')).toEqual({ kind: 'whole' });
  });
});

describe('matchesNoneMatch', () => {
  it('compares weakly, in a list, or with *', () => {
    expect(matchesNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesNoneMatch('W/"abc"', etag)).toBe(true);
    expect(matchesNoneMatch('"x" , "abc"', etag)).toBe(true);
    expect(matchesNoneMatch('*', etag)).toBe(true);
    expect(matchesNoneMatch('"abcd"', etag)).toBe(false);
    expect(matchesNoneMatch(undefined, etag)).toBe(false);
  });
});
