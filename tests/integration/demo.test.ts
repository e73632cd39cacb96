import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCandidateDraft, draftFromFile } from '../../shared/domain/candidate.js';
import { formatFrenchDate } from '../../shared/domain/dates.js';
import type { Call } from '../../shared/model/entities.js';
import { DEMO_CANDIDATE_COUNT } from '../../electron/services/demo.js';
import { makeServices, TODAY, type TestServices } from '../helpers/services.js';

// Copies of the two published calls (../shared/seeds), kept in the repository so that a clean clone tests alone.
const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/seeds');

/** The published text of a real call, found by what it contains. */
function seed(containing: string): string {
  const texts = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'))
    .filter((t) => t.includes(containing));
  expect(texts, `une seule annonce contient « ${containing} »`).toHaveLength(1);
  return texts[0]!;
}

async function openDemo(t: TestServices): Promise<{ csti: Call; asterie: Call; callIds: number[] }> {
  const result = await t.call('demo-open', {});
  expect(result.created).toBe(true);
  const calls = await Promise.all(result.callIds.map((id) => t.call('calls-get', { id })));
  const csti = calls.find((c) => c.reference === 'IPR-CSTI-RT-2026');
  const asterie = calls.find((c) => c.reference === 'MENJ-12-2025-23630');
  expect(csti && asterie, 'les deux appels de la démonstration').toBeTruthy();
  return { csti: csti!, asterie: asterie!, callIds: result.callIds };
}

