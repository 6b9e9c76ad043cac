/**
 * A book made in parts on two threads, then joined: every section starts a page, so a part's
 * page count depends on its own sections only. The front matter (cover and contents) is made
 * last, when each section's first page is known; "page X of Y" is drawn over every page when
 * the parts are joined (pdf-lib), and the outline and the named destinations (the contents'
 * links) of every part are re-pointed to the joined pages. Shared by the app's worker and Node:
 * each host supplies the renderer of its own thread and a way to render a part on another.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  PDFRawStream,
  ParseSpeeds,
  type PDFPage,
  type PDFObject,
} from 'pdf-lib';
import type { Content, ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BookJob, Render } from './book-job';
import { buildBriefingBook } from './build-book';
import { observeLayout, type RenderProgress } from './render';
import { textLength } from './text-nodes';

/** A part as rendered: its bytes, its pages, and the first page (in the part) of each section. */
export interface PartResult {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  readonly sectionStarts: readonly number[];
}

/** Renders the sections at `indices` (of the book's content) of a job on another thread. */
export type RenderPartElsewhere = (job: BookJob, indices: readonly number[]) => Promise<PartResult>;

const sectionsOf = (definition: TDocumentDefinitions): ContentSection[] =>
  (Array.isArray(definition.content) ? definition.content : [definition.content]) as ContentSection[];

/** The definition of one part: the given sections, no footer (joined books get theirs at the end). */
export function partDefinition(definition: TDocumentDefinitions, indices: readonly number[]): TDocumentDefinitions {
  const sections = sectionsOf(definition);
  return { ...definition, footer: undefined, content: indices.map((index) => sections[index] as Content) };
}

/** Renders one part in this thread. */
export async function renderPart(
  definition: TDocumentDefinitions,
  indices: readonly number[],
  render: Render,
  progress?: RenderProgress,
): Promise<PartResult> {
  const part = partDefinition(definition, indices);
  const layout = observeLayout(part);
  const bytes = await render(part, progress);
  const { pageCount, sectionStarts } = layout();
  return { bytes, pageCount, sectionStarts };
}

/** The part of one job a helper thread renders: builds the definition from the job itself. */
export function renderJobPart(job: BookJob, indices: readonly number[], render: Render): Promise<PartResult> {
  return renderPart(buildBriefingBook(job.input, job.options, job.context), indices, render);
}

interface Plan {
  /** Cover and contents, made last. */
  readonly front: number[];
  /** Two runs of sections of about equal text, in book order. */
  readonly here: number[];
  readonly elsewhere: number[];
}

const isToc = (node: unknown): node is { toc: { title?: Content } } =>
  typeof node === 'object' && node !== null && 'toc' in node;

/** Front matter: the leading sections up to the contents (the cover and the contents). */
export function planParts(definition: TDocumentDefinitions): Plan {
  const sections = sectionsOf(definition);
  const tocAt = sections.findIndex((node) => (node.section as Content[]).some(isToc));
  const front = tocAt < 0 ? [] : sections.slice(0, tocAt + 1).map((_, index) => index);
  const rest = sections.map((_, index) => index).slice(front.length);
  const sizes = rest.map((index) => textLength(sections[index]?.section));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // The split point that leaves the two runs most equal.
  let best = rest.length;
  let bestGap = Infinity;
  let before = 0;
  for (let cut = 0; cut <= rest.length; cut++) {
    const gap = Math.abs(total - 2 * before);
    if (gap < bestGap) [best, bestGap] = [cut, gap];
    before += sizes[cut] ?? 0;
  }
  return { front, here: rest.slice(0, best), elsewhere: rest.slice(best) };
}

interface TocEntry {
  readonly id: string;
  readonly text: unknown;
  readonly page: number;
  readonly style: unknown;
  readonly numberStyle: unknown;
  readonly margin: [number, number, number, number];
}

/** The headings that pdfmake's contents would list: `tocItem` nodes with an id. */
function tocHeadings(
  section: Content,
): { id: string; text: unknown; style: unknown; numberStyle: unknown; margin: [number, number, number, number] }[] {
  const found: ReturnType<typeof tocHeadings> = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.tocItem && typeof record.id === 'string') {
      found.push({
        id: record.id,
        text: record.text,
        style: record.tocStyle,
        numberStyle: record.tocNumberStyle,
        margin: (record.tocMargin as [number, number, number, number] | undefined) ?? [0, 0, 0, 0],
      });
    }
    for (const key of ['section', 'stack', 'columns', 'ul', 'ol'] as const) walk(record[key]);
  };
  walk(section);
  return found;
}

