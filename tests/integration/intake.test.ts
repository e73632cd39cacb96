// Spreadsheet intake through the real handlers (dispatch, real SQLite file, real exceljs): what a secretariat
// relies on when it imports a file — round trips with the app's own exports, idempotence, files saved by
// LibreOffice, all-or-nothing commits, saved column mappings, clear refusals, cancel and progress.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateFile } from '../../shared/model/entities.js';
import { draftFromFile } from '../../shared/domain/candidate.js';
import { callDraft, candidateDraft } from '../helpers/fixtures.js';
import {
  ADMISSIBILITY_HEADER,
  REASONS_HEADER,
  OPINION_EXPORT_HEADERS,
  EXPORT_FIELDS,
  EXPORT_HEADERS,
  commitPreview,
  createCstiLikeCall,
  filesOf,
  fromBase64,
  journalLength,
  newIntakeId,
  openDemoCsti,
  openIntake,
  workbookOf,
} from '../helpers/intake.js';
import { ACTOR, expectError, makeServices, NOW, type TestServices } from '../helpers/services.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A file without what belongs to where it is stored: ids, call, timestamps; wishes through `posts` (old id -> new id). */
function portable(file: CandidateFile, posts?: Map<number, number>) {
  const { id: _id, callId: _callId, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = file;
  return { ...rest, wishes: posts ? rest.wishes.map((w) => posts.get(w)) : rest.wishes };
}

const byEmail = (a: CandidateFile, b: CandidateFile) => a.email.localeCompare(b.email);

async function countOf(t: TestServices, callId: number): Promise<number> {
  return (await t.call('candidates-list', { callId })).length;
}

describe('round trips with the app’s own exports', () => {
  it('.xlsx: imported into its own call, all 22 files are unchanged and the commit writes nothing; into a new call, all 22 come back identical', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const before = await filesOf(t, csti.id);
    expect(before).toHaveLength(22);
    const exported = await t.call('candidates-export', { callId: csti.id, format: 'xlsx' });
    const bytes = fromBase64(exported.contentBase64);
    const journal = await journalLength(t);

    const preview = await openIntake(t, csti.id, exported.fileName, bytes);
    // The hidden "Listes" sheet (drop-down values) is not offered.
    expect(preview).toMatchObject({ format: 'xlsx', csv: null, sheets: ['Candidatures', 'Métadonnées'], sheetIndex: 0, headerRow: 1, mappingFromSaved: false });
    expect(preview.columns.map((c) => c.header)).toEqual([...EXPORT_HEADERS, ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_EXPORT_HEADERS]);
    // Every exported column is read back by its header; the computed admissibility is not data.
    expect(preview.mapping).toEqual([...EXPORT_FIELDS, null, null, null, null, null, null]);
    expect(preview.totals).toEqual({ new: 0, updated: 0, unchanged: 22, rejected: 0 });
    expect(preview.problemCount).toBe(0);

    expect(await commitPreview(t, preview)).toEqual({ created: 0, updated: 0, unchanged: 22, rejected: 0 });
    expect(await filesOf(t, csti.id)).toEqual(before); // updatedAt included
    expect(await journalLength(t)).toBe(journal);

    const other = await createCstiLikeCall(t);
    const into = await openIntake(t, other.id, exported.fileName, bytes);
    expect(into.totals).toEqual({ new: 22, updated: 0, unchanged: 0, rejected: 0 });
    expect(await commitPreview(t, into)).toEqual({ created: 22, updated: 0, unchanged: 0, rejected: 0 });
    const copies = await filesOf(t, other.id);
    expect(copies).toHaveLength(22);
    for (const copy of copies) expect(copy).toMatchObject({ callId: other.id, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    // Wishes point at the new call's posts, in the same order (first network first).
    const posts = new Map(csti.posts.map((p, i) => [p.id, other.posts[i]!.id]));
    expect(copies.sort(byEmail).map((f) => portable(f))).toEqual(before.sort(byEmail).map((f) => portable(f, posts)));
    // The original call was not touched by the import into the other one.
    expect(await filesOf(t, csti.id)).toEqual(before.sort((a, b) => a.id - b.id));
  });

  it('.csv: UTF-8 with BOM, ";" and CRLF; imported again into its call, all 22 files are unchanged', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const before = await filesOf(t, csti.id);
    const exported = await t.call('candidates-export', { callId: csti.id, format: 'csv' });
    expect(exported.fileName).toMatch(/^candidatures-.*-2026-06-10\.csv$/);
    expect(exported.mimeType).toBe('text/csv;charset=utf-8');
    const bytes = fromBase64(exported.contentBase64);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(1 + 22 + 1); // header, 22 files, and the CRLF after the last row
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR (the demo has no multi-line text)
    expect(lines[0]).toBe([...EXPORT_HEADERS, ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_EXPORT_HEADERS].join(';'));
    expect(lines.find((l) => l.startsWith('ARNAUD;'))).toBe(
      'ARNAUD;Camille;12/03/1984;Sciences de la vie et de la Terre;Titulaire;Certifié;Classe normale;8;Lycée d’Altitude;Briançon;' +
        '"4 rue des Alpins, 05100 Briançon";06 11 22 33 44;camille.arnaud@ac-aix-marseille.example;Réseau Les Écrins;20/04/2026;En instruction;' +
        '"Coordination de projets scientifiques en établissement, accompagnement de clubs sciences, participation à la fête de la science.";' +
        '"Porter la culture scientifique dans le réseau, fédérer les référents culture et développer la fête de la science.";Recevable;;;;;',
    );
    const journal = await journalLength(t);

    const preview = await openIntake(t, csti.id, exported.fileName, bytes);
    expect(preview).toMatchObject({ format: 'csv', csv: { encoding: 'utf-8', separator: ';' }, sheets: ['CSV'], headerRow: 1 });
    expect(preview.mapping).toEqual([...EXPORT_FIELDS, null, null, null, null, null, null]);
    expect(preview.totals).toEqual({ new: 0, updated: 0, unchanged: 22, rejected: 0 });
    expect(await commitPreview(t, preview)).toEqual({ created: 0, updated: 0, unchanged: 22, rejected: 0 });
    expect(await filesOf(t, csti.id)).toEqual(before);
    expect(await journalLength(t)).toBe(journal);
  });
});

describe('round trips of awkward calls and texts', () => {
  it('posts sharing a site, multi-line text, quotes, separators and bullet dashes: the export imports back unchanged (.xlsx and .csv)', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', {
      call: callDraft({
        posts: [
          { label: 'Professeur de mathématiques', site: 'Lycée Thiers', places: '1' },
          { label: 'Professeur de physique-chimie', site: 'Lycée Thiers', places: '1' },
          { label: 'Professeur de SVT', site: 'Lycée Périer', places: '1' },
        ],
      }),
    });
    const [maths, physique, svt] = call.posts;
    await t.call('candidates-create', {
      callId: call.id,
      candidate: candidateDraft({
        nom: "O'Neil",
        wishes: [physique!.id, maths!.id],
        adresse: '12, rue "Les Pins" ; bât. B\nCS 10001',
        experience: '- Coordination du club sciences\n- Fête de la science ; 2019-2025',
        motivations: 'Première ligne.\n\nTroisième ligne, « entre guillemets ».',
      }),
    });
    await t.call('candidates-create', {
      callId: call.id,
      candidate: candidateDraft({ nom: 'Zhang', prenom: 'Wei', email: 'wei.zhang@ac-test.example', wishes: [svt!.id, maths!.id] }),
    });
    const before = await filesOf(t, call.id);

    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await t.call('candidates-export', { callId: call.id, format });
      const preview = await openIntake(t, call.id, exported.fileName, fromBase64(exported.contentBase64));
      expect(preview.problems, format).toEqual([]);
      expect(preview.totals, format).toEqual({ new: 0, updated: 0, unchanged: 2, rejected: 0 });
      // Each post under a name that designates it alone.
      const wishes = preview.sample.map((s) => s.cells[EXPORT_HEADERS.indexOf('Postes demandés')]);
      expect(wishes, format).toEqual([
        'Professeur de physique-chimie – Lycée Thiers ; Professeur de mathématiques – Lycée Thiers',
        'Lycée Périer ; Professeur de mathématiques – Lycée Thiers',
      ]);
      await commitPreview(t, preview);
      expect(await filesOf(t, call.id)).toEqual(before);
    }

    // Typed by hand, the shared site alone is ambiguous: the report names the posts so that they can be told apart.
    const typed = await openIntake(t, call.id, 'saisie.xlsx', await workbookOf([['Nom', 'Prénom', 'Postes demandés'], ['Martin', 'Léa', 'Lycée Thiers']]));
    expect(typed.problems).toEqual([
      {
        row: 2,
        column: 'Postes demandés',
        message:
          '« Lycée Thiers » désigne plusieurs postes de l’appel : indiquez le réseau (Professeur de mathématiques – Lycée Thiers, Professeur de physique-chimie – Lycée Thiers, Lycée Périer).',
      },
    ]);
  });
});

