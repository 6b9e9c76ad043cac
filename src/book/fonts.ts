/**
 * The book's fonts and the choice of font per character. pdfmake has no glyph fallback, so text
 * is cut into runs, each in a font that has its glyphs: Noto Sans for Latin, then the regional
 * Noto Sans CJK font that suits the text (Hangul → Korean, kana → Japanese, Han → the hint),
 * then any other CJK font that has the character, so nothing prints as an empty box.
 */
import { FONT_COVERAGE } from './font-coverage.generated';

export const LATIN_FONT = 'NotoSans';
export const CJK_FONTS = ['CjkTC', 'CjkSC', 'CjkJP', 'CjkKR'] as const;
export type CjkFont = (typeof CJK_FONTS)[number];
export type FontKey = typeof LATIN_FONT | CjkFont;

export interface FontFiles {
  readonly normal: string;
  readonly bold: string;
  readonly italics: string;
  readonly bolditalics: string;
}

/** Only the regular CJK weight is shipped: bold CJK prints regular (see resources/fonts/README.md). */
const cjk = (file: string): FontFiles => ({ normal: file, bold: file, italics: file, bolditalics: file });

/** File names in resources/fonts. */
export const FONT_FILES: Record<FontKey, FontFiles> = {
  NotoSans: {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Italic.ttf',
    bolditalics: 'NotoSans-BoldItalic.ttf',
  },
  CjkTC: cjk('NotoSansHant-Regular.otf'),
  CjkSC: cjk('NotoSansHans-Regular.otf'),
  CjkJP: cjk('NotoSansJP-Regular.otf'),
  CjkKR: cjk('NotoSansKR-Regular.otf'),
};

/** Sorted [start, end] ranges, decoded once from the generated gap list. */
function decode(encoded: string): Uint32Array {
  const items = encoded.split(',');
  const ranges = new Uint32Array(items.length * 2);
  let previous = 0;
  items.forEach((item, i) => {
    const [gap = '0', span = '0'] = item.split('+');
    const start = previous + parseInt(gap, 36);
    const end = start + parseInt(span, 36);
    ranges[i * 2] = start;
    ranges[i * 2 + 1] = end;
    previous = end;
  });
  return ranges;
}

const decoded = new Map<FontKey, Uint32Array>();

export function fontHas(font: FontKey, codePoint: number): boolean {
  let ranges = decoded.get(font);
  if (!ranges) {
    ranges = decode(FONT_COVERAGE[font]);
    decoded.set(font, ranges);
  }
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = ranges[mid * 2] ?? 0;
    const end = ranges[mid * 2 + 1] ?? 0;
    if (codePoint < start) high = mid - 1;
    else if (codePoint > end) low = mid + 1;
    else return true;
  }
  return false;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;

/** The CJK font for a BCP 47 tag or a country code; undefined when neither says. */
export function cjkFontFor(hint: { lang?: string; country?: string }): CjkFont | undefined {
  const lang = (hint.lang ?? '').toLowerCase();
  if (lang.startsWith('ja')) return 'CjkJP';
  if (lang.startsWith('ko')) return 'CjkKR';
  if (lang.startsWith('zh')) {
    return /hans|-cn|-sg/.test(lang) || lang === 'zh' ? 'CjkSC' : 'CjkTC';
  }
  switch ((hint.country ?? '').toUpperCase()) {
    case 'JP':
      return 'CjkJP';
    case 'KR':
      return 'CjkKR';
    case 'CN':
    case 'SG':
      return 'CjkSC';
    case 'TW':
    case 'HK':
    case 'MO':
      return 'CjkTC';
    default:
      return undefined;
  }
}

/** A piece of text in one font; `font` undefined means the book's default (Latin) font. */
export interface TextRun {
  readonly text: string;
  readonly font?: CjkFont;
}

// Fast path: text in these ranges (Latin, Greek, Cyrillic, general punctuation) is all Latin.
const ALL_LATIN = /^[\u0020-\u052f\t\n\r\u1e00-\u1fff\u2000-\u206f\u20a0-\u20bf\u2100-\u214f]*$/;

/**
 * Cuts text into runs by font. `preferred` is the CJK font for Han characters when the text
 * itself does not tell (kana means Japanese, Hangul means Korean).
 */
export function textRuns(text: string, preferred: CjkFont = 'CjkTC'): TextRun[] {
  if (ALL_LATIN.test(text)) return [{ text }];
  const primary: CjkFont = KANA.test(text) ? 'CjkJP' : HANGUL.test(text) ? 'CjkKR' : preferred;
  const order = [primary, ...CJK_FONTS.filter((font) => font !== primary)];
  const runs: { text: string; font: CjkFont | undefined }[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    // Spaces and ASCII punctuation stay in the current run when its font has them: fewer runs.
    if (last && cp < 0x80 && !/[A-Za-z0-9]/.test(char) && (last.font === undefined || fontHas(last.font, cp))) {
      last.text += char;
      continue;
    }
    const font = fontHas(LATIN_FONT, cp) ? undefined : (order.find((f) => fontHas(f, cp)) ?? undefined);
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs.map((run) => (run.font === undefined ? { text: run.text } : { text: run.text, font: run.font }));
}

/** The fonts a set of runs uses: the renderer loads only these. */
export function fontsUsed(runs: Iterable<TextRun>): Set<FontKey> {
  const used = new Set<FontKey>([LATIN_FONT]);
  for (const run of runs) if (run.font) used.add(run.font);
  return used;
}
