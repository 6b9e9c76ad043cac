/**
 * How text becomes search terms. Latin, Cyrillic and other spaced scripts split into words, folded
 * (case, accents, æ/ø/ß) so "munchen" meets "München". Chinese, Japanese and Korean are written
 * without spaces: their runs are indexed as single characters and character pairs, so any part of
 * a name can be found ("光電" in "新竹光電股份有限公司").
 */
import { foldForSearch } from '../domain/text';

/** Longer words are cut: nobody types 33 letters before the right result shows. */
export const MAX_TERM_LENGTH = 32;

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc]/u;
const RUNS =
  /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc]+)|((?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc])[\p{L}\p{N}])+)/gu;

/**
 * foldForSearch decomposes (NFKD) to drop accents; composing again (NFC) puts Hangul syllables and
 * Japanese voiced kana back together, so they are one character each, as typed.
 */
export function searchFold(text: string): string {
  return foldForSearch(text).normalize('NFC');
}

export function isCjkTerm(term: string): boolean {
  return CJK.test(term);
}

/** The distinct terms of a text to index: words, and CJK characters and character pairs. */
export function indexTerms(text: string, into: Set<string>): void {
  for (const match of searchFold(text).matchAll(RUNS)) {
    const [, cjk, word] = match;
    if (word) into.add(word.slice(0, MAX_TERM_LENGTH));
    else if (cjk) {
      const chars = [...cjk];
      chars.forEach((char, i) => {
        into.add(char);
        const next = chars[i + 1];
        if (next !== undefined) into.add(char + next);
      });
    }
  }
}

export interface QueryToken {
  readonly term: string;
  /** CJK pairs and single characters match exactly; words also by prefix and with typos. */
  readonly cjk: boolean;
}

/** The terms of what the user typed: words, and CJK pairs (or the single character typed so far). */
export function queryTokens(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const seen = new Set<string>();
  const push = (term: string, cjk: boolean) => {
    if (seen.has(term)) return;
    seen.add(term);
    tokens.push({ term, cjk });
  };
  for (const match of searchFold(query).matchAll(RUNS)) {
    const [, cjk, word] = match;
    if (word) push(word.slice(0, MAX_TERM_LENGTH), false);
    else if (cjk) {
      const chars = [...cjk];
      if (chars.length === 1 && chars[0]) push(chars[0], true);
      for (let i = 0; i + 1 < chars.length; i++) push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`, true);
    }
  }
  return tokens;
}
