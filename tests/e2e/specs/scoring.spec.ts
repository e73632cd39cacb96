import type { Page } from '@playwright/test';
import { GRID_TEMPLATES } from '../../../shared/domain/scoring-templates.js';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidatesTabModel, goToHash } from '../page-models/app.js';
import { EvaluationsTabModel } from '../page-models/evaluations.js';
import { EvaluationSheetModel } from '../page-models/scoring.js';

const CALL = 'Professeur relais territorial CSTI — rentrée 2026';
const CRITERIA = GRID_TEMPLATES.find((t) => t.key === 'csti')!.sections('dossier').flatMap((s) => s.criteria.map((c) => c.label));

async function iAm(page: Page, member: string) {
  await page.getByRole('button', { name: /^(Qui suis-je \?|Je suis : .*)$/ }).click();
  await page.getByRole('combobox', { name: 'Choisir parmi les membres des commissions' }).selectOption({ label: `${member} (${CALL})` });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: `Je suis : ${member}` })).toBeVisible();
}

/** Opens the candidate's file from the table, then its dossier evaluation. */
async function evaluate(page: Page, nom: string): Promise<EvaluationSheetModel> {
  await goToHash(page, '#/appels');
  await page.getByRole('link', { name: CALL }).click();
  await new CandidatesTabModel(page).open(nom);
  const sheet = new EvaluationSheetModel(page);
  await sheet.openFromCandidate('dossier');
  return sheet;
}

async function scoreAll(sheet: EvaluationSheetModel, value: number) {
  for (const label of CRITERIA) await sheet.score(label, value);
}

test('deux membres évaluent deux candidats : notes masquées avant soumission, lien d’intérêts, vue consolidée', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: CALL, level: 1 })).toBeVisible();

  // Samia Belkacem scores ARNAUD and BLANC and submits.
  await iAm(page, 'Samia Belkacem');
  for (const [nom, value] of [['ARNAUD', 3], ['BLANC', 2]] as const) {
    const sheet = await evaluate(page, nom);
    await scoreAll(sheet, value);
    await sheet.submit();
    await expect(sheet.status()).toContainText('Soumise');
  }

  // Olivier Granet: before submitting his own, the others' scores are hidden.
  await iAm(page, 'Olivier Granet');
  const sheet = await evaluate(page, 'ARNAUD');
  await expect(sheet.hiddenReason()).toHaveText('Les notes des autres membres s’affichent quand vous avez soumis votre propre évaluation.');
  await scoreAll(sheet, 4);
  await expect(sheet.total()).toContainText('20');
  await sheet.saveDraft();
  await expect(sheet.hiddenReason()).toBeVisible();
  await snap(page, '40-evaluation-brouillon');
  await sheet.submit();
  await expect(sheet.othersTable()).toBeVisible();
  await expect(sheet.otherRow('Samia Belkacem')).toBeVisible();
  await snap(page, '41-evaluation-soumise');

  const blanc = await evaluate(page, 'BLANC');
  await scoreAll(blanc, 4);
  await blanc.submit();

  // Samia Belkacem teaches at the Collège Les Garcins, like CHABERT: she declares the link and is recused.
  await iAm(page, 'Samia Belkacem');
  const chabert = await evaluate(page, 'CHABERT');
  await chabert.declareConflict('Même établissement', 'Collègue au collège Les Garcins.');
  await expect(chabert.recusedAlert()).toBeVisible();

  // The commission view: ARNAUD (3 and 4 on every criterion: 15 and 20) has a mean of 17,5; both sheets in.
  await goToHash(page, '#/appels');
  await page.getByRole('link', { name: CALL }).click();
  const view = new EvaluationsTabModel(page);
  await view.open();
  await expect(view.mean('ARNAUD')).toHaveText('17,5');
  await expect(view.mean('BLANC')).toHaveText('15,0');
  await expect(view.row('BLANC')).toHaveAttribute('data-disagreement', 'true');
  await expect(view.conflictRow('Samia Belkacem', 'CHABERT')).toBeVisible();
  await snap(page, '42-evaluations-commission');

  // The grid the demo call came with (the seed's mission letter), as the presidency sees it.
  await page.getByRole('tab', { name: 'Grilles' }).click();
  await expect(page.getByTestId('grids-tab')).toBeVisible();
  await expect(page.getByText('Prise de contact avec les acteurs institutionnels du réseau').first()).toBeAttached();
  await snap(page, '43-grilles', { fullPage: false });
});
