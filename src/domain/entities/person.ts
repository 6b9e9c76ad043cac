import { z } from 'zod';
import { IsoDate, OptionalId } from './common';
import { requiredText, text } from '../text';

export const PERSON_KINDS = ['administrator', 'official', 'company', 'partner'] as const;

/** People are a registry shared across missions; a mission links to them through its delegation. */
export const PersonFields = z.object({
  givenName: requiredText(100),
  familyName: requiredText(100),
  /** Form of address as printed in the book, e.g. "drs." or "mr.". */
  honorific: text(50).default(''),
  kind: z.enum(PERSON_KINDS),
  /** Function; for a contact, the role at their organisation. */
  jobTitle: text(200).default(''),
  /** The organisation in the registry this person is a contact of. */
  organisationId: OptionalId,
  /** Free text, for an organisation that is not in the registry. */
  organisationName: text(200).default(''),
  email: z.union([z.literal(''), z.email()]).default(''),
  phone: text(50).default(''),
  /** Languages spoken, as BCP 47 tags or plain names. */
  languages: z.array(requiredText(40)).max(20).default([]),
  /** A short bio for introductions. */
  bio: text(3000).default(''),
  photoId: OptionalId,
  // Sensitive: see ../sensitive-fields.ts. Masked in the UI and left out of exports by default.
  passportNumber: text(50).default(''),
  passportExpiry: z.union([z.literal(''), IsoDate]).default(''),
  dateOfBirth: z.union([z.literal(''), IsoDate]).default(''),
  dietaryNeeds: text(500).default(''),
  medicalNotes: text(2000).default(''),
  emergencyContact: text(300).default(''),
});
export type PersonFields = z.infer<typeof PersonFields>;

export { displayName } from '../person-name';
