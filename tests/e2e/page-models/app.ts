import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A file for an input or a drop: a path on disk, or a name and its bytes. */
export type FileToSend = string | { name: string; mimeType?: string; buffer: Buffer };

function fileData(file: FileToSend): { name: string; mimeType: string; base64: string } {
  if (typeof file === 'string') return { name: basename(file), mimeType: 'message/rfc822', base64: readFileSync(file).toString('base64') };
  return { name: file.name, mimeType: file.mimeType ?? 'message/rfc822', base64: file.buffer.toString('base64') };
}

/** Goes to a screen by its address (#/appels/3/courriels), as a bookmark or Back would. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  // (globalThis, not window: these tests are typed without the DOM library.)
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

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
  async filterVerdict(label: 'Toutes' | 'Recevable' | 'Incomplet' | 'Irrecevable') {
    await this.page.getByLabel('Recevabilité').selectOption({ label });
  }
  /** « Tous », or a rule's label: « Date limite », « Libération du lundi », « Pièces du dossier »… */
  async filterReason(label: string) {
    await this.page.getByLabel('Motif').selectOption({ label });
  }
  row(name: string | RegExp): Locator {
    return this.rows().filter({ hasText: name }).first();
  }
  /** The verdict badge of a row: `data-verdict` holds the code, `data-forced` is set when overridden; its text is the label. */
  verdict(name: string | RegExp): Locator {
    return this.row(name).locator('[data-verdict]');
  }
  /** The verdict cell, whose title lists the first reasons (and the override). */
  verdictCell(name: string | RegExp): Locator {
    return this.row(name).getByTestId('candidate-verdict');
  }
  async importMails() {
    await this.page.getByRole('button', { name: 'Importer des courriels' }).click();
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

/** The e-mail import page (#/appels/:id/courriels). */
export class MailIntakeModel {
  constructor(private readonly page: Page) {}
  heading = () => this.page.getByRole('heading', { level: 1, name: /^Importer des courriels de candidature/ });
  dropZone = () => this.page.getByTestId('mail-drop-zone');
  input = () => this.page.getByLabel('Choisir des courriels');
  results = () => this.page.getByRole('table', { name: 'Résultat de l’import' });
  resultRows = () => this.page.getByTestId('mail-result-row');
  /** « 2 / 5 courriels traités », while files are being sent. */
  progress = () => this.page.getByTestId('mail-progress');
  /** « 3 courriels : 2 dossiers créés, 1 complété, 0 refusé », once every file is processed. */
  summary = () => this.page.getByTestId('mail-summary');

  /** From the candidates tab of a call (or, with `callId`, by address). */
  async open(callId?: number) {
    if (callId === undefined) await this.page.getByRole('button', { name: 'Importer des courriels' }).click();
    else await goToHash(this.page, `#/appels/${callId}/courriels`);
    await expect(this.heading()).toBeVisible();
  }
  /** Through the file input, as « Choisir des courriels » does. */
  async choose(files: FileToSend[]) {
    await this.input().setInputFiles(
      files.map((f) => {
        const d = fileData(f);
        return { name: d.name, mimeType: d.mimeType, buffer: Buffer.from(d.base64, 'base64') };
      }),
    );
  }
  /** Dropped on the zone, as from a file manager: dragenter, dragover, drop with a DataTransfer holding the files. */
  async drop(files: FileToSend[]) {
    const data = files.map(fileData);
    const transfer = await this.page.evaluateHandle((items) => {
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        atob(text: string): string;
      };
      const dt = new dom.DataTransfer();
      for (const item of items) {
        const bytes = Uint8Array.from(dom.atob(item.base64), (c) => c.charCodeAt(0));
        dt.items.add(new dom.File([bytes], item.name, { type: item.mimeType }));
      }
      return dt;
    }, data);
    for (const type of ['dragenter', 'dragover', 'drop']) await this.dropZone().dispatchEvent(type, { dataTransfer: transfer });
  }
  async waitUntilDone() {
    await expect(this.summary()).toBeVisible();
  }
  resultRow(fileName: string | RegExp): Locator {
    return this.resultRows().filter({ has: this.page.locator('td').first().filter({ hasText: fileName }) }).first();
  }
  /** The rows as text, one object per file, in drop order (wait for the summary first). */
  async readResults(): Promise<MailResultRow[]> {
    const rows: MailResultRow[] = [];
    for (const row of await this.resultRows().all()) {
      // Text as written (innerText would give the badges' capitals), with a space between elements.
      const cells = await row.locator('td').evaluateAll((tds) =>
        tds.map((td) => {
          type TextNode = { nodeType: number; textContent: string | null; childNodes: ArrayLike<TextNode> };
          const texts: string[] = [];
          const walk = (node: TextNode) => {
            if (node.nodeType === 3) texts.push(node.textContent ?? '');
            else Array.from(node.childNodes).forEach(walk);
          };
          walk(td as TextNode);
          return texts.join(' ').replace(/\s+/g, ' ').trim();
        }),
      );
      const [fichier = '', resultat = '', candidat = '', objet = '', envoyeLe = '', pieces = '', verdict = '', remarques = ''] = cells;
      const state = (await row.getAttribute('data-state')) ?? '';
      const verdictCode = (await row.locator('[data-verdict]').count()) > 0 ? await row.locator('[data-verdict]').getAttribute('data-verdict') : null;
      rows.push({ state, fichier, resultat, candidat, objet, envoyeLe, pieces, verdict, verdictCode, remarques });
    }
    return rows;
  }
  /** Opens the file created or completed by a mail (the link in the « Candidat » column). */
  async openCandidate(fileName: string | RegExp) {
    await this.resultRow(fileName).locator('td').nth(2).getByRole('link').click();
  }
  async backToCandidates() {
    await this.page.getByRole('link', { name: 'Retour aux candidatures' }).click();
  }
}

export interface MailResultRow {
  /** waiting | sending | done | refused */
  state: string;
  fichier: string;
  /** « Dossier créé », « Dossier complété », « Déjà importé Rien n’a été écrit. », or « Refusé » and the message. */
  resultat: string;
  candidat: string;
  objet: string;
  envoyeLe: string;
  pieces: string;
  verdict: string;
  verdictCode: string | null;
  remarques: string;
}

/** The « Règles de recevabilité » tab of a call. */
export class RulesTabModel {
  constructor(private readonly page: Page) {}
  form = () => this.page.getByRole('form', { name: 'Règles de recevabilité' });
  /** A text field or a select, by the start of its label (its hint is part of its accessible name). */
  field(label: string): Locator {
    return this.form().getByLabel(label);
  }
  /** A checkbox by its exact label: « Avis motivé du chef d’établissement » (a document) is not « … obligatoire ». */
  checkbox(label: string): Locator {
    return this.form().getByRole('checkbox', { name: label, exact: true });
  }
  savedNotice = () => this.page.getByText('Règles enregistrées : les verdicts sont recalculés.');
  subjectResult = () => this.page.getByTestId('subject-test-result');

  async open() {
    await this.page.getByRole('tab', { name: 'Règles de recevabilité' }).click();
    await expect(this.form()).toBeVisible();
  }
  /** DSFR draws the label over its checkbox: the click goes through it (force), the state is still checked. */
  async setChecked(label: string, checked: boolean) {
    await this.checkbox(label).setChecked(checked, { force: true });
  }
  async select(label: string, option: string) {
    await this.field(label).selectOption({ label: option });
  }
  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }
  async trySubject(subject: string) {
    await this.field('Essayer un objet').fill(subject);
  }
  /** A plain click: the action bar keeps the focus in the field, so no error appears under the pointer mid-click. */
  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  }
}
