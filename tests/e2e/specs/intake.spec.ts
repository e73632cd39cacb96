import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidatesTabModel } from '../page-models/app.js';

/** A workbook as secretariats keep them: a title above the header, merged cells, loose spellings. */
async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Brouillon du secrétariat, ne pas importer']);
  const ws = wb.addWorksheet('Candidatures reçues');
  ws.addRow(['Relais territoriaux CSTI — candidatures reçues au 16/05/2026']);
  ws.mergeCells('A1:H1');
  ws.addRow([]);
  ws.addRow(['NOM de famille', 'Prénom ', 'DN', 'Discipline', 'Mél', 'Tél.', 'Réseau', 'Reçu le']);
  ws.addRow(['Lemoine', 'Clara', '12/04/1986', 'SVT', 'CLARA.LEMOINE@AC-AIX-MARSEILLE.FR', 612345678, 'Les Écrins', new Date(Date.UTC(2026, 4, 10))]);
  ws.addRow(['Benali', 'Yacine', '3/9/84', 'Physique chimie', 'yacine.benali@ac-aix-marseille.fr', '06.98.76.54.32', 'COTE BLEUE - LA NERTHE', '11/05/2026']);
  ws.addRow(['Moreau', 'Julie', '31/02/1980', 'maths', 'julie.moreau@ac-aix-marseille', '0611223344', 'Les Écrins', '12/05/2026']);
  ws.addRow([]);
  ws.addRow(['  Caron ', 'Paul', '05/07/1979', 'Technologie', 'paul.caron@ac-aix-marseille.fr', '+33 6 55 44 33 22', 'Les Écrins ; Côte Bleue – La Nerthe', 46157]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('importer un classeur désordonné, corriger une correspondance, lire le rapport, confirmer, puis exporter', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Importer un tableur' }).click();
  await page.getByLabel('Fichier à importer').setInputFiles({
    name: 'candidatures-secretariat.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyWorkbook(),
  });

  // The sheet with a header is chosen, the header is found under the title.
  await expect(page.getByText('en-têtes lus en ligne 3')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Feuille à importer' })).toHaveValue('1');
  const totals = page.getByTestId('intake-totals');
  await expect(page.getByRole('combobox', { name: 'Champ pour la colonne « NOM de famille »' })).toHaveValue('nom');
  await expect(page.getByRole('combobox', { name: 'Champ pour la colonne « Mél »' })).toHaveValue('email');

  // "DN" (date de naissance) is not a header the app knows: the person maps it, and the report follows.
  const problems = page.getByTestId('intake-problems');
  await expect(problems.getByRole('row', { name: /6 Mél .*n’est pas une adresse mail valide/ })).toBeVisible();
  await expect(problems.getByText('31/02/1980')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Champ pour la colonne « DN »' }).selectOption({ label: 'Date de naissance' });
  await expect(totals).toContainText('3 nouvelles');
  await expect(totals).toContainText('1 refusée');
  await expect(problems.getByRole('row', { name: /6 DN .*31\/02\/1980 n’existe pas/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /6 Mél .*n’est pas une adresse mail valide/ })).toBeVisible();
  await snap(page, '20-import-rapport');

  await page.getByRole('button', { name: /^Importer 3 nouvelles candidatures/ }).click();
  await expect(page.getByText('Import terminé : 3 candidatures créées, 0 mise à jour, 0 inchangée, 1 ligne refusée.')).toBeVisible();
  const tab = new CandidatesTabModel(page);
  await expect(tab.count()).toHaveText('25 candidatures affichées sur 25');
  await tab.search('lemoine');
  await expect(tab.rows()).toHaveCount(1);
  await expect(tab.rows().first()).toContainText('Sciences de la vie et de la Terre');
  await snap(page, '21-apres-import');

  // Export of the current selection, read back by an independent reader (exceljs here; LibreOffice in the integration tests).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter la sélection (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^candidatures-professeur-relais-territorial-csti-rentree-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const sheet = wb.getWorksheet('Candidatures')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Nom');
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe('LEMOINE');
  expect(wb.getWorksheet('Métadonnées')).toBeDefined();
});

test('un fichier qui n’est pas un classeur reçoit un message clair, et rien n’est écrit', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Importer un tableur' }).click();
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'liste.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 ceci n’est pas un classeur') });
  await expect(page.getByRole('alert')).toContainText('liste.xlsx');
  await snap(page, '22-import-fichier-endommage');
  await page.getByRole('link', { name: 'Professeur relais territorial CSTI — rentrée 2026' }).click();
  await expect(new CandidatesTabModel(page).count()).toHaveText('22 candidatures affichées sur 22');
});
