import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { holidaysBetween } from '../../../shared/domain/planner/calendar.js';
import { deName } from '../../../shared/domain/text.js';
import { frDay } from '../../../shared/domain/planner/text.js';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel } from '../page-models/app.js';

/** The « Entretiens » tab of a call: settings, constraints, runs and their proposals. */
class PlannerTabModel {
  constructor(private readonly page: Page) {}
  summary = () => this.page.getByTestId('planner-summary');
  count = (what: 'to-hear' | 'placed' | 'to-place' | 'days' | 'conflicts') => this.page.getByTestId(`planner-count-${what}`).locator('strong');
  settings = () => this.page.getByRole('form', { name: 'Réglages des entretiens' });
  proposal = () => this.page.getByTestId('planner-proposal');
  runNotice = () => this.page.getByTestId('planner-run-notice');

  async open() {
    await this.page.getByRole('tab', { name: 'Entretiens', exact: true }).click();
    await expect(this.summary()).toBeVisible();
  }
  async setWindow(from: string, to: string) {
    await this.settings().getByRole('textbox', { name: /^Premier jour possible/ }).fill(from);
    await this.settings().getByRole('textbox', { name: /^Dernier jour possible/ }).fill(to);
  }
  async addBlackout(from: string, to: string, label: string) {
    await this.settings().getByRole('button', { name: 'Ajouter une période exclue' }).click();
    const row = this.settings().getByTestId('planner-blackout').last();
    await row.getByRole('textbox', { name: /^Du/ }).fill(from);
    await row.getByRole('textbox', { name: /^Au/ }).fill(to);
    await row.getByRole('textbox', { name: 'Motif' }).fill(label);
  }
  async saveSettings() {
    await this.settings().getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect(this.page.getByTestId('planner-settings-saved')).toHaveText(/^Réglages enregistrés\./);
  }
  /** Types in a row of « Disponibilités des membres » or « Contraintes des candidats », then saves the row. */
  async setConstraint(kind: 'member' | 'candidate', name: string, field: 'Indisponibilités' | 'Seulement disponible' | 'Préférences', text: string) {
    const row = this.page.getByTestId(`planner-${kind}-row`).filter({ has: this.page.getByRole('rowheader', { name: name }) });
    await row.getByRole('textbox', { name: `${field} — ${name}` }).fill(text);
    await row.getByRole('button', { name: `Enregistrer les ${kind === 'member' ? 'disponibilités' : 'contraintes'} ${deName(name)}` }).click();
    await expect(row.getByRole('status')).toHaveText('Enregistré.');
    // The button is disabled once saved: the focus is on what the row says.
    await expect(row.getByRole('status')).toBeFocused();
  }
  async run(button: 'Calculer le planning' | 'Recalculer en gardant les créneaux') {
    await this.page.getByTestId('planner-run').getByRole('button', { name: button, exact: true }).click();
    await expect(this.proposal()).toBeVisible({ timeout: 60_000 });
  }
  /** The proposal's interviews as shown: candidate, slot (« mardi 02/06/2026, 09:00–09:30, Salle 1 »), jury. */
  async proposedSlots(): Promise<{ candidate: string; slot: string; jury: string }[]> {
    const rows = this.page.getByTestId('planner-diff-added-row');
    const out: { candidate: string; slot: string; jury: string }[] = [];
    for (const row of await rows.all()) {
      const [candidate = '', slot = '', jury = ''] = (await row.locator('td').allTextContents()).map((t) => t.trim());
      out.push({ candidate, slot, jury });
    }
    return out;
  }
  async apply() {
    await this.proposal().getByRole('button', { name: 'Appliquer', exact: true }).click();
    await expect(this.runNotice()).toHaveText(/^Planning appliqué/);
    await expect(this.proposal()).toBeHidden();
  }
}

