/**
 * User text (Markdown, or text that looks like HTML) printed as the user meant it: headings,
 * lists, emphasis and links become layout; markup characters and tags never print, and nothing
 * in the text is interpreted beyond that (a PDF built from data runs no code of it).
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import type { CjkFont } from './fonts';
import { inlines, keepWithHeading, STYLE, type Span, type TextStyle } from './text-nodes';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Tags out, their text kept; script and style blocks dropped whole; entities decoded. */
export function withoutHtml(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Emphasis, strong, code and links of one line as spans. */
export function inlineSpans(line: string): Span[] {
  const spans: Span[] = [];
  const pattern = /(\*\*|__)(.+?)\1|(\*|_)(?!\s)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (const match of line.matchAll(pattern)) {
    const index = match.index;
    if (index > at) spans.push({ text: line.slice(at, index) });
    if (match[2] !== undefined) spans.push({ text: match[2], bold: true });
    else if (match[4] !== undefined) spans.push({ text: match[4], italics: true });
    else if (match[5] !== undefined) spans.push({ text: match[5] });
    else if (match[6] !== undefined) spans.push({ text: `${match[6]} (${match[7] ?? ''})` });
    at = index + match[0].length;
  }
  if (at < line.length) spans.push({ text: line.slice(at) });
  return spans.length > 0 ? spans : [{ text: '' }];
}

const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

function textNode(line: string, style: TextStyle, hint: CjkFont): ContentText {
  return { ...style, text: inlines(inlineSpans(line), hint) };
}

/** Markdown blocks as pdfmake content. */
export function markdownBlocks(source: string, hint: CjkFont): Content[] {
  const lines = withoutHtml(source).replace(/\r\n?/g, '\n').split('\n');
  const out: Content[] = [];
  /** Where the headings are in `out`: each is kept with the block under it. */
  const headings = new Set<number>();
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(textNode(paragraph.join(' '), STYLE.body, hint));
    paragraph = [];
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map((item) => textNode(item, { ...STYLE.body, margin: [0, 0, 0, 2] }, hint));
    out.push(list.ordered ? { ol: items, margin: [0, 0, 0, 5] } : { ul: items, margin: [0, 0, 0, 5] });
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === '' || /^\s*([-*_])\s*(\1\s*){2,}$/.test(line)) {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1]?.length ?? 1;
      headings.add(out.length);
      out.push(textNode(heading[2] ?? '', level <= 2 ? STYLE.h2 : STYLE.h3, hint));
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)?.[1] ?? '');
    } else if (line.startsWith('>')) {
      flushList();
      flushParagraph();
      out.push({ ...textNode(line.replace(/^>\s?/, ''), STYLE.body, hint), italics: true, margin: [12, 0, 0, 5] });
    } else if (list && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  if (headings.size === 0) return out;
  const kept: Content[] = [];
  for (let i = 0; i < out.length; i++) {
    const node = out[i] as Content;
    const next = out[i + 1];
    if (headings.has(i) && next !== undefined && !headings.has(i + 1)) {
      kept.push(...keepWithHeading([node], [next]));
      i++;
    } else kept.push(node);
  }
  return kept;
}
