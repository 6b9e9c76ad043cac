/**
 * The peer of the briefing book for the benchmark: the same content as one HTML document, set in
 * the same Noto fonts (the CJK ones included) for Chromium to print with page.pdf(), as Electron's
 * printToPDF would. Same sections, same order, a page per meeting; the contents list has no page
 * numbers (HTML print has no way to know them), the running footer has Chromium's page X of Y.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BookInput } from '../../src/book/book-input';
import { BOOK_TEXT } from '../../src/book/book-text';
import { groupAgendaByLocalDay, timeRangeInTwoZones } from '../../src/domain/dossier-view';
import { displayName } from '../../src/domain/entities/person';
import { formatDate, formatDayIn } from '../../src/domain/time';
import { FONT_DIR } from '../../scripts/book';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The little Markdown the generated notes use: headings, bullet lists, paragraphs. */
function markdown(source: string): string {
  return source
    .split(/\n{2,}/)
    .map((block) => {
      if (block.startsWith('## ')) return `<h3>${escape(block.slice(3))}</h3>`;
      if (block.startsWith('- ')) {
        const items = block.split('\n').map((line) => `<li>${escape(line.replace(/^- /, ''))}</li>`);
        return `<ul>${items.join('')}</ul>`;
      }
      return `<p>${escape(block)}</p>`;
    })
    .join('\n');
}

const FACES = [
  ['Noto Sans', 'NotoSans-Regular.ttf', 'normal', 400],
  ['Noto Sans', 'NotoSans-Bold.ttf', 'normal', 700],
  ['Noto Sans', 'NotoSans-Italic.ttf', 'italic', 400],
  ['Noto Sans', 'NotoSans-BoldItalic.ttf', 'italic', 700],
  ['Noto CJK TC', 'NotoSansHant-Regular.otf', 'normal', 400],
  ['Noto CJK SC', 'NotoSansHans-Regular.otf', 'normal', 400],
  ['Noto CJK JP', 'NotoSansJP-Regular.otf', 'normal', 400],
  ['Noto CJK KR', 'NotoSansKR-Regular.otf', 'normal', 400],
] as const;

const fontFaces = FACES.map(
  ([family, file, style, weight]) =>
    `@font-face { font-family: '${family}'; src: url('${pathToFileURL(join(FONT_DIR, file)).href}'); font-style: ${style}; font-weight: ${weight}; }`,
).join('\n');

