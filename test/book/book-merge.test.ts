/**
 * Joining equally styled words before rendering (src/book/merge-inlines.ts) must not move a
 * glyph: the same books with and without it, read back word by word with their boxes
 * (pdftotext -bbox) and every link area (qpdf).
 */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLineMerge } from '../../scripts/book';
import type { BookOptions } from '../../src/book/book-input';
import { generateBookMission } from '../bench/book';
import { linkAreas, pageCount, renderToFile, sampleInput, wordBoxes } from './pdf-tools';

async function bothWays(input: Parameters<typeof renderToFile>[0], options: Partial<BookOptions>) {
  setLineMerge(false);
  const apart = await renderToFile(input, options);
  setLineMerge(true);
  const joined = await renderToFile(input, options);
  return { apart, joined };
}

describe('equally styled words written as one run', () => {
  afterEach(() => setLineMerge(true));

  it('puts every word of the sample book (Markdown, links, Chinese names) where it was', async () => {
    const { apart, joined } = await bothWays(sampleInput(), { language: 'nl', audience: 'team', paper: 'A4' });
    expect(pageCount(joined)).toBe(pageCount(apart));
    expect(wordBoxes(joined)).toBe(wordBoxes(apart));
    const links = linkAreas(joined);
    expect(links.length).toBeGreaterThan(10);
    expect(links).toEqual(linkAreas(apart));
  }, 60_000);

  it('does so for a long book with CJK names throughout on A5, and makes the file smaller', async () => {
    // The benchmark's generated mission (seed 20270316), 247 pages on A5.
    const { apart, joined } = await bothWays(generateBookMission(), { language: 'en', audience: 'team', paper: 'A5' });
    expect(pageCount(joined)).toBe(pageCount(apart));
    expect(wordBoxes(joined)).toBe(wordBoxes(apart));
    expect(linkAreas(joined)).toEqual(linkAreas(apart));
    expect(statSync(joined).size).toBeLessThan(statSync(apart).size * 0.8);
  }, 120_000);
});
