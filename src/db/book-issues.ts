/**
 * Issued briefing books and the last book options, per mission, on this device only (not synced):
 * each issue keeps the summary of what it held, so the next issue can print what changed.
 */
import type { BookIssueRow, MissionDb } from './database';

/** The newest issue of a mission's book, or undefined before the first. */
export async function latestBookIssue(db: MissionDb, missionId: string): Promise<BookIssueRow | undefined> {
  return db.bookIssues.where('[missionId+version]').between([missionId, 0], [missionId, Infinity]).last();
}

/** The version the next issued book of a mission gets: one more than the newest. */
export async function nextBookVersion(db: MissionDb, missionId: string): Promise<number> {
  return ((await latestBookIssue(db, missionId))?.version ?? 0) + 1;
}

/**
 * Records an issued book. Issuing the same version again (the book was saved twice) keeps the
 * newest content for that version, so the next issue compares with what was handed out last.
 */
export async function recordBookIssue(db: MissionDb, issue: BookIssueRow): Promise<void> {
  await db.bookIssues.put({
    missionId: issue.missionId,
    version: issue.version,
    issuedAt: issue.issuedAt,
    summary: issue.summary,
  });
}

const optionsKey = (missionId: string) => `bookOptions:${missionId}`;

/** The options of the last book made for a mission, as stored (the caller validates them). */
export async function readBookOptions(db: MissionDb, missionId: string): Promise<unknown> {
  return (await db.meta.get(optionsKey(missionId)))?.value;
}

export async function saveBookOptions(db: MissionDb, missionId: string, options: unknown): Promise<void> {
  await db.meta.put({ key: optionsKey(missionId), value: options });
}
