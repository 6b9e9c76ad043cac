/**
 * The book panel's flow: make a book in the worker (with progress and cancel), keep it for the
 * preview, save it through the host, and record the issue so the next book can say what changed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookOptions } from '../../book/book-input';
import type { BookResult } from '../../book/book-job';
import { BookSummary } from '../../book/book-summary';
import type { PreviousIssue } from '../../book/sections/changes';
import type { RenderStage } from '../../book/render';
import { db } from '../../db';
import { latestBookIssue, recordBookIssue, saveBookOptions } from '../../db/book-issues';
import type { MissionSnapshot } from '../../db/snapshot';
import { getHost } from '../../platform';
import { notify, notifyError } from '../common/errors';
import { BookCancelled, bookWorker } from './book-worker-client';
import { bookFileName } from './book-options';

export type BookState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly stage: RenderStage; readonly fraction: number | null }
  | {
      readonly kind: 'ready';
      readonly result: BookResult;
      readonly version: number;
      readonly issuedAt: string;
      readonly options: BookOptions;
    };

/** The previous issue as the "what changed" page needs it; a summary that no longer parses is skipped. */
async function previousIssue(missionId: string): Promise<PreviousIssue | undefined> {
  const row = await latestBookIssue(db, missionId);
  if (!row) return undefined;
  const summary = BookSummary.safeParse(row.summary);
  if (!summary.success) {
    console.warn(`book issue ${row.version} of ${missionId} has an unreadable summary; compared with nothing`);
    return undefined;
  }
  return { version: row.version, summary: summary.data };
}

export function useBook(missionId: string) {
  const { t } = useTranslation();
  const [state, setState] = useState<BookState>({ kind: 'idle' });
  const [saving, setSaving] = useState(false);
  const mounted = useRef(true);
  const working = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Closing the panel mid-book: nobody will see that book, so stop the work.
      if (working.current) bookWorker().cancel();
    };
  }, []);

  const make = useCallback(
    async (snapshot: MissionSnapshot, options: BookOptions) => {
      setState({ kind: 'working', stage: 'fonts', fraction: null });
      working.current = true;
      try {
        await saveBookOptions(db, missionId, options);
        const previous = await previousIssue(missionId);
        const version = (previous?.version ?? 0) + 1;
        const issuedAt = new Date().toISOString();
        const result = await bookWorker().make(
          { input: snapshot, options, context: { issue: { version, issuedAt }, previous } },
          (stage, fraction) => {
            if (mounted.current) setState({ kind: 'working', stage, fraction });
          },
        );
        if (mounted.current) setState({ kind: 'ready', result, version, issuedAt, options });
      } catch (error) {
        if (!mounted.current) return;
        setState({ kind: 'idle' });
        if (error instanceof BookCancelled) notify(t, { color: 'green', message: t('book.cancelled') });
        else notifyError(t, error);
      } finally {
        working.current = false;
      }
    },
    [missionId, t],
  );

  const cancel = useCallback(() => bookWorker().cancel(), []);

  const save = useCallback(
    async (missionTitle: string) => {
      if (state.kind !== 'ready') return;
      setSaving(true);
      try {
        const saved = await getHost().saveFile({
          suggestedName: bookFileName(t('book.fileName'), missionTitle, state.version),
          data: state.result.bytes,
          kind: 'pdf',
        });
        if (saved.status !== 'saved') return;
        // Only a book that left the app counts as issued: the next one is compared with it.
        await recordBookIssue(db, {
          missionId,
          version: state.version,
          issuedAt: state.issuedAt,
          summary: state.result.summary,
        });
        notify(t, { color: 'green', message: t('book.saved', { version: String(state.version) }) });
      } catch (error) {
        notifyError(t, error);
      } finally {
        if (mounted.current) setSaving(false);
      }
    },
    [missionId, state, t],
  );

  return { state, saving, make, cancel, save };
}
