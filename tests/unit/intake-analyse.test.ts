import { describe, expect, it } from 'vitest';
import { checkCandidateDraft, type CandidateInput } from '../../shared/domain/candidate.js';
import {
  INTAKE_FIELD_LABELS,
  NO_NAME_COLUMN_MESSAGE,
  analyseSheet,
  detectHeaderRow,
  parseCsv,
  proposeMapping,
  toCsv,
  type Analysis,
  type CellValue,
  type ColumnMapping,
  type ExistingFile,
  type IntakeField,
  sameInput,
} from '../../shared/domain/intake/index.js';
import { APPLICATION_STATUS_LABELS, AGENT_STATUS_LABELS, disciplineLabel } from '../../shared/model/referential.js';
import { candidateDraft } from '../helpers/fixtures.js';

const today = '2026-06-10';
const posts = [
  { id: 10, label: 'Professeur relais territorial', site: 'Réseau Les Écrins' },
  { id: 11, label: 'Professeur relais territorial', site: 'Réseau Côte Bleue – La Nerthe' },
];

/** The annexe 2 form as a secretariat types it into a spreadsheet. */
const HEADER = [
  'NOM',
  'PRENOM',
  'Date de naissance',
  'Discipline',
  'Réseau',
  'Adresse personnelle (indispensable)',
  'Téléphone',
  'Statut',
  'Corps / Grade / Echelon',
  'Affectation actuelle (établissement / ville)',
  'Adresse mail académique',
  'Expérience professionnelle',
  'Motivations',
];
type Row = CellValue[];

function person(overrides: Partial<Record<string, CellValue>> = {}): Row {
  const values: Record<string, CellValue> = {
    NOM: 'Durand',
    PRENOM: 'Camille',
    'Date de naissance': '12/03/1984',
    Discipline: 'SVT',
    Réseau: 'Les Écrins',
    'Adresse personnelle (indispensable)': '4 rue des Alpins, 05100 Briançon',
    Téléphone: '06 11 22 33 44',
    Statut: 'Titulaire',
    'Corps / Grade / Echelon': 'Certifié / Classe normale / 7e échelon',
    'Affectation actuelle (établissement / ville)': 'Lycée d’Altitude / Briançon',
    'Adresse mail académique': 'camille.durand@ac-aix-marseille.fr',
    'Expérience professionnelle': 'Clubs sciences.',
    Motivations: 'Porter la culture scientifique.',
    ...overrides,
  };
  return HEADER.map((h) => values[h] ?? null);
}

const martin = (overrides: Partial<Record<string, CellValue>> = {}): Row =>
  person({
    NOM: 'Martin',
    PRENOM: 'Léa',
    'Date de naissance': '02/11/1979',
    Discipline: 'Mathématiques',
    Réseau: 'COTE BLEUE - LA NERTHE',
    'Adresse mail académique': 'lea.martin@ac-aix-marseille.fr',
    ...overrides,
  });

/** A title row and a blank row above the header, as in real files: data starts on spreadsheet row 4. */
function analyse(dataRows: Row[], existing: ExistingFile[] = [], header: Row = HEADER, mapping?: ColumnMapping): Analysis {
  const rows: Row[] = [['Candidatures — relais territoriaux CSTI 2026'], [], header, ...dataRows];
  const headerIndex = detectHeaderRow(rows);
  expect(headerIndex).toBe(2);
  return analyseSheet({ name: 'Feuille 1', rows }, 2, mapping ?? proposeMapping(header), { today, posts, existing });
}

/** The stored files an analysis would create, with ids. */
function stored(analysis: Analysis, firstId = 1): ExistingFile[] {
  return analysis.rows.filter((r) => r.input).map((r, i) => ({ ...r.input!, id: firstId + i }));
}

function existingFile(id: number, overrides: Partial<CandidateInput> = {}): ExistingFile {
  const check = checkCandidateDraft(candidateDraft({ wishes: [10] }), { today, postIds: [10, 11] });
  if (!check.ok) throw new Error('fixture');
  return { ...check.value, ...overrides, id };
}

