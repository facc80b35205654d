import { describe, expect, it } from 'vitest';
import { Problem } from '../platform/problems.ts';
import { graphemeLength, isBlank, mentionsIn, postText, tagsIn } from './text.ts';

const limits = { maxChars: 500, hasMedia: false };
const family = '👩‍👩‍👧‍👦';
/** A two-person family: one character of three code points, so 500 of them fit in 2,000. */
const smallFamily = '👩‍👦';

/** The problem `postText` throws for `raw`, or undefined when it accepts it. */
function refusal(raw: string, opts = limits) {
  try {
    postText(raw, opts);
    return undefined;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return { problem: error.problem, ...error.extensions };
  }
}

describe('post text', () => {
  it('counts an emoji ZWJ sequence, a flag and a decomposed accent as one character each', () => {
    expect(graphemeLength(family)).toBe(1);
    expect(graphemeLength('🇫🇷')).toBe(1);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('👍🏽')).toBe(1);
  });

  it('stores NFC: a decomposed é becomes the composed one', () => {
    expect(postText('cafe\u0301', limits).text).toBe('caf\u00e9');
  });

  it('accepts 500 emoji families (each is one character) and refuses 501 graphemes', () => {
    expect(refusal(smallFamily.repeat(500))).toBeUndefined();
    expect(refusal(family.repeat(250))).toBeUndefined();
    expect(refusal('a'.repeat(500))).toBeUndefined();
    expect(refusal('a'.repeat(501))).toEqual({ problem: 'post-too-long', limit: 500, length: 501 });
  });

  it('refuses 500 four-person families: 3,500 code points is past 2,000', () => {
    expect(refusal(family.repeat(500))).toMatchObject({ problem: 'post-too-long', limit: 2000 });
  });

  it('refuses zalgo: few graphemes, thousands of combining marks', () => {
    const zalgo = `Z${'\u0336\u0338\u0334'.repeat(700)}algo`;
    expect(graphemeLength(zalgo)).toBeLessThan(10);
    expect(refusal(zalgo)).toEqual({ problem: 'post-too-long', limit: 2000, length: 2105 });
  });

  it('keeps right-to-left text and bidi marks as written', () => {
    const rtl = '\u202Eשלום עולם\u202C مرحبا \u200F!';
    expect(postText(rtl, limits).text).toBe(rtl);
  });

  it('refuses text made of whitespace and invisible characters, unless media is attached', () => {
    for (const blank of [
      '',
      '   \n\t',
      '\u200B\u200B',
      '\u200D\u200C\u2060\uFEFF',
      '\u202E\u2066\u200E ',
    ]) {
      expect(isBlank(blank)).toBe(true);
      expect(refusal(blank)).toEqual({ problem: 'post-empty' });
      expect(refusal(blank, { maxChars: 500, hasMedia: true })).toBeUndefined();
    }
    expect(isBlank('\u200B.')).toBe(false);
  });

  it('finds mentions case-insensitively, not inside emails or longer words, at most 10', () => {
    expect(mentionsIn('hi @Ada and @bob_2, @ada again; mail me at x@carol.org')).toEqual([
      'ada',
      'bob_2',
    ]);
    expect(mentionsIn(`@${'a'.repeat(31)}`)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionsIn(many)).toHaveLength(10);
  });

  it('finds hashtags in any script, lower-cased and NFKC, at most 10', () => {
    expect(tagsIn('#Café #ＴＯＫＹＯ #東京 #مرحبا #under_score and#glued &#39;')).toEqual([
      'café',
      'tokyo',
      '東京',
      'مرحبا',
      'under_score',
    ]);
    expect(tagsIn('#cafe\u0301 #CAFÉ')).toEqual(['café']);
    const many = Array.from({ length: 12 }, (_, i) => `#tag${i}`).join(' ');
    expect(tagsIn(many)).toHaveLength(10);
  });
});
