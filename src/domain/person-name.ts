/**
 * How a person's name is written: in the app's lists, in search results, in calendar exports and in
 * the book. Free of zod, so the search worker can import it without the schemas.
 */

export interface PersonName {
  readonly givenName: string;
  readonly familyName: string;
  readonly honorific?: string;
}

/** Family names in Han (Chinese, Japanese, with 々) or Hangul (Korean). */
const EAST_ASIAN_FAMILY = /^[\p{Script=Han}\p{Script=Hangul}]+$/u;
/** Given names may also be in kana (さくら, ケンジ). */
const EAST_ASIAN_GIVEN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+$/u;

/**
 * A person's name as it is read: "Anouk de Vries", but 陳志明, 山田太郎 and 김민준 — Chinese, Japanese
 * and Korean names written in their own script put the family name first, with no space. A name
 * with a part in Latin letters ("Wen-Hsien Lin", or 志明 de Vries) keeps the given name first, and so
 * does a foreign name in katakana (ジョン スミス), whose family name is not in Han or Hangul.
 */
export function displayName(person: PersonName): string {
  const { honorific, givenName, familyName } = person;
  const name =
    EAST_ASIAN_GIVEN.test(givenName) && EAST_ASIAN_FAMILY.test(familyName)
      ? `${familyName}${givenName}`
      : [givenName, familyName].filter(Boolean).join(' ');
  return [honorific, name].filter(Boolean).join(' ');
}
