/** Joining equally styled words of a laid-out line before pdfmake renders it. */
import { describe, expect, it } from 'vitest';
import { mergeLineInlines, type InlineLike, type LineLike } from '../../src/book/merge-inlines';

const REGULAR = { name: 'NotoSans' };
const BOLD = { name: 'NotoSans-Bold' };

/** A word as pdfmake lays it out (the properties every inline carries). */
function word(text: string, x: number, width: number, extra: Partial<InlineLike> = {}): InlineLike {
  return {
    text,
    x,
    width,
    font: REGULAR,
    fontSize: 10,
    color: '#1a1a1a',
    alignment: 'left',
    fontFeatures: null,
    characterSpacing: null,
    decoration: null,
    background: null,
    link: null,
    linkToPage: null,
    linkToDestination: null,
    opacity: 1,
    sup: false,
    sub: false,
    height: 13.6,
    leadingCut: 0,
    trailingCut: text.endsWith(' ') ? 2.6 : 0,
    ...extra,
  };
}

/** Words placed one after the other from x = 0, as a left-aligned line has them. */
function line(...words: [string, number, Partial<InlineLike>?][]): Line {
  let x = 0;
  const inlines = words.map(([text, width, extra]) => {
    const inline = word(text, x, width, extra);
    x += width;
    return inline;
  });
  return new Line(inlines);
}

/** Stands in for pdfmake's Line: the renderer calls methods on it. */
class Line implements LineLike {
  constructor(
    public inlines: InlineLike[],
    public id?: string,
  ) {}
  getHeight(): number {
    return Math.max(...this.inlines.map((inline) => Number(inline.height)));
  }
}

const texts = (l: LineLike) => l.inlines.map((inline) => inline.text);

describe('mergeLineInlines', () => {
  it('joins neighbouring words of one style into one run that starts and ends where they did', () => {
    const original = line(['Bezoek ', 40], ['aan ', 22], ['TSMC', 30]);
    const merged = mergeLineInlines(original);
    expect(texts(merged)).toEqual(['Bezoek aan TSMC']);
    expect(merged.inlines[0]).toMatchObject({ x: 0, width: 92, trailingCut: 0, leadingCut: 0 });
  });

  it('keeps the line a Line (its methods) and its own fields, and changes nothing it was given', () => {
    const original = line(['Bezoek ', 40], ['aan ', 22]);
    original.id = 'meeting-1';
    const before = structuredClone(original.inlines);
    const merged = mergeLineInlines(original);
    expect(merged).toBeInstanceOf(Line);
    expect(merged.id).toBe('meeting-1');
    expect(merged.getHeight()).toBe(13.6);
    expect(original.inlines).toEqual(before);
    expect(texts(original)).toEqual(['Bezoek ', 'aan ']);
  });

  it('takes the trailing space of the last word joined, so the line still ends where it did', () => {
    const merged = mergeLineInlines(line(['met ', 20], ['de ', 15]));
    expect(merged.inlines[0]).toMatchObject({ text: 'met de ', width: 35, trailingCut: 2.6 });
  });

  it('returns the very line when nothing joins', () => {
    const single = line(['Taipei', 30]);
    expect(mergeLineInlines(single)).toBe(single);
    const mixed = line(['Taipei ', 30], ['101', 20, { font: BOLD }]);
    expect(mergeLineInlines(mixed)).toBe(mixed);
  });

  it('keeps runs apart where font, size, colour, opacity, decoration or background differ', () => {
    for (const extra of [
      { font: BOLD },
      { fontSize: 12 },
      { color: '#c00000' },
      { opacity: 0.5 },
      { decoration: 'underline' },
      { background: '#ffff00' },
    ]) {
      const merged = mergeLineInlines(line(['een ', 20], ['twee ', 25, extra], ['drie', 22, extra]));
      expect(texts(merged), JSON.stringify(extra)).toEqual(['een ', 'twee drie']);
    }
  });

  it('keeps each link, page link, late page number and raised or lowered word on its own', () => {
    for (const extra of [
      { link: 'https://example.org' },
      { linkToPage: 3 },
      { linkToDestination: 'section-agenda' },
      { _pageNodeRef: { positions: [] } },
      { sup: true },
      { sub: true },
      { fontFeatures: ['smcp'] },
      { characterSpacing: 1 },
    ]) {
      const merged = mergeLineInlines(line(['a ', 10, extra], ['b ', 10, extra], ['c', 10]));
      expect(texts(merged), JSON.stringify(extra)).toEqual(['a ', 'b ', 'c']);
    }
  });

  it('leaves a line alone whose page number pdfmake fills in while rendering (contents)', () => {
    const contents = line(['12 ', 10], ['13', 10]);
    Object.assign(contents, { _pageNodeRef: { positions: [{ pageNumber: 12 }] } });
    expect(mergeLineInlines(contents)).toBe(contents);
  });

  it('keeps words apart that do not touch: a justified line keeps its spacing', () => {
    const justified = new Line([word('Een ', 0, 20), word('lange ', 24, 28), word('regel', 56, 24)]);
    expect(mergeLineInlines(justified)).toBe(justified);
    const partly = new Line([word('Een ', 0, 20), word('lange ', 20, 28), word('regel', 52, 24)]);
    expect(texts(mergeLineInlines(partly))).toEqual(['Een lange ', 'regel']);
  });

  it('joins CJK characters laid out one by one, and each stretch of a mixed line on its own', () => {
    const cjk = { name: 'NotoSansHant' };
    const merged = mergeLineInlines(
      line(
        ['荷', 10, { font: cjk }],
        ['蘭', 10, { font: cjk }],
        [' office ', 30],
        ['台', 10, { font: cjk }],
        ['北', 10, { font: cjk }],
      ),
    );
    expect(texts(merged)).toEqual(['荷蘭', ' office ', '台北']);
    expect(merged.inlines.map((inline) => inline.x)).toEqual([0, 20, 50]);
  });
});
