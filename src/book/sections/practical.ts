/**
 * The practical page: hotel, travel, time difference, emergency numbers, embassy and consulate,
 * the country's currency, languages, visa and etiquette (from the country sheet when the mission
 * has one), and the team's local contacts.
 */
import type { Content } from 'pdfmake/interfaces';
import { countryName } from '../../domain/countries';
import { formatDayIn, formatTimeIn, HOME_ZONE, zoneOffsetMinutes } from '../../domain/time';
import type { BookText } from '../book-text';
import type { BookView, SheetRow } from '../book-view';
import { markdownBlocks } from '../markdown';
import { keyContactLines } from './knowledge';
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

/** The facts of the mission's country sheets, each under its country's name when there are several. */
function fromSheets(view: BookView, text: BookText) {
  const sheets = view.countrySheets;
  const named = (sheet: SheetRow, label: string) =>
    sheets.length > 1 ? `${label} (${countryName(sheet.countryCode, view.options.language)})` : label;
  const emergency = sheets.flatMap((sheet) =>
    sheet.emergencyNumbers.trim() === ''
      ? []
      : sheets.length > 1
        ? labelled(countryName(sheet.countryCode, view.options.language), sheet.emergencyNumbers, view.hint)
        : [para(sheet.emergencyNumbers, STYLE.body, view.hint)],
  );
  const missions = sheets.flatMap((sheet) =>
    sheet.keyContacts
      .filter((contact) => contact.kind === 'embassy' || contact.kind === 'consulate')
      .flatMap((contact) => keyContactLines(contact, view, text)),
  );
  const zones = sheets.flatMap((sheet) =>
    labelled(named(sheet, text.timeZones), sheet.timeZones.join(', '), view.hint),
  );
  const facts = sheets.flatMap((sheet) => [
    ...labelled(named(sheet, text.currency), sheet.currency, view.hint),
    ...labelled(named(sheet, text.languages), sheet.languages, view.hint),
    ...labelled(named(sheet, text.visa), sheet.visa, view.hint),
    ...(sheet.etiquette.trim() === ''
      ? []
      : [{ text: named(sheet, text.etiquette), ...STYLE.h3 }, ...markdownBlocks(sheet.etiquette, view.hint)]),
  ]);
  return { emergency, missions, zones, facts };
}

export function practical(view: BookView, text: BookText): Content[] {
  const sheet = fromSheets(view, text);
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
    ...sheet.zones,
    { text: text.emergency, ...STYLE.h2 },
    ...(sheet.emergency.length > 0 ? sheet.emergency : [para(text.emergencyText, STYLE.body, view.hint)]),
    ...(sheet.missions.length > 0 ? [{ text: text.embassyConsulate, ...STYLE.h2 }, ...sheet.missions] : []),
    ...(sheet.facts.length > 0 ? [{ text: text.countryFacts, ...STYLE.h2 }, ...sheet.facts] : []),
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
