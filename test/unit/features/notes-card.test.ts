import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IntelligenceNote } from '../../../src/domain/entities';
import { localToday } from '../../../src/domain/note-review';
import { NoteCard } from '../../../src/features/common/NoteCard';
import { initI18n } from '../../../src/i18n';

initI18n('nl');

function note(fields: Partial<IntelligenceNote>): IntelligenceNote {
  return {
    id: '01a20eb7-dc99-775a-a7ce-c5eba361af84',
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    deleted: 0,
    stamps: {},
    hlc: '',
    sortKey: 'chips',
    title: 'Chips',
    body: 'Tekst',
    source: 'Rapport',
    sourceUrl: '',
    sourceDate: '',
    reliability: '',
    reviewBy: '',
    countryCodes: ['TW'],
    sectors: [],
    organisationIds: [],
    ...fields,
  };
}

const render = (value: IntelligenceNote) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(NoteCard, { note: value })));

describe('a note card', () => {
  it('flags a note whose review-by date has passed, with that date', () => {
    const html = render(note({ reviewBy: '2020-01-15' }));
    expect(html).toContain('data-overdue="true"');
    expect(html).toContain('data-testid="review-overdue"');
    expect(html).toContain('Te herzien sinds 15 januari 2020');
  });

  it('does not flag a note due today or without a review date', () => {
    for (const reviewBy of [localToday(new Date()), '']) {
      const html = render(note({ reviewBy }));
      expect(html).toContain('data-overdue="false"');
      expect(html).not.toContain('review-overdue');
    }
  });

  it('offers an https source as a link, and shows an http one only as text', () => {
    expect(render(note({ sourceUrl: 'https://example.com/rapport' }))).toMatch(
      /<a [^>]*href="https:\/\/example\.com\/rapport"/,
    );
    const http = render(note({ sourceUrl: 'http://example.com/rapport' }));
    expect(http).toContain('http://example.com/rapport');
    expect(http).not.toMatch(/href="http:/);
  });
});