describe('importing', () => {
  it('the same new file twice: N created, then 0 created, 0 updated, N unchanged, and no journal line the second time', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const [north, south] = call.posts;
    const bytes = await workbookOf([
      ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Adresse mail académique', 'Postes demandés', 'Reçue le'],
      ['Durand', 'Camille', '12/03/1984', 'SVT', 'camille.durand@ac-test.example', 'Réseau Sud ; Réseau Nord', '20/04/2026'],
      ['Lefèvre', 'Noé', '01/12/1990', 'Mathématiques', 'noe.lefevre@ac-test.example', 'Réseau Nord', '02/05/2026'],
      ['Bénard', 'Aïcha', '30/06/1988', 'svt', '', 'Sud', '14/05/2026'],
    ]);
    const journal = await journalLength(t);

    const first = await openIntake(t, call.id, 'candidats.xlsx', bytes);
    expect(first.totals).toEqual({ new: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await commitPreview(t, first)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await filesOf(t, call.id);
    expect(stored.map((f) => [f.nom, f.prenom, f.dateNaissance, f.discipline, f.wishes, f.receivedOn])).toEqual([
      ['DURAND', 'Camille', '1984-03-12', 'svt', [south!.id, north!.id], '2026-04-20'],
      ['LEFÈVRE', 'Noé', '1990-12-01', 'mathematiques', [north!.id], '2026-05-02'],
      ['BÉNARD', 'Aïcha', '1988-06-30', 'svt', [south!.id], '2026-05-14'],
    ]);
    // One journal line per file created, under the actor's name.
    const lines = (await t.call('journal-list', { limit: 1000 })).slice(0, (await journalLength(t)) - journal);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ method: 'intake-commit', entity: 'candidates', callId: call.id, actorName: ACTOR.name });
    expect(lines.map((l) => l.entityId).sort()).toEqual(stored.map((f) => f.id).sort());
    const afterFirst = await journalLength(t);

    const second = await openIntake(t, call.id, 'candidats.xlsx', bytes);
    expect(second.totals).toEqual({ new: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await commitPreview(t, second)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await journalLength(t)).toBe(afterFirst);
    expect(await filesOf(t, call.id)).toEqual(stored);
  });

  it('a file saved by LibreOffice (title row above the header, accents, real dates, numbers kept as text) into the demo call', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const before = await filesOf(t, csti.id);
    const preview = await openIntake(t, csti.id, 'libreoffice-candidats.xlsx', readFileSync(join(FIXTURES, 'libreoffice-candidats.xlsx')));
    // Row 1 is the title « Liste des candidatures reçues — session 2026 »: the header is found under it.
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => [c.header, c.field])).toEqual([
      ['Nom', 'nom'],
      ['Prénom', 'prenom'],
      ['Date de naissance', 'dateNaissance'],
      ['Discipline', 'discipline'],
      ['Échelon', 'echelon'],
      ['Téléphone', 'telephone'],
      ['Ancienneté (ans)', null],
    ]);
    expect(preview.sample.map((s) => s.row)).toEqual([3, 4, 5]);
    // Durand Élodie is not the demo's DURAND Mathieu: three new files, nothing updated.
    expect(preview.totals).toEqual({ new: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await commitPreview(t, preview)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });

    const added = (await filesOf(t, csti.id)).filter((f) => !before.some((b) => b.id === f.id));
    expect(added.map((f) => [f.nom, f.prenom, f.dateNaissance, f.discipline, f.echelon, f.telephone])).toEqual([
      ['DURAND', 'Élodie', '1982-03-15', 'lettres-modernes', 7, '06 12 34 56 78'],
      ["N'GUESSAN", 'Aïssatou', '1990-12-01', 'mathematiques', 3, '07 12 34 56 78'],
      ['LEFÈVRE-MÜLLER', 'François, dit « Fanfan »', '1988-02-29', 'eps', 10, '06 98 76 54 32'],
    ]);
    // The demo files are untouched.
    expect((await filesOf(t, csti.id)).filter((f) => before.some((b) => b.id === f.id))).toEqual(before);
  });

  it('all or nothing: a commit that fails midway leaves every file and the journal as they were, and can be committed once the cause is gone', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const [north] = call.posts;
    const durand = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ wishes: [north!.id] }) });
    await t.call('candidates-create', {
      callId: call.id,
      candidate: candidateDraft({ nom: 'Martin', prenom: 'Léa', email: 'lea.martin@ac-test.example', telephone: '0622334455' }),
    });
    const header = ['Nom', 'Prénom', 'Adresse mail académique', 'Téléphone', 'Discipline', 'Reçue le'];
    const bytes = await workbookOf([
      header,
      // First row: an update of a stored file (new phone number), written before the inserts.
      ['Durand', 'Camille', durand.email, '07 00 11 22 33', '', ''],
      ...Array.from({ length: 6 }, (_, i) => [`Nouveau${i}`, 'Alex', `alex.nouveau${i}@ac-test.example`, '', 'SVT', '10/05/2026']),
    ]);
    const preview = await openIntake(t, call.id, 'lot.xlsx', bytes);
    expect(preview.totals).toEqual({ new: 6, updated: 1, unchanged: 0, rejected: 0 });

    const before = await filesOf(t, call.id);
    const journal = await journalLength(t);
    // The disk "fills up" once the call holds 5 files: the third insert of the import fails.
    t.services.db.exec(
      `CREATE TRIGGER full_disk BEFORE INSERT ON candidates WHEN (SELECT COUNT(*) FROM candidates WHERE call_id = ${call.id}) >= 5
       BEGIN SELECT RAISE(ABORT, 'disque plein simulé'); END`,
    );
    const envelope = await t.dispatch('intake-commit', { intakeId: preview.intakeId, sheetIndex: preview.sheetIndex, mapping: preview.mapping }, { actor: ACTOR });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(['internal', 'conflict']).toContain(envelope.error.code);
    expect(envelope.error.message).toMatch(/rien n’a été (modifié|enregistré)/);
    expect(envelope.error.message).not.toContain('disque plein simulé'); // no SQLite text for the secretariat
    // Nothing of the import remains: not the inserts before the failure, not the update of Durand.
    expect(await filesOf(t, call.id)).toEqual(before);
    expect(await journalLength(t)).toBe(journal);

    t.services.db.exec('DROP TRIGGER full_disk');
    expect(await commitPreview(t, preview)).toEqual({ created: 6, updated: 1, unchanged: 0, rejected: 0 });
    expect(await countOf(t, call.id)).toBe(8);
    expect((await t.call('candidates-get', { id: durand.id })).telephone).toBe('07 00 11 22 33');
    expect(await journalLength(t)).toBe(journal + 7);
    // And a new open of the same file sees it all stored.
    expect((await openIntake(t, call.id, 'lot.xlsx', bytes)).totals).toEqual({ new: 0, updated: 0, unchanged: 7, rejected: 0 });
  });
});

