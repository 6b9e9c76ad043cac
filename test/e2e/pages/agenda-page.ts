import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewItem {
  readonly title: string;
  /** The kind as the Dutch list names it, e.g. 'Lunch of diner'. */
  readonly kind?: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly location?: string;
  /** Options as the participants list shows them, e.g. 'Yusuf Demir (Ondersteuning)'. */
  readonly participants?: readonly string[];
}

/** The agenda tab of an open mission dossier (Dutch labels). */
export class AgendaPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('agenda');
  }

  items(): Locator {
    return this.page.getByTestId('agenda-item');
  }

  /** The item with this title (not the ones whose warnings name it). */
  item(title: string): Locator {
    return this.items().filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** The item's button: what is focused, clicked, moved and dragged. */
  itemButton(title: string): Locator {
    return this.item(title).getByRole('button').first();
  }

  conflicts(): Locator {
    return this.page.getByTestId('agenda-conflicts');
  }

  announcement(): Locator {
    return this.page.getByTestId('agenda-announcement');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async show(view: 'Lijst' | 'Per dag') {
    await this.page.getByTestId('agenda-view').getByText(view, { exact: true }).click();
    await expect(this.page.getByTestId('agenda-days')).toHaveCount(view === 'Per dag' ? 1 : 0);
  }

  private async choose(label: string, option: string) {
    // A required field's label ends in an asterisk.
    await this.dialog()
      .getByLabel(new RegExp(`^${label}`))
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Fills the new-item dialog and saves it; returns once the item is in the agenda. */
  async create(item: NewItem) {
    const before = await this.items().count();
    await this.page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    const dialog = this.dialog();
    await expect(dialog.getByRole('heading', { name: 'Nieuwe afspraak' })).toBeVisible();
    await dialog.getByLabel('Titel').fill(item.title);
    if (item.kind) await this.choose('Soort afspraak', item.kind);
    await dialog.getByLabel('Datum (lokaal)').fill(item.date);
    await dialog.getByLabel('Begintijd (lokaal)').fill(item.start);
    await dialog.getByLabel('Eindtijd (lokaal)').fill(item.end);
    if (item.location) await dialog.getByLabel('Locatie').fill(item.location);
    for (const name of item.participants ?? []) {
      await dialog.getByLabel('Deelnemers uit de delegatie').click();
      await this.page.getByRole('option', { name, exact: true }).click();
    }
    // Close the open option list before saving.
    await dialog.getByRole('heading', { name: 'Nieuwe afspraak' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.items()).toHaveCount(before + 1);
  }

  /** Exports through the save dialog (a download in the browser) and returns the file's text. */
  async exportIcs(forWhom = 'De hele delegatie'): Promise<{ name: string; text: string }> {
    await this.page.getByTestId('agenda-export-for').click();
    await this.page.getByRole('option', { name: forWhom, exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('agenda-export').click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
