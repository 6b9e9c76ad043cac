import { expect, type Locator, type Page } from '@playwright/test';
import { displayName } from '../../../src/domain/person-name';

export interface NewPerson {
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle?: string;
  readonly email?: string;
}

/** The People screen in Dutch: the registry list, its filter and the new-person dialog. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('person-row');
  }

  row(name: string): Locator {
    return this.rows().filter({ hasText: name });
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Personen, op achternaam gesorteerd' });
  }

  async filter(text: string) {
    await this.page.getByLabel('Zoeken op achternaam').fill(text);
  }

  async openNewPersonDialog(): Promise<Locator> {
    await this.page.getByTestId('new-person').click();
    const dialog = this.page.getByRole('dialog', { name: 'Nieuwe persoon' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Creates a person through the dialog; the new person's panel opens. */
  async create(person: NewPerson): Promise<PersonPanel> {
    const dialog = await this.openNewPersonDialog();
    await dialog.getByLabel('Voornaam').fill(person.givenName);
    await dialog.getByLabel('Achternaam').fill(person.familyName);
    if (person.jobTitle) await dialog.getByLabel('Functie').fill(person.jobTitle);
    if (person.email) await dialog.getByLabel('E-mailadres').fill(person.email);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    const panel = new PersonPanel(this.page);
    await expect(panel.title()).toHaveText(displayName(person));
    return panel;
  }

  async open(name: string): Promise<PersonPanel> {
    await this.row(name).click();
    const panel = new PersonPanel(this.page);
    await expect(panel.title()).toHaveText(name);
    return panel;
  }
}

/** The detail panel of one person: a form that saves itself, the photo and the sensitive section. */
export class PersonPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('person-detail');
  }

  title(): Locator {
    return this.root.getByTestId('person-detail-title');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  saveStatus(): Locator {
    return this.root.getByTestId('save-status');
  }

  async expectSaved() {
    await expect(this.saveStatus()).toHaveAttribute('data-state', 'saved');
    await expect(this.saveStatus()).toHaveText('Opgeslagen');
  }

  sensitive(): Locator {
    return this.root.getByTestId('sensitive-section');
  }

  async revealSensitive() {
    await this.sensitive().getByRole('button', { name: 'Gevoelige gegevens tonen' }).click();
  }

  async hideSensitive() {
    await this.sensitive().getByRole('button', { name: 'Gevoelige gegevens verbergen' }).click();
  }

  photo(): Locator {
    return this.root.getByTestId('person-photo');
  }

  photoError(): Locator {
    return this.root.getByTestId('photo-error');
  }

  async choosePhoto(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.root.locator('input[type=file]').setInputFiles(file);
  }

  async close() {
    await this.root.getByRole('button', { name: 'Gegevens sluiten' }).click();
    await expect(this.root).toBeHidden();
  }

  async delete() {
    await this.root.getByRole('button', { name: 'Persoon verwijderen' }).click();
    await expect(this.root).toBeHidden();
  }
}