test('entretiens : régler, saisir des indisponibilités, calculer le planning, l’appliquer puis le recalculer après un empêchement', async ({ page, server }) => {
  test.setTimeout(120_000);
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();

  const tab = new PlannerTabModel(page);
  await tab.open();
  const toHear = Number(await tab.count('to-hear').textContent());
  expect(toHear).toBeGreaterThan(5);
  await expect(tab.count('placed')).toHaveText('0');
  await expect(tab.count('to-place')).toHaveText(String(toHear));
  await snap(page, '70-entretiens-onglet');

  // Settings: June of next year (days already past take no interview), the brevet takes two days; the public
  // holidays of the window are listed as typed; a bad interview length is refused live with the services' message.
  const year = new Date().getFullYear() + 1;
  await tab.setWindow(`01/06/${year}`, `30/06/${year}`);
  const holidays = [...holidaysBetween(`${year}-06-01`, `${year}-06-30`, 'metropole')];
  const holidayList = page.getByTestId('planner-holidays');
  if (holidays.length === 0) await expect(holidayList).toContainText('Aucun jour férié dans la période.');
  for (const [date, name] of holidays) await expect(holidayList).toContainText(`${frDay(date)} — ${name}`);
  await tab.addBlackout(`25/06/${year}`, `26/06/${year}`, 'Brevet');
  const minutes = tab.settings().getByRole('spinbutton', { name: 'Durée d’un entretien (minutes)' });
  await minutes.fill('1');
  await minutes.blur();
  await expect(minutes).toHaveAccessibleDescription(/^Durée d’un entretien : de 5 à 240 minutes\./);
  await minutes.fill('30');
  await tab.saveSettings();
  await expect(tab.settings().getByTestId('planner-blackout').getByRole('textbox', { name: 'Motif' })).toHaveValue('Brevet');

  // The quorum is checked live against the members who sit; a period without its motive is refused at save,
  // the motive drawn in error and focused; the draft stays, said unsaved, and leaving the tab asks first.
  const sitting = await page.getByTestId('planner-member-row').count();
  const quorum = tab.settings().getByRole('spinbutton', { name: /^Quorum/ });
  await quorum.fill(String(sitting + 1));
  await expect(quorum).toHaveAccessibleDescription(new RegExp(`^Le quorum doit être compris entre 1 et ${sitting} \\(membres qui siègent\\)\\.`));
  await quorum.fill('2');
  await tab.settings().getByRole('button', { name: 'Ajouter une période exclue' }).click();
  await tab.settings().getByRole('button', { name: 'Enregistrer les réglages' }).click();
  const motive = tab.settings().getByTestId('planner-blackout').last().getByRole('textbox', { name: 'Motif' });
  await expect(motive).toBeFocused();
  await expect(motive).toHaveAccessibleDescription(/^Indiquez le motif \(brevet, baccalauréat…\)\./);
  await expect(tab.settings().locator('.fr-input-group--error')).toHaveCount(1);
  await expect(page.getByTestId('planner-settings-saved')).toHaveText('Modifications non enregistrées');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('tab', { name: /^Candidatures/ }).click();
  await expect(tab.summary()).toBeVisible();
  await expect(motive).toBeVisible();
  await tab.settings().getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(tab.settings().getByTestId('planner-blackout')).toHaveCount(1);
  await expect(quorum).toHaveValue('3');

  // A member's unavailability, typed as people write it; an entry not understood is said next to the field.
  const granet = page.getByRole('textbox', { name: 'Indisponibilités — Olivier Granet' });
  await granet.fill('mardi matin ; 35/06');
  await expect(granet).toHaveAccessibleDescription(/^« 35\/06 » : /);
  await expect(page.getByRole('button', { name: 'Enregistrer les disponibilités d’Olivier Granet' })).toBeDisabled();
  await tab.setConstraint('member', 'Olivier Granet', 'Indisponibilités', 'mardi matin ; du 08/06 au 10/06');
  await expect(granet).toHaveValue(`du 08/06/${year} au 10/06/${year} ; mardi matin`);
  await snap(page, '71-entretiens-disponibilites');

  // First computation: every candidate to hear is placed, and nothing is stored before « Appliquer ».
  await tab.run('Calculer le planning');
  await expect(page.getByTestId('planner-proposal-placed')).toHaveText(`${toHear} candidats placés sur ${toHear} à entendre : tous sont placés.`);
  await expect(page.getByTestId('planner-proposal-bound')).toContainText('Jours minimum possibles');
  await expect(tab.proposal()).not.toContainText('Le planning a changé depuis ce calcul');
  const proposed = await tab.proposedSlots();
  expect(proposed).toHaveLength(toHear);
  // Never on the brevet, never with Olivier Granet on a Tuesday morning or from 8 to 10 June.
  for (const { slot, jury } of proposed) {
    expect(slot).not.toMatch(new RegExp(`2[56]/06/${year}`));
    if (jury.includes('Olivier Granet')) {
      expect(slot).not.toMatch(/^mardi .*, (0|10:|11:|12:)/);
      expect(slot).not.toMatch(new RegExp(` (0[89]|10)/06/${year}`));
    }
    expect(jury).toContain('Hélène Vasseur');
  }
  await expect(tab.count('placed')).toHaveText('0');
  await snap(page, '72-entretiens-proposition');
  await tab.apply();
  await expect(tab.count('placed')).toHaveText(String(toHear));
  await expect(tab.count('to-place')).toHaveText('0');
  await expect(tab.count('conflicts')).toHaveText('0');

  // With slots stored, a full computation asks first: it may move candidates already convoked.
  await page.getByTestId('planner-run').getByRole('button', { name: 'Calculer le planning', exact: true }).click();
  await expect(page.getByTestId('planner-confirm-plan')).toContainText('Tout recalculer ?');
  await page.getByRole('button', { name: 'Ne rien recalculer' }).click();
  await expect(page.getByTestId('planner-confirm-plan')).toBeHidden();

  // A candidate cannot come on the day they were given: the stored slot is now in conflict.
  const { candidate, slot } = proposed[proposed.length - 1]!;
  const day = /(\d{2}\/\d{2}\/\d{4})/.exec(slot)![1]!;
  await tab.setConstraint('candidate', candidate, 'Indisponibilités', day);
  await expect(tab.count('conflicts')).toHaveText('1');
  await expect(page.locator('#planner-violations')).toContainText(candidate);
  await snap(page, '73-entretiens-conflit');

  // Re-planning keeps every other slot: one moved, the others unchanged, then applied.
  await tab.run('Recalculer en gardant les créneaux');
  await expect(page.getByTestId('planner-diff-summary')).toHaveText(`1 déplacé, 0 ajouté, 0 retiré, 0 jury modifié, ${toHear - 1} inchangés.`);
  const moved = page.getByTestId('planner-diff-moved-row');
  await expect(moved).toHaveCount(1);
  await expect(moved.locator('td').nth(0)).toHaveText(candidate);
  await expect(moved.locator('td').nth(1)).toHaveText(slot);
  await expect(moved.locator('td').nth(2)).not.toContainText(day);
  await snap(page, '74-entretiens-recalcul');
  await tab.apply();
  await expect(tab.count('conflicts')).toHaveText('0');
  await expect(tab.count('placed')).toHaveText(String(toHear));

  // A proposal computed before another change cannot be applied: said in French, with a way to recompute.
  await tab.run('Recalculer en gardant les créneaux');
  await expect(page.getByTestId('planner-diff-summary')).toHaveText(`Aucun changement : les ${toHear} créneaux enregistrés restent tels quels.`);
  await tab.setConstraint('member', 'Samia Belkacem', 'Indisponibilités', `29/06/${year}`);
  await expect(page.getByTestId('planner-proposal-stale')).toContainText('Le planning a changé depuis ce calcul');
  await expect(tab.proposal().getByRole('button', { name: 'Appliquer', exact: true })).toBeDisabled();
  await snap(page, '76-entretiens-proposition-perimee');
  await tab.proposal().getByRole('button', { name: 'Recalculer la proposition' }).click();
  await expect(page.getByTestId('planner-proposal-stale')).toBeHidden();
  await expect(tab.proposal().getByRole('button', { name: 'Appliquer', exact: true })).toBeEnabled();
  await tab.proposal().getByRole('button', { name: 'Abandonner', exact: true }).click();
  await expect(tab.runNotice()).toHaveText('Proposition abandonnée : le planning enregistré reste tel quel.');
});

