import type { Inspector, Member } from '../../../shared/model/entities.js';
import type { MemberRole } from '../../../shared/model/referential.js';
import { AppError } from '../../../shared/contract/errors.js';
import type { Db } from './open.js';

export type MemberInput = Omit<Member, 'id' | 'callId'>;
export type InspectorInput = Omit<Inspector, 'id' | 'callId'>;

export function listMembers(db: Db, callId: number): Member[] {
  const rows = db
    .prepare(
      `SELECT id, call_id, name, role, email, etablissement FROM members WHERE call_id = ?
        ORDER BY CASE role WHEN 'president' THEN 0 WHEN 'membre' THEN 1 WHEN 'expert' THEN 2 ELSE 3 END, name`,
    )
    .all(callId) as Array<{ id: number; call_id: number; name: string; role: string; email: string; etablissement: string }>;
  return rows.map((r) => ({ id: r.id, callId: r.call_id, name: r.name, role: r.role as MemberRole, email: r.email, etablissement: r.etablissement }));
}

/** One line per person (by mail, or by name when there is no mail), with the calls they sit on. */
export function memberDirectory(db: Db): { name: string; email: string; calls: string[] }[] {
  const rows = db
    .prepare(
      `SELECT m.name, m.email, c.title FROM members m JOIN calls c ON c.id = m.call_id
        WHERE c.archived_at IS NULL ORDER BY m.name, c.title`,
    )
    .all() as { name: string; email: string; title: string }[];
  const byKey = new Map<string, { name: string; email: string; calls: string[] }>();
  for (const r of rows) {
    const key = r.email || r.name.toLowerCase();
    const entry = byKey.get(key) ?? { name: r.name, email: r.email, calls: [] };
    if (!entry.calls.includes(r.title)) entry.calls.push(r.title);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

export function getMember(db: Db, id: number): Member {
  const r = db.prepare('SELECT id, call_id, name, role, email, etablissement FROM members WHERE id = ?').get(id) as
    | { id: number; call_id: number; name: string; role: string; email: string; etablissement: string }
    | undefined;
  if (!r) throw new AppError('not_found', `Le membre n° ${id} n’existe pas (ou plus).`);
  return { id: r.id, callId: r.call_id, name: r.name, role: r.role as MemberRole, email: r.email, etablissement: r.etablissement };
}

export function saveMember(db: Db, callId: number, id: number | undefined, input: MemberInput): number {
  if (input.role === 'president') {
    const other = db
      .prepare("SELECT name FROM members WHERE call_id = ? AND role = 'president' AND id IS NOT ?")
      .get(callId, id ?? null) as { name: string } | undefined;
    if (other) {
      throw new AppError('conflict', `La commission a déjà un président : ${other.name}.`, {
        role: `${other.name} préside déjà cette commission.`,
      });
    }
  }
  if (id === undefined) {
    return Number(
      db.prepare('INSERT INTO members (call_id, name, role, email, etablissement) VALUES (?, ?, ?, ?, ?)').run(callId, input.name, input.role, input.email, input.etablissement)
        .lastInsertRowid,
    );
  }
  const current = getMember(db, id);
  if (current.callId !== callId) throw new AppError('not_found', `Le membre n° ${id} n’appartient pas à cet appel.`);
  db.prepare('UPDATE members SET name = ?, role = ?, email = ?, etablissement = ? WHERE id = ?').run(input.name, input.role, input.email, input.etablissement, id);
  return id;
}

export function deleteMember(db: Db, id: number): number {
  const current = getMember(db, id);
  db.prepare('DELETE FROM members WHERE id = ?').run(id);
  return current.callId;
}

interface InspectorRecord {
  id: number;
  call_id: number;
  name: string;
  email: string;
  disciplines: string;
}
const toInspector = (r: InspectorRecord): Inspector => ({
  id: r.id,
  callId: r.call_id,
  name: r.name,
  email: r.email,
  disciplines: JSON.parse(r.disciplines) as string[],
});

export function listInspectors(db: Db, callId: number): Inspector[] {
  return (db.prepare('SELECT * FROM inspectors WHERE call_id = ? ORDER BY name').all(callId) as InspectorRecord[]).map(toInspector);
}

export function getInspector(db: Db, id: number): Inspector {
  const r = db.prepare('SELECT * FROM inspectors WHERE id = ?').get(id) as InspectorRecord | undefined;
  if (!r) throw new AppError('not_found', `L’inspecteur n° ${id} n’existe pas (ou plus).`);
  return toInspector(r);
}

export function saveInspector(db: Db, callId: number, id: number | undefined, input: InspectorInput): number {
  const disciplines = JSON.stringify(input.disciplines);
  if (id === undefined) {
    return Number(
      db.prepare('INSERT INTO inspectors (call_id, name, email, disciplines) VALUES (?, ?, ?, ?)').run(callId, input.name, input.email, disciplines)
        .lastInsertRowid,
    );
  }
  const current = getInspector(db, id);
  if (current.callId !== callId) throw new AppError('not_found', `L’inspecteur n° ${id} n’appartient pas à cet appel.`);
  db.prepare('UPDATE inspectors SET name = ?, email = ?, disciplines = ? WHERE id = ?').run(input.name, input.email, disciplines, id);
  return id;
}

export function deleteInspector(db: Db, id: number): number {
  const current = getInspector(db, id);
  db.prepare('DELETE FROM inspectors WHERE id = ?').run(id);
  return current.callId;
}
