import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors.js';
import { CANDIDATES_BY_CALL_SQL, EMAIL_TAKEN_SQL, WISHES_BY_CALL_SQL } from '../../electron/services/db/candidates-repo.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/services/db/migrations.js';
import { openDatabase, type Db } from '../../electron/services/db/open.js';
import { createServices, DATABASE_FILE } from '../../electron/services/index.js';
import { makeServices, NOW } from '../helpers/services.js';
import { tempDir } from '../helpers/temp.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Runs `fn` and returns the SQLite error code it throws (or fails if it does not throw). */
function sqliteErrorOf(fn: () => unknown): string {
  return sqliteFailureOf(fn).code;
}

function sqliteFailureOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: String((error as { code?: unknown }).code), message: (error as Error).message };
  }
  throw new Error('une erreur SQLite était attendue');
}

function openAt(version: number): { db: Db; file: string } {
  const file = join(tempDir(), 'migrations.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  return { db, file };
}

const now = NOW.toISOString();

/** What each migration must have brought, checked right after it is applied. One entry per migration. */
const checks: Record<number, (db: Db) => void> = {
  1: (db) => {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['calls', 'candidate_wishes', 'candidates', 'inspectors', 'journal', 'members', 'posts', 'schema_migrations']);

    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const postId = Number(db.prepare('INSERT INTO posts (call_id, label, places, position) VALUES (?, ?, 1, 0)').run(callId, 'Poste').lastInsertRowid);

    // STRICT: a text in an INTEGER column is refused instead of being stored as text.
    expect(sqliteErrorOf(() => db.prepare('INSERT INTO posts (call_id, label, places, position) VALUES (?, ?, ?, 0)').run(callId, 'P', 'deux'))).toBe(
      'SQLITE_CONSTRAINT_DATATYPE',
    );
    expect(sqliteErrorOf(() => db.prepare('UPDATE calls SET panel_size = ? WHERE id = ?').run('trois', callId))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    // CHECK constraints.
    expect(sqliteErrorOf(() => db.prepare('INSERT INTO posts (call_id, label, places, position) VALUES (?, ?, 0, 0)').run(callId, 'P'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteErrorOf(() => db.prepare("UPDATE calls SET accepted_statuses = 'pas du json' WHERE id = ?").run(callId))).toBe('SQLITE_CONSTRAINT_CHECK');
    const insertCandidate = db.prepare(
      'INSERT INTO candidates (call_id, nom, prenom, statut, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    expect(sqliteErrorOf(() => insertCandidate.run(callId, 'A', 'B', 'vacataire', '', now, now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => db.prepare("INSERT INTO members (call_id, name, role) VALUES (?, 'X', 'roi')").run(callId))).toBe('SQLITE_CONSTRAINT_CHECK');

    // Foreign keys are enforced.
    expect(sqliteErrorOf(() => db.prepare('INSERT INTO posts (call_id, label, places, position) VALUES (999, ?, 1, 0)').run('P'))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    const candidateId = Number(insertCandidate.run(callId, 'A', 'B', 'titulaire', 'a.b@ac-test.example', now, now).lastInsertRowid);
    db.prepare('INSERT INTO candidate_wishes (candidate_id, post_id, rank) VALUES (?, ?, 1)').run(candidateId, postId);
    // A wished post cannot disappear under a candidate…
    // (ON DELETE RESTRICT reports SQLITE_CONSTRAINT_TRIGGER with the foreign-key message.)
    expect(sqliteFailureOf(() => db.prepare('DELETE FROM posts WHERE id = ?').run(postId))).toEqual({
      code: 'SQLITE_CONSTRAINT_TRIGGER',
      message: 'FOREIGN KEY constraint failed',
    });
    // …the same post cannot be wished twice…
    expect(sqliteErrorOf(() => db.prepare('INSERT INTO candidate_wishes (candidate_id, post_id, rank) VALUES (?, ?, 2)').run(candidateId, postId))).toBe(
      'SQLITE_CONSTRAINT_UNIQUE',
    );
    // …one academic mail per call…
    expect(sqliteErrorOf(() => insertCandidate.run(callId, 'C', 'D', 'titulaire', 'a.b@ac-test.example', now, now))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    // …but several files without a mail are fine.
    insertCandidate.run(callId, 'E', 'F', null, '', now, now);
    insertCandidate.run(callId, 'G', 'H', null, '', now, now);
    // Deleting a candidate takes its wishes with it.
    db.prepare('DELETE FROM candidates WHERE id = ?').run(candidateId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM candidate_wishes').get()).toEqual({ n: 0 });
  },
  2: (db) => {
    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const save = db.prepare('INSERT INTO import_mappings (call_id, signature, mapping, updated_at) VALUES (?, ?, ?, ?)');
    save.run(callId, 'nom|prenom', '["nom","prenom"]', now);
    // One mapping per call and header layout.
    expect(sqliteErrorOf(() => save.run(callId, 'nom|prenom', '["nom",null]', now))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorOf(() => save.run(callId, 'autre', 'pas du json', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => save.run(999, 'x', '[]', now))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    // Archiving keeps them; deleting the call (never done by the app today) takes them along.
    db.prepare('DELETE FROM calls WHERE id = ?').run(callId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM import_mappings').get()).toEqual({ n: 0 });
  },
  3: (db) => {
    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const candidateId = Number(
      db.prepare('INSERT INTO candidates (call_id, nom, prenom, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(callId, 'A', 'B', now, now).lastInsertRowid,
    );
    // Rules: one line per call, booleans and JSON lists checked.
    const rules = db.prepare('INSERT INTO call_rules (call_id, required_documents, require_monday_freed, updated_at) VALUES (?, ?, ?, ?)');
    expect(sqliteErrorOf(() => rules.run(callId, 'pas du json', 0, now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => rules.run(callId, '[]', 2, now))).toBe('SQLITE_CONSTRAINT_CHECK');
    rules.run(callId, '["annexe2"]', 1, now);
    expect(sqliteErrorOf(() => rules.run(callId, '[]', 0, now))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    // The secretariat's entries: only known opinions, Monday answers and verdicts.
    db.prepare('INSERT INTO candidate_admissibility (candidate_id) VALUES (?)').run(candidateId);
    const set = (column: string, value: string) => db.prepare(`UPDATE candidate_admissibility SET ${column} = ? WHERE candidate_id = ?`).run(value, candidateId);
    expect(sqliteErrorOf(() => set('head_avis', 'enthousiaste'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => set('head_monday_freed', 'peut-etre'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => set('override_status', 'douteux'))).toBe('SQLITE_CONSTRAINT_CHECK');
    set('head_avis', 'favorable');
    // Mails: the same content once per call; documents: the same content once per file, a valid hash and kind.
    const mail = db.prepare(
      'INSERT INTO candidate_mails (candidate_id, call_id, file_name, content_sha256, imported_at) VALUES (?, ?, ?, ?, ?)',
    );
    const mailId = Number(mail.run(candidateId, callId, 'a.eml', 'f'.repeat(64), now).lastInsertRowid);
    expect(sqliteErrorOf(() => mail.run(candidateId, callId, 'b.eml', 'f'.repeat(64), now))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    const doc = db.prepare(
      'INSERT INTO candidate_documents (candidate_id, mail_id, kind, file_name, mime_type, size, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    doc.run(candidateId, mailId, 'annexe2', 'annexe2.pdf', 'application/pdf', 10, 'a'.repeat(64), now);
    expect(sqliteErrorOf(() => doc.run(candidateId, null, 'cv', 'copie.pdf', 'application/pdf', 10, 'a'.repeat(64), now))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteErrorOf(() => doc.run(candidateId, null, 'photo', 'x.jpg', 'image/jpeg', 10, 'b'.repeat(64), now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => doc.run(candidateId, null, 'cv', 'x.pdf', 'application/pdf', 10, 'court', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    // Deleting the file takes everything of it along (the stored documents are erased by the services).
    db.prepare('DELETE FROM candidates WHERE id = ?').run(candidateId);
    for (const table of ['candidate_admissibility', 'candidate_mails', 'candidate_documents']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  },
  4: (db) => {
    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const candidateId = Number(
      db.prepare('INSERT INTO candidates (call_id, nom, prenom, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(callId, 'A', 'B', now, now).lastInsertRowid,
    );
    const inspectorId = Number(db.prepare("INSERT INTO inspectors (call_id, name) VALUES (?, 'IPR')").run(callId).lastInsertRowid);
    const requestId = Number(
      db.prepare('INSERT INTO opinion_requests (call_id, inspector_id, requested_at, due_on, requested_by) VALUES (?, ?, ?, ?, ?)').run(callId, inspectorId, now, '2026-06-20', 'X').lastInsertRowid,
    );
    const item = db.prepare('INSERT INTO opinion_request_items (request_id, candidate_id, nom, prenom) VALUES (?, ?, ?, ?)');
    item.run(requestId, candidateId, 'A', 'B');
    expect(sqliteErrorOf(() => item.run(requestId, candidateId, 'A', 'B'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    const opinion = db.prepare(
      'INSERT INTO ipr_opinions (candidate_id, inspector_id, inspector_name, avis, given_on, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    expect(sqliteErrorOf(() => opinion.run(candidateId, inspectorId, 'IPR', 'enthousiaste', '2026-06-10', 'saisie', 'X', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => opinion.run(candidateId, inspectorId, 'IPR', 'favorable', '2026-06-10', 'pigeon', 'X', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    opinion.run(candidateId, inspectorId, 'IPR', 'favorable', '2026-06-10', 'classeur', 'X', now);
    expect(sqliteErrorOf(() => opinion.run(candidateId, inspectorId, 'IPR', 'reserve', '2026-06-10', 'saisie', 'X', now))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    // An inspector who was asked cannot leave (the requests are a record); once the requests are gone, the
    // opinion stays with the name it was given under.
    expect(sqliteFailureOf(() => db.prepare('DELETE FROM inspectors WHERE id = ?').run(inspectorId))?.message).toBe('FOREIGN KEY constraint failed');
    db.prepare('DELETE FROM opinion_requests WHERE id = ?').run(requestId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM opinion_request_items').get()).toEqual({ n: 0 });
    db.prepare('DELETE FROM inspectors WHERE id = ?').run(inspectorId);
    expect(db.prepare('SELECT inspector_id, inspector_name FROM ipr_opinions').get()).toEqual({ inspector_id: null, inspector_name: 'IPR' });
    db.prepare("INSERT INTO ipr_opinion_history (candidate_id, at, by, reason, after_json) VALUES (?, ?, 'X', 'Saisie', '{}')").run(candidateId, now);
    db.prepare('DELETE FROM candidates WHERE id = ?').run(candidateId);
    for (const table of ['ipr_opinions', 'ipr_opinion_history', 'opinion_assignments']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  },
  5: (db) => {
    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const candidateId = Number(
      db.prepare('INSERT INTO candidates (call_id, nom, prenom, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(callId, 'A', 'B', now, now).lastInsertRowid,
    );
    // Members existing before keep working: their school is empty.
    const memberId = Number(db.prepare("INSERT INTO members (call_id, name, role) VALUES (?, 'M', 'membre')").run(callId).lastInsertRowid);
    expect(db.prepare('SELECT etablissement FROM members WHERE id = ?').get(memberId)).toEqual({ etablissement: '' });
    const grid = db.prepare('INSERT INTO grids (call_id, phase, sections, version, updated_at) VALUES (?, ?, ?, 1, ?)');
    expect(sqliteErrorOf(() => grid.run(callId, 'oral', '[]', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    grid.run(callId, 'dossier', '[]', now);
    expect(sqliteErrorOf(() => grid.run(callId, 'dossier', '[]', now))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    const sheet = db.prepare(
      'INSERT INTO score_sheets (candidate_id, member_id, phase, status, grid_version, updated_at) VALUES (?, ?, ?, ?, 1, ?)',
    );
    expect(sqliteErrorOf(() => sheet.run(candidateId, memberId, 'dossier', 'validee', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    const sheetId = Number(sheet.run(candidateId, memberId, 'dossier', 'brouillon', now).lastInsertRowid);
    expect(sqliteErrorOf(() => sheet.run(candidateId, memberId, 'dossier', 'brouillon', now))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    db.prepare("INSERT INTO scores (sheet_id, criterion_key, value) VALUES (?, 'c1', 3)").run(sheetId);
    expect(sqliteErrorOf(() => db.prepare("INSERT INTO scores (sheet_id, criterion_key, value) VALUES (?, 'c2', 'trois')").run(sheetId))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    db.prepare("INSERT INTO conflicts_of_interest (candidate_id, member_id, kind, declared_by, declared_at) VALUES (?, ?, 'personnel', 'X', ?)").run(candidateId, memberId, now);
    // A member who leaves takes their sheets and declarations along; so does a deleted file.
    db.prepare('DELETE FROM members WHERE id = ?').run(memberId);
    for (const table of ['score_sheets', 'scores', 'conflicts_of_interest']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  },
  6: (db) => {
    const callId = Number(db.prepare('INSERT INTO calls (title, created_at, updated_at) VALUES (?, ?, ?)').run('Appel', now, now).lastInsertRowid);
    const candidateId = Number(
      db.prepare('INSERT INTO candidates (call_id, nom, prenom, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(callId, 'A', 'B', now, now).lastInsertRowid,
    );
    const memberId = Number(db.prepare("INSERT INTO members (call_id, name, role) VALUES (?, 'M', 'membre')").run(callId).lastInsertRowid);
    const constraint = db.prepare('INSERT INTO planner_constraints (call_id, member_id, candidate_id, availability, updated_at) VALUES (?, ?, ?, ?, ?)');
    // A constraint belongs to exactly one person.
    expect(sqliteErrorOf(() => constraint.run(callId, memberId, candidateId, '{}', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => constraint.run(callId, null, null, '{}', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorOf(() => constraint.run(callId, memberId, null, 'pas du json', now))).toBe('SQLITE_CONSTRAINT_CHECK');
    constraint.run(callId, memberId, null, '{}', now);
    constraint.run(callId, null, candidateId, '{"unavailable":[{"date":"2026-06-03"}]}', now);
    const slot = db.prepare('INSERT INTO interview_slots (candidate_id, call_id, date, start, end, room_id, member_ids, locked, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    expect(sqliteErrorOf(() => slot.run(candidateId, callId, '2026-06-03', '09:00', '09:30', 'salle-1', '[1]', 2, now))).toBe('SQLITE_CONSTRAINT_CHECK');
    slot.run(candidateId, callId, '2026-06-03', '09:00', '09:30', 'salle-1', `[${memberId}]`, 1, now);
    expect(sqliteErrorOf(() => slot.run(candidateId, callId, '2026-06-04', '09:00', '09:30', 'salle-1', '[]', 0, now))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    db.prepare("INSERT INTO planner_unplaced (candidate_id, call_id, code, reason) VALUES (?, ?, 'full', 'Plus de place.')").run(candidateId, callId);
    // A deleted file takes its interview and constraints along; a member leaving takes theirs.
    db.prepare('DELETE FROM members WHERE id = ?').run(memberId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM planner_constraints').get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM candidates WHERE id = ?').run(candidateId);
    for (const table of ['planner_constraints', 'interview_slots', 'planner_unplaced']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.prepare('INSERT INTO planner_settings (call_id, settings, updated_at) VALUES (?, NULL, ?)').run(callId, now);
    db.prepare('DELETE FROM calls WHERE id = ?').run(callId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM planner_settings').get()).toEqual({ n: 0 });
  },
};

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, and each has its check in this file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(Object.keys(checks).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))('migration %i (%s) applies on a fresh file', (version, _name, migration) => {
    const { db } = openAt(version);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      const applied = db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as {
        version: number;
        name: string;
        checksum: string;
        applied_at: string;
      }[];
      expect(applied.map((a) => a.version)).toEqual(MIGRATIONS.filter((m) => m.version <= version).map((m) => m.version));
      const row = applied.find((a) => a.version === version)!;
      expect(row).toMatchObject({ name: migration.name, checksum: sha256(migration.sql) });
      expect(Number.isNaN(Date.parse(row.applied_at))).toBe(false);

      // Every table is STRICT: types are enforced, not merely suggested.
      const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
        strict: number;
      }[];
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);

      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      checks[version]!(db);
    } finally {
      db.close();
    }
  });

  it('applies nothing twice when the file is opened again', () => {
    const { db, file } = openAt(LATEST_SCHEMA_VERSION);
    const before = db.prepare('SELECT * FROM schema_migrations ORDER BY version').all();
    db.close();
    const again = openDatabase(file);
    try {
      expect(again.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(before);
      expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      again.close();
    }
  });

  it('rolls a failing migration back entirely: no half-applied schema, version unchanged', () => {
    const file = join(tempDir(), 'broken.sqlite');
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'cassée',
      sql: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST_SCHEMA_VERSION });
    } finally {
      db.close();
    }
  });
});

describe('a data file written by a newer version', () => {
  // The app itself always writes in WAL mode; an older tool or a copy may be in rollback mode.
  it.each(['wal', 'delete'])('is refused untouched (journal_mode %s)', (journalMode) => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma(`journal_mode = ${journalMode}`);
    newer.exec("CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT) STRICT; INSERT INTO future (what) VALUES ('données du futur');");
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const hashBefore = sha256(readFileSync(file));
    const filesBefore = readdirSync(dataDir).sort();

    let caught: unknown;
    try {
      createServices({ dataDir, now: () => NOW }).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('db_too_new');
    expect(error.message).toContain('version plus récente de l’application');
    expect(error.message).toContain(`schéma ${LATEST_SCHEMA_VERSION + 1}`);
    expect(error.message).toContain('le fichier n’a pas été modifié');

    expect(sha256(readFileSync(file))).toBe(hashBefore);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
  });

  it('is refused even when its newer schema still sits in the -wal file of a crashed session', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma('journal_mode = wal');
    newer.pragma('wal_autocheckpoint = 0');
    newer.exec('CREATE TABLE future (id INTEGER PRIMARY KEY) STRICT');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // Simulate a crash: keep the WAL (a clean close would checkpoint it into the main file).
    const walCopy = readFileSync(`${file}-wal`);
    const mainCopy = readFileSync(file);
    newer.close();
    // The newer version number is only in the WAL: the main file's header (offset 60) still says 0.
    expect(walCopy.length).toBeGreaterThan(0);
    expect(mainCopy.readUInt32BE(60)).toBe(0);
    // Put the pre-checkpoint state back as a crash would have left it.
    writeFileSync(file, mainCopy);
    writeFileSync(`${file}-wal`, walCopy);

    expect(() => createServices({ dataDir, now: () => NOW })).toThrow(expect.objectContaining({ code: 'db_too_new' }));
    expect(sha256(readFileSync(file))).toBe(sha256(mainCopy));
    expect(sha256(readFileSync(`${file}-wal`))).toBe(sha256(walCopy));
  });

  it('is not a database at all: refused with a French message, not opened', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    writeFileSync(file, Buffer.from('Ceci est un tableur, pas une base de données.\n'.repeat(50)));
    const hashBefore = sha256(readFileSync(file));
    expect(() => createServices({ dataDir, now: () => NOW })).toThrow(/n’est pas une base de données lisible/);
    expect(sha256(readFileSync(file))).toBe(hashBefore);
  });
});

describe('the open database', () => {
  it('runs with the durability and privacy pragmas in force', () => {
    const { services } = makeServices();
    const db = services.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('lists a call’s candidates through the index candidates_call, without scanning a table', () => {
    const { services } = makeServices();
    for (const sql of [CANDIDATES_BY_CALL_SQL, WISHES_BY_CALL_SQL]) {
      const plan = (services.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((r) => r.detail);
      expect(plan.some((d) => /^SEARCH (c|candidates) USING (COVERING )?INDEX candidates_call \(call_id=\?\)$/.test(d))).toBe(true);
      expect(plan.filter((d) => /^SCAN (c|w|candidates|candidate_wishes)\b/.test(d))).toEqual([]);
    }
  });

  it('checks that an academic mail is free through the unique index, not by reading the call’s files', () => {
    const { services } = makeServices();
    const plan = (services.db.prepare(`EXPLAIN QUERY PLAN ${EMAIL_TAKEN_SQL}`).all(1, 'a@b.example', 1) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH candidates USING INDEX candidates_call_email \(call_id=\? AND email=\?\)$/)]);
  });
});