/** pdfmake's own contents table (as `DocMeasure.measureToc` lays it out), with known page numbers. */
function contentsTable(entries: readonly TocEntry[]): Content {
  return {
    table: {
      dontBreakRows: true,
      widths: ['*', 'auto'],
      body: entries.map((entry) => [
        {
          text: entry.text,
          linkToDestination: entry.id,
          alignment: 'left',
          ...(entry.style as object),
          margin: entry.margin,
        } as Content,
        {
          text: String(entry.page),
          linkToDestination: entry.id,
          alignment: 'right',
          ...(entry.numberStyle as object),
          margin: [0, entry.margin[1], 0, entry.margin[3]],
        } as Content,
      ]),
    },
    layout: 'noBorders',
  };
}

/** The front matter with the contents written out, for a front of `frontPages` pages. */
function frontDefinition(
  definition: TDocumentDefinitions,
  plan: Plan,
  parts: readonly LoadedPart[],
  frontPages: number,
): TDocumentDefinitions {
  const sections = sectionsOf(definition);
  const entries: TocEntry[] = [];
  for (const { indices, result, offset, pageOf } of parts) {
    indices.forEach((index, i) => {
      const start = result.sectionStarts[i];
      if (start === undefined) return;
      for (const heading of tocHeadings(sections[index] as Content)) {
        entries.push({ ...heading, page: frontPages + offset + (pageOf.get(heading.id) ?? start) });
      }
    });
  }
  const content = plan.front.map((index) => {
    const node = sections[index] as ContentSection;
    const body = (node.section as Content[]).flatMap((child): Content[] =>
      isToc(child) ? [...(child.toc.title ? [child.toc.title] : []), contentsTable(entries)] : [child],
    );
    return { ...node, section: body };
  });
  return { ...definition, footer: undefined, content };
}

/** What a joined book is: bytes, pages, and the first page of each section of the definition. */
export interface JoinedBook {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  readonly sectionStarts: readonly number[];
}

/**
 * Renders `definition` (built from `job`) in parts: the larger half here, the other half by
 * `elsewhere` at the same time, then the front matter and the page numbers, then joins them.
 */
export async function renderInParts(
  job: BookJob,
  definition: TDocumentDefinitions,
  render: Render,
  elsewhere: RenderPartElsewhere,
  progress?: RenderProgress,
): Promise<JoinedBook> {
  const plan = planParts(definition);
  const [mine, theirs] = await Promise.all([
    plan.here.length > 0 ? renderPart(definition, plan.here, render, progress) : undefined,
    plan.elsewhere.length > 0 ? elsewhere(job, plan.elsewhere) : undefined,
  ]);
  const parts: LoadedPart[] = [];
  let offset = 0;
  for (const [indices, result] of [
    [plan.here, mine],
    [plan.elsewhere, theirs],
  ] as const) {
    if (!result) continue;
    parts.push({ indices, result, offset, ...(await loadPart(result.bytes)) });
    offset += result.pageCount;
  }
  // The front's page count decides every number in its contents: start from one page per front
  // section, and render again in the rare case the contents took more.
  let front: LoadedPart | undefined;
  if (plan.front.length > 0) {
    let frontPages = plan.front.length;
    for (let attempt = 0; attempt < 3; attempt++) {
      const indices = plan.front.map((_, i) => i);
      const result = await renderPart(frontDefinition(definition, plan, parts, frontPages), indices, render);
      front = { indices, result, offset: 0, ...(await loadPart(result.bytes)) };
      if (result.pageCount === frontPages) break;
      frontPages = result.pageCount;
    }
  }
  const frontPages = front?.result.pageCount ?? 0;
  const pageCount = frontPages + offset;
  const sectionStarts = [
    ...(front?.result.sectionStarts ?? []),
    ...parts.flatMap(({ result, offset: at }) => result.sectionStarts.map((start) => frontPages + at + start)),
  ];
  // "page X of Y" and the classification, drawn on every page when joining.
  const numbers = await render(pageNumberDefinition(definition, pageCount));
  const bytes = await joinParts([...(front ? [front] : []), ...parts], numbers, definition);
  progress?.('writing', 1);
  return { bytes, pageCount, sectionStarts };
}

/** A rendered part read back: its document, and the page (1-based, in the part) of each named destination. */
interface LoadedPart {
  readonly indices: readonly number[];
  readonly result: PartResult;
  /** Pages of the parts before it (not counting the front). */
  readonly offset: number;
  readonly doc: PDFDocument;
  readonly pageOf: ReadonlyMap<string, number>;
}

