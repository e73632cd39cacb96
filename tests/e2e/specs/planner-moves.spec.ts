import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deName } from '../../../shared/domain/text.js';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel } from '../page-models/app.js';

/** The planning part of the « Entretiens » tab: calendars, lists, and the manual edits. */
class PlanningModel {
  constructor(private readonly page: Page) {}
  views = () => this.page.getByTestId('planning-views');
  slots = () => this.page.getByTestId('planning-slot');
  slot = (candidate: string) => this.slots().and(this.page.locator(`[data-candidate="${candidate}"]`));
  panel = () => this.page.getByTestId('planning-panel');
  form = () => this.page.getByTestId('planning-move-form');
  check = () => this.form().getByTestId('planning-move-check');
  live = () => this.page.getByTestId('planning-live');
  feedback = () => this.page.getByTestId('planning-feedback');

  async openTab() {
    await this.page.getByRole('tab', { name: 'Entretiens', exact: true }).click();
    await expect(this.page.getByTestId('planner-summary')).toBeVisible();
  }
  async planAndApply() {
    await this.page.getByTestId('planner-run').getByRole('button', { name: 'Calculer le planning', exact: true }).click();
    const proposal = this.page.getByTestId('planner-proposal');
    await expect(proposal).toBeVisible({ timeout: 60_000 });
    await proposal.getByRole('button', { name: 'Appliquer', exact: true }).click();
    await expect(proposal).toBeHidden();
  }
  async show(mode: 'Semaine' | 'Jour' | 'Par membre' | 'Par candidat') {
    await this.views().locator('.fr-segmented').getByText(mode, { exact: true }).click();
  }
  async openActions(candidate: string) {
    await this.slot(candidate).getByRole('button', { name: `Actions : ${candidate}` }).click();
    await expect(this.panel().getByRole('heading', { name: `Entretien ${deName(candidate)}` })).toBeVisible();
  }
  /** Fills « Déplacer… »: `date` ISO, `time` HH:MM, `room` as shown. */
  async choose(where: { date?: string; time?: string; room?: string }) {
    if (where.date) await this.form().getByLabel('Jour', { exact: true }).selectOption(where.date);
    if (where.time) await this.form().getByLabel('Heure', { exact: true }).selectOption(where.time);
    if (where.room) await this.form().getByLabel('Salle', { exact: true }).selectOption({ label: where.room });
  }
  /** The planning at the top of the window, shot as seen (the whole tab would be a very long page). */
  async snap(name: string) {
    await this.views().evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await snap(this.page, name, { fullPage: false });
  }
  async whereIs(card: Locator): Promise<{ date: string; start: string; room: string }> {
    return { date: (await card.getAttribute('data-date'))!, start: (await card.getAttribute('data-start'))!, room: (await card.getAttribute('data-room'))! };
  }
}

// The campaign as it was lived: on 20 May 2026 the files are in and June is ahead (the real clock would find
// June 2026 past, and the planner places nobody on a past day).
test.use({ clock: '2026-05-20T08:00:00.000Z' });

const FR_DAY = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** « mardi 02/06/2026 », as the screens write a day. */
const FR_LONG = (iso: string) => `${['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'][new Date(`${iso}T12:00:00Z`).getUTCDay()]} ${FR_DAY(iso)}`;