export function bookHtml(input: BookInput, language: 'nl' | 'en'): string {
  const text = BOOK_TEXT[language];
  const people = new Map(input.people.map((p) => [p.id, p]));
  const organisations = new Map(input.organisations.map((o) => [o.id, o]));
  const name = (id: string) => {
    const person = people.get(id);
    return person ? displayName(person) : '';
  };
  const agenda = [...input.agenda].sort((a, b) => a.start.localeCompare(b.start));
  const section = (id: string, title: string, body: string) =>
    `<section id="${id}"><h1>${escape(title)}</h1>${body}</section>`;
  const programme = groupAgendaByLocalDay(agenda)
    .map((day) => {
      const rows = day.items.map((item) => {
        const times = timeRangeInTwoZones(item, text.locale);
        const organisation = organisations.get(item.organisationId);
        return `<tr><td>${times.local}</td><td>${times.home}</td><td><b>${escape(item.title)}</b><br>${escape(organisation?.name ?? '')}</td><td>${escape(`${item.location}, ${item.city}`)}</td></tr>`;
      });
      return `<table><caption>${formatDate(day.date, text.locale)}</caption><tr><th>${text.time}</th><th>${text.dutchTime}</th><th>${text.what}</th><th>${text.where}</th></tr>${rows.join('')}</table>`;
    })
    .join('');
  const delegation = input.delegation
    .map((m) => {
      const person = people.get(m.personId);
      return `<h2>${escape(name(m.personId))}</h2><p class="small">${escape([text.roles[m.role], person?.jobTitle ?? ''].join(' · '))}</p>${markdown(person?.bio ?? '')}<p><b>${text.hotel}:</b> ${escape(m.hotel)}</p>`;
    })
    .join('');
  const meetings = agenda
    .map((item) => {
      const organisation = organisations.get(item.organisationId);
      const times = timeRangeInTwoZones(item, text.locale);
      return `<article class="meeting"><h2>${escape(item.title)}</h2>
<p class="small">${formatDayIn(item.start, item.timeZone, text.locale)} · ${times.local} ${text.local} · ${times.home} ${text.dutchTime}</p>
<p><b>${text.where}:</b> ${escape([item.location, item.address, item.city].join(', '))}</p>
<p><b>${text.participants}:</b> ${text.wholeDelegation}</p>
<h3>${text.objective}</h3>${markdown(item.objective)}
<h3>${text.counterpart}</h3><p><b>${escape(organisation?.name ?? '')}</b> ${escape(organisation?.localName ?? '')} — ${escape(organisation?.city ?? '')}</p>${markdown(organisation?.description ?? '')}
<p><b>${text.contactsMet}:</b> ${escape(item.contactIds.map(name).join('; '))}</p>
<h3>${text.talkingPoints}</h3>${markdown(item.talkingPoints)}
<h3>${text.background}</h3>${markdown(item.background)}
<h3>${text.logistics}</h3><p><b>${text.transport}:</b> ${escape(item.transport)}</p><p><b>${text.dressCode}:</b> ${escape(item.dressCode)}</p></article>`;
    })
    .join('');
  const targets = input.targets
    .map((target) => {
      const o = organisations.get(target.organisationId);
      return `<h2>${escape(o?.name ?? '')} ${escape(o?.localName ?? '')}</h2><p class="small">${text.priority} ${target.priority} · ${escape(o?.city ?? '')}</p><p><b>${text.objective}:</b> ${escape(target.objective)}</p>${markdown(o?.description ?? '')}`;
    })
    .join('');
  const notes = input.notes
    .map(
      (note) =>
        `<h2>${escape(note.title)}</h2><p class="small">${text.source}: ${escape(note.source)}, ${note.sourceDate}</p>${markdown(note.body)}`,
    )
    .join('');
  const contacts = [...new Set([...input.delegation.map((m) => m.personId), ...agenda.flatMap((a) => a.contactIds)])]
    .map((id) => people.get(id))
    .filter((p) => p !== undefined)
    .map(
      (p) =>
        `<tr><td><b>${escape(displayName(p))}</b><br>${escape(p.jobTitle)}</td><td>${escape(p.organisationName)}</td><td>${escape(p.phone)}<br>${escape(p.email)}</td></tr>`,
    )
    .join('');
  const toc = [
    text.practical,
    text.programme,
    text.delegation,
    text.meetings,
    text.targets,
    text.country,
    text.contacts,
  ]
    .map((title) => `<li>${escape(title)}</li>`)
    .join('');
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escape(input.mission.title)}</title><style>
${fontFaces}
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
body { font-family: 'Noto Sans', 'Noto CJK TC', 'Noto CJK SC', 'Noto CJK JP', 'Noto CJK KR'; font-size: 9.5pt; line-height: 1.25; color: #1b2a3a; }
section { break-before: page; } .meeting + .meeting { break-before: page; }
h1 { font-size: 17pt; } h2 { font-size: 12.5pt; margin: 10pt 0 4pt; } h3 { font-size: 10.5pt; color: #5a6675; margin: 6pt 0 2pt; }
.small { font-size: 8pt; color: #5a6675; } table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 6pt 0; }
td, th { border-bottom: 0.5pt solid #c9d1da; padding: 3pt; text-align: left; vertical-align: top; } tr { break-inside: avoid; }
caption { font-size: 12.5pt; font-weight: bold; text-align: left; }
</style></head><body>
<div class="cover"><p class="small">${text.briefingBook.toUpperCase()}</p><h1 style="font-size:26pt">${escape(input.mission.title)}</h1>
<p>${escape(input.mission.cities.join(', '))}</p><p>${input.mission.startDate} – ${input.mission.endDate}</p></div>
${section('contents', text.contents, `<ol>${toc}</ol>`)}
${section('practical', text.practical, `<h2>${text.hotel}</h2><p>${escape([...new Set(input.delegation.map((m) => m.hotel))].join(', '))}</p><h2>${text.emergency}</h2><p>${text.emergencyText}</p>`)}
${section('programme', text.programme, programme)}
${section('delegation', text.delegation, delegation)}
${section('meetings', text.meetings, meetings)}
${section('targets', text.targets, targets)}
${section('country', text.country, notes)}
${section('contacts', text.contacts, `<table><tr><th>${text.name}</th><th>${text.organisation}</th><th>${text.phoneAndEmail}</th></tr>${contacts}</table>`)}
</body></html>`;
}
