/** Font choice per character, the generated coverage, and user text printed as meant. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontHas, textRuns } from '../../src/book/fonts';
import { markdownBlocks, withoutHtml } from '../../src/book/markdown';
import { COVERAGE_FILE, generatedCoverageSource } from './generate-font-coverage';

describe('font runs', () => {
  it('keeps Latin text, Polish, Turkish and Vietnamese letters included, in one Latin run', () => {
    const text = 'Łukasz Żółć, Ağrı İşçi, Nguyễn Thị Minh Khai';
    expect(textRuns(text)).toEqual([{ text }]);
  });

  it('puts Korean in the Korean font and Japanese in the Japanese font, whatever the hint', () => {
    expect(textRuns('김민준', 'CjkTC')).toEqual([{ text: '김민준', font: 'CjkKR' }]);
    expect(textRuns('山田 たろう', 'CjkTC')).toEqual([{ text: '山田 たろう', font: 'CjkJP' }]);
  });

  it('follows the hint for Han text and falls back per character to a font that has it', () => {
    expect(textRuns('台灣', 'CjkTC')).toEqual([{ text: '台灣', font: 'CjkTC' }]);
    // 贸 (simplified) is not in the traditional font: only that character moves.
    expect(textRuns('國際贸易', 'CjkTC')).toEqual([
      { text: '國際', font: 'CjkTC' },
      { text: '贸', font: 'CjkSC' },
      { text: '易', font: 'CjkTC' },
    ]);
    expect(fontHas('CjkTC', '贸'.codePointAt(0) ?? 0)).toBe(false);
  });

  it('mixes Latin and CJK runs', () => {
    expect(textRuns('TAITRA 中華民國', 'CjkTC')).toEqual([{ text: 'TAITRA ' }, { text: '中華民國', font: 'CjkTC' }]);
  });

  it('has coverage data generated from the shipped fonts', () => {
    expect(readFileSync(COVERAGE_FILE, 'utf8')).toBe(generatedCoverageSource());
  });
});

describe('user text', () => {
  it('drops tags and scripts, keeps the words and decodes entities', () => {
    expect(withoutHtml('<p>Hello <b>world</b> &amp; co</p><script>alert(1)</script>')).toBe('Hello world & co\n');
    expect(withoutHtml('a < b and c > d')).toBe('a < b and c > d');
  });

  it('turns Markdown into headings, lists and emphasis without printing the markup', () => {
    const blocks = markdownBlocks(
      '# Economy\n\nGrowth is **strong** and *steady*.\n\n- one\n- two\n\n1. first',
      'CjkTC',
    );
    expect(JSON.stringify(blocks)).not.toMatch(/\*\*|# |^- /);
    expect(blocks).toHaveLength(3);
    // The heading is kept on one page with the paragraph under it.
    expect(blocks[0]).toMatchObject({
      unbreakable: true,
      stack: [
        { text: 'Economy', bold: true },
        {
          text: [
            { text: 'Growth is ' },
            { text: 'strong', bold: true },
            { text: ' and ' },
            { text: 'steady', italics: true },
            { text: '.' },
          ],
        },
      ],
    });
    expect(blocks[1]).toMatchObject({ ul: [{ text: 'one' }, { text: 'two' }] });
    expect(blocks[2]).toMatchObject({ ol: [{ text: 'first' }] });
  });
});
