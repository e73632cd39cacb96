import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidateFormModel, CandidatesTabModel } from '../page-models/app.js';

test('créer un appel avec deux postes, puis un dossier : e-mail invalide puis corrigé, modifié et relu après redémarrage', async ({ page, server }) => {
  await openApp(page, server.url);
  const calls = new CallsPageModel(page);
  await calls.newCall();

  await page.getByRole('textbox', { name: /^Intitulé \(obligatoire\)/ }).fill('Chargé de mission numérique éducatif — 2027');
  await page.getByRole('textbox', { name: /^Académie/ }).fill('Aix-Marseille');
  await page.getByRole('textbox', { name: /^Date limite de dépôt/ }).fill('31/02/2027');
  await page.getByRole('textbox', { name: /^Début des entretiens/ }).click();
  // A date that does not exist is refused where it was typed, in French.
  await expect(page.getByText('Date limite : Le 31/02/2027 n’existe pas dans le calendrier.')).toBeVisible();
  await page.getByRole('textbox', { name: /^Date limite de dépôt/ }).fill('28/02/2027');
  await page.getByRole('textbox', { name: 'Intitulé du poste 1' }).fill('Chargé de mission');
  await page.getByRole('textbox', { name: 'Réseau ou site du poste 1' }).fill('Bassin de Marseille');
  await page.getByRole('button', { name: 'Ajouter un poste' }).click();
  await page.getByRole('textbox', { name: 'Intitulé du poste 2' }).fill('Chargé de mission');
  await page.getByRole('textbox', { name: 'Réseau ou site du poste 2' }).fill('Bassin d’Avignon');
  await page.getByRole('textbox', { name: 'Places du poste 2' }).fill('2');
  await snap(page, '10-nouvel-appel', { fullPage: false });
  await page.getByRole('button', { name: 'Créer l’appel' }).click();

  await expect(page.getByRole('heading', { name: 'Chargé de mission numérique éducatif — 2027', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Postes' }).click();
  await expect(page.getByRole('row', { name: /Bassin de Marseille.*1/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Bassin d’Avignon.*2/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Candidatures' }).click();
  const tab = new CandidatesTabModel(page);
  await tab.newCandidate();
  const form = new CandidateFormModel(page);
  await form.expectLoaded();
  await form.fill({
    'Nom': 'Lefèvre',
    'Prénom': 'Agathe',
    'Date de naissance': '14/03/1985',
    'Téléphone': '0612345678',
    'Adresse mail académique': 'agathe.lefevre@ac-aix-marseille',
  });
  await form.select('Discipline', 'Technologie');
  await form.select('Statut', 'Titulaire');
  await form.save();
  await expect(form.textbox('Adresse mail académique')).toHaveAccessibleDescription(/n’est pas une adresse mail valide/);
  await expect(page.getByRole('alert')).toContainText('Rien n’a été enregistré');
  // Nothing typed is lost on a validation error.
  await expect(page.getByRole('textbox', { name: /^Nom/ })).toHaveValue('Lefèvre');
  await expect(page.getByRole('textbox', { name: /^Date de naissance/ })).toHaveValue('14/03/1985');
  await snap(page, '11-dossier-erreur-mail', { fullPage: false });

  await page.getByRole('textbox', { name: /^Adresse mail académique/ }).fill('Agathe.Lefevre@AC-AIX-MARSEILLE.FR');
  await expect(form.textbox('Adresse mail académique')).not.toHaveAccessibleDescription(/n’est pas une adresse mail valide/);
  await form.save();
  await expect(tab.count()).toHaveText('1 candidature affichée sur 1');
  await expect(tab.rows().first()).toContainText('LEFÈVRE');

  await tab.open('LEFÈVRE');
  await expect(page.getByRole('textbox', { name: /^Adresse mail académique/ })).toHaveValue('agathe.lefevre@ac-aix-marseille.fr');
  await expect(page.getByRole('textbox', { name: /^Téléphone/ })).toHaveValue('06 12 34 56 78');
  await form.fill({ 'Établissement d’affectation': 'Collège Longchamp', 'Ville d’affectation': 'Marseille' });
  await page.getByRole('combobox', { name: 'Ajouter un vœu' }).selectOption({ label: 'Bassin d’Avignon — Chargé de mission' });
  await form.save();
  await expect(tab.rows().first()).toContainText('Collège Longchamp, Marseille');

  // The data is in the SQLite file, not in the page: it survives a restart of the service.
  await server.stop();
  const restarted = await server.start();
  await openApp(page, restarted);
  await calls.callLink('Chargé de mission numérique éducatif — 2027').click();
  await tab.open('LEFÈVRE');
  await expect(page.getByRole('textbox', { name: /^Établissement d’affectation/ })).toHaveValue('Collège Longchamp');
  await expect(page.getByTestId('wishes')).toContainText('Bassin d’Avignon');
  await snap(page, '12-dossier-relu-apres-redemarrage', { fullPage: false });
});

test('choisir « qui suis-je » sur ce poste', async ({ page, server }) => {
  await openApp(page, server.url);
  await expect(page.getByText('Indiquez qui vous êtes sur ce poste')).toBeVisible();
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Qui suis-je ?' }).click();
  await page.getByRole('combobox', { name: 'Choisir parmi les membres des commissions' }).selectOption({ label: 'Samia Belkacem (Professeur relais territorial CSTI — rentrée 2026)' });
  await expect(page.getByRole('textbox', { name: 'Nom' })).toHaveValue('Samia Belkacem');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Je suis : Samia Belkacem' })).toBeVisible();
  // The journal says who did what: the demo was loaded before anyone was named, the choice is Samia's.
  await expect(page.getByTestId('journal-table')).toContainText('Chargement de la démonstration');
  await snap(page, '13-qui-suis-je');
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Je suis : Samia Belkacem' })).toBeVisible();
});
