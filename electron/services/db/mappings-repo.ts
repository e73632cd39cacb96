import type { ColumnMapping } from '../../../shared/domain/intake/types.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

export function findMapping(db: Db, callId: number, signature: string): ColumnMapping | null {
  const row = stmt(db, 'SELECT mapping FROM import_mappings WHERE call_id = ? AND signature = ?').get(callId, signature) as
    | { mapping: string }
    | undefined;
  return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
}

export function saveMapping(db: Db, callId: number, signature: string, mapping: ColumnMapping, nowIso: string): void {
  stmt(
    db,
    `INSERT INTO import_mappings (call_id, signature, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(callId, signature, JSON.stringify(mapping), nowIso);
}
