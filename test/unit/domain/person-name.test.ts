/** How a person's name is written everywhere: the app's lists, the calendar export and the book. */
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/domain/person-name';

const name = (givenName: string, familyName: string, honorific = '') =>
  displayName({ givenName, familyName, honorific });

describe('displayName', () => {
  it('puts the given name first in Latin script, with the form of address in front', () => {
    expect(name('Anouk', 'de Vries')).toBe('Anouk de Vries');
    expect(name('Thị Lan', 'Nguyễn')).toBe('Thị Lan Nguyễn');
    expect(name('Joost', 'Bakker', 'drs.')).toBe('drs. Joost Bakker');
  });

  it('puts the family name first, with no space, for Chinese, Japanese and Korean names in their own script', () => {
    expect(name('志明', '陳')).toBe('陳志明');
    expect(name('太郎', '山田')).toBe('山田太郎');
    expect(name('さくら', '佐藤')).toBe('佐藤さくら');
    expect(name('ケンジ', '佐々木')).toBe('佐々木ケンジ');
    expect(name('민준', '김')).toBe('김민준');
    expect(name('美玲', '陳', 'dr.')).toBe('dr. 陳美玲');
  });

  it('keeps the given name first when either part is in Latin letters', () => {
    expect(name('Wen-Hsien', 'Lin')).toBe('Wen-Hsien Lin');
    expect(name('志明', 'de Vries')).toBe('志明 de Vries');
    expect(name('Anouk', '林')).toBe('Anouk 林');
  });

  it('keeps the given name first for a foreign name in katakana', () => {
    expect(name('ジョン', 'スミス')).toBe('ジョン スミス');
  });
});
