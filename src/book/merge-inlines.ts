/**
 * One text run per stretch of equally styled words. pdfmake lays a line out as one inline per
 * word (and per CJK character) and its renderer writes each on its own: opacity, colour, font,
 * size and a text operator per word, with pdfkit re-encoding every fragment. Before a line is
 * rendered, neighbouring inlines that differ in nothing but their text and place are joined into
 * one, when the second starts exactly where the first ends (so a justified line, whose words are
 * spread apart, stays as it is). The glyphs land where they did; the book is made in about two
 * thirds of the time and a third smaller (docs/book.md, "Where the time goes").
 *
 * Installed before pdfmake's `Renderer.prototype.renderLine`: see `pdfmake-hooks.ts`.
 */

/** What the merge reads of a pdfmake inline (a laid-out word or part of one). */
export interface InlineLike {
  text: string;
  x: number;
  width: number;
  [key: string]: unknown;
}

/** What the merge reads of a pdfmake line. */
export interface LineLike {
  inlines: InlineLike[];
  _pageNodeRef?: unknown;
}

/** Differ from word to word without changing how the text is drawn. */
const PER_WORD = new Set(['text', 'x', 'width', 'leadingCut', 'trailingCut', 'noNewLine', 'lineEnd']);

/** Each of these is drawn per inline (a link area, a page number filled in late, an offset). */
const KEEP_APART = [
  'link',
  'linkToPage',
  'linkToDestination',
  '_pageNodeRef',
  'fontFeatures',
  'characterSpacing',
  'sup',
  'sub',
  'justifyShift',
] as const;

/** Closer than this (in points) counts as "starts where the previous one ends". */
const ADJACENT = 1e-6;

function standsAlone(inline: InlineLike): boolean {
  for (const key of KEEP_APART) if (inline[key]) return true;
  return false;
}

function drawnAlike(a: InlineLike, b: InlineLike): boolean {
  let keys = 0;
  for (const key in a) {
    if (PER_WORD.has(key)) continue;
    if (a[key] !== b[key]) return false;
    keys++;
  }
  for (const key in b) if (!PER_WORD.has(key)) keys--;
  return keys === 0;
}

/**
 * The line with equally styled neighbours joined; the line itself when nothing joins. Never
 * changes the line or inlines it is given (pdfmake may render a line again, e.g. in a repeated
 * table header).
 */
export function mergeLineInlines<L extends LineLike>(line: L): L {
  const inlines = line.inlines;
  if (inlines.length < 2 || line._pageNodeRef) return line;
  let merged: InlineLike[] | undefined;
  let current: InlineLike | undefined;
  let ownCopy = false;
  let index = -1;
  for (const next of inlines) {
    index++;
    const joins =
      current !== undefined &&
      Math.abs(current.x + current.width - next.x) < ADJACENT &&
      !standsAlone(current) &&
      !standsAlone(next) &&
      drawnAlike(current, next);
    if (current !== undefined && joins) {
      // Until the first join every inline before `current` stays as it is.
      merged ??= inlines.slice(0, index - 1);
      if (!ownCopy) {
        current = { ...current };
        ownCopy = true;
      }
      current.text += next.text;
      current.width += next.width;
      current.trailingCut = next.trailingCut;
      continue;
    }
    if (current !== undefined) merged?.push(current);
    current = next;
    ownCopy = false;
  }
  if (!merged || current === undefined) return line;
  merged.push(current);
  const copy = Object.create(Object.getPrototypeOf(line) as object) as L;
  return Object.assign(copy, line, { inlines: merged });
}
