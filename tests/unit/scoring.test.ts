import { describe, expect, it } from 'vitest';
import { checkGrid, checkScores, consolidate, gridImpacts, memberTotal, type ConsolidationInput } from '../../shared/domain/scoring.js';
import type { Criterion } from '../../shared/model/scoring.js';

const c = (key: string, options: Partial<Criterion> = {}): Criterion => ({
  key, label: key.toUpperCase(), description: '', weight: 1, min: 0, max: 4, levels: [], eliminatory: false, threshold: null, comment: false, ...options,
});
const CRITERIA = [c('a'), c('b', { weight: 3, eliminatory: true, threshold: 2 }), c('n', { min: 0, max: 20 })];
const sheet = (candidateId: number, memberId: number, values: Record<string, number | null>, status: 'soumise' | 'brouillon' = 'soumise') => ({
  candidateId,
  memberId,
  status,
  scores: Object.entries(values).map(([criterionKey, value]) => ({ criterionKey, value, comment: '' })),
});
const base = (over: Partial<ConsolidationInput>): ConsolidationInput => ({
  phase: 'dossier', criteria: CRITERIA, candidateIds: [1, 2, 3], memberIds: [10, 20, 30], sheets: [], recusals: [], disagreementShare: 0.25, ...over,
});

describe('memberTotal', () => {
  it.each([
    ['all at the top', { a: 4, b: 4, n: 20 }, 20, [], true],
    ['all at the bottom: eliminated by b', { a: 0, b: 0, n: 0 }, 0, ['B'], true],
    ['weights count: b weighs 3', { a: 0, b: 4, n: 0 }, 12, [], true],
    ['scales differ: n on 20', { a: 2, b: 2, n: 10 }, 10, [], true],
    ['missing criteria are left out of the weights', { a: 4 }, 20, [], false],
    ['nothing scored', {}, null, [], false],
  ] as const)('%s', (_label, values, total, eliminatedBy, complete) => {
    const scores = Object.entries(values).map(([criterionKey, value]) => ({ criterionKey, value, comment: '' }));
    expect(memberTotal(CRITERIA, scores)).toEqual({ total, eliminatedBy, complete });
  });
});

describe('consolidate', () => {
  it('gives mean, median, min, max, spread and ranks the candidates; a tie shares its rank', () => {
    const result = consolidate(base({
      sheets: [
        sheet(1, 10, { a: 4, b: 4, n: 20 }), sheet(1, 20, { a: 2, b: 2, n: 10 }), sheet(1, 30, { a: 0, b: 4, n: 0 }),
        sheet(2, 10, { a: 4, b: 4, n: 20 }), sheet(2, 20, { a: 2, b: 2, n: 10 }), sheet(2, 30, { a: 0, b: 4, n: 0 }),
        sheet(3, 10, { a: 2, b: 2, n: 10 }),
      ],
    }));
    const [one, two, three] = result.candidates;
    expect(one).toMatchObject({ mean: 14, median: 12, min: 10, max: 20, spread: 10, disagreement: true, rank: 1, missing: [], recused: [] });
    expect(two).toMatchObject({ mean: 14, rank: 1 });
    expect(three).toMatchObject({ mean: 10, median: 10, spread: 0, disagreement: false, rank: 3, missing: [20, 30] });
  });

  it('ignores drafts and counts them as missing', () => {
    const result = consolidate(base({ sheets: [sheet(1, 10, { a: 4, b: 4, n: 20 }), sheet(1, 20, { a: 0, b: 0, n: 0 }, 'brouillon')] }));
    expect(result.candidates[0]).toMatchObject({ mean: 20, members: [{ memberId: 10, total: 20 }], missing: [20, 30] });
  });

  it('leaves a recused member out of the candidate’s figures and of what is missing', () => {
    const result = consolidate(base({
      sheets: [sheet(1, 10, { a: 4, b: 4, n: 20 }), sheet(1, 20, { a: 0, b: 2, n: 0 })],
      recusals: [{ candidateId: 1, memberId: 20 }],
    }));
    expect(result.candidates[0]).toMatchObject({ mean: 20, recused: [20], missing: [30] });
  });

  it('eliminates on the members’ mean of an « exigé » criterion, and does not rank the eliminated', () => {
    const result = consolidate(base({
      sheets: [
        sheet(1, 10, { a: 4, b: 1, n: 20 }), sheet(1, 20, { a: 4, b: 2, n: 20 }), // b mean 1.5 < 2: eliminated
        sheet(2, 10, { a: 0, b: 4, n: 0 }), sheet(2, 20, { a: 0, b: 0, n: 0 }), // b mean 2: kept, one member below
      ],
    }));
    expect(result.candidates[0]).toMatchObject({ eliminatedBy: ['B'], rank: null, normalizedRank: null });
    expect(result.candidates[1]).toMatchObject({ eliminatedBy: [], rank: 1 });
    expect(result.candidates[1]!.members.find((m) => m.memberId === 20)).toMatchObject({ eliminatedBy: ['B'] });
  });

  it('calibrates each member and ranks on z-scores beside the raw mean', () => {
    // Member 10 is severe, member 20 generous: same order, different levels.
    const result = consolidate(base({
      candidateIds: [1, 2],
      memberIds: [10, 20],
      sheets: [sheet(1, 10, { a: 2, b: 2, n: 10 }), sheet(2, 10, { a: 0, b: 2, n: 0 }), sheet(1, 20, { a: 4, b: 4, n: 20 }), sheet(2, 20, { a: 4, b: 2, n: 20 })],
    }));
    expect(result.calibration.map((m) => [m.memberId, m.count, m.mean])).toEqual([[10, 2, 8], [20, 2, 17]]); // (10 + 6) / 2 and (20 + 14) / 2
    expect(result.candidates.map((x) => [x.rank, x.normalizedRank, x.normalized])).toEqual([[1, 1, 1], [2, 2, -1]]);
  });

  it('has nothing to say without submitted sheets', () => {
    const result = consolidate(base({}));
    expect(result.candidates[0]).toMatchObject({ mean: null, median: null, spread: null, rank: null, normalized: null, missing: [10, 20, 30] });
    expect(result.commission).toEqual({ count: 0, mean: null, sd: null });
  });
});

