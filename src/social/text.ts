import { Problem } from '../platform/problems.ts';

// A post's text (docs/social.md, "Posts"): what is stored is the NFC form, measured as people see
// it — in grapheme clusters, so a family emoji joined by ZWJs or a letter with its accents is one
// character — and bounded in code points too, so combining-mark "zalgo" stacked on a few letters
// cannot make a 500-character post megabytes long. Right-to-left text and bidi marks are kept as
// written; only a text made of nothing visible is refused.

/** Code points a post may hold, whatever its grapheme count. */
export const maxCodePoints = 2_000;
/** Mentions resolved and hashtags kept per post. */
export const maxMentions = 10;
export const maxTags = 10;
/** A hashtag's longest form, in code points (longer ones stay plain text). */
const maxTagLength = 100;

/** Whitespace and characters that show nothing: zero-width, joiners, word joiner, BOM, bidi controls. */
const invisible = /[\s\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;
/** `@handle` not glued to a word or an email address before it, nor longer than a handle after. */
const mentionPattern = /(?<![\p{L}\p{N}_@.])@([a-z0-9_]{1,30})(?![a-z0-9_])/giu;
/** `#tag` of letters (with their marks), digits and `_`, not glued to a word before it. */
const tagPattern = /(?<![\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]+)/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A post's text, checked and parsed. */
export interface PostText {
  /** The text as stored: NFC. */
  text: string;
  /** Handles mentioned, lower-case, first 10 distinct (unknown ones stay text). */
  mentions: string[];
  /** Hashtags, lower-case NFKC, first 10 distinct. */
  tags: string[];
}

/**
 * Checks and parses a post's text: 422 `post-too-long` (with `limit` and `length`) past
 * `maxChars` grapheme clusters or 2,000 code points; 422 `post-empty` when nothing visible is
 * left and no media is attached.
 *
 * @example
 * postText('Hi @Ada #Café', { maxChars: 500, hasMedia: false })
 * // { text: 'Hi @Ada #Café', mentions: ['ada'], tags: ['café'] }
 */
export function postText(raw: string, opts: { maxChars: number; hasMedia: boolean }): PostText {
  const text = raw.normalize('NFC');
  const codePoints = countCodePoints(text);
  if (codePoints > maxCodePoints) {
    throw tooLong(maxCodePoints, codePoints, 'code points (letters with all their marks)');
  }
  const length = graphemeLength(text);
  if (length > opts.maxChars) throw tooLong(opts.maxChars, length, 'characters');
  if (!opts.hasMedia && isBlank(text)) {
    throw new Problem('post-empty', 'The post has no visible text and no media');
  }
  return { text, mentions: mentionsIn(text), tags: tagsIn(text) };
}

/** The length people see: grapheme clusters (👩‍👩‍👧 is 1, é is 1 composed or not). */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Whether `text` shows nothing: only whitespace and invisible characters. */
export function isBlank(text: string): boolean {
  return text.replace(invisible, '') === '';
}

/** The distinct handles mentioned in `text`, lower-case, at most 10. */
export function mentionsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(mentionPattern)) {
    found.add((match[1] as string).toLowerCase());
    if (found.size === maxMentions) break;
  }
  return [...found];
}

/** The distinct hashtags of `text`, lower-case NFKC (`#Ｃａｆé` and `#cafe\u0301` are `café`), at most 10. */
export function tagsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(tagPattern)) {
    const tag = normaliseTag(match[1] as string);
    if (tag === undefined) continue;
    found.add(tag);
    if (found.size === maxTags) break;
  }
  return [...found];
}

/** A tag as stored and looked up (the tag timeline's key); undefined for one too long to be a tag. */
export function normaliseTag(tag: string): string | undefined {
  const normal = tag.normalize('NFKC').toLowerCase().normalize('NFC');
  return normal.length > 0 && countCodePoints(normal) <= maxTagLength ? normal : undefined;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function tooLong(limit: number, length: number, unit: string): Problem {
  return new Problem('post-too-long', `The post has ${length} ${unit}; at most ${limit} fit`, {
    limit,
    length,
  });
}
