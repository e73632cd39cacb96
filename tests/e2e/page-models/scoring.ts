import { expect, type Locator, type Page } from '@playwright/test';
import { goToHash } from './app.js';

/** A text as a regular expression, taken literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Accepts the next confirm() of the page (submitting a sheet, declaring a conflict). */
function acceptNextDialog(page: Page): void {
  page.once('dialog', (dialog) => void dialog.accept());
}

/**
 * The « Grilles » tab of a call: a grid per phase (only the chosen phase is visible; the other stays mounted,
 * hidden, so role queries see the visible one only), and the « Réglages de l’évaluation » form.
 */
export class GridsTabModel {
  constructor(private readonly page: Page) {}
  tab = () => this.page.getByTestId('grids-tab');
  /** The grid editor of the visible phase (« Grille d’évaluation : Étude du dossier »). */
  form = () => this.page.getByRole('form', { name: /^Grille d’évaluation : / });
  /** Shown while the phase has no grid: the templates and « Grille vide ». */
  start = () => this.page.locator('[data-testid="grid-start"]:visible');
  /** « Grille enregistrée. » after a save, while nothing is changed. */
  savedNotice = () => this.form().getByText('Grille enregistrée.', { exact: true });
  /** « La grille contient des erreurs… » or the service's message. */
  failure = () => this.form().getByTestId('grid-failure');
  /** « Poids total : 12 ». */
  totalWeight = () => this.form().getByTestId('grid-total-weight');
  /** The warning listing what a change would erase (nothing is saved until a choice is made). */
  impacts = () => this.form().getByTestId('grid-impacts');
  /** One line per impact: its `message`. */
  impactItems = () => this.impacts().getByRole('listitem');

  async open() {
    await this.page.getByRole('tab', { name: 'Grilles' }).click();
    await expect(this.tab()).toBeVisible();
  }
  /** « Étude du dossier » or « Entretien ». */
  async phase(label: string) {
    await this.page.getByRole('group', { name: 'Phase de la grille' }).getByText(label, { exact: true }).click();
    await expect(this.page.getByRole('radio', { name: label, exact: true })).toBeChecked();
  }
  /** A template by its label (« Professeur relais territorial CSTI (lettre de mission) »…): copied into the editor, not saved. */
  async applyTemplate(label: string | RegExp) {
    await this.start().getByRole('button', { name: label }).click();
    await expect(this.form()).toBeVisible();
  }
  async emptyGrid() {
    await this.start().getByRole('button', { name: 'Grille vide' }).click();
  }
  /** A section's fieldset, by its title (« Section 2 : Motivation et disponibilité »). */
  section(label: string): Locator {
    return this.form().getByRole('group', { name: new RegExp(`^Section \\d+ : ${literal(label)}$`) });
  }
  /** A criterion's fieldset, by its label (« Critère 3 : Communication des actions de CSTI »). */
  criterion(label: string): Locator {
    return this.form().getByRole('group', { name: new RegExp(`^Critère \\d+ : ${literal(label)}$`) });
  }
  /** A field of a criterion: « Intitulé du critère », « Poids », « Note minimale », « Note maximale », « Seuil (note minimale) », « Niveau 3 »… */
  criterionField(criterionLabel: string, fieldLabel: string): Locator {
    return this.criterion(criterionLabel).getByLabel(new RegExp(`^${literal(fieldLabel)}`)).first();
  }
  async setCriterionField(criterionLabel: string, fieldLabel: string, value: string) {
    await this.criterionField(criterionLabel, fieldLabel).fill(value);
  }
  /** « Critère exigé » or « Commentaire possible » (the label is drawn over the box: force). */
  async setCriterionOption(criterionLabel: string, option: 'Critère exigé' | 'Commentaire possible', checked: boolean) {
    await this.criterion(criterionLabel).getByRole('checkbox', { name: new RegExp(`^${literal(option)}`) }).setChecked(checked, { force: true });
  }
  async removeCriterion(criterionLabel: string) {
    await this.criterion(criterionLabel).getByRole('button', { name: 'Retirer le critère' }).click();
  }
  async addCriterion(sectionLabel: string) {
    await this.section(sectionLabel).getByRole('button', { name: 'Ajouter un critère' }).click();
  }
  /** The field's error, under it (its accessible description). */
  criterionError(criterionLabel: string): Locator {
    return this.criterion(criterionLabel).locator('.fr-message--error, .fr-error-text');
  }
  async save() {
    await this.form().getByRole('button', { name: 'Enregistrer la grille' }).click();
  }
  async acceptImpacts() {
    await this.impacts().getByRole('button', { name: 'Enregistrer quand même et effacer ces notes' }).click();
  }
  async revertImpacts() {
    await this.impacts().getByRole('button', { name: 'Revenir à la grille enregistrée' }).click();
  }

  // « Réglages de l’évaluation »
  settingsForm = () => this.page.getByRole('form', { name: 'Réglages de l’évaluation' });
  settingsSaved = () => this.settingsForm().getByText('Réglages enregistrés.', { exact: true });
  /** A VISIBILITY_LABELS label: « Après avoir soumis sa propre évaluation », « Toujours », « Jamais avant la délibération ». */
  visibility(label: string): Locator {
    return this.settingsForm().getByRole('radio', { name: label, exact: true });
  }
  async setVisibility(label: string) {
    await this.visibility(label).check({ force: true });
  }
  /** The spread, in points on 20 (0.25 of the scale = « 5 »). */
  disagreementField = () => this.settingsForm().getByLabel(/^Écart signalé comme divergence/);
  async setDisagreementPoints(points: number | string) {
    await this.disagreementField().fill(String(points).replace('.', ','));
  }
  async saveSettings() {
    await this.settingsForm().getByRole('button', { name: 'Enregistrer les réglages' }).click();
  }
}

