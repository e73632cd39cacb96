import { expect, type Download, type Locator, type Page } from '@playwright/test';
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

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What « Préparer la demande » (or « Relancer ») hands over: the workbook and the .eml draft. */
export interface RequestDownloads {
  workbook: Download;
  mail: Download;
}

export interface OpinionImportRow {
  ligne: string;
  identifiant: string;
  candidat: string;
  /** Accepté / Inchangé / Sans avis / Refusé, as written. */
  etat: string;
  /** accepted | unchanged | empty | refused */
  status: string;
  /** The opinion's label, or « — ». */
  avis: string;
  message: string;
}

/** The « Avis IA-IPR » tab of a call (#/appels/:id/avis). */
export class OpinionsTabModel {
  constructor(private readonly page: Page) {}
  root = () => this.page.getByTestId('opinions-tab');
  /** « 14 dossiers recevables : 12 attribués, 8 demandés, 5 avis reçus, 2 en retard ; 1 sans inspecteur, 1 à choisir ». */
  summary = () => this.page.getByTestId('opinions-summary');

  async open(callId?: number) {
    if (callId === undefined) await this.page.getByRole('tab', { name: 'Avis IA-IPR' }).click();
    else await goToHash(this.page, `#/appels/${callId}/avis`);
    await expect(this.summary()).toBeVisible();
  }

  // — Par inspecteur —
  inspectorRows = () => this.page.getByTestId('opinion-inspector-row');
  inspectorRow(name: string | RegExp): Locator {
    return this.inspectorRows().filter({ has: this.page.locator('td').first().filter({ hasText: name }) }).first();
  }
  /** « reçus/demandés », as « 3/5 ». */
  progress = (name: string | RegExp) => this.inspectorRow(name).getByTestId('opinion-inspector-progress');
  /** The overdue count (a red badge when above 0). */
  overdue = (name: string | RegExp) => this.inspectorRow(name).getByTestId('opinion-inspector-overdue');
  toRequest = (name: string | RegExp) => this.inspectorRow(name).getByTestId('opinion-inspector-to-request');
  prepareButton = (name: string | RegExp) => this.inspectorRow(name).getByRole('button', { name: 'Préparer la demande' });
  remindButton = (name: string | RegExp) => this.inspectorRow(name).getByRole('button', { name: 'Relancer' });
  requestForm = () => this.page.getByTestId('opinion-request-form');
  /** « Demande enregistrée : classeur et brouillon de courriel téléchargés. … » */
  requestDone = () => this.page.getByTestId('opinion-request-done');

  /** Opens the inline form, sets the due date (jj/mm/aaaa; default today + 10 days) and waits for both files. */
  async prepareRequest(name: string | RegExp, dueOn?: string, options: { reminder?: boolean } = {}): Promise<RequestDownloads> {
    await (options.reminder ? this.remindButton(name) : this.prepareButton(name)).click();
    const form = this.requestForm();
    if (dueOn !== undefined) await form.getByLabel('Réponse attendue le').fill(dueOn);
    // Both listeners before the click: the two files arrive one right after the other.
    const [workbook, mail] = await Promise.all([
      this.page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().toLowerCase().endsWith('.xlsx') }),
      this.page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().toLowerCase().endsWith('.eml') }),
      form.getByRole('button', { name: /^Enregistrer la (demande|relance) et télécharger les fichiers$/ }).click(),
    ]);
    await expect(this.requestDone()).toBeVisible();
    return { workbook, mail };
  }
  async remind(name: string | RegExp, dueOn?: string): Promise<RequestDownloads> {
    return this.prepareRequest(name, dueOn, { reminder: true });
  }
  /** A request refused by the form or the services: fills and submits, without waiting for files. */
  async submitRequestExpectingError(name: string | RegExp, dueOn: string) {
    await this.prepareButton(name).click();
    await this.requestForm().getByLabel('Réponse attendue le').fill(dueOn);
    await this.requestForm().getByRole('button', { name: /^Enregistrer la (demande|relance)/ }).click();
  }

  // — Dossiers —
  lines = () => this.page.getByTestId('opinion-line');
  line(candidateName: string | RegExp): Locator {
    return this.lines().filter({ has: this.page.locator('td').first().filter({ hasText: candidateName }) }).first();
  }
  /** The opinion cell: an avis badge (`[data-avis]`), « En retard » (`[data-overdue]`), « En attente » or « — ». */
  lineAvis = (candidateName: string | RegExp) => this.line(candidateName).getByTestId('opinion-line-avis');
  /** The row's routing code: auto | choisi | a_choisir | sans_inspecteur. */
  async lineRouting(candidateName: string | RegExp): Promise<string | null> {
    return this.line(candidateName).getAttribute('data-routing');
  }
  linesCount = () => this.page.getByTestId('opinion-lines-count');
  async show(label: 'Tous' | 'Sans inspecteur' | 'À choisir' | 'À demander' | 'En attente' | 'En retard' | 'Reçus') {
    await this.page.getByLabel('Afficher').selectOption({ label });
  }
  /** An inspector by name, or « Inspecteur de la discipline » to go back to the discipline's. */
  async chooseInspector(candidateName: string | RegExp, inspectorName: string) {
    await this.line(candidateName).getByRole('combobox').selectOption({ label: inspectorName });
  }
  async openCandidate(candidateName: string | RegExp) {
    await this.line(candidateName).getByRole('link').click();
  }

  // — Importer un classeur d’avis —
  importSection = () => this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: 'Importer un classeur d’avis' }) });
  importInput = () => this.page.getByLabel('Classeur rempli par l’inspecteur (.xlsx)');
  /** The service's message for a file it refuses (not a workbook, not an opinions workbook…). */
  importError = () => this.importSection().getByRole('alert');
  report = () => this.page.getByTestId('opinion-import-report');
  reportRows = () => this.page.getByTestId('opinion-import-row');
  reportRow = (candidateName: string | RegExp) => this.reportRows().filter({ hasText: candidateName }).first();
  /** « Accepté : 3 », « Inchangé : 0 », « Sans avis : 1 », « Refusé : 1 ». */
  reportCounts = () => this.page.getByTestId('opinion-import-counts');
  /** « Enregistrer les N avis acceptés » (« Enregistrer l’avis accepté » for one); absent when none is accepted. */
  confirmButton = () => this.page.getByRole('button', { name: /^Enregistrer (l’avis accepté|les .+ avis acceptés)$/ });
  /** Shown instead of the button when nothing would be written. */
  nothingToWrite = () => this.page.getByTestId('opinion-import-nothing');
  /** « N avis enregistrés. » */
  importDone = () => this.page.getByTestId('opinion-import-done');

  async importWorkbook(file: FileToSend) {
    const data = typeof file === 'string' ? { name: basename(file), buffer: readFileSync(file) } : file;
    await this.importInput().setInputFiles({ name: data.name, mimeType: XLSX_MIME, buffer: data.buffer });
  }
  async confirm() {
    await this.confirmButton().click();
    await expect(this.importDone()).toBeVisible();
  }
  async readReport(): Promise<OpinionImportRow[]> {
    const rows: OpinionImportRow[] = [];
    for (const row of await this.reportRows().all()) {
      const cells = (await row.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      const [ligne = '', identifiant = '', candidat = '', etat = '', avis = '', message = ''] = cells;
      rows.push({ ligne, identifiant, candidat, etat, status: (await row.getAttribute('data-status')) ?? '', avis, message });
    }
    return rows;
  }
}

