/**
 * Reading a PDF back with poppler-utils and qpdf, as a reader's tools see it. Renders nothing, so
 * the end-to-end tests can read the app's saved book with it too.
 */
import { execFileSync } from 'node:child_process';

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The text of each page (pdftotext separates pages with form feeds). */
export function pagesText(path: string): string[] {
  return run('pdftotext', ['-layout', path, '-']).split('\f').slice(0, -1);
}

export function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]))?.[1] ?? NaN);
}

export function pdfInfo(path: string): Record<string, string> {
  return Object.fromEntries(
    run('pdfinfo', [path])
      .split('\n')
      .map((line) => /^([^:]+):\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

export interface FontRow {
  readonly name: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

export function fonts(path: string): FontRow[] {
  return run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object-id: the flags are the 5th–3rd columns from the end.
      return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' };
    });
}

export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  readonly kids: OutlineEntry[];
}

export function outline(path: string): OutlineEntry[] {
  interface Raw {
    title: string;
    destpageposfrom1: number;
    kids: Raw[];
  }
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', path])) as { outlines: Raw[] };
  const map = (raw: Raw): OutlineEntry => ({ title: raw.title, page: raw.destpageposfrom1, kids: raw.kids.map(map) });
  return json.outlines.map(map);
}

/** The text of one page (pdftotext -f/-l), as a reader sees that page alone. */
export function pageText(path: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-']);
}

/** Every word with its box (pdftotext -bbox), page by page: where a reader's viewer draws the text. */
export function wordBoxes(path: string): string {
  return run('pdftotext', ['-bbox', path, '-']);
}

/** Every link area of the file (rectangle and target, sorted), read with qpdf. */
export function linkAreas(path: string): string[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', path])) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
  };
  const objects = json.qpdf[1];
  const resolve = (value: unknown): unknown =>
    typeof value === 'string' && / 0 R$/.test(value) ? objects[`obj:${value}`]?.value : value;
  return Object.values(objects)
    .map((object) => object.value as Record<string, unknown> | undefined)
    .filter((value) => value?.['/Subtype'] === '/Link')
    .map((value) => JSON.stringify({ rect: value?.['/Rect'], action: resolve(value?.['/A']), dest: value?.['/Dest'] }))
    .sort();
}

export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly pageWidth: number;
}

/** Every word with its page, horizontal extent and the page's width, parsed from `pdftotext -bbox`. */
export function wordExtents(path: string): WordBox[] {
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of wordBoxes(path).split('\n')) {
    const pageMatch = /<page width="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page += 1;
      pageWidth = Number(pageMatch[1]);
      continue;
    }
    const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (word) words.push({ page, text: word[3] ?? '', xMin: Number(word[1]), xMax: Number(word[2]), pageWidth });
  }
  return words;
}
