import { readFileSync } from 'node:fs';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidateFormModel, CandidatesTabModel } from '../page-models/app.js';

// The campaign as it was lived: on 20 May 2026 the files are in and June is ahead.
test.use({ clock: '2026-05-20T08:00:00.000Z' });

test('entretiens : un candidat convoqué se retire, le recalcul ne déplace personne d’autre et rappelle de le prévenir', async ({ page, server }) => {
  test.setTimeout(120_000);
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();

  // Plan the demo CSTI call and apply it.
  await page.getByRole('tab', { name: 'Entretiens', exact: true }).click();
  const toHear = Number(await page.getByTestId('planner-count-to-hear').locator('strong').textContent());
  expect(toHear).toBeGreaterThan(2);
  await page.getByTestId('planner-run').getByRole('button', { name: 'Calculer le planning', exact: true }).click();
  const proposal = page.getByTestId('planner-proposal');
  await expect(proposal).toBeVisible({ timeout: 60_000 });
  await proposal.getByRole('button', { name: 'Appliquer', exact: true }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByTestId('planner-count-placed').locator('strong')).toHaveText(String(toHear));

  // Convoke the first candidate: the e-mail draft carries the invitation.
  const card = page.getByTestId('planning-slot').first();
  const leaving = (await card.getAttribute('data-candidate'))!;
  const announced = { date: (await card.getAttribute('data-date'))!, start: (await card.getAttribute('data-start'))! };
  await card.getByRole('button', { name: `Actions : ${leaving}` }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('planning-panel').getByRole('button', { name: `Préparer le courriel de convocation (.eml) pour ${leaving}` }).click()]);
  expect(download.suggestedFilename()).toMatch(/^convocation-.+\.eml$/);
  const eml = readFileSync((await download.path())!, 'utf8');
  expect(eml).toMatch(/^X-Unsent: 1$/m);
  expect(eml).toMatch(/Content-Type: text\/calendar/);

  // The candidate withdraws: their file says so.
  await page.getByRole('tab', { name: /^Candidatures/ }).click();
  const candidates = new CandidatesTabModel(page);
  await candidates.search(leaving.split(' ')[0]!);
  await candidates.open(leaving.split(' ')[0]!);
  const form = new CandidateFormModel(page);
  await form.expectLoaded();
  await form.select('État de la candidature', 'Retirée par le candidat');
  await form.save();
  // Saved, the call's table is shown again.
  await expect(page.getByText(/^Le dossier de .+ est enregistré\.$/)).toBeVisible();

  // The planning names the slot to take out; the re-plan removes it and moves nobody.
  await page.getByRole('tab', { name: 'Entretiens', exact: true }).click();
  await expect(page.getByTestId('planner-count-conflicts').locator('strong')).toHaveText('1');
  await expect(page.getByText(new RegExp(`${leaving} n’est plus à entendre \\(candidature retirée\\)`)).first()).toBeVisible();
  await page.getByTestId('planner-run').getByRole('button', { name: 'Recalculer en gardant les créneaux', exact: true }).click();
  await expect(proposal).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('planner-diff-summary')).toHaveText(`0 déplacé, 0 ajouté, 1 retiré, 0 jury modifié, ${toHear - 1} inchangés.`);
  const removed = page.getByTestId('planner-diff-removed-row');
  await expect(removed).toHaveCount(1);
  await expect(removed).toContainText(leaving);
  await expect(removed).toContainText('Déjà convoqué(e) : à prévenir');
  await snap(page, '77-entretiens-desistement-recalcul');
  await proposal.getByRole('button', { name: 'Appliquer', exact: true }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByTestId('planner-count-conflicts').locator('strong')).toHaveText('0');

  // Told to call the candidate off, with the slot the convocation announced; ticked once done.
  const callOff = page.getByTestId('planner-call-off');
  await expect(callOff).toContainText(leaving);
  await expect(callOff).toContainText(`${announced.date.slice(8, 10)}/${announced.date.slice(5, 7)}/${announced.date.slice(0, 4)} à ${announced.start}`);
  await callOff.evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
  await snap(page, '78-entretiens-convocation-a-annuler', { fullPage: false });
  await callOff.getByRole('button', { name: `${leaving} a été prévenu(e)` }).click();
  await expect(callOff).toBeHidden();
});
