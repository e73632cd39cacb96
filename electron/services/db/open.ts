import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/contract/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Opens (or creates) the database file, refuses one written by a newer version without touching it,
 * then applies the missing migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  if (existsSync(file)) {
    // Read the version read-only first: setting WAL or migrating would already write to the file.
    // Even read-only, SQLite creates empty -wal and -shm files beside a WAL-mode file (which is what
    // every version of the app writes); the ones that were not there before are removed if it is refused.
    const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
    const probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
    let version: number;
    try {
      version = probe.pragma('user_version', { simple: true }) as number;
    } catch {
      probe.close();
      throw new AppError('internal', `Le fichier de données ${file} n’est pas une base de données lisible.`);
    }
    probe.close();
    if (version > latest) {
      removeCreatedSidecars(file, sidecars);
      throw new AppError(
        'db_too_new',
        `Ce fichier de données a été enregistré par une version plus récente de l’application (schéma ${version}, ` +
          `cette version connaît le schéma ${latest}). Installez la dernière version ; le fichier n’a pas été modifié.`,
      );
    }
  }

  const db = new Database(file, driverOptions);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Removes the -wal/-shm files a read-only probe created, as long as the -wal holds nothing. */
function removeCreatedSidecars(file: string, created: readonly string[]): void {
  const wal = `${file}-wal`;
  if (created.includes(wal) && existsSync(wal) && statSync(wal).size > 0) return;
  for (const f of created) rmSync(f, { force: true });
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        checksum(m.sql),
        new Date().toISOString(),
      );
      // user_version lives in the file header and is part of this transaction.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export { LATEST_SCHEMA_VERSION };