describe('demonstration', () => {
  it('creates the CSTI call as published (Aix-Marseille, rentrée 2026)', async () => {
    const t = makeServices();
    const { csti } = await openDemo(t);
    expect(csti).toMatchObject({
      title: 'Professeur relais territorial CSTI — rentrée 2026',
      academie: 'Aix-Marseille',
      acceptedStatuses: ['titulaire'],
      acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
      deadline: '2026-05-15',
      interviewStart: '2026-06-01',
      interviewEnd: '2026-06-30',
      archivedAt: null,
    });
    expect(csti.posts.map((p) => [p.site, p.places])).toEqual([
      ['Réseau Les Écrins', 1],
      ['Réseau Côte Bleue – La Nerthe', 1],
    ]);

    // The facts come from the published call.
    const text = seed('Culture Scientifique, Technique et Industrielle (CSTI)');
    expect(text).toContain('au plus tard le 15 mai 2026');
    expect(text).toContain('entre le 1eret le 30 juin 2026');
    expect(text).toContain('LES ÉCRINS');
    expect(text).toContain('CÔTE BLEUE – LA NERTHE');
    expect(text).toContain('recrute 2 professeurs');
    expect(text).toMatch(/enseignants titulaires du second degré/);
    expect(text.replace(/\s+/g, ' ')).toContain('mathématiques, physique-chimie, sciences de la vie et de la terre, technologie');
  });

  it('creates the ASTERIE call as published (Nancy-Metz)', async () => {
    const t = makeServices();
    const { asterie } = await openDemo(t);
    expect(asterie).toMatchObject({
      reference: 'MENJ-12-2025-23630',
      academie: 'Nancy-Metz',
      employer: 'Rectorat de Nancy-Metz',
      panelSize: 3,
      acceptedStatuses: ['titulaire', 'contractuel'],
      acceptedDisciplines: [],
      deadline: '2025-08-31',
    });
    expect(asterie.title).toContain('tiers-lieu éducatif');
    expect(asterie.posts).toHaveLength(1);

    const text = seed('ASTERIE');
    expect(text).toContain(`Référence : ${asterie.reference}`);
    expect(text).toContain(`Employeur : ${asterie.employer}`);
    expect(text).toContain(`avant le ${formatFrenchDate(asterie.deadline)}`);
    expect(text).toContain('Emploi ouvert aux titulaires et aux contractuels');
    // Panel: the project director, a member of the steering team, the IA-DASEN or a representative.
    expect(text).toMatch(/Entretien par la directrice du projet ASTERIE, d’un représentant de l’équipe de pilotage du projet, de l’Inspecteur d’Académie/);
  });

  it('brings about thirty candidates, with every verdict and the main reasons represented', async () => {
    const t = makeServices();
    const { callIds } = await openDemo(t);
    const summaries = await t.call('calls-list', {});
    const total = summaries.reduce((n, c) => n + c.candidateCount, 0);
    expect(total).toBe(DEMO_CANDIDATE_COUNT);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(total).toBeLessThanOrEqual(40);
    for (const s of summaries) expect(s.candidateCount, s.title).toBeGreaterThan(0);

    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const callId of callIds) {
      for (const row of await t.call('candidates-list', { callId })) {
        count(row.verdict);
        for (const r of row.reasons) count(`${r.kind}:${r.rule}`);
      }
    }
    for (const key of [
      'recevable',
      'incomplet',
      'irrecevable',
      'refused:delai',
      'refused:statut',
      'refused:discipline',
      'refused:lundi_libere',
      'missing:lundi_libere',
      'missing:pieces',
      'missing:annexe2',
      'refused:diplome_minimum',
      'warning:diplome_souhaite',
      'warning:avis_chef',
    ]) {
      expect(seen.get(key) ?? 0, key).toBeGreaterThan(0);
    }
  });

  it('gives each call a commission with one président, and CSTI its inspectors', async () => {
    const t = makeServices();
    const { csti, asterie } = await openDemo(t);
    for (const call of [csti, asterie]) {
      const members = await t.call('members-list', { callId: call.id });
      expect(members.filter((m) => m.role === 'president'), call.title).toHaveLength(1);
    }
    const inspectors = await t.call('inspectors-list', { callId: csti.id });
    const covered = new Set(inspectors.flatMap((i) => i.disciplines));
    for (const d of csti.acceptedDisciplines) expect(covered.has(d), d).toBe(true);
  });

  it('is loaded once: a second demo-open adds nothing and says so', async () => {
    const t = makeServices();
    const first = await openDemo(t);
    const listBefore = await t.call('calls-list', { includeArchived: true });
    const journalBefore = await t.call('journal-list', {});
    const eventsBefore = t.events.length;

    const again = await t.call('demo-open', {});
    expect(again).toEqual({ created: false, callIds: first.callIds }); // same order: the screen opens the first
    expect(await t.call('calls-list', { includeArchived: true })).toEqual(listBefore);
    expect(await t.call('journal-list', {})).toEqual(journalBefore);
    expect(t.events.length).toBe(eventsBefore);
  });

  it('still finds itself after the demo calls are archived (no second copy)', async () => {
    const t = makeServices();
    const { callIds } = await openDemo(t);
    for (const id of callIds) await t.call('calls-archive', { id, archived: true });
    expect((await t.call('demo-open', {})).created).toBe(false);
    expect(await t.call('calls-list', { includeArchived: true })).toHaveLength(2);
  });

  it('has only files the form itself would accept, stored exactly as the form would store them', async () => {
    const t = makeServices();
    const { callIds } = await openDemo(t);
    let checked = 0;
    for (const callId of callIds) {
      const call = await t.call('calls-get', { id: callId });
      for (const row of await t.call('candidates-list', { callId })) {
        const file = await t.call('candidates-get', { id: row.id });
        expect(file.receivedOn === null || file.receivedOn <= TODAY).toBe(true);
        const result = checkCandidateDraft(draftFromFile(file), { today: TODAY, postIds: call.posts.map((p) => p.id) });
        expect(result.ok ? null : result.errors, `${file.nom} ${file.prenom}`).toBeNull();
        const { id: _id, callId: _callId, createdAt: _c, updatedAt: _u, ...stored } = file;
        expect(result.value, `${file.nom} ${file.prenom}`).toEqual(stored);
        checked++;
      }
    }
    expect(checked).toBe(DEMO_CANDIDATE_COUNT);
  });

  it('stores no e-mail address that could reach a real mailbox', async () => {
    const t = makeServices({ actor: null });
    await openDemo(t);
    const db = t.services.db;
    const found: string[] = [];
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          if (typeof value === 'string') found.push(...(value.match(/[^\s@"',;<>()]+@[^\s@"',;<>()]+/g) ?? []));
        }
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(DEMO_CANDIDATE_COUNT);
    expect(found.filter((mail) => !/\.example$/.test(mail))).toEqual([]);
  });
});