/** The « Avis de l’IA-IPR » section of a candidate's file (#avis-ipr). */
export class CandidateOpinionModel {
  constructor(private readonly page: Page) {}
  section = () => this.page.locator('#avis-ipr');
  /** Inspector (or the routing state) and the request with its due date. */
  routing = () => this.section().getByTestId('ipr-routing');
  request = () => this.section().getByTestId('ipr-request');
  recorded = () => this.section().getByTestId('ipr-opinion');
  /** The recorded opinion's badge: `data-avis` holds the code, the text is the label. */
  avis = () => this.recorded().locator('[data-avis]');
  motivation = () => this.section().getByTestId('ipr-opinion-motivation');
  /** « Avis de …, donné le … — enregistré par … le … (classeur | saisie) ». */
  attribution = () => this.section().getByTestId('ipr-opinion-attribution');
  none = () => this.section().getByTestId('ipr-opinion-none');
  /** The entry form (« Saisir l’avis », « Modifier l’avis » or « Effacer l’avis »). */
  form = () => this.section().getByTestId('ipr-opinion-form');
  locked = () => this.section().getByTestId('ipr-opinion-locked');
  done = () => this.section().getByTestId('ipr-opinion-done');
  history = () => this.section().getByTestId('ipr-opinion-history');
  historyRows = () => this.history().locator('tbody tr');
  /** The form's field, whose error message is its accessible description. */
  field = (label: 'Motivation' | 'Donné le' | 'Motif de la modification') => this.form().getByRole('textbox', { name: new RegExp(`^${label}`) });
  failure = () => this.form().getByRole('alert');

  async scrollTo() {
    await this.section().scrollIntoViewIfNeeded();
    await expect(this.section().getByRole('heading', { name: 'Avis de l’IA-IPR' })).toBeVisible();
  }
  async chooseAvis(label: 'Très favorable' | 'Favorable' | 'Réservé' | 'Défavorable') {
    await this.form().getByRole('radio', { name: label, exact: true }).check({ force: true });
  }
  /** Fills what is given; the form must be open (no opinion yet, or after « Modifier l’avis »). */
  async fill(values: { avis?: 'Très favorable' | 'Favorable' | 'Réservé' | 'Défavorable'; motivation?: string; givenOn?: string; reason?: string }) {
    if (values.avis) await this.chooseAvis(values.avis);
    if (values.motivation !== undefined) await this.field('Motivation').fill(values.motivation);
    if (values.givenOn !== undefined) await this.field('Donné le').fill(values.givenOn);
    if (values.reason !== undefined) await this.field('Motif de la modification').fill(values.reason);
  }
  /** « Enregistrer l’avis », « Enregistrer la modification » or « Effacer l’avis », whichever the form shows. */
  async submit() {
    await this.form().getByRole('button', { name: /^(Enregistrer l’avis|Enregistrer la modification|Effacer l’avis)$/ }).click();
  }
  async startEdit() {
    await this.locked().getByRole('button', { name: 'Modifier l’avis' }).click();
  }
  async startClear() {
    await this.locked().getByRole('button', { name: 'Effacer l’avis' }).click();
  }
}