/** A member's evaluation page (#/appels/:id/candidatures/:cid/evaluation/:phase). */
export class EvaluationSheetModel {
  constructor(private readonly page: Page) {}
  heading = () => this.page.getByRole('heading', { level: 1, name: /^Évaluation de / });
  form = () => this.page.getByRole('form', { name: 'Ma fiche d’évaluation' });
  /** The badge (« Brouillon », « Soumise », « Pas encore commencée ») and « Soumise le … ». */
  status = () => this.page.getByTestId('sheet-status');
  /** « 13,5 / 20 », or « — » when nothing weighing is scored. */
  total = () => this.page.getByTestId('sheet-total');
  /** « Brouillon enregistré. », « Évaluation soumise. » or « Modifications enregistrées. ». */
  savedNotice = () => this.page.getByTestId('sheet-saved');
  failure = () => this.form().getByRole('alert');
  /** « Critère exigé sous son seuil : … ». */
  eliminatedWarning = () => this.page.getByTestId('sheet-eliminated');
  notMemberAlert = () => this.page.getByTestId('sheet-not-member');
  recusedAlert = () => this.page.getByTestId('sheet-recused');
  /** The other members' scores, a row per member (name in the row header, then status, a cell per criterion, total). */
  othersTable = () => this.page.getByRole('table', { name: 'Notes des autres membres' });
  otherRow = (memberName: string | RegExp) => this.page.getByTestId('others-row').filter({ hasText: memberName }).first();
  /** Why the other members' scores are not shown (the service's `othersHiddenReason`). */
  hiddenReason = () => this.page.getByTestId('others-hidden-reason');

  async open(callId: number, candidateId: number, phase: 'dossier' | 'entretien' = 'dossier') {
    await goToHash(this.page, `#/appels/${callId}/candidatures/${candidateId}/evaluation/${phase}`);
    await expect(this.heading()).toBeVisible();
  }
  /** From the candidate's file: « Évaluer le dossier » or « Évaluer l’entretien ». */
  async openFromCandidate(phase: 'dossier' | 'entretien' = 'dossier') {
    await this.page.getByRole('link', { name: phase === 'dossier' ? 'Évaluer le dossier' : 'Évaluer l’entretien' }).click();
    await expect(this.heading()).toBeVisible();
  }
  /** « Étude du dossier » or « Entretien ». */
  async switchPhase(label: string) {
    await this.page.getByRole('navigation', { name: 'Phase de l’évaluation' }).getByRole('link', { name: label, exact: true }).click();
  }
  /** A criterion's fieldset: its name is the criterion's label. */
  criterion(label: string): Locator {
    return this.form().getByRole('group', { name: label, exact: true });
  }
  /** The service's (or the check's) error under a criterion. */
  criterionError(label: string): Locator {
    return this.criterion(label).locator('.fr-message--error');
  }
  /** A radio button (« 3 — Satisfaisant ») for short scales, the « Note (de 0 à 20) » field for long ones. */
  async score(criterionLabel: string, value: number) {
    const group = this.criterion(criterionLabel);
    const radio = group.getByRole('radio', { name: new RegExp(`^${value}( —|$)`) });
    // DSFR draws each radio's circle in its label, and the inputs of a horizontal scale overlap their
    // neighbours' labels: a positional click can land on the wrong one. The element's own click is exact.
    if ((await radio.count()) > 0) {
      await radio.dispatchEvent('click');
      await expect(radio).toBeChecked();
    }
    else await group.getByRole('textbox', { name: /^Note / }).fill(String(value));
  }
  async clearScore(criterionLabel: string) {
    await this.criterion(criterionLabel).getByRole('button', { name: 'Effacer la note' }).click();
  }
  /** The general comment, or with `criterionLabel` the comment on that criterion. */
  async comment(text: string, criterionLabel?: string) {
    const field =
      criterionLabel === undefined
        ? this.form().getByRole('textbox', { name: /^Commentaire général/ })
        : this.criterion(criterionLabel).getByRole('textbox', { name: 'Commentaire sur ce critère' });
    await field.fill(text);
  }
  /** « Enregistrer le brouillon »; on a submitted sheet, « Enregistrer les modifications » (it stays submitted). */
  async saveDraft() {
    await this.form().getByRole('button', { name: /^Enregistrer (le brouillon|les modifications)$/ }).click();
  }
  /** « Soumettre mon évaluation », accepting the confirmation. */
  async submit() {
    acceptNextDialog(this.page);
    await this.form().getByRole('button', { name: 'Soumettre mon évaluation' }).click();
  }
  /** Declares a conflict of interest (CONFLICT_KIND_LABELS: « Même établissement »…), accepting the confirmation. */
  async declareConflict(kind: string, note = '') {
    const form = this.page.getByRole('form', { name: 'Déclarer un lien d’intérêts' });
    await form.getByLabel('Nature du lien').selectOption({ label: kind });
    await form.getByRole('textbox', { name: /^Précisions/ }).fill(note);
    acceptNextDialog(this.page);
    await form.getByRole('button', { name: 'Déclarer un lien d’intérêts' }).click();
  }
}
