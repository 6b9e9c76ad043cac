/** Text rules shared by every entity: what a stored string may hold, and how names sort and match. */
import { z } from 'zod';

// Control characters other than tab and newline have no place in user text (they break exports).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !CONTROL.test(value), { message: 'control characters are not allowed' });
}

export function requiredText(max: number) {
  return text(max).refine((value) => value.length > 0, { message: 'required' });
}

/** Lower case, accents folded, white space collapsed: the key names are sorted and searched by. */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim();
}
