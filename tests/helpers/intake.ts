// Spreadsheet intake through the real contract: files as base64, one intake id per open, the call shapes
// the import tests share.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { IntakePreview, IntakeResult } from '../../shared/model/intake.js';
import type { Call, CandidateFile } from '../../shared/model/entities.js';
import { callDraft } from './fixtures.js';
import type { TestServices } from './services.js';

export const ECRINS = 'Réseau Les Écrins';
export const COTE_BLEUE = 'Réseau Côte Bleue – La Nerthe';

/** The headers of the export and of the template, in their order (what a secretariat sees in row 1). */
export const EXPORT_HEADERS = [
  'Nom',
  'Prénom',
  'Date de naissance',
  'Discipline',
  'Statut',
  'Corps',
  'Grade',
  'Échelon',
  'Établissement',
  'Ville',
  'Adresse personnelle',
  'Téléphone',
  'Adresse mail académique',
  'Postes demandés',
  'Reçue le',
  'État de la candidature',
  'Expérience professionnelle',
  'Motivations',
];
/** The fields those headers are read back as. */
export const EXPORT_FIELDS = [
  'nom',
  'prenom',
  'dateNaissance',
  'discipline',
  'statut',
  'corps',
  'grade',
  'echelon',
  'etablissement',
  'ville',
  'adresse',
  'telephone',
  'email',
  'wishes',
  'receivedOn',
  'status',
  'experience',
  'motivations',
] as const;
export const ADMISSIBILITY_HEADER = 'Recevabilité';
export const REASONS_HEADER = 'Motifs de recevabilité';
/** The IA-IPR's opinion, after the admissibility columns of every export. */
export const OPINION_EXPORT_HEADERS = ['Avis IA-IPR', 'Motivation de l’avis IA-IPR', 'Avis donné par', 'Avis donné le'] as const;

let sequence = 0;
/** A fresh intake id (the contract wants 8 to 64 of [A-Za-z0-9_-]). */
export function newIntakeId(): string {
  sequence++;
  return `test-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

export async function openIntake(t: TestServices, callId: number, fileName: string, bytes: Uint8Array, intakeId = newIntakeId()): Promise<IntakePreview> {
  return t.call('intake-open', { callId, intakeId, fileName, contentBase64: base64(bytes) });
}

/** Commits a preview as shown (its sheet, its mapping). */
export async function commitPreview(t: TestServices, preview: IntakePreview): Promise<IntakeResult> {
  return t.call('intake-commit', { intakeId: preview.intakeId, sheetIndex: preview.sheetIndex, mapping: preview.mapping });
}

/** The demo's CSTI call (demo-open on the test's own database). */
export async function openDemoCsti(t: TestServices): Promise<Call> {
  const { callIds } = await t.call('demo-open', {});
  const calls = await Promise.all(callIds.map((id) => t.call('calls-get', { id })));
  const csti = calls.find((c) => c.reference === 'IPR-CSTI-RT-2026');
  expect(csti, 'l’appel CSTI de la démonstration').toBeDefined();
  expect(csti!.posts.map((p) => p.site)).toEqual([ECRINS, COTE_BLEUE]);
  return csti!;
}

/** A call shaped like the CSTI one: the same two networks, in the same order. */
export async function createCstiLikeCall(t: TestServices, title = 'Relais CSTI — session de rattrapage'): Promise<Call> {
  const call = await t.call('calls-create', {
    call: callDraft({
      title,
      reference: `TEST-${title.length}`,
      acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
      posts: [
        { label: 'Professeur relais territorial CSTI', site: ECRINS, places: '1' },
        { label: 'Professeur relais territorial CSTI', site: COTE_BLEUE, places: '1' },
      ],
    }),
  });
  expect(call.posts.map((p) => p.site)).toEqual([ECRINS, COTE_BLEUE]);
  return call;
}

/** Every file of a call, complete (candidates-get), in id order. */
export async function filesOf(t: TestServices, callId: number): Promise<CandidateFile[]> {
  const rows = await t.call('candidates-list', { callId });
  const files = await Promise.all(rows.map((r) => t.call('candidates-get', { id: r.id })));
  return files.sort((a, b) => a.id - b.id);
}

/** Journal lines, all calls together (the journal is capped at 1000 per read: tests stay far below). */
export async function journalLength(t: TestServices): Promise<number> {
  return (await t.call('journal-list', { limit: 1000 })).length;
}

/** A one-sheet .xlsx made in memory: `rows` from row 1. */
export async function workbookOf(rows: (string | number | Date | null)[][], sheetName = 'Candidatures'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