test('entretiens : contraintes des candidats par classeur, avec le rapport avant l’enregistrement', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  const tab = new PlannerTabModel(page);
  await tab.open();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le modèle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^contraintes-candidats-.*\.xlsx$/);
  // What the secretariat does in Excel: one unavailability, one preference, and one entry nobody can read.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Contraintes')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  const names: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) names.push(`${row.getCell(col('Nom')).text} ${row.getCell(col('Prénom')).text}`);
  });
  expect(names.length).toBeGreaterThan(3);
  ws.getRow(2).getCell(col('Indisponibilités')).value = 'du 01/06/2026 au 05/06/2026 ; mardi matin';
  ws.getRow(3).getCell(col('Préférences')).value = '16/06/2026 matin';
  ws.getRow(4).getCell(col('Indisponibilités')).value = 'le 31 juin';
  const filled = Buffer.from(await wb.xlsx.writeBuffer());

  await page.getByLabel('Classeur des contraintes des candidats (.xlsx ou .csv)').setInputFiles({
    name: 'contraintes-remplies.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  });
  const report = page.getByTestId('planner-import-report');
  await expect(report).toBeVisible();
  const rows = page.getByTestId('planner-import-row');
  await expect(rows.filter({ hasText: names[0]! })).toHaveAttribute('data-status', 'new');
  await expect(rows.filter({ hasText: names[1]! })).toHaveAttribute('data-status', 'new');
  const refused = rows.filter({ hasText: names[2]! });
  await expect(refused).toHaveAttribute('data-status', 'refused');
  await expect(refused).toContainText('Indisponibilités');
  // Nothing is written before the confirmation.
  await expect(page.getByRole('textbox', { name: `Indisponibilités — ${names[0]}` })).toHaveValue('');
  await snap(page, '75-entretiens-import-rapport');

  await page.getByRole('button', { name: 'Enregistrer les 2 lignes acceptées' }).click();
  await expect(page.getByTestId('planner-import-done')).toHaveText('2 lignes enregistrées.');
  await expect(page.getByTestId('planner-import-done')).toBeFocused();
  await expect(page.getByRole('textbox', { name: `Indisponibilités — ${names[0]}` })).toHaveValue('du 01/06/2026 au 05/06/2026 ; mardi matin');
  await expect(page.getByRole('textbox', { name: `Préférences — ${names[1]}` })).toHaveValue('16/06/2026 matin');
  await expect(page.getByRole('textbox', { name: `Indisponibilités — ${names[2]}` })).toHaveValue('');
  await page.getByRole('button', { name: 'Fermer le rapport' }).click();
  await expect(report).toBeHidden();
});
