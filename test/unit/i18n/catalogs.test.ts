import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { nl } from '../../../src/i18n/nl';

function flatten(tree: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value as object, `${prefix}${key}.`)),
    ),
  );
}

describe('message catalogs', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('have the same keys in Dutch and English', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
  });

  it('contain no empty, placeholder or untranslated copy', () => {
    for (const [key, text] of [...Object.entries(dutch), ...Object.entries(english)]) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\bTODO\b|lorem ipsum|FIXME|XXX/i);
    }
    // Terms Dutch civil servants use in English as they are, and patterns made only of values and
    // punctuation (no words to translate).
    const sameInBoth = new Set(['sector.life_sciences_health', 'agenda.conflict.itemRef']);
    const same = Object.keys(dutch).filter(
      (key) => !sameInBoth.has(key) && dutch[key] === english[key] && (dutch[key]?.length ?? 0) > 20,
    );
    expect(same, 'long texts identical in both languages are probably untranslated').toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)(, *\w+)?\}\}/g)].map((m) => m[0]).sort();
    for (const key of Object.keys(dutch)) {
      expect(variables(english[key] ?? ''), key).toEqual(variables(dutch[key] ?? ''));
    }
  });
});