describe('analyseSheet: reading the annexe 2 columns', () => {
  it('turns a row into the file the form would store', () => {
    const analysis = analyse([person()]);
    expect(analysis.totals).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(analysis.rows[0]).toEqual({
      row: 4,
      outcome: 'new',
      problems: [],
      matchId: null,
      input: {
        nom: 'DURAND',
        prenom: 'Camille',
        dateNaissance: '1984-03-12',
        discipline: 'svt',
        adresse: '4 rue des Alpins, 05100 Briançon',
        telephone: '06 11 22 33 44',
        statut: 'titulaire',
        corps: 'Certifié',
        grade: 'Classe normale',
        echelon: 7,
        etablissement: 'Lycée d’Altitude',
        ville: 'Briançon',
        email: 'camille.durand@ac-aix-marseille.fr',
        experience: 'Clubs sciences.',
        motivations: 'Porter la culture scientifique.',
        wishes: [10],
        receivedOn: null,
        status: 'recue',
      },
    });
  });

  it('reads what spreadsheets do to values: serial dates, numbers as text, phones without zero, upper-case e-mails, spaces', () => {
    const analysis = analyse([
      person({ 'Date de naissance': 30753, Téléphone: 611223344, 'Adresse mail académique': '  CAMILLE.DURAND@AC-AIX-MARSEILLE.FR ', NOM: ' Durand  ' }),
      martin({ 'Date de naissance': '2/11/79', Téléphone: '+33 6 12 34 56 78', Discipline: 'Physique chimie' }),
      person({ NOM: 'Roux', 'Date de naissance': new Date(Date.UTC(1990, 0, 31)), 'Adresse mail académique': 'roux@ac-aix-marseille.fr', Discipline: 'Sciences de la vie et de la Terre' }),
      person({ NOM: 'Blanc', 'Date de naissance': '32874', 'Adresse mail académique': 'blanc@ac-aix-marseille.fr', Discipline: 'svt' }),
    ]);
    expect(analysis.problems).toEqual([]);
    const [durand, martinRow, roux, blanc] = analysis.rows.map((r) => r.input!);
    expect(durand).toMatchObject({ nom: 'DURAND', dateNaissance: '1984-03-12', telephone: '06 11 22 33 44', email: 'camille.durand@ac-aix-marseille.fr' });
    expect(martinRow).toMatchObject({ dateNaissance: '1979-11-02', telephone: '06 12 34 56 78', discipline: 'physique-chimie', wishes: [11] });
    expect(roux).toMatchObject({ dateNaissance: '1990-01-31', discipline: 'svt' });
    expect(blanc).toMatchObject({ dateNaissance: '1990-01-01' });
  });

  it('reads statuses by their French label or code, and the application state when a column gives it', () => {
    const header = [...HEADER, 'État', 'Reçu le'];
    const analysis = analyse(
      [
        [...person({ Statut: 'contractuelle' }), 'Convoquée à l’entretien', '20/04/2026'],
        [...martin({ Statut: 'Contractuel(le)' }), 'en_instruction', 46133],
        [...person({ NOM: 'Roux', 'Adresse mail académique': 'roux@x.fr', Statut: 'STAGIAIRE' }), 'liste complémentaire', null],
      ],
      [],
      header,
    );
    expect(analysis.problems).toEqual([]);
    expect(analysis.rows.map((r) => [r.input!.statut, r.input!.status, r.input!.receivedOn])).toEqual([
      ['contractuel', 'convoquee', '2026-04-20'],
      ['contractuel', 'en_instruction', '2026-04-21'],
      ['stagiaire', 'liste_complementaire', null],
    ]);
  });

  it('gives a specific column precedence over the same part of a combined one', () => {
    const header = [...HEADER, 'Échelon', 'Ville'];
    const analysis = analyse([[...person(), 9, 'Gap']], [], header);
    expect(analysis.rows[0]!.input).toMatchObject({ corps: 'Certifié', grade: 'Classe normale', echelon: 9, etablissement: 'Lycée d’Altitude', ville: 'Gap' });
  });

  it('takes off the quote an export put before formula-like text', () => {
    const analysis = analyse([person({ Téléphone: "'+33 6 11 22 33 44", Motivations: "'=Pourquoi pas ?" })]);
    expect(analysis.rows[0]!.input).toMatchObject({ telephone: '06 11 22 33 44', motivations: '=Pourquoi pas ?' });
  });

  it('skips empty rows and numbers rows as the spreadsheet shows them', () => {
    const analysis = analyse([person(), [], [null, '  ', ''], martin()]);
    expect(analysis.rows.map((r) => r.row)).toEqual([4, 7]);
  });
});

