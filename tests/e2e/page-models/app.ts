import { expect, type Locator, type Page } from '@playwright/test';

export class CallsPageModel {
  constructor(private readonly page: Page) {}
  heading = () => this.page.getByRole('heading', { name: 'Appels à candidature', level: 1 });
  async openDemo() {
    await this.page.getByRole('button', { name: 'Ouvrir la démonstration' }).click();
  }
  async newCall() {
    await this.page.getByRole('button', { name: 'Nouvel appel' }).click();
  }
  callLink(title: string | RegExp): Locator {
    return this.page.getByTestId('calls-table').getByRole('link', { name: title });
  }
}

export class CandidatesTabModel {
  constructor(private readonly page: Page) {}
  rows = () => this.page.getByTestId('candidate-row');
  count = () => this.page.getByTestId('candidates-count');
  async search(text: string) {
    await this.page.getByRole('searchbox', { name: /Rechercher/ }).fill(text);
  }
  async filterFlag(label: string) {
    await this.page.getByLabel('Recevabilité').selectOption({ label });
  }
  async filterDiscipline(label: string) {
    await this.page.getByLabel('Discipline').selectOption({ label });
  }
  async newCandidate() {
    await this.page.getByRole('button', { name: 'Nouvelle candidature' }).click();
  }
  async open(name: string | RegExp) {
    await this.rows().filter({ hasText: name }).first().click();
  }
}

export class CandidateFormModel {
  constructor(private readonly page: Page) {}
  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === 'string' ? false : undefined });
  }
  async fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      await this.page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(value);
    }
  }
  async select(label: string, option: string) {
    await this.page.getByRole('combobox', { name: new RegExp(`^${label}`) }).selectOption({ label: option });
  }
  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  }
  /** The field itself: its error message is its accessible description (aria-describedby). */
  textbox(label: string): Locator {
    return this.page.getByRole('textbox', { name: new RegExp(`^${label}`) });
  }
  async expectLoaded() {
    await expect(this.page.getByRole('form', { name: 'Dossier de candidature' })).toBeVisible();
  }
}
