import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidateOpinionModel, OpinionsTabModel } from '../page-models/app.js';

/** What an inspector does in Excel: choose the opinion in the list and motivate it, on some rows. */
async function fillAsInspector(path: string, answers: Record<string, [string, string]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Avis')!;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const answer = answers[`${row.getCell(2).text} ${row.getCell(3).text}`];
    if (!answer) return;
    row.getCell(9).value = answer[0];
    row.getCell(10).value = answer[1];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('demander les avis des IA-IPR, importer un classeur rempli, voir le suivi avancer et l’avis dans le dossier', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  // Recording opinions is signed: the secretariat says who it is first.
  await page.getByRole('button', { name: 'Qui suis-je ?' }).click();
  await page.getByRole('combobox', { name: 'Choisir parmi les membres des commissions' }).selectOption({ label: 'Secrétariat IPR (Professeur relais territorial CSTI — rentrée 2026)' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Je suis : Secrétariat IPR' })).toBeVisible();
  await page.goBack();

  const tab = new OpinionsTabModel(page);
  await tab.open();
  await expect(tab.progress('Bernard Lemaire')).toHaveText('0/0');
  await snap(page, '30-avis-ipr-avant');

  const downloads = await tab.prepareRequest('Bernard Lemaire');
  await expect(tab.requestDone()).toBeVisible();
  const workbookPath = await downloads.workbook.path();
  const mailText = readFileSync(await downloads.mail.path(), 'utf8');
  expect(mailText).toContain('X-Unsent: 1');
  expect(downloads.workbook.suggestedFilename()).toMatch(/^demande-avis-bernard-lemaire-.*\.xlsx$/);

  // The maths files of the demo (admissible): JOUVE Thomas, CHABERT Inès, VIDAL Aurélie, and so on.
  const requested = await tab.lines().filter({ hasText: 'Mathématiques' }).count();
  expect(requested).toBeGreaterThan(1);
  await expect(tab.progress('Bernard Lemaire')).toHaveText(`0/${requested}`);
  await snap(page, '31-avis-ipr-demande');

  const returned = await fillAsInspector(workbookPath, {
    'JOUVE Thomas': ['Très favorable', 'Professeur moteur du club mathématiques, très investi dans la fête de la science.'],
    'CHABERT Inès': ['Réservé', 'Projet intéressant mais encore peu précis pour le réseau.'],
  });
  await tab.importWorkbook({ name: 'avis-lemaire.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: returned });
  await expect(tab.report()).toBeVisible();
  await expect(tab.reportRow('JOUVE Thomas')).toHaveAttribute('data-status', 'accepted');
  await snap(page, '32-avis-ipr-rapport');
  await tab.confirm();
  await expect(tab.importDone()).toBeVisible();
  await expect(tab.progress('Bernard Lemaire')).toHaveText(`2/${requested}`);
  await expect(tab.lineAvis('JOUVE Thomas')).toContainText('Très favorable');
  await snap(page, '33-avis-ipr-apres');

  await tab.openCandidate('JOUVE Thomas');
  const opinion = new CandidateOpinionModel(page);
  await opinion.scrollTo();
  await expect(opinion.avis()).toHaveAttribute('data-avis', 'tres_favorable');
  await expect(opinion.attribution()).toContainText('Bernard Lemaire');
  await expect(opinion.motivation()).toContainText('club mathématiques');
  await snap(page, '34-dossier-avis-ipr', { fullPage: false });
});
