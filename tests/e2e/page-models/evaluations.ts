import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { goToHash, type FileToSend } from './app.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type PhaseLabel = 'Étude du dossier' | 'Entretien';
export type MergeChoice = 'fichier' | 'application';
export type SortColumn = 'Candidat' | 'Moyenne' | 'Médiane' | 'Écart' | 'Rang brut' | 'Rang normalisé (z-score)';

const CHOICE_LABELS: Record<MergeChoice, string> = {
  fichier: 'Garder la note du fichier',
  application: 'Garder la note de l’application',
};

/** One line of the merge report of a filled scoring workbook, as written. */
export interface ScoreImportLine {
  ligne: string;
  candidat: string;
  critere: string;
  /** Nouveau / Identique / Modifié / Conflit / Refusé, as written. */
  etat: string;
  /** nouveau | identique | modifie | conflit | refuse */
  state: string;
  valeurFichier: string;
  valeurEnregistree: string;
  message: string;
  /** « <candidateId>:<criterionKey> » on conflicts, else null. */
  conflictKey: string | null;
}

/** The « Évaluations » tab of a call (#/appels/:id/evaluations): commission table, calibration, conflicts, workbooks. */
export class EvaluationsTabModel {
  constructor(private readonly page: Page) {}
  root = () => this.page.getByTestId('evaluations-tab');
  /** « 4 candidats · 3 membres · 10 fiches soumises sur 12 attendues · 1 divergence · 0 éliminé ». */
  summary = () => this.page.getByTestId('evaluations-summary');

  async open(callId?: number) {
    if (callId === undefined) await this.page.getByRole('tab', { name: 'Évaluations', exact: true }).click();
    else await goToHash(this.page, `#/appels/${callId}/evaluations`);
    await expect(this.summary()).toBeVisible();
  }
  /** Switches the phase shown (« Étude du dossier » by default) and waits for its figures. */
  async phase(label: PhaseLabel) {
    await this.page.getByRole('group', { name: 'Phase' }).getByRole('radio', { name: label, exact: true }).check({ force: true });
    await expect(this.summary()).toBeVisible();
  }

  // — Tableau de la commission —
  table = () => this.page.getByTestId('evaluations-table');
  rows = () => this.page.getByTestId('evaluation-row');
  /** A candidate's row, by « Nom Prénom » (or part of it) in the first cell; `data-candidate-id` holds the id. */
  row(name: string | RegExp): Locator {
    return this.rows().filter({ has: this.page.getByTestId('evaluation-candidate').filter({ hasText: name }) }).first();
  }
  /** « 12,5 » (one decimal) or « — ». */
  mean = (name: string | RegExp) => this.row(name).getByTestId('evaluation-mean');
  median = (name: string | RegExp) => this.row(name).getByTestId('evaluation-median');
  /** « 10,0–15,5 » or « — ». */
  range = (name: string | RegExp) => this.row(name).getByTestId('evaluation-range');
  spread = (name: string | RegExp) => this.row(name).getByTestId('evaluation-spread');
  /** « 3/4 »: members who submitted / members expected (recused ones are not expected). */
  completeness = (name: string | RegExp) => this.row(name).getByTestId('evaluation-completeness');
  /** « Manque : A, B » (absent when nobody is missing). */
  missing = (name: string | RegExp) => this.row(name).getByTestId('evaluation-missing');
  /** The recused members' names, or « — ». */
  recused = (name: string | RegExp) => this.row(name).getByTestId('evaluation-recused');
  /** The « Divergence » badge (absent without disagreement); the row also has `data-disagreement`. */
  disagreement = (name: string | RegExp) => this.row(name).getByTestId('evaluation-disagreement');
  /** « Éliminé : <labels> » (absent when no « exigé » criterion is failed); the row also has `data-eliminated`. */
  eliminated = (name: string | RegExp) => this.row(name).getByTestId('evaluation-eliminated');
  /** « Rang brut »: « 1 », « 2 »… or « — ». */
  rank = (name: string | RegExp) => this.row(name).getByTestId('evaluation-rank');
  /** « Rang normalisé (z-score) », its own column beside the raw one. */
  normalizedRank = (name: string | RegExp) => this.row(name).getByTestId('evaluation-normalized-rank');
  /** True when the service hides the figures from « me » (not submitted yet): the cells then read « Masquée ». */
  async isHidden(name: string | RegExp): Promise<boolean> {
    return (await this.row(name).getAttribute('data-hidden')) === 'true';
  }
  /** The link to the candidate's evaluation page for the phase shown. */
  candidateLink = (name: string | RegExp) => this.row(name).getByTestId('evaluation-candidate');

