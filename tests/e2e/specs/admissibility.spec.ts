import { join } from 'node:path';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidatesTabModel, MailIntakeModel, RulesTabModel } from '../page-models/app.js';

const MAIL_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'mail');

test('déposer trois courriels, voir les dossiers, leurs pièces et leurs verdicts, forcer un verdict, filtrer les irrecevables', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  // The override is signed: say who is at the keyboard first.
  await page.getByRole('button', { name: 'Qui suis-je ?' }).click();
  await page.getByRole('combobox', { name: 'Choisir parmi les membres des commissions' }).selectOption({ label: 'Secrétariat IPR (Professeur relais territorial CSTI — rentrée 2026)' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Je suis : Secrétariat IPR' })).toBeVisible();
  await page.goBack();

  const tab = new CandidatesTabModel(page);
  await expect(tab.count()).toHaveText('22 candidatures affichées sur 22');
  const mails = new MailIntakeModel(page);
  await mails.open();
  await mails.drop([
    join(MAIL_DIR, 'candidature-pdf-docx.eml'),
    join(MAIL_DIR, 'transfert-en-ligne.eml'),
    join(MAIL_DIR, 'outlook-fuseau-horaire.eml'),
  ]);
  await mails.waitUntilDone();
  await expect(mails.summary()).toHaveText('3 courriels : 3 dossiers créés, 0 complété, 0 refusé');
  const results = await mails.readResults();
  expect(results.map((r) => [r.fichier, r.state, r.candidat])).toEqual([
    ['candidature-pdf-docx.eml', 'done', 'DURAND Camille'],
    ['transfert-en-ligne.eml', 'done', 'BERNARD Hugo'],
    ['outlook-fuseau-horaire.eml', 'done', 'NGUYEN Sarah'],
  ]);
  // Sent 15 May at 23:30 in Paris: on time, as its forwarded twin.
  expect(results[2]!.envoyeLe).toContain('15/05/2026 à 23:30');
  expect(results.map((r) => r.verdictCode)).toEqual(['incomplet', 'incomplet', 'incomplet']);
  await snap(page, '20-import-courriels');

  // A .msg is refused with the way out; the others are not affected.
  await mails.choose([{ name: 'candidature.msg', mimeType: 'application/vnd.ms-outlook', buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]) }]);
  await expect(mails.resultRow('candidature.msg')).toHaveAttribute('data-state', 'refused');
  await expect(mails.resultRow('candidature.msg')).toContainText('enregistrez le message au format .eml');

  // The file created from the Thunderbird mail: its two attachments, its mail, its verdict.
  await mails.openCandidate('candidature-pdf-docx.eml');
  await expect(page.getByRole('heading', { name: 'Camille DURAND', level: 1 })).toBeVisible();
  const documents = page.getByTestId('document-row');
  await expect(documents).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: /^Nature de la pièce .*\.pdf/ })).toHaveValue('annexe2');
  await expect(page.getByTestId('subject-check')).toContainText('Objet conforme au modèle de l’appel');
  await expect(page.getByTestId('admissibility-verdict')).toContainText('Incomplet');
  await page.locator('#recevabilite').scrollIntoViewIfNeeded();
  await snap(page, '21-dossier-recevabilite');

  // The head's opinion says Monday is not freed: the file becomes irrecevable, and the page says why.
  const opinion = page.getByRole('form', { name: 'Avis du chef d’établissement' });
  await opinion.getByRole('radio', { name: 'Favorable', exact: true }).check({ force: true });
  await opinion.getByRole('textbox', { name: /^Motivation de l’avis/ }).fill('Professeure très investie dans le club sciences.');
  await opinion.getByRole('group', { name: 'Lundi libéré à l’emploi du temps' }).getByRole('radio', { name: 'Non', exact: true }).check({ force: true });
  await opinion.getByRole('textbox', { name: /^Signé par/ }).fill('M. Rey, proviseur');
  await opinion.getByRole('textbox', { name: /^Signé le/ }).fill('12/05/2026');
  await opinion.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(page.getByTestId('monday-flag')).toBeVisible();
  await expect(page.getByTestId('reasons-refused')).toContainText('ne confirme pas la libération du lundi');
  await expect(page.getByTestId('admissibility-verdict')).toContainText('Irrecevable');

  // The secretariat overrides it, with a written motivation; author and date are shown.
  const override = page.getByRole('form', { name: 'Forcer le verdict' });
  await override.getByRole('combobox', { name: /^Verdict retenu/ }).selectOption({ label: 'Recevable' });
  await override.getByRole('textbox', { name: /^Motivation de la décision/ }).fill('Le proviseur a confirmé par téléphone la libération du lundi ; courrier rectificatif attendu.');
  await override.getByRole('button', { name: 'Forcer le verdict' }).click();
  await expect(page.getByTestId('admissibility-verdict')).toContainText('Recevable (forcé)');
  await expect(page.getByTestId('override-details')).toContainText('Secrétariat IPR');
  await snap(page, '22-verdict-force');

  // Back to the table: the new files are there, the forced verdict is marked, the filter on « Irrecevable » works.
  await page.getByRole('link', { name: 'Professeur relais territorial CSTI — rentrée 2026' }).click();
  await expect(tab.count()).toHaveText('25 candidatures affichées sur 25');
  await expect(tab.verdict('DURAND Camille')).toHaveAttribute('data-verdict', 'recevable');
  await expect(tab.verdict('DURAND Camille')).toHaveAttribute('data-forced', 'true');
  await tab.filterVerdict('Irrecevable');
  await expect(tab.count()).toHaveText('7 candidatures affichées sur 25');
  await expect(tab.rows().filter({ hasText: 'DURAND Camille' })).toHaveCount(0);
  await expect(tab.rows().filter({ hasText: 'LAMBERT' })).toHaveCount(1);
  await tab.filterReason('Libération du lundi');
  await expect(tab.count()).toHaveText('1 candidature affichée sur 25');
  await snap(page, '23-filtre-irrecevables');
});

test('modifier les règles d’un appel recalcule les verdicts', async ({ page, server }) => {
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  const tab = new CandidatesTabModel(page);
  await tab.filterVerdict('Irrecevable');
  await expect(tab.count()).toHaveText('7 candidatures affichées sur 22');

  const rules = new RulesTabModel(page);
  await rules.open();
  await rules.trySubject('TR: candidature relais territorial du reseau cote bleue - la nerthe - MARTIN Léa');
  await expect(page.getByTestId('subject-test-result')).toContainText('MARTIN');
  await snap(page, '24-regles-appel');
  await rules.setChecked('L’avis doit confirmer que le lundi est libéré', false);
  // A wrong date typed, then « Enregistrer » pressed straight away: the press is not lost, the error is shown, nothing saved.
  await rules.fill('Date limite de réception', '31/02/2026');
  await rules.save();
  await expect(page.getByText('Le 31/02/2026 n’existe pas dans le calendrier.')).toBeVisible();
  await expect(rules.savedNotice()).toHaveCount(0);
  await rules.fill('Date limite de réception', '15/05/2026');
  await rules.save();
  await expect(rules.savedNotice()).toBeVisible();

  await page.getByRole('tab', { name: 'Candidatures' }).click();
  await tab.filterVerdict('Irrecevable');
  // LAMBERT (Monday not freed) is no longer refused.
  await expect(tab.count()).toHaveText('6 candidatures affichées sur 22');
  await expect(tab.rows().filter({ hasText: 'LAMBERT' })).toHaveCount(0);
});
