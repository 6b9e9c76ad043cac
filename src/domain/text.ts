/** Text rules shared by every entity: what a stored string may hold, and how names sort and match. */
import { z } from 'zod';

/** Control characters other than tab, newline and carriage return have no place in user text: they break exports. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacters(value), { message: 'control characters are not allowed' });
}

export function requiredText(max: number) {
  return text(max).refine((value) => value.length > 0, { message: 'required' });
}

// Letters that Unicode does not decompose into a base letter and an accent.
const LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower case, accents folded, white space collapsed: the key names are sorted and searched by. */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl')
    .replace(/[æøœßłđðþı]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

// Dutch surname prefixes (tussenvoegsels): "van den Heuvel" files under H, as in any Dutch list.
const SURNAME_PREFIXES = new Set([
  'van',
  'von',
  'de',
  'den',
  'der',
  'des',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'la',
  'le',
  'du',
  'da',
]);

/** The part of a family name it sorts by: leading lower-case prefixes set aside. */
export function surnameSortKey(familyName: string): string {
  const words = familyName.trim().split(/\s+/);
  let first = 0;
  while (first < words.length - 1 && SURNAME_PREFIXES.has(words[first] ?? '')) first++;
  return foldForSearch(words.slice(first).join(' '));
}
