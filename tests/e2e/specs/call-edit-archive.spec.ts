import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel } from '../page-models/app.js';

test('modifier un appel (un poste de plus) puis l’archiver et le retrouver parmi les archivés', async ({ page, server }) => {
  await openApp(page, server.url);
  const calls = new CallsPageModel(page);
  await calls.openDemo();
  await page.getByRole('link', { name: 'Appels à candidature' }).first().click();
  await calls.callLink(/ASTERIE/).click();
  await page.getByRole('button', { name: 'Modifier l’appel' }).click();
  await expect(page.getByRole('textbox', { name: /^Intitulé \(obligatoire\)/ })).toHaveValue(/ASTERIE/);
  await page.getByRole('button', { name: 'Ajouter un poste' }).click();
  await page.getByRole('textbox', { name: 'Intitulé du poste 2' }).fill('Directeur(trice) opérationnel(le) du tiers-lieu éducatif');
  await page.getByRole('textbox', { name: 'Réseau ou site du poste 2' }).fill('BEF de Thionville');
  await snap(page, '14-modifier-appel', { fullPage: false });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Les modifications de l’appel sont enregistrées.')).toBeVisible();
  await page.getByRole('tab', { name: 'Postes' }).click();
  await expect(page.getByRole('row', { name: /BEF de Thionville/ })).toBeVisible();

  await page.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByText('L’appel est archivé : rien n’a été supprimé.')).toBeVisible();
  await page.getByRole('link', { name: 'Appels à candidature' }).first().click();
  await expect(calls.callLink(/ASTERIE/)).toHaveCount(0);
  await page.getByText('Afficher les appels archivés').click();
  await expect(calls.callLink(/ASTERIE/)).toBeVisible();
  await expect(page.getByTestId('calls-table').getByText('Archivé')).toBeVisible();
  await snap(page, '15-appels-archives');
});