async function loadPart(bytes: Uint8Array): Promise<{ doc: PDFDocument; pageOf: Map<string, number> }> {
  const doc = await PDFDocument.load(bytes, LOAD);
  const index = new Map(doc.getPages().map((page, i) => [page.ref, i + 1] as const));
  const pageOf = new Map<string, number>();
  const nameTree = doc.catalog.lookup(NAME.names);
  const found: [string, PDFObject][] = [];
  if (nameTree instanceof PDFDict) readNames(doc, nameTree.get(NAME.dests), found);
  for (const [name, dest] of found) {
    const page = dest instanceof PDFArray ? dest.get(0) : undefined;
    const at = page instanceof PDFRef ? index.get(page) : undefined;
    if (at !== undefined) pageOf.set(name, at);
  }
  return { doc, pageOf };
}

/** `pageCount` empty pages that carry only the book's footer. */
function pageNumberDefinition(definition: TDocumentDefinitions, pageCount: number): TDocumentDefinitions {
  return {
    pageSize: definition.pageSize,
    pageMargins: definition.pageMargins,
    defaultStyle: definition.defaultStyle,
    footer: definition.footer,
    content: Array.from({ length: pageCount }, (_, i) =>
      i < pageCount - 1 ? { text: '', pageBreak: 'after' as const } : { text: '' },
    ),
  };
}

/** Parsed at once: pdf-lib's default yields to the event loop every 100 objects. */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

const NAME = {
  outlines: PDFName.of('Outlines'),
  names: PDFName.of('Names'),
  dests: PDFName.of('Dests'),
  kids: PDFName.of('Kids'),
  first: PDFName.of('First'),
  next: PDFName.of('Next'),
  title: PDFName.of('Title'),
  dest: PDFName.of('Dest'),
  count: PDFName.of('Count'),
};

interface OutlineItem {
  readonly title: PDFObject;
  readonly dest: PDFObject | undefined;
  readonly open: boolean;
  readonly kids: OutlineItem[];
}

/** A destination array of `source` re-pointed to the joined document's page. */
function repoint(dest: PDFObject | undefined, pages: Map<PDFRef, PDFRef>, out: PDFDocument): PDFObject | undefined {
  if (!(dest instanceof PDFArray)) return undefined;
  const page = dest.get(0);
  const target = page instanceof PDFRef ? pages.get(page) : undefined;
  if (!target) return undefined;
  return out.context.obj([target, ...dest.asArray().slice(1)]);
}

function readOutline(doc: PDFDocument, first: PDFObject | undefined, pages: Map<PDFRef, PDFRef>, out: PDFDocument) {
  const items: OutlineItem[] = [];
  let ref = first;
  const seen = new Set<PDFObject>();
  while (ref && !seen.has(ref)) {
    seen.add(ref);
    const item = doc.context.lookup(ref);
    if (!(item instanceof PDFDict)) break;
    const count = item.lookup(NAME.count);
    items.push({
      title: item.get(NAME.title) ?? PDFString.of(''),
      dest: repoint(item.lookup(NAME.dest), pages, out),
      open: count instanceof PDFNumber && count.asNumber() > 0,
      kids: readOutline(doc, item.get(NAME.first), pages, out),
    });
    ref = item.get(NAME.next);
  }
  return items;
}

function readNames(doc: PDFDocument, node: PDFObject | undefined, into: [string, PDFObject][]): void {
  const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
  if (!(dict instanceof PDFDict)) return;
  const names = dict.lookup(NAME.names);
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const value = names.lookup(i + 1);
      if ((key instanceof PDFString || key instanceof PDFHexString) && value) into.push([key.decodeText(), value]);
    }
  }
  const kids = dict.lookup(NAME.kids);
  if (kids instanceof PDFArray) for (const kid of kids.asArray()) readNames(doc, kid, into);
}

/** Writes outline items under `parent`; returns the number of visible descendants. */
function writeOutline(out: PDFDocument, items: readonly OutlineItem[], parent: PDFRef): PDFRef[] {
  const refs = items.map(() => out.context.nextRef());
  items.forEach((item, i) => {
    const kids = writeOutline(out, item.kids, refs[i] as PDFRef);
    const dict = out.context.obj({}) as PDFDict;
    dict.set(NAME.title, item.title);
    dict.set(PDFName.of('Parent'), parent);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < items.length - 1) dict.set(NAME.next, refs[i + 1] as PDFRef);
    if (kids.length > 0) {
      dict.set(NAME.first, kids[0] as PDFRef);
      dict.set(PDFName.of('Last'), kids[kids.length - 1] as PDFRef);
      dict.set(NAME.count, PDFNumber.of(item.open ? kids.length : -kids.length));
    }
    if (item.dest) dict.set(NAME.dest, item.dest);
    out.context.assign(refs[i] as PDFRef, dict);
  });
  return refs;
}

/**
 * Draws each page of `over` (copied into `out`, not added to its pages) over the page of `out`
 * with the same index, as a form XObject that reuses the copied page's compressed content as it
 * is: nothing is decoded or compressed again. Both pages' contents run in their own graphics
 * state (pdfkit leaves its page transform in place).
 */