test('planning : déplacer un entretien (conflit expliqué puis créneau libre), le verrouiller, préparer sa convocation, voir les listes', async ({ page, server }) => {
  test.setTimeout(120_000);
  await openApp(page, server.url);
  await new CallsPageModel(page).openDemo();
  await expect(page.getByRole('heading', { name: 'Professeur relais territorial CSTI — rentrée 2026', level: 1 })).toBeVisible();
  const planning = new PlanningModel(page);
  await planning.openTab();
  await planning.planAndApply();

  // The week of the first interview day opens; every interview is a card.
  await expect(page.getByTestId('planning-week')).toBeVisible();
  await expect(page.getByTestId('planning-period')).toHaveText('Semaine du lundi 01/06/2026 au vendredi 05/06/2026');
  // The first two interviews in time (cards are laid out by half-day rows, not in time order).
  const cards = await planning.slots().evaluateAll((nodes) =>
    nodes.map((n) => ({ candidate: n.getAttribute('data-candidate')!, date: n.getAttribute('data-date')!, start: n.getAttribute('data-start')!, room: n.getAttribute('data-room')! })),
  );
  cards.sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  const moved = cards[0]!.candidate;
  const other = cards[1]!.candidate;
  const from = cards[0]!;
  const taken = cards[1]!;
  expect(taken.room).toBe(from.room);
  expect(taken.start > from.start).toBe(true);
  await planning.snap('80-planning-semaine');

  // « Déplacer… » onto the time the next interview holds in the same room: explained live, refused without a call.
  await planning.openActions(moved);
  await planning.panel().getByRole('button', { name: `Déplacer l’entretien ${deName(moved)}` }).click();
  await planning.choose({ date: taken.date, time: taken.start, room: taken.room });
  await expect(planning.check()).toContainText('impossible');
  await expect(planning.check()).toContainText(`« ${taken.room} » accueille deux entretiens qui se chevauchent`);
  await planning.form().getByRole('button', { name: 'Déplacer l’entretien' }).click();
  await expect(planning.check()).toHaveRole('alert');
  await expect(planning.slot(moved)).toHaveAttribute('data-start', from.start);
  await expect(planning.slot(other)).toHaveAttribute('data-start', taken.start);
  await planning.form().getByRole('button', { name: 'Annuler' }).click();

  // The day view, by keyboard: pick the card up, aim at the next interview's time, hear why not, cancel.
  await planning.show('Jour');
  await expect(page.getByTestId('planning-period')).toHaveText(`${FR_LONG(from.date)}`);
  await expect(page.getByTestId('planning-jury').filter({ hasText: 'Présidence' }).first()).toContainText('Présidence : Hélène Vasseur');
  const handle = planning.slot(moved).getByRole('button', { name: new RegExp(`^${moved}, `) });
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(planning.live()).toContainText(`Déplacement ${deName(moved)} : flèches pour choisir, Entrée pour poser, Échap pour annuler.`);
  await page.keyboard.press('ArrowDown');
  await expect(planning.live()).toContainText(`${taken.start}`);
  await expect(planning.live()).toContainText('accueille deux entretiens qui se chevauchent');
  await expect(page.locator('.planning-cell--conflict')).toHaveCount(1);
  // Enter there: refused, said once (in the live region, where the move goes on), nothing sent.
  await page.keyboard.press('Enter');
  await expect(planning.live()).toContainText(`Impossible de placer ${moved} ici`);
  await expect(planning.feedback()).toHaveCount(0);
  await planning.snap('81-planning-jour-conflit');
  await page.keyboard.press('Escape');
  await expect(planning.live()).toHaveText(`Déplacement ${deName(moved)} annulé.`);
  await expect(planning.slot(moved).getByRole('button', { name: new RegExp(`^${moved}, `) })).toBeFocused();
  await expect(planning.slot(moved)).toHaveAttribute('data-start', from.start);

  // Drag and drop onto the other interview's cell: explained, nothing sent.
  const busyCell = page.locator(`[data-testid="planning-cell"][data-start="${taken.start}"][data-room="${taken.room}"]`);
  await planning.slot(moved).locator('.planning-card__handle').dragTo(busyCell);
  await expect(planning.feedback()).toContainText('accueille deux entretiens qui se chevauchent');
  await expect(planning.slot(moved)).toHaveAttribute('data-start', from.start);

  // A free, valid time: the last day of the window, the first time the check says possible.
  await planning.openActions(moved);
  await planning.panel().getByRole('button', { name: `Déplacer l’entretien ${deName(moved)}` }).click();
  await planning.choose({ date: '2026-06-30', room: from.room });
  const times = await planning.form().getByLabel('Heure', { exact: true }).locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  let free: string | null = null;
  for (const time of times) {
    await planning.choose({ time });
    if (/: possible/.test((await planning.check().textContent()) ?? '')) {
      free = time;
      break;
    }
  }
  expect(free).not.toBeNull();
  await planning.form().getByRole('button', { name: 'Déplacer l’entretien' }).click();
  await expect(planning.feedback()).toContainText(`Entretien ${deName(moved)} placé : mardi 30/06/2026, ${free}`);
  // The form is gone: the focus is on what the move did.
  await expect(planning.feedback()).toBeFocused();
  await expect(planning.panel()).toContainText(`mardi 30/06/2026, ${free}`);
  await expect(page.getByTestId('planning-period')).toHaveText(`${FR_LONG(from.date)}`);
  await expect(planning.slot(moved)).toHaveCount(0);

  // Locked: a move is refused with the reason.
  await planning.panel().getByRole('button', { name: `Verrouiller le créneau ${deName(moved)}`, exact: true }).click();
  await expect(planning.feedback()).toContainText(`Créneau ${deName(moved)} verrouillé`);
  await expect(planning.panel()).toContainText('verrouillé : un nouveau calcul ne le déplace pas');
  await planning.panel().getByRole('button', { name: `Déplacer l’entretien ${deName(moved)}` }).click();
  await planning.choose({ date: '2026-06-29' });
  await expect(planning.check()).toContainText('Créneau verrouillé : déverrouillez-le pour le déplacer.');
  await planning.form().getByRole('button', { name: 'Annuler' }).click();

  // Its convocation: a Word file (a zip), named after the candidate and the day.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    planning.panel().getByRole('button', { name: `Préparer la convocation (.docx) pour ${moved}`, exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^convocation-.+-2026-06-30\.docx$/);
  expect(readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(planning.panel()).toContainText(/convoqué\(e\) le \d{2}\/\d{2}\/\d{4}/);
  await expect(planning.feedback()).toContainText('La candidature est notée convoquée.');
  // Moving it now would require a new convocation: said before anything moves.
  await planning.panel().getByRole('button', { name: `Déplacer l’entretien ${deName(moved)}` }).click();
  await expect(planning.form().getByTestId('planning-move-convoked')).toHaveText(
    `${moved} a déjà reçu une convocation pour le mardi 30/06/2026 à ${free} : après ce déplacement, il faudra lui en envoyer une nouvelle.`,
  );
  await planning.form().getByRole('button', { name: 'Annuler' }).click();
  await expect(planning.panel().getByRole('button', { name: `Déplacer l’entretien ${deName(moved)}` })).toBeFocused();

  // Another one removed (after confirmation), then placed back from « À placer » by drag and drop.
  await planning.openActions(other);
  await planning.panel().getByRole('button', { name: `Retirer du planning l’entretien ${deName(other)}` }).click();
  await expect(planning.panel().getByRole('button', { name: 'Confirmer le retrait' })).toBeFocused();
  await planning.panel().getByRole('button', { name: 'Confirmer le retrait' }).click();
  await expect(planning.feedback()).toContainText(`Entretien ${deName(other)} retiré du planning`);
  await expect(planning.feedback()).toBeFocused();
  const toPlace = page.getByTestId('planning-unplaced');
  await expect(toPlace.getByRole('heading')).toHaveText('À placer (1)');
  await expect(planning.slot(other)).toHaveCount(0);
  await toPlace.getByRole('button', { name: new RegExp(`^${other}, à placer`) }).dragTo(busyCell);
  await expect(planning.feedback()).toContainText(`Entretien ${deName(other)} placé : ${FR_LONG(taken.date)}, ${taken.start}`);
  await expect(planning.slot(other)).toHaveAttribute('data-start', taken.start);
  await expect(toPlace.getByRole('heading')).toHaveText('À placer (0)');

  // Per member: each sitting member's interviews and their counts.
  await planning.show('Par membre');
  const vasseur = page.getByTestId('planning-member').filter({ has: page.getByRole('heading', { name: /Hélène Vasseur/ }) });
  await expect(vasseur.getByTestId('planning-member-count')).toHaveText(/^\d+ entretiens sur \d+ jours$/);
  await expect(vasseur.getByRole('row', { name: new RegExp(`mardi 30/06/2026 ${free}.*${moved}`) })).toBeVisible();
  await planning.snap('82-planning-par-membre');

  // Per candidate: slot, lock and convocation status of each.
  await planning.show('Par candidat');
  const row = page.getByTestId('planning-candidate-row').and(page.locator(`[data-candidate="${moved}"]`));
  await expect(row).toContainText(`mardi 30/06/2026, ${free}`);
  await expect(row).toContainText('verrouillé');
  await expect(row).toContainText(/convoqué\(e\) le \d{2}\/\d{2}\/\d{4}/);
  await expect(page.getByTestId('planning-candidate-row').and(page.locator(`[data-candidate="${other}"]`))).toContainText('à convoquer');
  // An action's outcome is shown under its row, where the person is, not above the list.
  const last = page.getByTestId('planning-candidate-row').last();
  const lastName = (await last.getAttribute('data-candidate'))!;
  await last.getByRole('button', { name: `Verrouiller le créneau ${deName(lastName)}`, exact: true }).click();
  await expect(planning.feedback()).toContainText(`Créneau ${deName(lastName)} verrouillé`);
  await expect(planning.feedback()).toBeInViewport();
  await planning.snap('83-planning-par-candidat');

  // In the week view, a card dropped on another day's morning takes that morning's first free time.
  await planning.show('Semaine');
  const third = planning.slots().filter({ hasNot: page.locator('.planning-card--locked') }).nth(2);
  const dropped = (await third.getAttribute('data-candidate'))!;
  // Thursday 4 June: no interview there (the plan holds the six on one day, Tuesday 2 June).
  const emptyDay = '2026-06-04';
  await third.locator('.planning-card__handle').dragTo(page.locator(`[data-testid="planning-half"][data-date="${emptyDay}"][data-half="am"]`));
  await expect(planning.feedback()).toContainText(`Entretien ${deName(dropped)} placé : ${FR_LONG(emptyDay)}, 09:00–09:30`);
  await expect(planning.slot(dropped)).toHaveAttribute('data-date', emptyDay);

  // A room still holding interviews: its removal asks first, saying how many and when; removed anyway, it stays
  // named in error (the services refuse such settings) until it is restored.
  const settings = page.getByRole('form', { name: 'Réglages des entretiens' });
  await settings.getByRole('button', { name: 'Ajouter une salle' }).click();
  await settings.getByRole('button', { name: `Retirer la salle ${from.room}` }).click();
  const confirm = settings.getByTestId('planner-room-confirm');
  await expect(confirm).toContainText(new RegExp(`La salle « ${from.room} » accueille \\d+ entretiens \\(.*2026\\)`));
  await confirm.getByRole('button', { name: 'Retirer quand même' }).click();
  const removed = settings.getByTestId('planner-room-removed');
  await expect(removed).toContainText('déplacez-les dans une autre salle avant d’enregistrer, ou rétablissez-la');
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(settings.getByRole('alert')).toContainText('Une salle retirée accueille encore des entretiens');
  await expect(removed.getByRole('button', { name: `Rétablir la salle « ${from.room} »` })).toBeFocused();
  await removed.getByRole('button', { name: `Rétablir la salle « ${from.room} »` }).click();
  await expect(removed).toHaveCount(0);
  await settings.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(settings.getByTestId('planner-room')).toHaveCount(1);
});