  /** Clicks a sortable header (once: first direction is the best first; twice: reversed). */
  async sortBy(column: SortColumn) {
    await this.table().getByRole('columnheader', { name: new RegExp(`^${column.replace(/[()]/g, '\\$&')}`) }).getByRole('button').click();
  }
  /** The candidates' names in the order shown. */
  async order(): Promise<string[]> {
    return (await this.page.getByTestId('evaluation-candidate').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
  /** Opens (or closes) a candidate's detail: each member's total and « exigé » failures, and the visible sheets. */
  async expand(name: string | RegExp) {
    await this.row(name).getByRole('button', { name: /^Détail/ }).click();
  }
  /** The detail row of a candidate, once expanded. */
  async detail(name: string | RegExp): Promise<Locator> {
    const id = await this.row(name).getAttribute('data-candidate-id');
    return this.page.locator(`[data-testid="evaluation-detail"][data-candidate-id="${id}"]`);
  }
  /** A member's line in an expanded detail; its `evaluation-detail-total` cell holds the total on 20. */
  async detailMember(name: string | RegExp, memberName: string | RegExp): Promise<Locator> {
    return (await this.detail(name)).getByTestId('evaluation-detail-member').filter({ hasText: memberName }).first();
  }
  async openCandidate(name: string | RegExp) {
    await this.candidateLink(name).click();
  }

  // — Étalonnage des membres —
  calibration = () => this.page.getByTestId('calibration');
  /** The SVG (role img): its accessible name summarises every member's mean and standard deviation. */
  calibrationPlot = () => this.calibration().getByRole('img');
  calibrationRow = (memberName: string | RegExp) => this.page.getByTestId('calibration-row').filter({ hasText: memberName }).first();
  calibrationMean = (memberName: string | RegExp) => this.calibrationRow(memberName).getByTestId('calibration-mean');
  calibrationSd = (memberName: string | RegExp) => this.calibrationRow(memberName).getByTestId('calibration-sd');

  // — Liens d’intérêts —
  conflicts = () => this.page.getByTestId('conflicts');
  /** Declared conflicts: `data-candidate-id`, `data-member-id`, `data-kind`; cells Membre, Candidat, Nature, Note, Déclaré par. */
  conflictRows = () => this.page.getByTestId('conflict-row');
  conflictRow(memberName: string | RegExp, candidateName: string | RegExp): Locator {
    return this.conflictRows().filter({ hasText: memberName }).filter({ hasText: candidateName }).first();
  }
  /** « Proposés par l’application ». */
  suggestions = () => this.page.getByTestId('conflict-suggestion');
  suggestion(memberName: string | RegExp, candidateName: string | RegExp): Locator {
    return this.suggestions().filter({ hasText: memberName }).filter({ hasText: candidateName }).first();
  }
  async declareSuggestion(memberName: string | RegExp, candidateName: string | RegExp) {
    await this.suggestion(memberName, candidateName).getByRole('button', { name: /^Déclarer/ }).click();
  }
  /** Through the « Déclarer un lien d’intérêts » form. */
  async declareConflict(values: { member: string; candidate: string; kind?: string; note?: string }) {
    const form = this.page.getByTestId('conflict-form');
    await form.getByLabel('Membre').selectOption({ label: values.member });
    await form.getByLabel('Candidat').selectOption({ label: values.candidate });
    if (values.kind) await form.getByLabel('Nature du lien').selectOption({ label: values.kind });
    if (values.note !== undefined) await form.getByLabel(/^Précision/).fill(values.note);
    await form.getByRole('button', { name: 'Déclarer le lien d’intérêts' }).click();
  }
  /** « Retirer », accepting the confirmation. */
  async removeConflict(memberName: string | RegExp, candidateName: string | RegExp) {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.conflictRow(memberName, candidateName).getByRole('button', { name: /^Retirer/ }).click();
  }

  // — Plusieurs postes —
  exportSection = () => this.page.getByTestId('scores-export');
  /** Chooses the member and waits for their workbook (the phase shown). */
  async exportFor(memberName: string): Promise<Download> {
    await this.exportSection().getByLabel(/^Membre dont exporter le classeur/).selectOption({ label: memberName });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportSection().getByRole('button', { name: 'Exporter le classeur', exact: true }).click(),
    ]);
    return download;
  }