function drawOver(out: PDFDocument, over: readonly PDFPage[]): void {
  const { context } = out;
  const open = context.register(context.stream('q\n'));
  const close = context.register(context.stream('\nQ\n'));
  const call = context.register(context.stream('q /PageNumbers Do Q\n'));
  out.getPages().forEach((page, i) => {
    const source = over[i];
    const contents = source?.node.Contents();
    const stream = contents instanceof PDFArray ? contents.lookup(0) : contents;
    if (!source || !(stream instanceof PDFRawStream)) return;
    const { width, height } = source.getSize();
    const dict = stream.dict.clone(context);
    dict.set(PDFName.of('Type'), PDFName.of('XObject'));
    dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
    dict.set(PDFName.of('BBox'), context.obj([0, 0, width, height]));
    const resources = source.node.Resources();
    if (resources) dict.set(PDFName.of('Resources'), resources);
    const form = context.register(PDFRawStream.of(dict, stream.contents));
    const target = page.node;
    const own = target.normalizedEntries();
    let xObjects = own.Resources.lookup(PDFName.of('XObject'));
    if (!(xObjects instanceof PDFDict)) {
      xObjects = context.obj({});
      own.Resources.set(PDFName.of('XObject'), xObjects);
    }
    (xObjects as PDFDict).set(PDFName.of('PageNumbers'), form);
    const existing = target.Contents();
    const refs =
      existing instanceof PDFArray ? existing.asArray() : existing ? [target.get(PDFName.of('Contents'))] : [];
    target.set(PDFName.of('Contents'), context.obj([open, ...refs.filter((ref) => ref !== undefined), close, call]));
  });
  // The copied pages themselves are not part of the book.
  for (const page of over) context.delete(page.ref);
}

/**
 * Joins rendered parts in order: pages copied, the page-number pages drawn over them, the
 * outlines of the parts one after the other, the named destinations of all parts, the metadata.
 */
async function joinParts(
  parts: readonly { readonly doc: PDFDocument }[],
  numbers: Uint8Array,
  definition: TDocumentDefinitions,
): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const outline: OutlineItem[] = [];
  const names: [string, PDFObject][] = [];
  for (const { doc } of parts) {
    const copied = await out.copyPages(doc, doc.getPageIndices());
    const pages = new Map<PDFRef, PDFRef>();
    doc.getPages().forEach((page, i) => {
      const copy = copied[i];
      if (!copy) return;
      out.addPage(copy);
      pages.set(page.ref, copy.ref);
    });
    const outlines = doc.catalog.lookup(NAME.outlines);
    if (outlines instanceof PDFDict) outline.push(...readOutline(doc, outlines.get(NAME.first), pages, out));
    const nameTree = doc.catalog.lookup(NAME.names);
    const found: [string, PDFObject][] = [];
    if (nameTree instanceof PDFDict) readNames(doc, nameTree.get(NAME.dests), found);
    for (const [name, dest] of found) {
      const target = repoint(dest, pages, out);
      if (target) names.push([name, target]);
    }
  }
  const overlay = await PDFDocument.load(numbers, LOAD);
  drawOver(out, await out.copyPages(overlay, overlay.getPageIndices()));
  if (outline.length > 0) {
    const root = out.context.nextRef();
    const top = writeOutline(out, outline, root);
    out.context.assign(
      root,
      out.context.obj({
        Type: 'Outlines',
        First: top[0] as PDFRef,
        Last: top[top.length - 1] as PDFRef,
        Count: outline.length,
      }),
    );
    out.catalog.set(NAME.outlines, root);
    out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  if (names.length > 0) {
    names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const flat = names.flatMap(([name, dest]) => [PDFString.of(name), dest]);
    const dests = out.context.obj({
      Limits: [PDFString.of(names[0]?.[0] ?? ''), PDFString.of(names[names.length - 1]?.[0] ?? '')],
      Names: flat,
    });
    out.catalog.set(NAME.names, out.context.obj({ Dests: out.context.register(dests) }));
  }
  const info = definition.info ?? {};
  if (info.title) out.setTitle(info.title);
  if (info.author) out.setAuthor(info.author);
  if (info.subject) out.setSubject(info.subject);
  if (info.keywords) out.setKeywords([info.keywords]);
  if (info.creator) out.setCreator(info.creator);
  if (info.producer) out.setProducer(info.producer);
  if (info.creationDate) out.setCreationDate(info.creationDate);
  if (info.modDate) out.setModificationDate(info.modDate);
  if (definition.language) out.setLanguage(definition.language);
  // At once: pdf-lib's default yields to the event loop every 50 objects.
  return out.save({ objectsPerTick: Infinity });
}