describe('analyseSheet: wishes', () => {
  it('matches networks written differently: without "Réseau", upper case, other dashes, no accents', () => {
    const analysis = analyse([
      person({ Réseau: 'Les Écrins' }),
      martin({ Réseau: 'COTE BLEUE - LA NERTHE' }),
      person({ NOM: 'Roux', 'Adresse mail académique': 'roux@x.fr', Réseau: 'réseau côte bleue — la nerthe' }),
      person({ NOM: 'Blanc', 'Adresse mail académique': 'blanc@x.fr', Réseau: 'Ecrins' }),
    ]);
    expect(analysis.problems).toEqual([]);
    expect(analysis.rows.map((r) => r.input!.wishes)).toEqual([[10], [11], [11], [10]]);
  });

  it('reads several wishes in order, separated by ; , / or line breaks, and several wish columns', () => {
    const header = [...HEADER, 'Vœu 2'];
    const analysis = analyse(
      [
        [...person({ Réseau: 'Côte Bleue – La Nerthe ; Les Écrins' }), null],
        [...martin({ Réseau: '1. Les Écrins\n2. Côte Bleue - La Nerthe' }), null],
        [...person({ NOM: 'Roux', 'Adresse mail académique': 'roux@x.fr', Réseau: 'Côte Bleue' }), 'Les Écrins'],
      ],
      [],
      header,
    );
    expect(analysis.problems).toEqual([]);
    expect(analysis.rows.map((r) => r.input!.wishes)).toEqual([
      [11, 10],
      [10, 11],
      [11, 10],
    ]);
  });

  it('refuses an unknown network on its column, naming the networks of the call', () => {
    const analysis = analyse([person({ Réseau: 'Les Écrins, Durance' })]);
    expect(analysis.rows[0]!.outcome).toBe('rejected');
    expect(analysis.problems).toEqual([
      {
        row: 4,
        column: 'Réseau',
        message: 'Réseau inconnu : « Durance ». Réseaux de l’appel : Réseau Les Écrins, Réseau Côte Bleue – La Nerthe.',
      },
    ]);
  });

  it('refuses a name shared by several posts, asking for the network', () => {
    const analysis = analyse([person({ Réseau: 'Professeur relais territorial' })]);
    expect(analysis.problems[0]!.message).toContain('désigne plusieurs postes de l’appel');
  });
});

