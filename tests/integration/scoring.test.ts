// Issue 6 through dispatch: two members score on two laptops (two data folders), export their workbooks, the
// president imports them on a third; the consolidated figures match a fixture computed by hand.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model/entities.js';
import type { GridSection } from '../../shared/model/scoring.js';
import { expectError, makeServices, type TestServices } from '../helpers/services.js';

const GRANET: Actor = { name: 'Olivier Granet', email: 'olivier.granet@ac-aix-marseille.example' };
const BELKACEM: Actor = { name: 'Samia Belkacem', email: 'samia.belkacem@ac-aix-marseille.example' };
const PRESIDENT_NAME = 'Hélène Vasseur (CAST)';
/** The reference laptop: the secretariat organises, sees everything, does not score. */
const SECRETARIAT: Actor = { name: 'Secrétariat IPR', email: 'secretariat.ipr@ac-aix-marseille.example' };

/** Two criteria, easy to compute by hand: c1 weighs 1, c2 weighs 3 and is « exigé » from 1. */
const GRID: GridSection[] = [
  {
    key: 's1',
    label: 'Dossier',
    criteria: [
      { key: 'c1', label: 'Connaissance du réseau', description: '', weight: 1, min: 0, max: 4, levels: [], eliminatory: false, threshold: null, comment: true },
      { key: 'c2', label: 'Disponibilité', description: '', weight: 3, min: 0, max: 4, levels: [], eliminatory: true, threshold: 1, comment: false },
    ],
  },
];

/** A laptop: the demo (same ids everywhere), the small grid, and who sits at it. */
async function laptop(actor: Actor) {
  const t = makeServices({ actor });
  await t.call('demo-open', {});
  const callId = (await t.call('calls-list', {})).find((c) => c.reference === 'IPR-CSTI-RT-2026')!.id;
  // The grid is the organisers' (president or secretariat).
  const saved = await t.call('grids-save', { callId, phase: 'dossier', sections: GRID }, SECRETARIAT);
  expect(saved.saved).toBe(true);
  const rows = await t.call('candidates-list', { callId });
  const id = (nom: string) => rows.find((r) => r.nom === nom)!.id;
  const members = await t.call('members-list', { callId });
  const member = (name: string) => members.find((m) => m.name === name)!.id;
  return { t, callId, id, member };
}

async function score(t: TestServices, candidateId: number, c1: number | null, c2: number | null, submit = true) {
  return t.call('evaluation-sheet-save', {
    candidateId,
    phase: 'dossier',
    scores: [
      { criterionKey: 'c1', value: c1, comment: '' },
      { criterionKey: 'c2', value: c2, comment: '' },
    ],
    comment: '',
    submit,
  });
}

async function exportFor(l: Awaited<ReturnType<typeof laptop>>, name: string): Promise<Buffer> {
  const file = await l.t.call('scores-export', { callId: l.callId, phase: 'dossier', memberId: l.member(name) });
  return Buffer.from(file.contentBase64, 'base64');
}

