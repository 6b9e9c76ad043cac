/**
 * The sentence a user sees under a field: zod's issue (a code, or one of the messages our schemas
 * use) mapped to a key of the `validation` catalog section, never zod's English text.
 */
import type { TFunction } from 'i18next';

type ValidationKey =
  | 'validation.required'
  | 'validation.tooLong'
  | 'validation.email'
  | 'validation.url'
  | 'validation.date'
  | 'validation.endBeforeStart'
  | 'validation.endDateBeforeStart'
  | 'validation.departsBeforeArriving'
  | 'validation.number'
  | 'validation.countryTwice'
  | 'validation.zone'
  | 'validation.controlCharacters'
  | 'validation.invalid';

const BY_MESSAGE: Readonly<Record<string, ValidationKey>> = {
  required: 'validation.required',
  'ends before it starts': 'validation.endBeforeStart',
  'end date before start date': 'validation.endDateBeforeStart',
  'departs before arriving': 'validation.departsBeforeArriving',
  'a country is listed twice': 'validation.countryTwice',
  'unknown time zone': 'validation.zone',
  'control characters are not allowed': 'validation.controlCharacters',
};

export interface FieldErrorLike {
  readonly type?: string | number;
  readonly message?: string;
}

export function validationKey(error: FieldErrorLike): ValidationKey {
  const message = error.message ?? '';
  const known = BY_MESSAGE[message];
  if (known) return known;
  if (/email/i.test(message)) return 'validation.email';
  if (/url/i.test(message)) return 'validation.url';
  if (/date/i.test(message)) return 'validation.date';
  if (error.type === 'too_big' || /too big|<=/i.test(message)) return 'validation.tooLong';
  if (error.type === 'too_small' && /array|element|item/i.test(message)) return 'validation.required';
  if (error.type === 'too_small' || /expected string to have >=1/i.test(message)) return 'validation.required';
  if (/expected number|int/i.test(message)) return 'validation.number';
  return 'validation.invalid';
}

export function fieldErrorText(t: TFunction, error: FieldErrorLike | undefined): string | undefined {
  return error ? t(validationKey(error)) : undefined;
}