describe('saved column mappings', () => {
  it('an unknown header is left unmapped; the corrected mapping changes the report, is saved, and is reused for files with the same headers only', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const rows = [
      ['Roux', 'Élise', '14/02/1985', 'Mathématiques', 'elise.roux@ac-test.example'],
      ['Petit', 'Jules', '31/02/1990', 'SVT', 'jules.petit@ac-test.example'],
    ];
    const first = await openIntake(t, call.id, 'dossiers-mai.xlsx', await workbookOf([['Nom', 'Prénom', 'DN', 'Discipline', 'Courriel'], ...rows]));
    expect(first.mappingFromSaved).toBe(false);
    expect(first.mapping).toEqual(['nom', 'prenom', null, 'discipline', 'email']);
    // Unmapped, the DN column is ignored: both rows look fine.
    expect(first.totals).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });

    const corrected = ['nom', 'prenom', 'dateNaissance', 'discipline', 'email'] as const;
    const previewed = await t.call('intake-preview', { intakeId: first.intakeId, mapping: [...corrected] });
    expect(previewed.mapping).toEqual(corrected);
    expect(previewed.columns[2]).toEqual({ index: 2, header: 'DN', field: 'dateNaissance' });
    expect(previewed.totals).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(previewed.problems).toEqual([{ row: 3, column: 'DN', message: 'Le 31/02/1990 n’existe pas dans le calendrier.' }]);

    expect(await t.call('intake-mapping-save', { intakeId: first.intakeId, mapping: [...corrected] })).toEqual({ saved: true });
    expect(await t.call('intake-commit', { intakeId: first.intakeId, sheetIndex: 0, mapping: [...corrected] })).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    expect((await filesOf(t, call.id)).map((f) => [f.nom, f.dateNaissance])).toEqual([['ROUX', '1985-02-14']]);

    // Same headers, written differently (case, accents, spaces): the saved mapping comes back.
    const same = await openIntake(
      t,
      call.id,
      'dossiers-juin.xlsx',
      await workbookOf([['NOM', 'prenom ', 'dn', 'DISCIPLINE', 'Courriel'], ['Garnier', 'Lou', '03/04/1987', 'SVT', 'lou.garnier@ac-test.example']]),
    );
    expect(same.mappingFromSaved).toBe(true);
    expect(same.mapping).toEqual(corrected);
    expect(same.totals).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 0 });

    // Another layout (one more column) does not get it.
    const other = await openIntake(t, call.id, 'autre.xlsx', await workbookOf([['Nom', 'Prénom', 'DN', 'Discipline', 'Courriel', 'Téléphone'], [...rows[0]!, '0611223344']]));
    expect(other.mappingFromSaved).toBe(false);
    expect(other.mapping).toEqual(['nom', 'prenom', null, 'discipline', 'email', 'telephone']);
    // Nor does another call with the same layout: a mapping is saved for its call.
    const otherCall = await t.call('calls-create', { call: callDraft({ title: 'Autre appel' }) });
    const elsewhere = await openIntake(t, otherCall.id, 'dossiers-juin.xlsx', await workbookOf([['Nom', 'Prénom', 'DN', 'Discipline', 'Courriel'], rows[0]!]));
    expect(elsewhere.mappingFromSaved).toBe(false);
    expect(elsewhere.mapping[2]).toBeNull();
  });

  it('the mapping is saved for the sheet the secretariat chose, not for another sheet of the same width', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('2025').addRows([
      ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Courriel'],
      ['Roux', 'Élise', '14/02/1985', 'Mathématiques', 'elise.roux@ac-test.example'],
    ]);
    wb.addWorksheet('2026').addRows([
      ['Nom', 'Prénom', 'DN', 'Discipline', 'Courriel'],
      ['Petit', 'Jules', '03/04/1990', 'SVT', 'jules.petit@ac-test.example'],
    ]);
    const opened = await openIntake(t, call.id, 'deux-sessions.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(opened.sheetIndex).toBe(0);
    const chosen = await t.call('intake-preview', { intakeId: opened.intakeId, sheetIndex: 1 });
    expect(chosen.mapping).toEqual(['nom', 'prenom', null, 'discipline', 'email']);
    const corrected = ['nom', 'prenom', 'dateNaissance', 'discipline', 'email'] as const;
    await t.call('intake-preview', { intakeId: opened.intakeId, sheetIndex: 1, mapping: [...corrected] });
    await t.call('intake-mapping-save', { intakeId: opened.intakeId, mapping: [...corrected] });

    const next = await openIntake(t, call.id, 'session-2026.xlsx', await workbookOf([['Nom', 'Prénom', 'DN', 'Discipline', 'Courriel'], ['Garnier', 'Lou', '03/04/1987', 'SVT', 'lou.garnier@ac-test.example']]));
    expect(next.mappingFromSaved).toBe(true);
    expect(next.mapping).toEqual(corrected);
    // The 2025 layout was not given the mapping meant for 2026.
    const old = await openIntake(t, call.id, 'session-2025.xlsx', await workbookOf([['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Courriel'], ['Roux', 'Élise', '14/02/1985', 'Mathématiques', 'elise.roux@ac-test.example']]));
    expect(old.mappingFromSaved).toBe(false);
  });
});