describe('scoring on several laptops', () => {
  it('merges two members’ workbooks on the reference laptop; consolidated figures match the hand-computed ones', async () => {
    const a = await laptop(GRANET);
    await score(a.t, a.id('ARNAUD'), 4, 2);
    await score(a.t, a.id('BLANC'), 2, 4);
    const b = await laptop(BELKACEM);
    await score(b.t, b.id('ARNAUD'), 3, 3);
    await score(b.t, b.id('BLANC'), 0, 0);

    const ref = await laptop(SECRETARIAT);
    for (const [l, name] of [[a, GRANET.name], [b, BELKACEM.name]] as const) {
      const bytes = await exportFor(l, name);
      const preview = await ref.t.call('scores-import', { callId: ref.callId, fileName: `${name}.xlsx`, contentBase64: bytes.toString('base64'), commit: false });
      expect(preview).toMatchObject({ memberName: name, phase: 'dossier', counts: { nouveau: 4, conflit: 0, refuse: 0 }, committed: false });
      const done = await ref.t.call('scores-import', { callId: ref.callId, fileName: `${name}.xlsx`, contentBase64: bytes.toString('base64'), commit: true });
      expect(done.committed).toBe(true);
    }

    const overview = await ref.t.call('evaluation-overview', { callId: ref.callId, phase: 'dossier' });
    const of = (nom: string) => overview.consolidation.candidates.find((c) => c.candidateId === ref.id(nom))!;
    // By hand: total = (1·c1/4 + 3·c2/4) / 4 × 20.
    // Granet: ARNAUD (4,2) → 12.5 ; BLANC (2,4) → 17.5. Belkacem: ARNAUD (3,3) → 15 ; BLANC (0,0) → 0.
    expect(of('ARNAUD')).toMatchObject({ mean: 13.8, median: 13.8, min: 12.5, max: 15, spread: 2.5, disagreement: false, eliminatedBy: [], rank: 1 });
    // BLANC: spread 17.5 > 5 points (0.25 × 20): disagreement. c2's mean (4 + 0) / 2 = 2 ≥ 1: not eliminated.
    expect(of('BLANC')).toMatchObject({ mean: 8.8, median: 8.8, min: 0, max: 17.5, spread: 17.5, disagreement: true, eliminatedBy: [], rank: 2 });
    expect(of('BLANC').members.find((m) => m.memberId === ref.member(BELKACEM.name))).toMatchObject({ total: 0, eliminatedBy: ['Disponibilité'] });
    // The president and Jérôme Pastor have not scored.
    expect(of('ARNAUD').missing.sort()).toEqual([ref.member(PRESIDENT_NAME), ref.member('Jérôme Pastor')].sort());
    // Calibration: Granet 15 ± 2.5, Belkacem 7.5 ± 7.5; commission: mean 11.25, sd √((1.25² + 6.25² + 3.75² + 11.25²) / 4) = 6.73.
    const cal = (name: string) => overview.consolidation.calibration.find((c) => c.memberId === ref.member(name))!;
    expect(cal(GRANET.name)).toEqual({ memberId: ref.member(GRANET.name), count: 2, mean: 15, sd: 2.5 });
    expect(cal(BELKACEM.name)).toEqual({ memberId: ref.member(BELKACEM.name), count: 2, mean: 7.5, sd: 7.5 });
    expect(overview.consolidation.commission).toEqual({ count: 4, mean: 11.3, sd: 6.7 });
    // z-scores: Granet −1 / +1, Belkacem +1 / −1: the normalised ranking ties them, beside the raw one.
    expect([of('ARNAUD').normalized, of('BLANC').normalized]).toEqual([0, 0]);
    expect([of('ARNAUD').normalizedRank, of('BLANC').normalizedRank]).toEqual([1, 1]);
  });

  it('reports scores changed in the app since the export as conflicts, and keeps the chosen one', async () => {
    const a = await laptop(GRANET);
    await score(a.t, a.id('ARNAUD'), 1, 1, false);
    const exported = await exportFor(a, GRANET.name);
    // The member fills the workbook offline…
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Évaluation')!;
    const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const col = (start: string) => header.findIndex((h) => h.startsWith(start));
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(2).text !== 'ARNAUD') return;
      row.getCell(col('Connaissance du réseau')).value = 3;
      row.getCell(col('Disponibilité')).value = 4;
      row.getCell(col('Évaluation terminée')).value = 'Oui';
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    // …while, on the laptop, c2 is changed again in the app.
    await score(a.t, a.id('ARNAUD'), 1, 2, false);

    const args = { callId: a.callId, fileName: 'granet.xlsx', contentBase64: filled.toString('base64') };
    const preview = await a.t.call('scores-import', { ...args, commit: false });
    const line = (key: string) => preview.lines.find((l) => l.candidateId === a.id('ARNAUD') && l.criterionKey === key)!;
    expect(line('c1')).toMatchObject({ state: 'conflit', fileValue: 3, storedValue: 1 });
    expect(line('c2')).toMatchObject({ state: 'conflit', fileValue: 4, storedValue: 2, conflictKey: `${a.id('ARNAUD')}:c2` });
    const unanswered = await expectError(a.t.call('scores-import', { ...args, commit: true }), 'validation');
    expect(unanswered.message).toBe('Choisissez la note à garder pour chaque conflit (2 sans réponse) : rien n’a été enregistré.');

    await a.t.call('scores-import', { ...args, commit: true, choices: { [`${a.id('ARNAUD')}:c1`]: 'fichier', [`${a.id('ARNAUD')}:c2`]: 'application' } });
    const sheet = (await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' })).mine!;
    expect(sheet.scores.map((s) => [s.criterionKey, s.value])).toEqual([
      ['c1', 3],
      ['c2', 2],
    ]);
    expect(sheet.status).toBe('soumise');
  });

  it('refuses what a scoring workbook must not contain, row by row', async () => {
    const a = await laptop(GRANET);
    const exported = await exportFor(a, GRANET.name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Évaluation')!;
    ws.getRow(2).getCell(4 + 2).value = 9; // out of the 0–4 scale
    ws.getRow(3).getCell(2).value = 'DUPONT'; // identity changed
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await a.t.call('scores-import', { callId: a.callId, fileName: 'x.xlsx', contentBase64: bytes.toString('base64'), commit: false });
    expect(report.lines.filter((l) => l.state === 'refuse').map((l) => l.message)).toEqual([
      '« 9 » n’est pas une note entière de 0 à 4.',
      expect.stringMatching(/^Identité modifiée : la ligne dit « DUPONT /),
    ]);
    const other = await a.t.call('candidates-export', { callId: a.callId, format: 'xlsx' });
    const error = await expectError(a.t.call('scores-import', { callId: a.callId, fileName: 'candidatures.xlsx', contentBase64: other.contentBase64, commit: false }), 'validation');
    expect(error.message).toBe('Le classeur « candidatures.xlsx » n’est pas un classeur d’évaluation de cet appel (feuilles « Évaluation » et « Métadonnées » attendues).');
  });
});

describe('a member’s sheet', () => {
  it('hides the others’ scores until the member submits, and checks the scale', async () => {
    const a = await laptop(GRANET);
    // Belkacem scores ARNAUD on the same laptop (her own « qui suis-je »).
    await a.t.call('evaluation-sheet-save', {
      candidateId: a.id('ARNAUD'),
      phase: 'dossier',
      scores: [
        { criterionKey: 'c1', value: 2, comment: '' },
        { criterionKey: 'c2', value: 2, comment: '' },
      ],
      comment: '',
      submit: true,
    }, BELKACEM);
    let view = await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' });
    expect(view.others).toEqual([]);
    expect(view.othersHiddenReason).toBe('Les notes des autres membres s’affichent quand vous avez soumis votre propre évaluation.');
    const masked = (await a.t.call('evaluation-overview', { callId: a.callId, phase: 'dossier' })).consolidation.candidates.find((c) => c.candidateId === a.id('ARNAUD'))!;
    // Hidden: the figures, never who has submitted (completeness stays right).
    expect(masked).toMatchObject({ hidden: true, mean: null, rank: null, members: [{ memberId: a.member(BELKACEM.name), total: null }] });

    const wrong = await expectError(score(a.t, a.id('ARNAUD'), 5, null, true), 'validation');
    expect(wrong.fieldErrors).toEqual({ 'scores.c1': '« Connaissance du réseau » : une note entière de 0 à 4.', 'scores.c2': 'Notez « Disponibilité » avant de soumettre.' });
    await score(a.t, a.id('ARNAUD'), 4, 4, false);
    expect((await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' })).others).toEqual([]);
    view = await score(a.t, a.id('ARNAUD'), 4, 4, true);
    expect(view.mine?.status).toBe('soumise');
    expect(view.others.map((o) => [o.memberName, o.scores.map((s) => s.value)])).toEqual([[BELKACEM.name, [2, 2]]]);
  });

  it('is refused to someone who is not a member of the commission, and to the secretariat', async () => {
    const a = await laptop(GRANET);
    const secretariat = await expectError(
      a.t.call('evaluation-sheet-save', { candidateId: a.id('ARNAUD'), phase: 'dossier', scores: [], comment: '', submit: false }, SECRETARIAT),
      'forbidden',
    );
    expect(secretariat.message).toBe('Le secrétariat organise la commission mais n’évalue pas les candidats.');
    const stranger = await expectError(
      a.t.call('evaluation-sheet-save', { candidateId: a.id('ARNAUD'), phase: 'dossier', scores: [], comment: '', submit: false }, { name: 'Quelqu’un', email: '' }),
      'forbidden',
    );
    expect(stranger.message).toBe('Vous n’êtes pas membre de cette commission (Réglages › Qui suis-je) : vous ne pouvez pas évaluer.');
  });
});

describe('« jamais avant la délibération »', () => {
  it('hides everything from members until the presidency opens the deliberation', async () => {
    const a = await laptop(GRANET);
    await a.t.call('scoring-settings-save', { callId: a.callId, settings: { visibility: 'jamais', deliberationOpen: false, disagreementShare: 0.25 } }, SECRETARIAT);
    await score(a.t, a.id('ARNAUD'), 4, 4);
    await a.t.call('evaluation-sheet-save', { candidateId: a.id('ARNAUD'), phase: 'dossier', scores: [{ criterionKey: 'c1', value: 1, comment: '' }, { criterionKey: 'c2', value: 1, comment: '' }], comment: '', submit: true }, BELKACEM);
    // Submitted, yet nothing of the others is shown.
    let view = await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' });
    expect(view.others).toEqual([]);
    expect(view.othersHiddenReason).toBe('Les notes des autres membres ne sont pas montrées avant la délibération (réglage de l’appel).');
    await a.t.call('scoring-settings-save', { callId: a.callId, settings: { visibility: 'jamais', deliberationOpen: true, disagreementShare: 0.25 } }, SECRETARIAT);
    view = await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' });
    expect(view.others.map((o) => o.memberName)).toEqual([BELKACEM.name]);
    expect((await a.t.call('evaluation-overview', { callId: a.callId, phase: 'dossier' })).consolidation.candidates.find((c) => c.candidateId === a.id('ARNAUD'))!.mean).not.toBeNull();
  });
});

describe('conflicts of interest', () => {
  it('proposes the member’s own school, recuses a declared member from scoring and from the consolidation', async () => {
    const b = await laptop(BELKACEM);
    const overview = await b.t.call('evaluation-overview', { callId: b.callId, phase: 'dossier' });
    // Samia Belkacem teaches at the Collège Les Garcins: its admissible candidates are proposed.
    const proposed = overview.suggestions.filter((s) => s.memberId === b.member(BELKACEM.name)).map((s) => s.candidateId);
    expect(proposed).toContain(b.id('CHABERT'));
    const declared = await b.t.call('conflicts-declare', { candidateId: b.id('CHABERT'), kind: 'meme_etablissement', note: 'Collègue au collège Les Garcins.' });
    expect(declared).toEqual([
      expect.objectContaining({ candidateName: 'CHABERT Inès', memberName: BELKACEM.name, kind: 'meme_etablissement', declaredBy: BELKACEM.name }),
    ]);
    const refused = await expectError(score(b.t, b.id('CHABERT'), 2, 2), 'forbidden');
    expect(refused.message).toBe('Vous avez déclaré un lien d’intérêts avec ce candidat : vous ne pouvez pas l’évaluer.');
    expect((await b.t.call('evaluation-sheet-get', { candidateId: b.id('CHABERT'), phase: 'dossier' })).recused).toBe(true);
    const after = await b.t.call('evaluation-overview', { callId: b.callId, phase: 'dossier' });
    const chabert = after.consolidation.candidates.find((c) => c.candidateId === b.id('CHABERT'))!;
    expect(chabert.recused).toEqual([b.member(BELKACEM.name)]);
    expect(chabert.missing).not.toContain(b.member(BELKACEM.name));
    expect(after.suggestions.some((s) => s.candidateId === b.id('CHABERT') && s.memberId === b.member(BELKACEM.name))).toBe(false);
  });
});

describe('changing a grid', () => {
  it('warns before invalidating scores, and erases only them when the very consequences shown are accepted', async () => {
    const a = await laptop(GRANET);
    await score(a.t, a.id('ARNAUD'), 4, 3);
    // The president (an organiser) changes the grid; a member may not.
    const president: Actor = { name: PRESIDENT_NAME, email: 'helene.vasseur@ac-aix-marseille.example' };
    const narrower = structuredClone(GRID);
    narrower[0]!.criteria[1]!.max = 2; // c2 on 0–2: its scores were given on 0–4
    narrower[0]!.criteria[1]!.threshold = 1;
    const refused = await expectError(a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: narrower }), 'forbidden');
    expect(refused.message).toBe('Seuls la présidence et le secrétariat peuvent modifier la grille.');
    const warned = await a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: narrower }, president);
    expect(warned).toMatchObject({ saved: false, impacts: [{ criterionKey: 'c2', kind: 'rescaled', affectedScores: 1 }] });
    expect(warned.impacts[0]!.message).toBe('« Disponibilité » passe de 0–4 à 0–2 : 1 note déjà donnée sur l’ancienne échelle serait effacée.');
    expect((await a.t.call('grids-get', { callId: a.callId, phase: 'dossier' })).sections[0]!.criteria[1]!.max).toBe(4);

    // Accepting « 1 » while the grid now also removes c1 (1 more score): warned again, nothing written.
    const more = structuredClone(narrower);
    more[0]!.criteria.splice(0, 1);
    const again = await a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: more, acceptImpacts: 1 }, president);
    expect(again.saved).toBe(false);
    expect(again.impacts.map((i) => i.kind).sort()).toEqual(['removed', 'rescaled']);

    const saved = await a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: narrower, acceptImpacts: 1 }, president);
    expect(saved.saved).toBe(true);
    const sheet = (await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' })).mine!;
    expect(sheet.scores.map((s) => [s.criterionKey, s.value])).toEqual([['c1', 4]]);
  });

  it('warns that a new criterion sends submitted sheets back to draft, and does so once accepted', async () => {
    const a = await laptop(GRANET);
    await score(a.t, a.id('ARNAUD'), 4, 3);
    const wider = structuredClone(GRID);
    wider[0]!.criteria.push({ key: 'c3', label: 'Projet', description: '', weight: 1, min: 0, max: 4, levels: [], eliminatory: false, threshold: null, comment: false });
    const president: Actor = { name: PRESIDENT_NAME, email: 'helene.vasseur@ac-aix-marseille.example' };
    const warned = await a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: wider }, president);
    expect(warned.impacts).toEqual([
      { criterionKey: 'c3', label: 'Projet', affectedScores: 1, kind: 'added', message: '« Projet » est ajouté : 1 fiche déjà soumise reviendrait au brouillon, à compléter.' },
    ]);
    await a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: wider, acceptImpacts: 1 }, president);
    expect((await a.t.call('evaluation-sheet-get', { candidateId: a.id('ARNAUD'), phase: 'dossier' })).mine?.status).toBe('brouillon');
  });

  it('keeps a member’s workbook and the call’s settings out of other members’ hands', async () => {
    const a = await laptop(GRANET);
    await a.t.call('evaluation-sheet-save', { candidateId: a.id('ARNAUD'), phase: 'dossier', scores: [{ criterionKey: 'c1', value: 1, comment: 'brouillon' }], comment: '', submit: false }, BELKACEM);
    await expectError(a.t.call('scores-export', { callId: a.callId, phase: 'dossier', memberId: a.member(BELKACEM.name) }), 'forbidden');
    await expectError(a.t.call('scoring-settings-save', { callId: a.callId, settings: { visibility: 'toujours', deliberationOpen: false, disagreementShare: 0.25 } }), 'forbidden');
    // The secretariat sees submitted sheets, never a draft.
    const overview = await a.t.call('evaluation-overview', { callId: a.callId, phase: 'dossier' }, SECRETARIAT);
    expect(overview.visibleSheets.filter((s) => s.memberId === a.member(BELKACEM.name))).toEqual([]);
  });

  it('refuses an incoherent grid with French messages on the fields', async () => {
    const a = await laptop(GRANET);
    const bad = structuredClone(GRID);
    bad[0]!.criteria[0]!.max = 0;
    bad[0]!.criteria[1]!.threshold = 7;
    bad[0]!.criteria[1]!.label = '';
    const error = await expectError(a.t.call('grids-save', { callId: a.callId, phase: 'dossier', sections: bad }, SECRETARIAT), 'validation');
    expect(error.fieldErrors).toEqual({
      'sections.0.criteria.0.max': 'La note maximale doit dépasser la note minimale.',
      'sections.0.criteria.1.label': 'Le libellé du critère est obligatoire.',
      'sections.0.criteria.1.threshold': 'Le seuil doit être entre 0 et 4.',
    });
  });
});
