/**
 * The readiness check: what still stands between a mission and a good briefing book. Each entry
 * names the record to fix, so the screen can link straight to it. Pure; recomputed live.
 */
import type { AgendaItemFields } from './entities/agenda-item';
import type { DelegationMemberFields } from './entities/delegation-member';
import type { MissionFields } from './entities/mission';
import type { OrganisationFields } from './entities/organisation';
import type { PersonFields } from './entities/person';
import { isAssessmentComplete } from './mission-workflow';

/** A passport must stay valid this many months after the return date (most countries ask six). */
export const PASSPORT_MONTHS_AFTER_RETURN = 6;

/** The last day a passport may expire on and still be refused: return date plus six months. */
export function passportValidUntilAtLeast(returnDate: string): string {
  const [y, m, d] = returnDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + PASSPORT_MONTHS_AFTER_RETURN, d ?? 1));
  return date.toISOString().slice(0, 10);
}

/** True when a known passport expiry falls within six months after the return date. */
export function passportExpiresTooSoon(expiry: string, returnDate: string): boolean {
  return expiry !== '' && expiry < passportValidUntilAtLeast(returnDate);
}

type WithId<T> = T & { readonly id: string };

export interface ReadinessInput {
  readonly mission: MissionFields;
  readonly delegation: readonly WithId<DelegationMemberFields>[];
  readonly agenda: readonly WithId<AgendaItemFields>[];
  readonly people: readonly WithId<PersonFields>[];
  readonly organisations: readonly WithId<OrganisationFields>[];
}

export type ReadinessIssue =
  | { readonly kind: 'no_assessment' }
  | { readonly kind: 'meeting_unprepared'; readonly itemId: string; readonly missing: 'objective' | 'talkingPoints' }
  | { readonly kind: 'member_no_arrival'; readonly memberId: string; readonly personId: string }
  | {
      readonly kind: 'passport_expiring';
      readonly memberId: string;
      readonly personId: string;
      readonly expiry: string;
    }
  | { readonly kind: 'counterpart_no_profile'; readonly organisationId: string; readonly itemId: string };

const MEETING_KINDS = new Set(['meeting', 'visit']);

export function readinessIssues(input: ReadinessInput): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  if (!isAssessmentComplete(input.mission.assessment) && input.mission.approvalOverrideReason === '') {
    issues.push({ kind: 'no_assessment' });
  }
  const people = new Map(input.people.map((person) => [person.id, person]));
  const organisations = new Map(input.organisations.map((organisation) => [organisation.id, organisation]));
  const items = [...input.agenda].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const item of items) {
    if (!MEETING_KINDS.has(item.kind)) continue;
    if (item.objective.trim() === '')
      issues.push({ kind: 'meeting_unprepared', itemId: item.id, missing: 'objective' });
    else if (item.talkingPoints.trim() === '') {
      issues.push({ kind: 'meeting_unprepared', itemId: item.id, missing: 'talkingPoints' });
    }
  }
  for (const member of input.delegation) {
    if (member.arrivalAt === '') {
      issues.push({ kind: 'member_no_arrival', memberId: member.id, personId: member.personId });
    }
    const expiry = people.get(member.personId)?.passportExpiry ?? '';
    if (passportExpiresTooSoon(expiry, input.mission.endDate)) {
      issues.push({ kind: 'passport_expiring', memberId: member.id, personId: member.personId, expiry });
    }
  }
  const reported = new Set<string>();
  for (const item of items) {
    const organisation = organisations.get(item.organisationId);
    if (!organisation || reported.has(organisation.id) || organisation.description.trim() !== '') continue;
    reported.add(organisation.id);
    issues.push({ kind: 'counterpart_no_profile', organisationId: organisation.id, itemId: item.id });
  }
  return issues;
}
