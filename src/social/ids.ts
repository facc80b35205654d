import { type Static, Type } from 'typebox';
import { Problem } from '../platform/problems.ts';

// The microblog's ids: 64-bit, time-ordered, made by PostgreSQL (`social_id()`, migrations). In
// TypeScript and in JSON they are decimal strings: a 64-bit id does not fit a JSON number (nor a
// JavaScript one), so an id that went through a number has already lost digits.

/** A social id as the module carries it: a decimal string of a positive 64-bit integer. */
export type SocialId = string;

const largest = (1n << 63n) - 1n;

/** An id in a path, query or body: a decimal string (or, in the briefs' bodies, a safe number). */
export const SocialIdText = Type.String({
  pattern: '^[0-9]{1,19}$',
  description: 'A 64-bit id as a decimal string',
  examples: ['7391820048710582273'],
});

/** The briefs' ids: a string, or a JSON number small enough to be exact. */
export const LooseSocialId = Type.Union([SocialIdText, Type.Integer({ minimum: 1 })], {
  description: 'A 64-bit id: send it as a string (a JSON number past 2^53 has lost digits)',
});
export type LooseSocialId = Static<typeof LooseSocialId>;

/**
 * `value` as a `SocialId`, or a 400 naming `field`: a number past 2^53 is refused (it lost digits
 * in the client's parser, and looking up its neighbour instead would be silently wrong), as is
 * anything outside 1..2^63-1.
 *
 * @example
 * const postId = socialId(request.body.tweetId, 'tweetId'); // "7391820048710582273"
 */
export function socialId(value: string | number, field: string): SocialId {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new Problem('bad-request', `${field} is not exact: send the id as a string`, {
      errors: [{ field, message: 'a 64-bit id must be sent as a string' }],
    });
  }
  const text = String(value);
  if (!/^[0-9]{1,19}$/.test(text) || BigInt(text) < 1n || BigInt(text) > largest) {
    throw new Problem('bad-request', `${field} is not an id`, {
      errors: [{ field, message: 'must be a positive 64-bit integer' }],
    });
  }
  return BigInt(text).toString();
}

/** The millisecond an id was made in (its top 48 bits). */
export function millisecondOf(id: SocialId): number {
  return Number(BigInt(id) >> 16n);
}

/** The smallest id made at `at` or later: `id > firstIdAt(t)` reads "made at t or after". */
export function firstIdAt(at: Date): SocialId {
  return (BigInt(at.getTime()) << 16n).toString();
}

/** Whether id `a` is older than id `b`. Decimal strings of different lengths do not sort as text. */
export function olderThan(a: SocialId, b: SocialId): boolean {
  return BigInt(a) < BigInt(b);
}
