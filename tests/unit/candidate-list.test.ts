import { describe, expect, it } from 'vitest';
import { filterCandidates, searchTextOf, type CandidateFilter } from '../../shared/domain/candidate-list.js';
import type { CandidateRow } from '../../shared/model/entities.js';

let nextId = 1;
function row(overrides: Partial<CandidateRow>): CandidateRow {
  return {
    id: nextId++,
    nom: 'NOM',
    prenom: 'Prénom',
    discipline: 'svt',
    statut: 'titulaire',
    etablissement: 'Collège',
    ville: 'Ville',
    email: '',
    receivedOn: '2026-05-01',
    status: 'recue',
    firstWish: 1,
    verdict: 'recevable',
    computedVerdict: 'recevable',
    overrideNote: '',
    reasons: [],
    documentCount: 2,
    iprAvis: null,
    ...overrides,
  };
}

const rows: CandidateRow[] = [
  row({ nom: 'MARTIN', prenom: 'Emma', discipline: 'mathematiques', etablissement: 'Lycée Paul Langevin', ville: 'Martigues', receivedOn: '2026-05-02', firstWish: 2 }),
  row({ nom: 'MARTIN', prenom: 'Élodie', discipline: 'svt', etablissement: 'Lycée Paul Langevin', ville: 'Martigues', receivedOn: '2026-05-09', verdict: 'incomplet', reasons: [{ rule: 'pieces', kind: 'missing', message: 'Pièce manquante.' }] }),
  row({ nom: 'ÉTIENNE', prenom: 'Karim', discipline: 'technologie', etablissement: 'Lycée d’Altitude', ville: 'Briançon', receivedOn: '2026-05-18', verdict: 'irrecevable', reasons: [{ rule: 'delai', kind: 'refused', message: 'Reçu après la date limite.' }], status: 'en_instruction' }),
  row({ nom: 'EVRARD', prenom: 'Zoé', discipline: 'svt', etablissement: 'Collège Les Garcins', ville: 'Briançon', receivedOn: '2026-04-20', verdict: 'irrecevable', computedVerdict: 'recevable', overrideNote: 'Verdict forcé à « Irrecevable ».', firstWish: 2 }),
  row({ nom: 'DUPONT', prenom: 'Anne', discipline: 'physique-chimie', etablissement: 'Collège Jean Giono', ville: 'Le Rove', receivedOn: null, email: 'anne.dupont@ac-test.example', verdict: 'irrecevable', reasons: [{ rule: 'delai', kind: 'refused', message: 'Reçu après la date limite.' }, { rule: 'pieces', kind: 'missing', message: 'Pièce manquante.' }], firstWish: null }),
];
const byId = (r: CandidateRow) => `${r.nom} ${r.prenom}`;

describe('filterCandidates: search', () => {
  it.each<[string, string[]]>([
    ['elodie', ['MARTIN Élodie']],
    ['ÉLODIE', ['MARTIN Élodie']],
    ['etienne', ['ÉTIENNE Karim']],
    ['martin', ['MARTIN Élodie', 'MARTIN Emma']],
    ['martin elodie', ['MARTIN Élodie']],
    ['elodie   martin', ['MARTIN Élodie']],
    ['lycee altitude', ['ÉTIENNE Karim']],
    ['langevin emma', ['MARTIN Emma']],
    ['brianc', ['ÉTIENNE Karim', 'EVRARD Zoé']],
    ['garcins', ['EVRARD Zoé']],
    ['anne.dupont@ac-test', ['DUPONT Anne']],
    ['physique', ['DUPONT Anne']], // the discipline's label is searched too
    ['martin zoe', []],
    ['inconnu', []],
    ['', ['DUPONT Anne', 'ÉTIENNE Karim', 'EVRARD Zoé', 'MARTIN Élodie', 'MARTIN Emma']],
  ])('search %j finds %j', (search, expected) => {
    expect(filterCandidates(rows, { search }).map(byId)).toEqual(expected);
  });

  it('gives the same result with precomputed search texts', () => {
    const texts = rows.map(searchTextOf);
    for (const search of ['elodie', 'lycee', 'brianc martin', 'svt']) {
      expect(filterCandidates(rows, { search }, texts)).toEqual(filterCandidates(rows, { search }));
    }
  });
});

