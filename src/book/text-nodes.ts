/**
 * Text nodes for the book: the house styles as flat property sets placed on each node (pdfmake
 * looks a style up per word, so shallow nodes with their own properties lay out faster than
 * deep inheritance), and user text cut into font runs so every script prints.
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import { textRuns, type CjkFont } from './fonts';

export const INK = '#1b2a3a';
export const MUTED = '#5a6675';
export const ACCENT = '#a3122a';
export const RULE = '#c9d1da';

export interface TextStyle {
  readonly fontSize: number;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
  readonly lineHeight?: number;
  readonly margin?: [number, number, number, number];
}

export const STYLE = {
  title: { fontSize: 26, bold: true, color: INK, lineHeight: 1.1, margin: [0, 0, 0, 8] },
  h1: { fontSize: 17, bold: true, color: INK, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, color: INK, margin: [0, 10, 0, 4] },
  h3: { fontSize: 10.5, bold: true, color: MUTED, margin: [0, 6, 0, 2] },
  body: { fontSize: 9.5, color: INK, lineHeight: 1.25, margin: [0, 0, 0, 5] },
  small: { fontSize: 8, color: MUTED },
  label: { fontSize: 7.5, bold: true, color: MUTED },
  cell: { fontSize: 8.5, color: INK },
} as const satisfies Record<string, TextStyle>;

/** One piece of user text with emphasis, before it is cut into font runs. */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** Inline pieces of a text node: a plain string when the text needs no font change. */
export function inlines(spans: readonly Span[], hint: CjkFont): string | ContentText[] {
  const only = spans[0];
  if (spans.length === 1 && only && !only.bold && !only.italics) {
    const runs = textRuns(only.text, hint);
    if (runs.length === 1 && runs[0]?.font === undefined) return only.text;
  }
  const out: ContentText[] = [];
  for (const span of spans) {
    for (const run of textRuns(span.text, hint)) {
      const node: ContentText = { text: run.text };
      if (run.font) node.font = run.font;
      if (span.bold) node.bold = true;
      if (span.italics) node.italics = true;
      out.push(node);
    }
  }
  return out;
}

/** A paragraph of user (or catalog) text in a house style. */
export function para(text: string, style: TextStyle, hint: CjkFont, extra: Partial<ContentText> = {}): ContentText {
  return { ...style, ...extra, text: inlines([{ text }], hint) };
}

/** "Label: value" on one line, or nothing when the value is empty. */
export function labelled(label: string, value: string, hint: CjkFont): ContentText[] {
  if (value.trim() === '') return [];
  return [
    {
      ...STYLE.body,
      margin: [0, 0, 0, 2],
      text: [{ text: `${label}: `, bold: true, color: MUTED }, ...asArray(inlines([{ text: value }], hint))],
    },
  ];
}

function asArray(value: string | ContentText[]): ContentText[] {
  return typeof value === 'string' ? [{ text: value }] : value;
}

/** How many characters of text a node holds: a cheap measure of its height. */
export function textLength(node: unknown): number {
  if (typeof node === 'string') return node.length;
  if (typeof node !== 'object' || node === null) return 0;
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + textLength(child), 0);
  const record = node as Record<string, unknown>;
  return textLength(record.text) + textLength(record.stack) + textLength(record.ul) + textLength(record.ol);
}

/**
 * Text short enough to be kept on one page in every paper size (A5 holds about 2,500 characters
 * of body text): pdfmake keeps only the first page of an unbreakable block, so a block must never
 * be allowed to grow past one page.
 */
export const KEEP_TOGETHER_CHARS = 900;

const together = (nodes: Content[]): Content => ({ stack: nodes, unbreakable: true });

/**
 * A heading with what follows it: the whole part on one page when it is short; otherwise the
 * heading kept with the first block under it (when that block is short), so a heading never
 * stands alone at the foot of a page.
 */
export function keepWithHeading(heading: Content[], body: Content[]): Content[] {
  const all = [...heading, ...body];
  if (textLength(all) <= KEEP_TOGETHER_CHARS) return [together(all)];
  const [first, ...rest] = body;
  if (first === undefined || textLength(first) > KEEP_TOGETHER_CHARS) return all;
  return [together([...heading, first]), ...rest];
}

/** A section heading that starts a page, appears in the contents and the outline. */
export function sectionHeading(id: string, title: string, hint: CjkFont): Content {
  return {
    ...STYLE.h1,
    id,
    text: inlines([{ text: title }], hint),
    tocItem: true,
    tocStyle: { fontSize: 10, color: INK },
    tocNumberStyle: { fontSize: 10, color: INK },
    tocMargin: [0, 3, 0, 0],
    outline: true,
    outlineText: title,
  };
}