describe('analyseSheet: the validation report', () => {
  it('gives, for each rejected row, its number, the column as written and the reason in French', () => {
    const analysis = analyse([
      person(),
      martin({ 'Adresse mail académique': 'lea.martin@', Discipline: 'Chimie orga' }),
      person({ NOM: 'Roux', 'Adresse mail académique': 'roux@x.fr', 'Date de naissance': '31/02/1980' }),
      person({ NOM: '', 'Adresse mail académique': 'anonyme@x.fr', 'Corps / Grade / Echelon': 'Certifié / CN / HEA' }),
    ]);
    expect(analysis.totals).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(analysis.problems).toEqual([
      { row: 5, column: 'Discipline', message: 'Discipline inconnue : « Chimie orga ». Choisissez-la dans la liste.' },
      {
        row: 5,
        column: 'Adresse mail académique',
        message: '« lea.martin@ » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).',
      },
      { row: 6, column: 'Date de naissance', message: 'Le 31/02/1980 n’existe pas dans le calendrier.' },
      { row: 7, column: 'NOM', message: 'Le nom est obligatoire.' },
      { row: 7, column: 'Corps / Grade / Echelon', message: 'L’échelon est un nombre entier de 1 à 11.' },
    ]);
    expect(analysis.rows.map((r) => [r.row, r.outcome, r.input])).toEqual([
      [4, 'new', expect.any(Object)],
      [5, 'rejected', null],
      [6, 'rejected', null],
      [7, 'rejected', null],
    ]);
    expect(analysis.rows[1]!.problems).toHaveLength(2);
  });

  it('names the column as the file writes it, spaces trimmed', () => {
    const header = HEADER.map((h) => (h === 'Adresse mail académique' ? '  Mél  ' : h));
    const analysis = analyse([person({ 'Adresse mail académique': null, Téléphone: 'pas de tél' }), martin()], [], header);
    expect(analysis.problems).toEqual([
      { row: 4, column: 'Téléphone', message: '« pas de tél » contient des caractères qui ne sont pas ceux d’un numéro de téléphone.' },
    ]);
  });

  it('leaves the column empty when no column fed the field', () => {
    const header = ['Nom', 'Mél'];
    const analysis = analyse([['Durand', 'c@x.fr']], [], header);
    expect(analysis.problems).toEqual([{ row: 4, column: '', message: 'Le prénom est obligatoire.' }]);
  });

  it('refuses everything at once when no column is mapped to the nom or the prénom', () => {
    const mapping = proposeMapping(HEADER).map((f) => (f === 'nom' || f === 'prenom' ? null : f));
    const analysis = analyse([person(), [], martin()], [], HEADER, mapping);
    expect(analysis.problems).toEqual([{ row: 3, column: '', message: NO_NAME_COLUMN_MESSAGE }]);
    expect(analysis.totals).toEqual({ new: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(analysis.rows.every((r) => r.outcome === 'rejected' && r.input === null)).toBe(true);
  });
});

describe('analyseSheet: files already in the call', () => {
  it('counts new, updated, unchanged and rejected rows', () => {
    const first = analyse([person(), martin()]);
    const existing = stored(first);
    const analysis = analyse(
      [
        person(), // unchanged
        martin({ Téléphone: '07 00 00 00 00' }), // updated
        person({ NOM: 'Roux', PRENOM: 'Paul', 'Adresse mail académique': 'paul.roux@ac-aix-marseille.fr' }), // new
        person({ NOM: 'Blanc', 'Adresse mail académique': 'blanc@' }), // rejected
      ],
      existing,
    );
    expect(analysis.totals).toEqual({ new: 1, updated: 1, unchanged: 1, rejected: 1 });
    expect(analysis.rows.map((r) => [r.outcome, r.matchId])).toEqual([
      ['unchanged', 1],
      ['updated', 2],
      ['new', null],
      ['rejected', null],
    ]);
    expect(analysis.rows[1]!.input).toEqual({ ...existing[1], id: undefined, telephone: '07 00 00 00 00' } as unknown as CandidateInput);
  });

  it('changes nothing when the same file is imported twice: every row is unchanged', () => {
    const rows = [person(), martin(), person({ NOM: 'Roux', 'Adresse mail académique': '', 'Date de naissance': '' })];
    const first = analyse(rows);
    expect(first.totals).toEqual({ new: 3, updated: 0, unchanged: 0, rejected: 0 });
    const second = analyse(rows, stored(first));
    expect(second.totals).toEqual({ new: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(second.rows.map((r) => r.matchId)).toEqual([1, 2, 3]);
  });

  it('finds a file by its e-mail whatever the case, even when the name is written differently', () => {
    const existing = [existingFile(7, { nom: 'DURAND', email: 'camille.durand@ac-aix-marseille.fr' })];
    const analysis = analyse([person({ NOM: 'Durand-Roux', 'Adresse mail académique': 'Camille.Durand@AC-AIX-MARSEILLE.FR' })], existing);
    expect(analysis.rows[0]).toMatchObject({ outcome: 'updated', matchId: 7, input: { nom: 'DURAND-ROUX' } });
  });

  it('finds a file by nom, prénom and date de naissance, folded (accents, case, spaces)', () => {
    const existing = [existingFile(7, { nom: 'LEFÈVRE', prenom: 'Hélène', dateNaissance: '1984-03-12', email: '' })];
    const analysis = analyse([person({ NOM: 'lefevre', PRENOM: 'HELENE', 'Adresse mail académique': 'helene.lefevre@ac-aix-marseille.fr' })], existing);
    expect(analysis.rows[0]).toMatchObject({ outcome: 'updated', matchId: 7 });
  });

  it('never blanks a stored field with an empty cell or an unmapped column (the merge rule)', () => {
    const existing = [
      existingFile(7, {
        email: 'camille.durand@ac-aix-marseille.fr',
        telephone: '06 99 99 99 99',
        adresse: 'Ancienne adresse',
        receivedOn: '2026-04-20',
        status: 'convoquee',
        wishes: [11],
        motivations: 'Déjà saisies',
      }),
    ];
    // Only nom, prénom, mail and motivations columns; motivations left empty.
    const header = ['Nom', 'Prénom', 'Courriel', 'Motivations'];
    const same = analyse([['Durand', 'Camille', 'camille.durand@ac-aix-marseille.fr', '']], existing, header);
    expect(same.rows[0]).toMatchObject({ outcome: 'unchanged', matchId: 7 });
    expect(same.rows[0]!.input).toMatchObject({ telephone: '06 99 99 99 99', adresse: 'Ancienne adresse', receivedOn: '2026-04-20', status: 'convoquee', wishes: [11], motivations: 'Déjà saisies' });

    const changed = analyse([['Durand', 'Camille', 'camille.durand@ac-aix-marseille.fr', 'Nouvelles motivations']], existing, header);
    expect(changed.rows[0]).toMatchObject({ outcome: 'updated', input: { motivations: 'Nouvelles motivations', telephone: '06 99 99 99 99', status: 'convoquee' } });
  });

  it('tells "unchanged" from "updated" on every field of the file', () => {
    const base = existingFile(1, { wishes: [10, 11] });
    const other: { [K in keyof CandidateInput]: CandidateInput[K] } = {
      nom: 'AUTRE',
      prenom: 'Autre',
      dateNaissance: '1990-01-01',
      discipline: 'mathematiques',
      adresse: 'Autre adresse',
      telephone: '07 00 00 00 00',
      statut: 'stagiaire',
      corps: 'Agrégé',
      grade: 'Hors classe',
      echelon: 2,
      etablissement: 'Autre lycée',
      ville: 'Gap',
      email: 'autre@x.fr',
      experience: 'Autre expérience',
      motivations: 'Autres motivations',
      wishes: [11, 10],
      receivedOn: '2026-01-02',
      status: 'retenue',
    };
    expect(sameInput(base, { ...base })).toBe(true);
    for (const key of Object.keys(other) as (keyof CandidateInput)[]) {
      expect(base[key], key).not.toEqual(other[key]);
      expect(sameInput(base, { ...base, [key]: other[key] }), key).toBe(false);
    }
  });

  it('gives a new row the defaults: state "reçue", no reception date', () => {
    const analysis = analyse([['Durand', 'Camille']], [], ['Nom', 'Prénom']);
    expect(analysis.rows[0]!.input).toMatchObject({ status: 'recue', receivedOn: null, wishes: [], email: '' });
  });
});

describe('analyseSheet: the same person twice in the file', () => {
  it('refuses the later row by e-mail, whatever its case', () => {
    const analysis = analyse([person(), martin(), person({ NOM: 'Durand-Roux', 'Adresse mail académique': 'CAMILLE.DURAND@ac-aix-marseille.fr' })]);
    expect(analysis.totals).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(analysis.problems).toEqual([{ row: 6, column: '', message: 'Doublon de la ligne 4 (même adresse mail).' }]);
  });

  it('refuses the later row by nom, prénom and date de naissance', () => {
    const analysis = analyse([person(), person({ NOM: 'DURAND', PRENOM: 'camille', 'Adresse mail académique': '' })]);
    expect(analysis.problems).toEqual([{ row: 5, column: '', message: 'Doublon de la ligne 4 (même nom, prénom et date de naissance).' }]);
  });

  it('keeps homonyms apart when their dates of birth differ', () => {
    const analysis = analyse([person(), person({ 'Date de naissance': '01/01/1990', 'Adresse mail académique': 'camille.durand2@ac-aix-marseille.fr' })]);
    expect(analysis.totals.new).toBe(2);
  });
});

describe('analyseSheet: hostile headers and values', () => {
  it('treats __proto__, constructor and toString as unknown headers and pollutes nothing', () => {
    const header = ['Nom', 'Prénom', '__proto__', 'constructor', 'toString', 'polluted'];
    const rows: Row[] = [
      ['__proto__', 'constructor', '{"polluted":1}', 'polluted', 'x', 'yes'],
      ['toString', '__proto__', 'polluted', 'polluted', 'polluted', 'polluted'],
    ];
    const mapping = proposeMapping(header);
    expect(mapping).toEqual(['nom', 'prenom', null, null, null, null]);
    const analysis = analyse(rows, [existingFile(1, { nom: '__PROTO__', prenom: 'constructor', dateNaissance: null, email: '' })], header);
    expect(analysis.totals).toEqual({ new: 1, updated: 0, unchanged: 1, rejected: 0 });
    // A mapping forged with prototype names (bypassing the contract's check) is ignored too.
    const forged = ['__proto__', 'constructor', 'nom', 'prenom', 'toString', 'hasOwnProperty'] as unknown as ColumnMapping;
    expect(analyse(rows, [], header, forged).totals.new).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('analyseSheet: export then import', () => {
  it('reads back its own CSV export as unchanged (labels, ISO dates, neutralised text, wishes by network)', () => {
    const files = [
      existingFile(1, { wishes: [11, 10], telephone: '+41221234567', motivations: '=Relever le défi\n- ligne 2', statut: 'contractuel', status: 'convoquee' }),
      existingFile(2, { nom: 'MARTIN', prenom: 'Léa', email: 'lea.martin@ac-aix-marseille.fr', discipline: 'physique-chimie', echelon: null, receivedOn: null }),
    ];
    // The columns and cells of the services' export (electron/services/handlers/exports.ts).
    const columns: IntakeField[] = ['nom', 'prenom', 'dateNaissance', 'discipline', 'statut', 'corps', 'grade', 'echelon', 'etablissement', 'ville', 'adresse', 'telephone', 'email', 'wishes', 'receivedOn', 'status', 'experience', 'motivations'];
    const cell = (file: ExistingFile, field: IntakeField): string | number | null => {
      switch (field) {
        case 'discipline':
          return disciplineLabel(file.discipline);
        case 'statut':
          return file.statut ? AGENT_STATUS_LABELS[file.statut] : '';
        case 'status':
          return APPLICATION_STATUS_LABELS[file.status];
        case 'wishes':
          return file.wishes.map((id) => posts.find((p) => p.id === id)!.site).join(' ; ');
        case 'corpsGradeEchelon':
        case 'affectation':
          return '';
        default:
          return file[field];
      }
    };
    const bytes = toCsv([columns.map((f) => INTAKE_FIELD_LABELS[f]), ...files.map((file) => columns.map((f) => cell(file, f)))]);
    const parsed = parseCsv(bytes);
    if (!parsed.ok) throw new Error(parsed.message);
    const sheet = parsed.workbook.sheets[0]!;
    const headerIndex = detectHeaderRow(sheet.rows)!;
    expect(headerIndex).toBe(0);
    const mapping = proposeMapping(sheet.rows[0]!);
    expect(mapping).toEqual(columns);
    const analysis = analyseSheet(sheet, headerIndex, mapping, { today, posts, existing: files });
    expect(analysis.problems).toEqual([]);
    expect(analysis.totals).toEqual({ new: 0, updated: 0, unchanged: 2, rejected: 0 });
  });
});

describe('analyseSheet: speed', () => {
  it('analyses 10,000 rows against 10,000 stored files without a quadratic scan', () => {
    const rows: Row[] = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      rows.push(person({ NOM: `Nom${i}`, PRENOM: `Prénom${i}`, 'Adresse mail académique': `p${i}@ac-aix-marseille.fr`, Réseau: i % 2 ? 'Les Écrins' : 'COTE BLEUE - LA NERTHE', Téléphone: 600000000 + i }));
    }
    const ctx = { today, posts, existing: [] as ExistingFile[] };
    const mapping = proposeMapping(HEADER);
    const first = analyseSheet({ name: 's', rows }, 0, mapping, ctx);
    expect(first.totals.new).toBe(10_000);
    const existing = stored(first);
    const started = performance.now();
    const second = analyseSheet({ name: 's', rows }, 0, mapping, { ...ctx, existing });
    const elapsed = performance.now() - started;
    console.log(`analyseSheet 10000 rows vs 10000 stored: ${elapsed.toFixed(0)} ms`);
    expect(second.totals.unchanged).toBe(10_000);
    // A guard against quadratic work (which takes many seconds here), loose enough for a loaded CI runner.
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('analyseSheet: an e-mail that belongs to someone else', () => {
  it('refuses the row instead of renaming the stored file, and says whose address it is', () => {
    const existing = [existingFile(7, { nom: 'DURAND', prenom: 'Camille', dateNaissance: '1984-03-12', email: 'camille.durand@ac-aix-marseille.fr' })];
    const analysis = analyse([person({ NOM: 'Martin', PRENOM: 'Paul', 'Adresse mail académique': 'camille.durand@ac-aix-marseille.fr' })], existing);
    expect(analysis.rows[0]).toMatchObject({ outcome: 'rejected', input: null, matchId: null });
    expect(analysis.problems).toEqual([
      expect.objectContaining({ column: 'Adresse mail académique', message: expect.stringContaining('Adresse déjà utilisée par le dossier de DURAND Camille, né(e) le 12/03/1984') }),
    ]);
  });

  it('refuses it too when the names agree but the dates of birth contradict', () => {
    const existing = [existingFile(7, { nom: 'DURAND', prenom: 'Camille', dateNaissance: '1984-03-12', email: 'camille.durand@ac-aix-marseille.fr' })];
    const analysis = analyse(
      [person({ NOM: 'Durand', PRENOM: 'Camille', 'Date de naissance': '12/03/1990', 'Adresse mail académique': 'camille.durand@ac-aix-marseille.fr' })],
      existing,
    );
    expect(analysis.totals.rejected).toBe(1);
  });

  it('lists the fields an update changes', () => {
    const existing = [existingFile(7, { nom: 'DURAND', prenom: 'Camille', email: 'camille.durand@ac-aix-marseille.fr', telephone: '06 99 99 99 99' })];
    const analysis = analyse([person({ NOM: 'Durand', PRENOM: 'Camille', 'Adresse mail académique': 'camille.durand@ac-aix-marseille.fr', Téléphone: '0611111111' })], existing);
    expect(analysis.rows[0]).toMatchObject({ outcome: 'updated', changedFields: expect.arrayContaining(['telephone']) });
    expect(analysis.rows[0]!.changedFields).not.toContain('nom');
  });
});

describe('analyseSheet: wishes whose post names hold a comma or a slash', () => {
  it('reads « A ; B » back whole, as the export writes it, and still splits « A, B » typed by hand', () => {
    const posts = [
      { id: 21, label: 'Relais', site: 'Réseau Nord / Sud' },
      { id: 22, label: 'Relais', site: 'Réseau Est, Ouest' },
      { id: 23, label: 'Relais', site: 'Réseau Centre' },
    ];
    const sheet = {
      name: 'Candidatures',
      rows: [
        ['Nom', 'Prénom', 'Postes demandés'],
        ['Durand', 'Camille', 'Réseau Nord / Sud ; Réseau Est, Ouest'],
        ['Martin', 'Paul', 'Réseau Centre, Réseau Nord / Sud'],
      ],
    };
    const analysis = analyseSheet(sheet, 0, ['nom', 'prenom', 'wishes'], { today: '2026-06-10', posts, existing: [] });
    expect(analysis.problems).toEqual([]);
    expect(analysis.rows.map((r) => r.input?.wishes)).toEqual([
      [21, 22],
      [23, 21],
    ]);
  });
});