describe('checkScores and gridImpacts', () => {
  it('wants whole numbers within the scale, and every criterion on submit', () => {
    expect(checkScores(CRITERIA, [{ criterionKey: 'a', value: 5, comment: '' }, { criterionKey: 'n', value: 2.5, comment: '' }], false)).toEqual({
      'scores.a': '« A » : une note entière de 0 à 4.',
      'scores.n': '« N » : une note entière de 0 à 20.',
    });
    expect(Object.keys(checkScores(CRITERIA, [{ criterionKey: 'a', value: 3, comment: '' }], true))).toEqual(['scores.b', 'scores.n']);
    expect(checkScores(CRITERIA, [{ criterionKey: 'zz', value: 1, comment: '' }], false)).toEqual({ 'scores.zz': 'Critère inconnu : « zz » (la grille a changé ?).' });
  });

  it('says which scores a new grid would invalidate, and which submitted sheets it would reopen', () => {
    const before = [{ key: 's', label: 'S', criteria: CRITERIA }];
    const after = [{ key: 's', label: 'S', criteria: [c('a', { max: 20 }), c('n', { min: 0, max: 20 }), c('z')] }];
    expect(gridImpacts(before, after, new Map([['a', [1, 3, 4]], ['b', [2]], ['n', [20]]]), 2)).toEqual([
      // 0–4 → 0–20 keeps every value « in range » but changes what it means: erased, never reread.
      { criterionKey: 'a', label: 'A', affectedScores: 3, kind: 'rescaled', message: '« A » passe de 0–4 à 0–20 : 3 notes déjà données sur l’ancienne échelle seraient effacées.' },
      { criterionKey: 'b', label: 'B', affectedScores: 1, kind: 'removed', message: '« B » est retiré : 1 note déjà donnée serait effacée.' },
      { criterionKey: 'z', label: 'Z', affectedScores: 2, kind: 'added', message: '« Z » est ajouté : 2 fiches déjà soumises reviendraient au brouillon, à compléter.' },
    ]);
    expect(gridImpacts(before, before, new Map([['a', [1]]]), 5)).toEqual([]);
  });
});

describe('checkGrid', () => {
  const section = (criteria: Criterion[]) => [{ key: 's', label: 'Section', criteria }];
  it('refuses two criteria with the same label and a grid where nothing weighs', () => {
    expect(checkGrid(section([c('a', { label: 'Motivation' }), c('b', { label: ' motivation ' })]))).toMatchObject({
      ok: false,
      errors: { 'sections.0.criteria.1.label': expect.stringMatching(/^Deux critères portent le libellé/) },
    });
    expect(checkGrid(section([c('a', { weight: 0 }), c('b', { weight: 0 })]))).toEqual({
      ok: false,
      errors: { 'sections.0.criteria.0.weight': 'Au moins un critère doit peser : sinon aucun total ne peut être calculé.' },
    });
  });
});