  importSection = () => this.page.getByTestId('scores-import');
  importInput = () => this.page.getByLabel('Classeur d’évaluation rempli (.xlsx)');
  /** The service's message for a file it refuses (not a workbook, another call…). */
  importError = () => this.importSection().getByRole('alert');
  report = () => this.page.getByTestId('scores-import-report');
  /** « Nouveau : 3 », « Identique : 0 », « Modifié : 1 », « Conflit : 1 », « Refusé : 0 ». */
  reportCounts = () => this.page.getByTestId('scores-import-counts');
  reportLines = () => this.page.getByTestId('scores-import-line');
  /** The line of a conflict, by its key (« <candidateId>:<criterionKey> »). */
  conflictLine = (conflictKey: string) => this.page.locator(`[data-testid="scores-import-line"][data-conflict-key="${conflictKey}"]`);
  /** « Enregistrer »: disabled while a conflict has no choice; absent when nothing would be written. */
  confirmButton = () => this.importSection().getByRole('button', { name: 'Enregistrer', exact: true });
  /** Shown instead of the button when nothing would be written. */
  nothingToWrite = () => this.page.getByTestId('scores-import-nothing');
  /** « Classeur de … (Étude du dossier) enregistré : 3 notes nouvelles, … ». */
  importDone = () => this.page.getByTestId('scores-import-done');

  async importWorkbook(file: FileToSend) {
    const data = typeof file === 'string' ? { name: basename(file), buffer: readFileSync(file) } : file;
    await this.importInput().setInputFiles({ name: data.name, mimeType: XLSX_MIME, buffer: data.buffer });
  }
  /** Settles a conflict, by its key or by its report line. */
  async chooseConflict(line: string | Locator, choice: MergeChoice) {
    const row = typeof line === 'string' ? this.conflictLine(line) : line;
    await row.getByRole('radio', { name: CHOICE_LABELS[choice], exact: true }).check({ force: true });
  }
  /** Settles every conflict of the report the same way. */
  async chooseAllConflicts(choice: MergeChoice) {
    for (const row of await this.page.locator('[data-testid="scores-import-line"][data-state="conflit"]').all()) await this.chooseConflict(row, choice);
  }
  async confirm() {
    await this.confirmButton().click();
    await expect(this.importDone()).toBeVisible();
  }
  async readReport(): Promise<ScoreImportLine[]> {
    const lines: ScoreImportLine[] = [];
    for (const row of await this.reportLines().all()) {
      const cells = (await row.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      const [ligne = '', candidat = '', critere = '', etat = '', valeurFichier = '', valeurEnregistree = '', message = ''] = cells;
      lines.push({
        ligne,
        candidat,
        critere,
        etat,
        state: (await row.getAttribute('data-state')) ?? '',
        valeurFichier,
        valeurEnregistree,
        message,
        conflictKey: await row.getAttribute('data-conflict-key'),
      });
    }
    return lines;
  }
}