/** Bytes that are nobody's spreadsheet, the same at every run. */
function noise(length: number): Buffer {
  let x = 0x2545f491;
  return Buffer.from(
    Array.from({ length }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    }),
  );
}

/** Text as French Excel saves « CSV (séparateur : point-virgule) »: Windows-1252. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85 };
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const mapped = high[ch];
      if (mapped === undefined) throw new Error(`not in Windows-1252: ${ch}`);
      return mapped;
    }),
  );
}

describe('bad input: a clear French message naming the file, nothing stored', () => {
  it('refuses .xls, a truncated .xlsx, random bytes and an empty file; a file over 50 Mo; an unknown call', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    await t.call('candidates-create', { callId: call.id, candidate: candidateDraft() });
    const valid = await workbookOf([['Nom', 'Prénom'], ['Durand', 'Camille']]);
    const journal = await journalLength(t);
    const before = await filesOf(t, call.id);

    const cases: { fileName: string; bytes: Buffer; message: RegExp }[] = [
      { fileName: 'candidats 2003.xls', bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]), message: /\.xls \(Excel 97-2003\).*\.xlsx ou \.csv/ },
      { fileName: 'coupé.xlsx', bytes: valid.subarray(0, Math.floor(valid.length / 2)), message: /endommagé ou n’est pas un classeur Excel lisible/ },
      { fileName: 'bruit.xlsx', bytes: noise(4096), message: /n’est ni un classeur Excel \(\.xlsx\) ni un fichier CSV/ },
      { fileName: 'vide.csv', bytes: Buffer.alloc(0), message: /est vide/ },
    ];
    for (const { fileName, bytes, message } of cases) {
      const intakeId = newIntakeId();
      const error = await expectError(openIntake(t, call.id, fileName, bytes, intakeId), 'validation');
      expect(error.message, fileName).toMatch(message);
      expect(error.message, fileName).toContain(`« ${fileName} »`);
      // Nothing is kept of a refused file.
      await expectError(t.call('intake-preview', { intakeId }), 'not_found');
    }

    // Over 50 Mo once decoded, within the argument limit: refused by the reader, naming the file.
    const tooBig = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    const big = await expectError(openIntake(t, call.id, 'énorme.csv', tooBig), 'too_large');
    expect(big.message).toBe('Le fichier « énorme.csv » pèse 50 Mo : la taille maximale acceptée est de 50 Mo.');
    // Base64 longer than any 50 Mo file: refused by argument validation before anything is decoded.
    const huge = await expectError(
      t.call('intake-open', { callId: call.id, intakeId: newIntakeId(), fileName: 'énorme.xlsx', contentBase64: 'A'.repeat(70_000_000) }),
      'validation',
    );
    expect(huge.fieldErrors).toEqual({ contentBase64: 'Fichier trop volumineux : 50 Mo au plus.' });
    expect(huge.message).toContain('Fichier trop volumineux : 50 Mo au plus.');

    const unknown = await expectError(openIntake(t, 999_999, 'candidats.xlsx', valid), 'not_found');
    expect(unknown.message).toMatch(/n’existe pas|introuvable/);

    expect(await filesOf(t, call.id)).toEqual(before);
    expect(await journalLength(t)).toBe(journal);
  });

  it('accepts a CSV saved in Windows-1252 and keeps its accents', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const bytes = windows1252(
      'Nom;Prénom;Établissement;Ville;Discipline;Reçue le\r\n' +
        'Lœuillet;Zoé;Lycée Jean-Cœur;Saint-Étienne;Sciences de la vie et de la Terre;12/05/2026\r\n' +
        'N’Diaye;Anaïs;Collège Françoise Dolto;Besançon;Mathématiques;13/05/2026\r\n',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const preview = await openIntake(t, call.id, 'export-excel.csv', bytes);
    expect(preview).toMatchObject({ format: 'csv', csv: { encoding: 'windows-1252', separator: ';' } });
    expect(preview.mapping).toEqual(['nom', 'prenom', 'etablissement', 'ville', 'discipline', 'receivedOn']);
    expect(preview.totals).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });
    await commitPreview(t, preview);
    expect((await filesOf(t, call.id)).map((f) => [f.nom, f.prenom, f.etablissement, f.ville, f.discipline, f.receivedOn])).toEqual([
      ['LŒUILLET', 'Zoé', 'Lycée Jean-Cœur', 'Saint-Étienne', 'svt', '2026-05-12'],
      ['N’DIAYE', 'Anaïs', 'Collège Françoise Dolto', 'Besançon', 'mathematiques', '2026-05-13'],
    ]);
  });

  it('rejected rows: the row number as the spreadsheet shows it, the header as written, the reason in French; the others are written', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const bytes = await workbookOf([
      ['Candidatures reçues au 15 mai', null, null, null, null],
      [null, null, null, null, null],
      ['NOM :', 'Prénom(s)', 'Né(e) le', 'Mél', 'Vœux'],
      ['Durand', 'Camille', '12/03/1984', 'camille.durand@ac-test.example', 'Réseau Nord'],
      ['Martin', 'Léa', '05/06/1990', 'lea.martin@ac-test', 'Réseau Nord'],
      ['Petit', 'Jules', '31/02/1980', 'jules.petit@ac-test.example', 'Réseau Ouest'],
      [null, 'Sans nom', null, null, null],
    ]);
    const preview = await openIntake(t, call.id, 'relevé.xlsx', bytes);
    expect(preview.headerRow).toBe(3);
    expect(preview.mapping).toEqual(['nom', 'prenom', 'dateNaissance', 'email', 'wishes']);
    expect(preview.totals).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(preview.problems).toEqual([
      { row: 5, column: 'Mél', message: '« lea.martin@ac-test » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).' },
      { row: 6, column: 'Né(e) le', message: 'Le 31/02/1980 n’existe pas dans le calendrier.' },
      { row: 6, column: 'Vœux', message: 'Réseau inconnu : « Réseau Ouest ». Réseaux de l’appel : Réseau Nord, Réseau Sud.' },
      { row: 7, column: 'NOM :', message: 'Le nom est obligatoire.' },
    ]);
    expect(preview.problemCount).toBe(4);
    expect(await commitPreview(t, preview)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect((await filesOf(t, call.id)).map((f) => f.nom)).toEqual(['DURAND']);
  });
});

describe('reading a large file: cancel and progress', () => {
  const ROWS = 20_000;
  let large: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Candidatures');
    ws.addRow(['Nom', 'Prénom', 'Adresse mail académique', 'Discipline', 'Reçue le']);
    for (let i = 0; i < ROWS; i++) ws.addRow([`Nom${i}`, 'Camille', `camille.nom${i}@ac-test.example`, 'SVT', '10/05/2026']);
    large = Buffer.from(await wb.xlsx.writeBuffer());
  }, 20_000);

  it('cancel during the read: the open ends with « Import annulé. », nothing is kept or stored', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const journal = await journalLength(t);
    const intakeId = newIntakeId();
    const opening = openIntake(t, call.id, 'grand-fichier.xlsx', large, intakeId);
    // Under vitest the parse runs in the calling thread (no compiled read-worker.js next to the module), so
    // the cancel cannot stop it midway: 'intake-cancel' runs as soon as the open first awaits (inside
    // exceljs's load), the parse then runs to its end, and readWorkbook, seeing the aborted signal, rejects.
    // In the app the worker is terminated at once; the outcome the secretariat sees is the same.
    expect(await t.call('intake-cancel', { intakeId })).toEqual({ cancelled: true });
    const error = await expectError(opening, 'validation');
    expect(error.message).toBe('Import annulé.');
    await expectError(t.call('intake-preview', { intakeId }), 'not_found');
    await expectError(t.call('intake-commit', { intakeId, sheetIndex: 0, mapping: ['nom', 'prenom', 'email', 'discipline', 'receivedOn'] }), 'not_found');
    expect(await t.call('intake-cancel', { intakeId })).toEqual({ cancelled: false });
    expect(await countOf(t, call.id)).toBe(0);
    expect(await journalLength(t)).toBe(journal);
  });

  it('progress: the windows receive "progress" events for this intake, fractions rising from 0 to 1', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const intakeId = newIntakeId();
    const preview = await openIntake(t, call.id, 'grand-fichier.xlsx', large, intakeId);
    expect(preview.totals).toEqual({ new: ROWS, updated: 0, unchanged: 0, rejected: 0 });
    const progress = t.events.flatMap((m) => (m.event === 'progress' ? [m.payload] : []));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    for (const p of progress) expect(p).toMatchObject({ task: 'intake', id: intakeId, label: 'Lecture de « grand-fichier.xlsx »' });
    const fractions = progress.map((p) => p.fraction);
    for (const f of fractions) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!, `fraction n° ${i}`).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[0]).toBeLessThan(0.1);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('what an update will change, and changes made meanwhile elsewhere', () => {
  it('shows each field an update changes, before and after, ahead of the confirmation', async () => {
    const t = makeServices();
    const call = await openDemoCsti(t);
    const fabre = (await filesOf(t, call.id)).find((f) => f.nom === 'FABRE')!;
    const file = await workbookOf([
      ['Nom', 'Prénom', 'Adresse mail académique', 'Téléphone'],
      ['Fabre', 'Nicolas', fabre.email, '07 00 00 00 01'],
    ]);
    const preview = await openIntake(t, call.id, 'maj.xlsx', file);
    expect(preview.totals).toMatchObject({ updated: 1 });
    expect(preview.updates).toEqual([{ row: 2, name: 'FABRE Nicolas', changes: [{ field: 'Téléphone', before: fabre.telephone, after: '07 00 00 00 01' }] }]);
  });

  it('analyses again at confirmation when another program changed the data file since the preview', async () => {
    const t = makeServices();
    const call = await openDemoCsti(t);
    const fabre = (await filesOf(t, call.id)).find((f) => f.nom === 'FABRE')!;
    const file = await workbookOf([
      ['Nom', 'Prénom', 'Adresse mail académique', 'Téléphone'],
      ['Fabre', 'Nicolas', fabre.email, '07 00 00 00 01'],
    ]);
    const preview = await openIntake(t, call.id, 'maj.xlsx', file);
    // The desktop app and browser mode may share a data folder: a second connection changes the address.
    const other = makeServices({ dataDir: t.dataDir });
    await other.call('candidates-update', {
      id: fabre.id,
      candidate: { ...draftFromFile(fabre), adresse: '9 place du Temple, 05100 Briançon' },
    });
    other.close();
    await commitPreview(t, preview);
    const after = await t.call('candidates-get', { id: fabre.id });
    expect(after.telephone).toBe('07 00 00 00 01');
    // The stale preview would have written the old address back.
    expect(after.adresse).toBe('9 place du Temple, 05100 Briançon');
  });
});
