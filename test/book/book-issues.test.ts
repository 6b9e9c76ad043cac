/**
 * Issuing books as the app does: the book job (as the worker runs it) on a database snapshot,
 * the issue recorded, the dossier edited, the next book made against the recorded issue, and
 * its "what changed" page read back with pdftotext. Plus where the job says sections start.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import { BookOptions } from '../../src/book/book-input';
import { BookSummary } from '../../src/book/book-summary';
import {
  latestBookIssue,
  nextBookVersion,
  readBookOptions,
  recordBookIssue,
  saveBookOptions,
} from '../../src/db/book-issues';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { Repository } from '../../src/db/repository';
import { readMissionSnapshot } from '../../src/db/snapshot';
import { useFreshDb } from '../db/fresh-db';
import { nodeBookJob } from '../../scripts/book';
import { pageCount, pagesText } from './pdf-tools';

const freshDb = useFreshDb('book-issues');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const dir = mkdtempSync(join(tmpdir(), 'book-issues-'));
const flat = (text: string) => text.replace(/\s+/g, ' ');
let files = 0;

function toFile(bytes: Uint8Array): string {
  const path = join(dir, `issue-${++files}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

const ISSUE_OPTIONS = BookOptions.parse({ language: 'en', sections: ['cover', 'contents', 'changes', 'programme'] });

describe('issued books', () => {
  it('numbers issues per mission and keeps the newest summary of a version', async () => {
    expect(await nextBookVersion(db, 'm1')).toBe(1);
    expect(await latestBookIssue(db, 'm1')).toBeUndefined();
    await recordBookIssue(db, { missionId: 'm1', version: 1, issuedAt: '2027-03-01T09:00:00.000Z', summary: 'a' });
    await recordBookIssue(db, { missionId: 'm1', version: 2, issuedAt: '2027-03-02T09:00:00.000Z', summary: 'b' });
    await recordBookIssue(db, { missionId: 'm2', version: 7, issuedAt: '2027-03-03T09:00:00.000Z', summary: 'c' });
    // The same version saved again replaces what that version held.
    await recordBookIssue(db, { missionId: 'm1', version: 2, issuedAt: '2027-03-02T10:00:00.000Z', summary: 'b2' });
    expect(await nextBookVersion(db, 'm1')).toBe(3);
    expect(await latestBookIssue(db, 'm1')).toMatchObject({ version: 2, summary: 'b2' });
    expect(await nextBookVersion(db, 'm2')).toBe(8);
  });

  it('remembers the last options per mission', async () => {
    expect(await readBookOptions(db, 'm1')).toBeUndefined();
    const options = BookOptions.parse({ language: 'en', paper: 'A5' });
    await saveBookOptions(db, 'm1', options);
    expect(await readBookOptions(db, 'm1')).toEqual(options);
    expect(await readBookOptions(db, 'm2')).toBeUndefined();
  });

  it('the next book lists the meetings moved, added and cancelled since the recorded issue', async () => {
    const { missionId } = await importDossier(db, sample);
    const first = await nodeBookJob({
      input: await readMissionSnapshot(db, missionId),
      options: ISSUE_OPTIONS,
      context: { issue: { version: 1, issuedAt: '2027-03-01T09:00:00.000Z' } },
    });
    expect(flat(pagesText(toFile(first.bytes)).join(' '))).toContain('This is the first issue of this book.');
    await recordBookIssue(db, { missionId, version: 1, issuedAt: '2027-03-01T09:00:00.000Z', summary: first.summary });

    // Edit the dossier: one meeting an hour later, one cancelled, one new.
    const agenda = new Repository(db, 'agenda');
    const snapshot = await readMissionSnapshot(db, missionId);
    const [moved, cancelled, template] = snapshot.agenda;
    if (!moved || !cancelled || !template) throw new Error('the sample has at least three agenda items');
    const hour = 3_600_000;
    await agenda.update(moved.id, {
      start: new Date(Date.parse(moved.start) + hour).toISOString(),
      end: new Date(Date.parse(moved.end) + hour).toISOString(),
    });
    await agenda.remove(cancelled.id);
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      deleted: _d,
      stamps: _s,
      hlc: _h,
      sortKey: _k,
      ...fields
    } = template;
    await agenda.create({ ...fields, title: 'Extra visit to the science park' });

    const stored = await latestBookIssue(db, missionId);
    const summary = BookSummary.parse(stored?.summary);
    const second = await nodeBookJob({
      input: await readMissionSnapshot(db, missionId),
      options: ISSUE_OPTIONS,
      context: { issue: { version: 2, issuedAt: '2027-03-05T09:00:00.000Z' }, previous: { version: 1, summary } },
    });
    const pages = pagesText(toFile(second.bytes));
    const changesPage = second.contents.find((entry) => entry.section === 'changes')?.page ?? 0;
    const changes = flat(pages[changesPage - 1] ?? '');
    expect(changes).toContain('What changed');
    expect(changes).toContain('Compared with version 1.');
    const added = changes.slice(changes.indexOf('Added'), changes.indexOf('Moved or changed'));
    expect(added).toContain('Extra visit to the science park');
    const movedPart = changes.slice(changes.indexOf('Moved or changed'), changes.indexOf('Cancelled'));
    expect(movedPart).toContain(flat(moved.title));
    expect(changes.slice(changes.indexOf('Cancelled'))).toContain(flat(cancelled.title));
  }, 120_000);

  it('says how many pages the book has and on which page each section starts', async () => {
    const { missionId } = await importDossier(db, sample);
    const options = BookOptions.parse({ language: 'nl' });
    const result = await nodeBookJob({
      input: await readMissionSnapshot(db, missionId),
      options,
      context: { issue: { version: 1, issuedAt: '2027-03-01T09:00:00.000Z' } },
    });
    const path = toFile(result.bytes);
    const pages = pagesText(path);
    expect(result.pageCount).toBe(pageCount(path));
    expect(result.contents.map((entry) => entry.section)).toEqual(options.sections.filter((s) => s !== 'cover'));
    for (const entry of result.contents) {
      // The section's title heads the page the job names, and the contents page agrees.
      expect(pages[entry.page - 1]?.split('\n').slice(0, 6).join(' '), entry.title).toContain(entry.title);
      const tocLine = (pages[1] ?? '').split('\n').find((line) => line.trim().startsWith(entry.title));
      if (entry.section !== 'contents')
        expect(Number(/(\d+)\s*$/.exec(tocLine ?? '')?.[1]), entry.title).toBe(entry.page);
    }
  }, 120_000);
});
