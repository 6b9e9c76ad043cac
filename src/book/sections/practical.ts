/** The practical page: hotel, travel, time difference, emergency numbers, local contacts. */
import type { Content } from 'pdfmake/interfaces';
import { formatDayIn, formatTimeIn, HOME_ZONE, zoneOffsetMinutes } from '../../domain/time';
import type { BookText } from '../book-text';
import type { BookView } from '../book-view';
import { labelled, para, sectionHeading, STYLE } from '../text-nodes';

/** "7 uur voor" / "7 hours ahead" on the mission's first day (daylight saving may change it later). */
export function timeDifference(view: BookView, text: BookText): string {
  const instant = Date.parse(`${view.mission.startDate}T12:00:00Z`);
  const minutes = zoneOffsetMinutes(instant, view.mission.timeZone) - zoneOffsetMinutes(instant, HOME_ZONE);
  if (minutes === 0) return text.sameTime;
  const hours = Math.abs(minutes) / 60;
  const amount = Number.isInteger(hours)
    ? String(hours)
    : hours.toFixed(1).replace('.', text.locale.startsWith('nl') ? ',' : '.');
  return `${amount} ${text.hours} ${minutes > 0 ? text.ahead : text.behind}`;
}

function moment(at: string, zone: string, text: BookText): string {
  return `${formatDayIn(at, zone, text.locale)} ${formatTimeIn(at, zone, text.locale)}`;
}

export function practical(view: BookView, text: BookText): Content[] {
  const hotels = [...new Set(view.delegation.map((m) => m.hotel).filter(Boolean))];
  const travel: Content[] = [];
  for (const member of view.delegation) {
    const parts = [
      member.arrivalAt
        ? `${text.arrival} ${moment(member.arrivalAt, member.arrivalTimeZone || view.mission.timeZone, text)} ${member.arrivalNumber}`.trim()
        : '',
      member.departureAt
        ? `${text.departure} ${moment(member.departureAt, member.departureTimeZone || view.mission.timeZone, text)} ${member.departureNumber}`.trim()
        : '',
    ].filter(Boolean);
    if (parts.length > 0) travel.push(...labelled(view.personName(member.personId), parts.join(' · '), view.hint));
  }
  const localContacts = [...new Set(view.agenda.flatMap((item) => item.contactIds))]
    .map((id) => view.person(id))
    .filter((p) => p !== undefined && (p.phone !== '' || p.email !== ''))
    .slice(0, 12);
  return [
    sectionHeading('sec-practical', text.practical, view.hint),
    { text: text.hotel, ...STYLE.h2 },
    para(hotels.length > 0 ? hotels.join('\n') : text.noEntries, STYLE.body, view.hint),
    ...(travel.length > 0 ? [{ text: `${text.arrival} / ${text.departure}`, ...STYLE.h2 }, ...travel] : []),
    { text: text.timeDifference, ...STYLE.h2 },
    para(timeDifference(view, text), STYLE.body, view.hint),
    { text: text.emergency, ...STYLE.h2 },
    para(text.emergencyText, STYLE.body, view.hint),
    ...(localContacts.length > 0 ? [{ text: text.localContacts, ...STYLE.h2 }] : []),
    ...localContacts.flatMap((person) =>
      person
        ? labelled(
            view.personName(person.id),
            [person.jobTitle, person.phone, person.email].filter(Boolean).join(' · '),
            view.hint,
          )
        : [],
    ),
  ];
}