describe('filterCandidates: filters', () => {
  it.each<[string, CandidateFilter, string[]]>([
    ['discipline', { discipline: 'svt' }, ['EVRARD Zoé', 'MARTIN Élodie']],
    ['status', { status: 'en_instruction' }, ['ÉTIENNE Karim']],
    ['verdict incomplet', { verdict: 'incomplet' }, ['MARTIN Élodie']],
    ['verdict irrecevable, the secretariat’s override counting', { verdict: 'irrecevable' }, ['DUPONT Anne', 'ÉTIENNE Karim', 'EVRARD Zoé']],
    ['reason « pièces » (also on an irrecevable file that misses a document)', { reason: 'pieces' }, ['DUPONT Anne', 'MARTIN Élodie']],
    ['reason « délai »', { reason: 'delai' }, ['DUPONT Anne', 'ÉTIENNE Karim']],
    ['first wish', { postId: 2 }, ['EVRARD Zoé', 'MARTIN Emma']],
    ['discipline + verdict', { discipline: 'svt', verdict: 'incomplet' }, ['MARTIN Élodie']],
    ['verdict + reason', { verdict: 'irrecevable', reason: 'pieces' }, ['DUPONT Anne']],
    ['discipline + search', { discipline: 'svt', search: 'brian' }, ['EVRARD Zoé']],
    ['search + verdict with no overlap', { search: 'emma', verdict: 'incomplet' }, []],
    ['everything', { discipline: 'mathematiques', status: 'recue', verdict: 'recevable', postId: 2, search: 'martigues' }, ['MARTIN Emma']],
  ])('%s', (_label, filter, expected) => {
    expect(filterCandidates(rows, filter).map(byId)).toEqual(expected);
  });

  it('does not change the rows it is given', () => {
    const copy = structuredClone(rows);
    filterCandidates(rows, { sort: { key: 'nom', direction: 'desc' }, search: 'martin' });
    expect(rows).toEqual(copy);
  });
});

describe('filterCandidates: sort', () => {
  it('sorts by name with French collation: accents do not push a name to the end', () => {
    // A byte-wise sort would put ÉTIENNE after EVRARD and Élodie after Emma.
    expect(filterCandidates(rows, {}).map(byId)).toEqual(['DUPONT Anne', 'ÉTIENNE Karim', 'EVRARD Zoé', 'MARTIN Élodie', 'MARTIN Emma']);
  });

  it('sorts descending', () => {
    expect(filterCandidates(rows, { sort: { key: 'nom', direction: 'desc' } }).map(byId)).toEqual([
      'MARTIN Emma',
      'MARTIN Élodie',
      'EVRARD Zoé',
      'ÉTIENNE Karim',
      'DUPONT Anne',
    ]);
  });

  it.each<[CandidateFilter['sort'], string[]]>([
    [{ key: 'receivedOn', direction: 'asc' }, ['DUPONT Anne', 'EVRARD Zoé', 'MARTIN Emma', 'MARTIN Élodie', 'ÉTIENNE Karim']],
    [{ key: 'receivedOn', direction: 'desc' }, ['ÉTIENNE Karim', 'MARTIN Élodie', 'MARTIN Emma', 'EVRARD Zoé', 'DUPONT Anne']],
    // Labels: Mathématiques, Physique-chimie, Sciences de la vie…, Technologie.
    [{ key: 'discipline', direction: 'asc' }, ['MARTIN Emma', 'DUPONT Anne', 'MARTIN Élodie', 'EVRARD Zoé', 'ÉTIENNE Karim']],
    // Collège Jean Giono < Collège Les Garcins < Lycée d’Altitude < Lycée Paul Langevin (twice: then by id).
    [{ key: 'etablissement', direction: 'asc' }, ['DUPONT Anne', 'EVRARD Zoé', 'ÉTIENNE Karim', 'MARTIN Emma', 'MARTIN Élodie']],
  ])('sorts by %j', (sort, expected) => {
    expect(filterCandidates(rows, { sort }).map(byId)).toEqual(expected);
  });

  it('keeps equal keys in a stable order (by id)', () => {
    const twins = [row({ id: 30, nom: 'SAME', prenom: 'A' }), row({ id: 20, nom: 'SAME', prenom: 'a' }), row({ id: 10, nom: 'same', prenom: 'A' })];
    expect(filterCandidates(twins, {}).map((r) => r.id)).toEqual([10, 20, 30]);
  });
});
