import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidatesTabModel } from '../page-models/app.js';

test('la démonstration s’ouvre et ses candidatures se filtrent et se cherchent', async ({ page, server }) => {
  await openApp(page, server.url);
  const calls = new CallsPageModel(page);
  await expect(calls.heading()).toBeVisible();
  await expect(page.getByText('Aucun appel pour l’instant')).toBeVisible();
  await snap(page, '01-accueil-vide');

  await calls.openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  const tab = new CandidatesTabModel(page);
  await expect(tab.count()).toHaveText('22 candidatures affichées sur 22');
  await snap(page, '02-candidatures-csti');

  await tab.filterReason('Date limite');
  await expect(tab.count()).toHaveText('2 candidatures affichées sur 22');
  await expect(tab.rows()).toHaveCount(2);
  await expect(tab.rows().nth(0)).toContainText('OLIVIER');
  await expect(tab.rows().nth(1)).toContainText('PERRIN');

  await tab.filterReason('Tous');
  await tab.search('briancon');
  // Accent-insensitive: "Briançon" matches.
  await expect(tab.count()).toHaveText('6 candidatures affichées sur 22');
  await tab.filterDiscipline('Physique-chimie');
  await expect(tab.count()).toHaveText('2 candidatures affichées sur 22');
  await snap(page, '03-candidatures-filtrees');

  await tab.open('FABRE');
  await expect(page.getByRole('heading', { name: 'Nicolas FABRE', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Adresse mail académique/ })).toHaveValue('nicolas.fabre@ac-aix-marseille.example');
  await expect(page.getByTestId('wishes')).toContainText('Réseau Les Écrins');
  await snap(page, '04-dossier-candidat', { fullPage: false });

  await page.getByRole('link', { name: 'Professeur relais territorial CSTI — rentrée 2026' }).click();
  await page.getByRole('tab', { name: 'Commission' }).click();
  await expect(page.getByTestId('members-table')).toContainText('Hélène Vasseur (CAST)');
  await expect(page.getByTestId('inspectors-table')).toContainText('Physique-chimie');
  await snap(page, '05-commission');

  await page.getByRole('tab', { name: 'Informations' }).click();
  await expect(page.getByText('du 01/06/2026 au 30/06/2026')).toBeVisible();
  await snap(page, '06-informations');

  await page.getByRole('link', { name: 'Appels à candidature' }).first().click();
  await expect(calls.callLink(/ASTERIE/)).toBeVisible();
  await snap(page, '07-liste-des-appels');
});
