// The planning as a workbook, with the app's export conventions (excel/write-workbook.ts): one sheet per
// interview day, then « Non placés », then one sheet per member. Dates are real dates (dd/mm/yyyy) as in the
// other exports; times stay text « 09:00 », zero-padded so that they sort and filter as written. No cell
// wraps: LibreOffice does not grow a row for wrapped text written without a height, so the lines would
// overlap; a long list of members rather runs on one line (column up to 60 characters wide).
import { formatFrenchDate, parisDateOf } from '../../../shared/domain/dates.js';
import { isoWeekday } from '../../../shared/domain/planner/calendar.js';
import { weekdayName, WEEKDAY_SHORT_NAMES } from '../../../shared/domain/planner/text.js';
import { writeTableWorkbook, LISTS_SHEET, METADATA_SHEET, type ColumnSpec, type TableSheetSpec } from '../excel/write-workbook.js';

export interface PlanningWorkbookData {
  callTitle: string;
  rooms: { id: string; label: string }[];
  members: { id: number; name: string }[];
  candidates: { id: number; label: string; email: string; postLabel: string }[];
  slots: { candidateId: number; date: string; start: string; end: string; roomId: string; memberIds: number[]; locked: boolean; convokedAt: string | null }[];
  unplaced: { candidateId: number; reason: string }[];
  now: Date;
}

export const UNPLACED_SHEET = 'Non placés';
const MAX_SHEET_NAME = 31;

/** '2026-06-03' → « mer. 03-06-2026 » (no « / »: Excel refuses it in a sheet name). */
export function daySheetName(date: string): string {
  return `${WEEKDAY_SHORT_NAMES[isoWeekday(date) - 1]} ${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/**
 * A sheet name Excel accepts, unique (case-insensitive) among `taken`: forbidden characters become « - »,
 * no apostrophe at either end, at most 31 characters with « (2) », « (3) »… added to tell homonyms apart.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[\\/?*[\]:]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim() || 'Membre';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${[...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').replace(/'+$/, '').trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const YES = 'Oui';
const NO = 'Non';

const DAY_COLUMNS: ColumnSpec[] = [
  { header: 'Date', kind: 'date' },
  { header: 'Début', kind: 'text' },
  { header: 'Fin', kind: 'text' },
  { header: 'Salle', kind: 'text' },
  { header: 'Candidat', kind: 'text' },
  { header: 'Poste', kind: 'text' },
  { header: 'Membres', kind: 'text' },
  { header: 'Verrouillé', kind: 'text' },
  { header: 'Convoqué le', kind: 'date' },
];

const MEMBER_COLUMNS: ColumnSpec[] = [
  { header: 'Date', kind: 'date' },
  { header: 'Jour', kind: 'text' },
  { header: 'Début', kind: 'text' },
  { header: 'Fin', kind: 'text' },
  { header: 'Salle', kind: 'text' },
  { header: 'Candidat', kind: 'text' },
  { header: 'Poste', kind: 'text' },
  { header: 'Autres membres', kind: 'text' },
];

const UNPLACED_COLUMNS: ColumnSpec[] = [
  { header: 'Candidat', kind: 'text' },
  { header: 'Courriel', kind: 'text' },
  { header: 'Poste', kind: 'text' },
  { header: 'Motif', kind: 'text' },
];

type Slot = PlanningWorkbookData['slots'][number];

function bySlotTime(rooms: Map<string, string>) {
  return (a: Slot, b: Slot): number =>
    a.date !== b.date
      ? a.date < b.date ? -1 : 1
      : a.start !== b.start
        ? a.start < b.start ? -1 : 1
        : (rooms.get(a.roomId) ?? a.roomId).localeCompare(rooms.get(b.roomId) ?? b.roomId, 'fr') || a.candidateId - b.candidateId;
}

export async function planningWorkbook(data: PlanningWorkbookData): Promise<Uint8Array> {
  const rooms = new Map(data.rooms.map((r) => [r.id, r.label]));
  const members = new Map(data.members.map((m) => [m.id, m.name]));
  const candidates = new Map(data.candidates.map((c) => [c.id, c]));
  const candidateLabel = (id: number) => candidates.get(id)?.label ?? `Candidat n° ${id}`;
  const memberNames = (ids: number[]) => ids.map((id) => members.get(id) ?? `Membre n° ${id}`).join(' ; ');
  const slots = [...data.slots].sort(bySlotTime(rooms));
  const taken = new Set([LISTS_SHEET.toLowerCase(), METADATA_SHEET.toLowerCase(), UNPLACED_SHEET.toLowerCase()]);

  const days = [...new Set(slots.map((s) => s.date))];
  const daySheets: TableSheetSpec[] = days.map((date) => ({
    name: uniqueSheetName(daySheetName(date), taken),
    columns: DAY_COLUMNS,
    rows: slots
      .filter((s) => s.date === date)
      .map((s) => [
        s.date,
        s.start,
        s.end,
        rooms.get(s.roomId) ?? s.roomId,
        candidateLabel(s.candidateId),
        candidates.get(s.candidateId)?.postLabel ?? '',
        memberNames(s.memberIds),
        s.locked ? YES : NO,
        // The Paris day the convocation was prepared on (an instant stored in UTC).
        s.convokedAt ? parisDateOf(new Date(s.convokedAt)) : null,
      ]),
  }));

  const unplacedSheet: TableSheetSpec = {
    name: UNPLACED_SHEET,
    columns: UNPLACED_COLUMNS,
    rows: [...data.unplaced]
      .sort((a, b) => candidateLabel(a.candidateId).localeCompare(candidateLabel(b.candidateId), 'fr'))
      .map((u) => {
        const c = candidates.get(u.candidateId);
        return [candidateLabel(u.candidateId), c?.email ?? '', c?.postLabel ?? '', u.reason];
      }),
  };

  const memberSheets: TableSheetSpec[] = [...data.members]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id - b.id)
    .map((m) => ({
      name: uniqueSheetName(m.name, taken),
      columns: MEMBER_COLUMNS,
      rows: slots
        .filter((s) => s.memberIds.includes(m.id))
        .map((s) => [
          s.date,
          weekdayName(s.date),
          s.start,
          s.end,
          rooms.get(s.roomId) ?? s.roomId,
          candidateLabel(s.candidateId),
          candidates.get(s.candidateId)?.postLabel ?? '',
          memberNames(s.memberIds.filter((id) => id !== m.id)),
        ]),
    }));

  const bytes = await writeTableWorkbook({
    sheets: [...daySheets, unplacedSheet, ...memberSheets],
    metadata: [
      ['Appel', data.callTitle],
      ['Exporté le', formatFrenchDate(parisDateOf(data.now))],
      ['Entretiens placés', String(slots.length)],
      ['Jours d’entretiens', String(days.length)],
      ['Candidats non placés', String(data.unplaced.length)],
      ['Fuseau horaire', 'Heures de Paris (Europe/Paris)'],
    ],
    creator: 'Commission de recrutement',
    now: data.now,
  });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
