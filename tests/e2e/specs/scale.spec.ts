import { checkCandidateDraft, emptyDraft } from '../../../shared/domain/candidate.js';
import { checkCallDraft, emptyCallDraft } from '../../../shared/domain/call.js';
import { insertCall, getCall } from '../../../electron/services/db/calls-repo.js';
import { insertCandidate } from '../../../electron/services/db/candidates-repo.js';
import { openDatabase } from '../../../electron/services/db/open.js';
import { join } from 'node:path';
import { expect, openApp, snap, test } from '../fixtures.js';
import { CallsPageModel, CandidatesTabModel } from '../page-models/app.js';

const TOWNS = ['Marseille', 'Aix-en-Provence', 'Avignon', 'Gap', 'Briançon', 'Martigues', 'Arles', 'Digne-les-Bains'];
const DISCIPLINES = ['mathematiques', 'physique-chimie', 'svt', 'technologie'];

/** Writes 10,000 valid files straight into the server's SQLite file (WAL allows a second writer). */
function seed(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'commission.sqlite'));
  try {
    db.transaction(() => {
      const call = checkCallDraft({ ...emptyCallDraft(), title: 'Appel à grande échelle', posts: [{ label: 'Mission', site: 'Académie', places: '5' }] });
      if (!call.ok) throw new Error('appel invalide');
      const callId = insertCall(db, call.value, new Date().toISOString());
      const postIds = getCall(db, callId).posts.map((p) => p.id);
      for (let i = 0; i < 10_000; i++) {
        const draft = {
          ...emptyDraft(),
          nom: `Candidat${String(i).padStart(5, '0')}`,
          prenom: i === 7777 ? 'Zéphyrine' : 'Alex',
          discipline: DISCIPLINES[i % DISCIPLINES.length]!,
          ville: TOWNS[i % TOWNS.length]!,
          etablissement: `Collège n° ${i % 300}`,
          email: `candidat${i}@ac-test.example`,
          receivedOn: '10/05/2026',
          wishes: [postIds[0]!],
        };
        const checked = checkCandidateDraft(draft, { today: '2026-11-01', postIds });
        if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
        insertCandidate(db, callId, checked.value, new Date().toISOString());
      }
    })();
  } finally {
    db.close();
  }
}

test('10 000 candidatures : le tableau ne rend que les lignes visibles et la recherche reste immédiate', async ({ page, server }) => {
  seed(server.dataDir);
  await openApp(page, server.url);
  await new CallsPageModel(page).callLink('Appel à grande échelle').click();
  const tab = new CandidatesTabModel(page);
  await expect(tab.count()).toHaveText('10 000 candidatures affichées sur 10 000');
  // Virtualised: a screenful of rows in the DOM, not ten thousand.
  expect(await tab.rows().count()).toBeLessThan(60);
  await snap(page, '08-dix-mille-candidatures');

  await tab.search('zephyrine');
  await expect(tab.count()).toHaveText('1 candidature affichée sur 10 000');
  await expect(tab.rows()).toHaveCount(1);
  await expect(tab.rows().first()).toContainText('CANDIDAT07777');

  await tab.search('');
  await tab.filterDiscipline('Technologie');
  await expect(tab.count()).toHaveText('2 500 candidatures affichées sur 10 000');
  // Sorting descending puts the last one first; scrolling to the end renders the end.
  await page.getByRole('button', { name: /^Nom, prénom/ }).click();
  await expect(tab.rows().first()).toContainText('CANDIDAT09999');
  await page.locator('#table-candidatures').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(tab.rows().filter({ hasText: 'CANDIDAT00003' })).toBeVisible();
});
