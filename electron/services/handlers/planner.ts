// The interview planner's methods (issue 7). The planner itself is pure (shared/domain/planner) and runs in a
// worker; here: what is stored, who may change it, and the checks that keep a stored planning sound — every
// slot written has passed the independent checker against the constraints of the moment.
import { AppError } from '../../../shared/contract/errors.js';
import { cellDate, cellText } from '../../../shared/domain/intake/cells.js';
import { checkMove, checkPlan, pastDayProblems, slotForMove } from '../../../shared/domain/planner/index.js';
import { isIsoDay } from '../../../shared/domain/planner/calendar.js';
import { frDay } from '../../../shared/domain/planner/text.js';
import type { PlannerInput, Slot, Unplaced, Violation } from '../../../shared/domain/planner/model.js';
import {
  buildPlannerInput,
  closedDaysOf,
  defaultPlannerSettings,
  formatHalfDayList,
  parseHalfDayList,
  plannerSettingsProblems,
  slotKey,
  toSlot,
} from '../../../shared/domain/planner/settings.js';
import { inputProblems } from '../../../shared/domain/planner/context.js';
import { deName, foldText, slugOf } from '../../../shared/domain/text.js';
import type { CellValue, WorkbookData } from '../../../shared/domain/intake/types.js';
import type { Call, Member } from '../../../shared/model/entities.js';
import type {
  AvailabilityImportReport,
  AvailabilityImportRow,
  PersonAvailability,
  PlannedSlot,
  PlannerCandidateRow,
  PlannerMemberRow,
  PlannerSettings,
  PlannerView,
} from '../../../shared/model/planner.js';
import { getCall } from '../db/calls-repo.js';
import { markApplicationConvoked } from '../db/candidates-repo.js';
import { listMembers } from '../db/people-repo.js';
import {
  bumpRevision,
  candidateConstraints,
  clearCancellation,
  deleteSlot,
  listCancellations,
  listSlots,
  markConvoked,
  memberConstraints,
  noConstraints,
  plannerState,
  replaceUnplaced,
  saveConstraints,
  saveSettings,
  setLocked,
  unplacedOf,
  upsertSlot,
} from '../db/planner-repo.js';
import { readWorkbook, type ReadWorkerHost } from '../excel/read-workbook.js';
import { writeTableWorkbook } from '../excel/write-workbook.js';
import { runPlanner, type RunPlanOptions } from '../planner/plan-host.js';
import { convocationDocx, convocationEml, memberIcs, memberScheduleEml, type ConvocationData } from '../planner/documents.js';
import { planningWorkbook } from '../planner/planning-workbook.js';
import { candidateRowsOf } from './candidates.js';
import { meIn } from './scoring.js';
import { todayOf, twoPhase, type HandlerContext, type HandlerSlice } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Candidates with these application states are not heard (withdrawn, or turned down on their file). */
const NOT_HEARD: Record<string, string> = { retiree: 'Candidature retirée.', non_retenue: 'Candidature non retenue.' };
const NOT_PLANNED_REASON = 'Pas encore placé : lancez le calcul du planning ou placez l’entretien à la main.';

/** The planning belongs to whoever organises the commission: its president or the secretariat. */
function requireOrganiser(ctx: HandlerContext, callId: number): void {
  const me = meIn(ctx, listMembers(ctx.db, callId));
  if (me && me.role !== 'president' && me.role !== 'secretariat') {
    throw new AppError('forbidden', 'Seuls la présidence et le secrétariat peuvent modifier le planning des entretiens.');
  }
}

function settingsSource(call: Call, members: Member[]) {
  const sitting = members.filter((m) => m.role !== 'secretariat');
  return {
    interviewStart: call.interviewStart,
    interviewEnd: call.interviewEnd,
    interviewPlace: call.interviewPlace,
    deadline: call.deadline,
    sittingMembers: sitting.length,
    hasPresident: sitting.some((m) => m.role === 'president'),
  };
}

interface Loaded {
  call: Call;
  view: PlannerView;
  members: Member[];
}

function candidateLabel(nom: string, prenom: string): string {
  return `${nom.toLocaleUpperCase('fr-FR')} ${prenom}`.trim();
}

/** Everything the tab shows, and the planner's input built from it. */
export function loadPlanner(ctx: HandlerContext, callId: number): Loaded {
  const call = getCall(ctx.db, callId);
  const members = listMembers(ctx.db, callId);
  const state = plannerState(ctx.db, callId);
  const settings: PlannerSettings = state.settings ?? defaultPlannerSettings(settingsSource(call, members));
  const memberC = memberConstraints(ctx.db, callId);
  const candidateC = candidateConstraints(ctx.db, callId);
  const postLabel = new Map(call.posts.map((p) => [String(p.id), p.site ? `${p.label} — ${p.site}` : p.label]));
  const memberRows: PlannerMemberRow[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    president: m.role === 'president',
    sits: m.role !== 'secretariat',
    constraints: memberC.get(m.id) ?? noConstraints(),
  }));
  const candidateRows: PlannerCandidateRow[] = candidateRowsOf(ctx, callId).map((c) => {
    const post = c.firstWish === null ? '' : String(c.firstWish);
    const notHeard = c.verdict !== 'recevable' ? `Dossier ${c.verdict === 'incomplet' ? 'incomplet' : 'irrecevable'}.` : (NOT_HEARD[c.status] ?? null);
    return {
      id: c.id,
      label: candidateLabel(c.nom, c.prenom),
      email: c.email,
      post,
      postLabel: postLabel.get(post) ?? 'Poste non précisé',
      toHear: notHeard === null,
      notHeardBecause: notHeard,
      constraints: candidateC.get(c.id) ?? noConstraints(),
    };
  });
  const slots = listSlots(ctx.db, callId);
  const heardIds = new Set(candidateRows.filter((c) => c.toHear).map((c) => c.id));
  const built = buildPlannerInput({ settings, members: memberRows, candidates: candidateRows, slots });
  // The planner and its messages name a post by what people read (« … — Réseau Les Écrins »), not its number.
  const postName = (post: string): string => postLabel.get(post) ?? post;
  const input: PlannerInput = {
    ...built,
    candidates: built.candidates.map((c) => ({ ...c, post: postName(c.post) })),
    jury: { ...built.jury, panels: (built.jury.panels ?? []).map((p) => ({ ...p, posts: p.posts.map(postName) })) },
  };
  const problems = inputProblems(input);
  const today = todayOf(ctx);
  const warnings = [...problems.errors, ...problems.warnings];
  if (settings.to <= today) warnings.unshift(`La période des entretiens (jusqu’au ${frDay(settings.to)}) est passée : indiquez de nouvelles dates dans les réglages pour placer des entretiens.`);
  else if (settings.from <= today) warnings.unshift(`Les jours jusqu’à aujourd’hui (${frDay(today)}) ne reçoivent plus de nouvel entretien.`);
  const byId = new Map(candidateRows.map((c) => [c.id, c]));
  // A slot of someone no longer to hear (withdrawn, turned down) is not checked like the others: it is to call off.
  const orphanViolations: Violation[] = slots
    .filter((s) => !heardIds.has(s.candidateId))
    .map((s) => {
      const c = byId.get(s.candidateId);
      return {
        code: 'unknown-candidate',
        message: `${c?.label ?? 'Ce candidat'} n’est plus à entendre (${(c?.notHeardBecause ?? '').replace(/\.$/, '').toLowerCase() || 'dossier supprimé'}) : son entretien du ${frDay(s.date)} à ${s.start} est à retirer du planning.`,
        candidateIds: [s.candidateId],
        date: s.date,
      };
    });
  const placed = new Set(slots.map((s) => s.candidateId));
  const lastRun = unplacedOf(ctx.db, callId);
  const unplaced: Unplaced[] = candidateRows
    .filter((c) => c.toHear && !placed.has(c.id))
    .map((c) => {
      const known = lastRun.get(c.id);
      return { candidateId: c.id, code: known?.code ?? 'not-planned', reason: known?.reason ?? NOT_PLANNED_REASON };
    });
  const view: PlannerView = {
    callId,
    callTitle: call.title,
    settings,
    settingsAreDefault: state.settings === null,
    revision: state.revision,
    members: memberRows,
    candidates: candidateRows,
    slots,
    unplaced,
    violations: [...orphanViolations, ...checkPlan(input, { placed: slots.filter((s) => heardIds.has(s.candidateId)).map(toSlot) })],
    input,
    closedDays: closedDaysOf(settings),
    warnings,
    plannedAt: state.plannedAt,
    today,
    toCallOff: listCancellations(ctx.db, callId).map((c) => {
      const [date, start] = c.convokedFor.split(' ');
      return {
        candidateId: c.candidateId,
        label: byId.get(c.candidateId)?.label ?? 'Candidat',
        announced: date && isIsoDay(date) ? `${frDay(date)} à ${start}` : c.convokedFor,
        convokedAt: c.convokedAt,
      };
    }),
  };
  return { call, view, members };
}

function changed(ctx: HandlerContext, callId: number): void {
  bumpRevision(ctx.db, callId, ctx.now().toISOString());
  ctx.record({ entity: 'planning', entityId: null, callId });
}

function requireRevision(view: PlannerView, basedOn: number): void {
  if (view.revision !== basedOn) {
    throw new AppError('conflict', 'Le planning a changé depuis (dans cette fenêtre ou une autre) : la vue a été rechargée, recommencez l’opération.');
  }
}

function slotOf(view: PlannerView, candidateId: number): PlannedSlot {
  const slot = view.slots.find((s) => s.candidateId === candidateId);
  if (!slot) throw new AppError('not_found', 'Ce candidat n’a pas d’entretien au planning.');
  return slot;
}

function candidateOf(view: PlannerView, candidateId: number): PlannerCandidateRow {
  const candidate = view.candidates.find((c) => c.id === candidateId);
  if (!candidate) throw new AppError('not_found', 'Ce candidat n’appartient pas à cet appel.');
  return candidate;
}

function roomLabel(view: PlannerView, roomId: string): string {
  return view.settings.rooms.find((r) => r.id === roomId)?.label ?? roomId;
}

// ——— Candidates' constraints from a spreadsheet ———

const TEMPLATE_HEADERS = ['Identifiant', 'Nom', 'Prénom', 'E-mail', 'Poste', 'Indisponibilités', 'Préférences', 'Note'] as const;
const HEADER_KEYS: Record<string, 'id' | 'nom' | 'prenom' | 'email' | 'unavailable' | 'preferred' | 'note'> = {
  identifiant: 'id',
  nom: 'nom',
  prenom: 'prenom',
  'e mail': 'email',
  email: 'email',
  courriel: 'email',
  note: 'note',
  indisponibilites: 'unavailable',
  'dates indisponibles': 'unavailable',
  preferences: 'preferred',
  'dates preferees': 'preferred',
  remarque: 'note',
  remarques: 'note',
};
const ROW_ID = /^ENT-(\d+)$/i;

function sameConstraints(a: PersonAvailability, b: PersonAvailability): boolean {
  return JSON.stringify(a.availability.unavailable ?? []) === JSON.stringify(b.availability.unavailable ?? []) &&
    JSON.stringify(a.availability.weekly ?? []) === JSON.stringify(b.availability.weekly ?? []) &&
    JSON.stringify(a.preferred) === JSON.stringify(b.preferred) &&
    a.note === b.note;
}

/**
 * What a run may change: interviews already held (up to today) stay as they are, out of the computation; new
 * ones go from tomorrow on (the days past are blacked out for the run only).
 */
function runScope(view: PlannerView): { input: PlannerInput; previous: Slot[]; past: Slot[] } {
  const { today } = view;
  const heard = new Set(view.input.candidates.map((c) => c.id));
  const past = view.slots.filter((s) => s.date <= today && heard.has(s.candidateId)).map(toSlot);
  const done = new Set(past.map((s) => s.candidateId));
  const calendar = view.input.calendar;
  const blackouts = calendar.from <= today ? [...calendar.blackouts, { from: calendar.from, to: today, label: 'Jours passés' }] : calendar.blackouts;
  return {
    input: {
      ...view.input,
      calendar: { ...calendar, blackouts },
      candidates: view.input.candidates.filter((c) => !done.has(c.id)),
      locked: view.input.locked.filter((s) => !done.has(s.candidateId)),
    },
    previous: view.slots.filter((s) => !done.has(s.candidateId)).map(toSlot),
    past,
  };
}

function bySlotOrder(a: Slot, b: Slot): number {
  return a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.roomId.localeCompare(b.roomId);
}


interface ParsedImportRow extends AvailabilityImportRow {
  value?: PersonAvailability;
}

function analyseConstraints(view: PlannerView, fileName: string, workbook: WorkbookData): { report: AvailabilityImportReport; rows: ParsedImportRow[] } {
  type Key = (typeof HEADER_KEYS)[string];
  let found: { sheet: string; rows: CellValue[][]; header: number; columns: Partial<Record<Key, number>> } | null = null;
  for (const sheet of workbook.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20) && !found; r++) {
      const columns: Partial<Record<Key, number>> = {};
      sheet.rows[r]!.forEach((cell, c) => {
        const key = HEADER_KEYS[foldText(cellText(cell))];
        if (key && columns[key] === undefined) columns[key] = c;
      });
      const identifies = columns.id !== undefined || columns.email !== undefined || (columns.nom !== undefined && columns.prenom !== undefined);
      if (identifies && (columns.unavailable !== undefined || columns.preferred !== undefined)) found = { sheet: sheet.name, rows: sheet.rows, header: r, columns };
    }
    if (found) break;
  }
  if (!found) {
    throw new AppError(
      'validation',
      `Le classeur « ${fileName} » ne contient pas de colonne « Indisponibilités » ou « Préférences » à côté d’une colonne « Identifiant », « E-mail » ou « Nom » et « Prénom ».`,
    );
  }
  const { rows, header, columns } = found;
  const cell = (row: CellValue[], key: Key): string => {
    const index = columns[key];
    if (index === undefined) return '';
    // A date typed alone in a cell arrives as a Date or an Excel serial: written back jj/mm/aaaa.
    const value = row[index];
    const listOfDays = key === 'unavailable' || key === 'preferred';
    return (listOfDays && (typeof value === 'number' || value instanceof Date) ? cellDate(value) : cellText(value)).trim();
  };
  const year = Number(view.settings.from.slice(0, 4)) || new Date().getUTCFullYear();
  const heard = view.candidates.filter((c) => c.toHear);
  const byEmail = new Map(heard.filter((c) => c.email).map((c) => [c.email.toLowerCase(), c]));
  const seen = new Set<number>();
  const out: ParsedImportRow[] = [];
  const headerText = (key: Key): string => cellText(rows[header]![columns[key]!] ?? null);
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => cellText(c ?? null).trim() === '')) continue;
    const excelRow = r + 1;
    const name = [cell(row, 'nom'), cell(row, 'prenom')].filter(Boolean).join(' ') || cell(row, 'email') || cell(row, 'id');
    const base = { row: excelRow, name, unavailable: cell(row, 'unavailable'), preferred: cell(row, 'preferred'), note: cell(row, 'note').slice(0, 2000) };
    const refuse = (problem: string): void => void out.push({ ...base, candidateId: null, status: 'refused', problem });
    const idMatch = ROW_ID.exec(cell(row, 'id'));
    let candidate = idMatch ? heard.find((c) => c.id === Number(idMatch[1])) : undefined;
    if (!candidate && cell(row, 'id') && idMatch) {
      refuse(`Ligne ${excelRow} : l’identifiant « ${cell(row, 'id')} » ne correspond à aucun candidat à entendre de cet appel.`);
      continue;
    }
    if (!candidate && cell(row, 'email')) candidate = byEmail.get(cell(row, 'email').toLowerCase());
    if (!candidate && cell(row, 'nom') && cell(row, 'prenom')) {
      const same = heard.filter((c) => foldText(c.label) === foldText(`${cell(row, 'nom')} ${cell(row, 'prenom')}`));
      if (same.length > 1) {
        refuse(`Ligne ${excelRow} : plusieurs candidats s’appellent « ${name} » ; ajoutez l’identifiant ou l’e-mail.`);
        continue;
      }
      candidate = same[0];
    }
    if (!candidate) {
      refuse(`Ligne ${excelRow} : « ${name} » n’est pas un candidat à entendre de cet appel (ni l’identifiant, ni l’e-mail, ni le nom ne correspondent).`);
      continue;
    }
    if (seen.has(candidate.id)) {
      refuse(`Ligne ${excelRow} : ${candidate.label} figure déjà plus haut dans le classeur.`);
      continue;
    }
    seen.add(candidate.id);
    const unavailable = parseHalfDayList(base.unavailable, year);
    const preferred = parseHalfDayList(base.preferred, year);
    const problems = [
      ...unavailable.problems.map((p) => `colonne « ${headerText('unavailable')} » : ${p}`),
      ...preferred.problems.map((p) => `colonne « ${headerText('preferred')} » : ${p}`),
      ...(preferred.weekly.length ? [`colonne « ${headerText('preferred')} » : une préférence est une date ou une période, pas un jour de la semaine.`] : []),
      ...(preferred.dates.some((r) => r.date < view.settings.from || r.date > view.settings.to)
        ? [`colonne « ${headerText('preferred')} » : une date préférée est hors de la période des entretiens (du ${frDay(view.settings.from)} au ${frDay(view.settings.to)}).`]
        : []),
    ];
    if (problems.length) {
      out.push({ ...base, name: candidate.label, candidateId: candidate.id, status: 'refused', problem: `Ligne ${excelRow} : ${problems.join(' ')}` });
      continue;
    }
    const value: PersonAvailability = {
      availability: {
        ...(candidate.constraints.availability.only ? { only: candidate.constraints.availability.only } : {}),
        ...(unavailable.dates.length ? { unavailable: unavailable.dates } : {}),
        ...(unavailable.weekly.length ? { weekly: unavailable.weekly } : {}),
      },
      preferred: preferred.dates,
      note: columns.note !== undefined ? cell(row, 'note').slice(0, 2000) : candidate.constraints.note,
    };
    const had = candidate.constraints;
    const hadAny = !!(had.availability.unavailable?.length || had.availability.weekly?.length || had.preferred.length || had.note);
    const status = sameConstraints(had, value) ? 'unchanged' : hadAny ? 'changed' : 'new';
    out.push({
      ...base,
      name: candidate.label,
      candidateId: candidate.id,
      status,
      problem: null,
      unavailable: formatHalfDayList(unavailable.dates, unavailable.weekly),
      preferred: formatHalfDayList(preferred.dates),
      value,
    });
  }
  const accepted = out.filter((r) => r.status === 'new' || r.status === 'changed').length;
  return {
    report: {
      fileName,
      sheet: found.sheet,
      rows: out.map(({ value: _value, ...row }) => row),
      accepted,
      refused: out.filter((r) => r.status === 'refused').length,
      committed: false,
    },
    rows: out,
  };
}

function convocationData(ctx: HandlerContext, loaded: Loaded, candidateId: number): { data: ConvocationData; slot: PlannedSlot } {
  const { call, view } = loaded;
  const candidate = candidateOf(view, candidateId);
  const slot = slotOf(view, candidateId);
  if (slot.date <= view.today) throw new AppError('conflict', `L’entretien ${deName(candidate.label)} (${frDay(slot.date)}) est passé : pas de convocation.`);
  const problems = view.violations.filter((v) => v.candidateIds.includes(candidateId));
  if (problems.length) {
    throw new AppError('conflict', `Le créneau ${deName(candidate.label)} est en conflit : ${problems.map((v) => v.message).join(' ')} Corrigez le planning avant de convoquer.`);
  }
  const file = candidateRowsOf(ctx, view.callId).find((c) => c.id === candidateId)!;
  return {
    slot,
    data: {
      call: {
        title: call.title,
        reference: call.reference,
        academie: call.academie,
        contactEmail: call.contactEmail,
        place: view.settings.place || call.interviewPlace,
        presidedBy: call.presidedBy,
      },
      candidate: { id: candidate.id, nom: file.nom, prenom: file.prenom, label: candidate.label, email: candidate.email, postLabel: candidate.postLabel },
      slot: { date: slot.date, start: slot.start, end: slot.end, roomLabel: roomLabel(view, slot.roomId) },
      now: ctx.now(),
    },
  };
}

/**
 * `runs`: the computations in progress, by the id the window gave (cancelling terminates the worker); the
 * services abort them all when they close.
 */
export function plannerHandlers(
  reader: ReadWorkerHost,
  runs: Map<string, AbortController>,
  workerUrl?: URL | null,
): HandlerSlice<
  | 'planner-get'
  | 'planner-settings-save'
  | 'planner-constraints-save'
  | 'planner-constraints-template'
  | 'planner-constraints-import'
  | 'planner-run'
  | 'planner-cancel'
  | 'planner-apply'
  | 'planner-slot-move'
  | 'planner-slot-lock'
  | 'planner-slot-remove'
  | 'planner-convocation'
  | 'planner-call-off-done'
  | 'planner-member-schedule'
  | 'planner-export'
> {
  return {
    'planner-get': ({ callId }, ctx) => loadPlanner(ctx, callId).view,

    'planner-settings-save': ({ callId, settings }, ctx) => {
      getCall(ctx.db, callId);
      requireOrganiser(ctx, callId);
      const clean: PlannerSettings = {
        ...settings,
        workingDays: [...new Set(settings.workingDays)].sort(),
        rooms: settings.rooms.map((r) => ({ ...r, label: r.label.trim() })),
        blackouts: settings.blackouts.map((b) => ({ ...b, label: b.label.trim() })),
        panels: settings.panels.map((p) => ({ ...p, label: p.label.trim() })),
        place: settings.place.trim(),
      };
      const sitting = new Set(listMembers(ctx.db, callId).filter((m) => m.role !== 'secretariat').map((m) => m.id));
      const errors = plannerSettingsProblems(clean, sitting.size);
      // A room cannot go while interviews are still held in it: they would point at nothing.
      const kept = new Set(clean.rooms.map((r) => r.id));
      const current = loadPlanner(ctx, callId).view;
      for (const room of current.settings.rooms) {
        const held = current.slots.filter((s) => s.roomId === room.id);
        if (!kept.has(room.id) && held.length) {
          errors.rooms = `La salle « ${room.label} » accueille encore ${held.length > 1 ? `${held.length} entretiens` : 'un entretien'} (${[...new Set(held.map((s) => frDay(s.date)))].join(', ')}) : déplacez-les avant de la retirer.`;
        }
      }
      const posts = new Set(getCall(ctx.db, callId).posts.map((p) => String(p.id)));
      clean.panels.forEach((panel, i) => {
        if (panel.memberIds.some((id) => !sitting.has(id))) errors[`panels.${i}`] = `Le jury « ${panel.label} » cite quelqu’un qui ne siège pas dans cette commission (le secrétariat ne siège pas).`;
        else if (panel.posts.some((post) => !posts.has(post))) errors[`panels.${i}`] = `Le jury « ${panel.label} » cite un poste qui n’existe pas dans cet appel.`;
      });
      if (Object.keys(errors).length) throw new AppError('validation', 'Les réglages contiennent des erreurs : corrigez les champs signalés. Rien n’a été enregistré.', errors);
      saveSettings(ctx.db, callId, clean, ctx.now().toISOString());
      ctx.record({ entity: 'planning', entityId: null, callId });
      return loadPlanner(ctx, callId).view;
    },

    'planner-constraints-save': ({ callId, kind, personId, availability, preferred, note }, ctx) => {
      requireOrganiser(ctx, callId);
      const { view } = loadPlanner(ctx, callId);
      const known = kind === 'member' ? view.members.some((m) => m.id === personId) : view.candidates.some((c) => c.id === personId);
      if (!known) throw new AppError('not_found', kind === 'member' ? 'Ce membre n’appartient pas à cette commission.' : 'Ce candidat n’appartient pas à cet appel.');
      const clean = {
        ...(availability.only?.length ? { only: availability.only } : {}),
        ...(availability.unavailable?.length ? { unavailable: availability.unavailable } : {}),
        ...(availability.weekly?.length ? { weekly: availability.weekly } : {}),
      };
      const bad = [...(availability.only ?? []), ...(availability.unavailable ?? []), ...preferred].find((r) => !isIsoDay(r.date));
      if (bad) throw new AppError('validation', `Date invalide : « ${bad.date} ».`);
      saveConstraints(ctx.db, callId, kind, personId, { availability: clean, preferred: kind === 'candidate' ? preferred : [], note: note.trim() }, ctx.now().toISOString());
      changed(ctx, callId);
      return loadPlanner(ctx, callId).view;
    },

    'planner-constraints-template': async ({ callId }, ctx) => {
      const { view, call } = loadPlanner(ctx, callId);
      const files = new Map(candidateRowsOf(ctx, callId).map((c) => [c.id, c]));
      const rows = view.candidates
        .filter((c) => c.toHear)
        .map((c) => [
          `ENT-${c.id}`,
          files.get(c.id)?.nom ?? '',
          files.get(c.id)?.prenom ?? '',
          c.email,
          c.postLabel,
          formatHalfDayList(c.constraints.availability.unavailable ?? [], c.constraints.availability.weekly ?? []),
          formatHalfDayList(c.constraints.preferred),
          c.constraints.note,
        ]);
      const buffer = await writeTableWorkbook({
        sheets: [
          {
            name: 'Contraintes',
            columns: TEMPLATE_HEADERS.map((header, i) => ({ header, kind: 'text' as const, ...(i >= 5 ? { width: 40, wrap: true } : {}) })),
            rows,
            editableColumns: [5, 6, 7],
          },
        ],
        metadata: [
          ['Appel', call.title],
          ['Période des entretiens', `du ${frDay(view.settings.from)} au ${frDay(view.settings.to)}`],
          ['Comment remplir', 'Dates « 03/06/2026 », demi-journées « 03/06/2026 matin », périodes « du 15/06/2026 au 19/06/2026 », chaque semaine « mardi après-midi » ; séparées par « ; ».'],
        ],
        creator: 'Commission de recrutement',
        now: ctx.now(),
      });
      return { fileName: `contraintes-candidats-${(slugOf(call.title, 60) || 'appel')}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64') };
    },

    'planner-constraints-import': twoPhase<'planner-constraints-import', { workbook: WorkbookData }>({
      async prepare({ callId, fileName, contentBase64 }, ctx) {
        getCall(ctx.db, callId);
        return { workbook: await readWorkbook(Buffer.from(contentBase64, 'base64'), fileName, { host: reader }) };
      },
      apply({ callId, fileName, commit }, { workbook }, ctx) {
        const { view } = loadPlanner(ctx, callId);
        const { report, rows } = analyseConstraints(view, fileName, workbook);
        if (commit && report.accepted > 0) {
          requireOrganiser(ctx, callId);
          const at = ctx.now().toISOString();
          for (const row of rows) {
            if ((row.status === 'new' || row.status === 'changed') && row.value && row.candidateId !== null) saveConstraints(ctx.db, callId, 'candidate', row.candidateId, row.value, at);
          }
          changed(ctx, callId);
          report.committed = true;
        }
        return report;
      },
    }),

    'planner-run': async ({ callId, mode, runId }, ctx) => {
      requireOrganiser(ctx, callId);
      if (runs.has(runId)) throw new AppError('conflict', 'Ce calcul est déjà en cours.');
      const { view } = loadPlanner(ctx, callId);
      if (view.settings.to <= view.today) {
        throw new AppError('validation', `La période des entretiens (jusqu’au ${frDay(view.settings.to)}) est passée : indiquez de nouvelles dates dans les réglages, puis relancez le calcul.`);
      }
      if (view.input.candidates.length === 0 && view.slots.length === 0) {
        throw new AppError('validation', 'Aucun candidat à entendre : seuls les dossiers recevables, ni retirés ni non retenus, sont placés.');
      }
      // A locked slot that no longer holds would make every proposal fail its check: say which to unlock.
      const lockedIds = new Set(view.slots.filter((s) => s.locked).map((s) => s.candidateId));
      const brokenLocks = view.violations.filter((v) => v.code !== 'unknown-candidate' && v.candidateIds.some((id) => lockedIds.has(id)));
      if (brokenLocks.length) {
        throw new AppError('conflict', `Un créneau verrouillé ne tient plus : ${brokenLocks.map((v) => v.message).join(' ')} Déverrouillez-le (ou déplacez-le) pour que le calcul puisse le replacer.`);
      }
      const controller = new AbortController();
      runs.set(runId, controller);
      const started = Date.now();
      const label = mode === 'plan' ? 'Calcul du planning' : 'Recalcul en gardant les créneaux';
      const options: RunPlanOptions = {
        signal: controller.signal,
        onProgress: (fraction) => ctx.push({ event: 'progress', payload: { task: 'planner', id: runId, fraction, label } }),
        ...(workerUrl !== undefined ? { workerUrl } : {}),
      };
      try {
        const scope = runScope(view);
        const computed = await runPlanner({ mode, input: scope.input, previous: scope.previous, seed: view.settings.seed }, options);
        const placed = [...scope.past, ...computed.plan.placed].sort(bySlotOrder);
        const result = { ...computed, plan: { ...computed.plan, placed } };
        const convoked = new Map(view.slots.filter((s) => s.convokedFor).map((s) => [s.candidateId, s.convokedFor]));
        const after = new Map(result.plan.placed.map((s) => [s.candidateId, slotKey(s)]));
        const reconvoke = [...convoked].filter(([id, key]) => after.get(id) !== key).map(([id]) => id);
        ctx.push({ event: 'progress', payload: { task: 'planner', id: runId, fraction: 1, label } });
        return { runId, mode, basedOnRevision: view.revision, plan: result.plan, diff: result.diff, reconvoke, violations: checkPlan(view.input, { placed }), elapsedMs: Date.now() - started };
      } finally {
        runs.delete(runId);
      }
    },

    'planner-cancel': ({ runId }) => {
      const controller = runs.get(runId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    'planner-apply': ({ callId, basedOnRevision, slots, unplaced }, ctx) => {
      requireOrganiser(ctx, callId);
      const { view } = loadPlanner(ctx, callId);
      requireRevision(view, basedOnRevision);
      const violations = checkPlan(view.input, { placed: slots });
      if (violations.length) {
        throw new AppError('conflict', `La proposition ne respecte plus les contraintes : ${violations.slice(0, 3).map((v) => v.message).join(' ')} Relancez le calcul.`);
      }
      const heard = new Set(view.input.candidates.map((c) => c.id));
      // Interviews already held are history: a proposal keeps them exactly and places nobody on a past day.
      const sent = new Map(slots.map((s) => [s.candidateId, s]));
      const same = (a: Slot | undefined, b: Slot | undefined): boolean => !!a && !!b && slotKey(a) === slotKey(b) && a.end === b.end;
      const pastTouched =
        slots.some((s) => s.date <= view.today && !same(s, view.slots.find((o) => o.candidateId === s.candidateId))) ||
        view.slots.some((o) => o.date <= view.today && heard.has(o.candidateId) && !same(o, sent.get(o.candidateId)));
      if (pastTouched) throw new AppError('conflict', 'La proposition déplace ou place un entretien sur un jour passé : relancez le calcul.');
      const at = ctx.now().toISOString();
      const kept = new Set(slots.map((s) => s.candidateId));
      const locked = new Set(view.slots.filter((s) => s.locked).map((s) => s.candidateId));
      for (const old of view.slots) if (!kept.has(old.candidateId)) deleteSlot(ctx.db, old.candidateId, at);
      for (const slot of slots) upsertSlot(ctx.db, callId, slot, locked.has(slot.candidateId), at);
      replaceUnplaced(
        ctx.db,
        callId,
        unplaced.filter((u) => heard.has(u.candidateId) && !kept.has(u.candidateId)),
      );
      bumpRevision(ctx.db, callId, at, true);
      ctx.record({ entity: 'planning', entityId: null, callId });
      return loadPlanner(ctx, callId).view;
    },

    'planner-slot-move': ({ callId, candidateId, date, start, roomId, basedOnRevision }, ctx) => {
      requireOrganiser(ctx, callId);
      const { view } = loadPlanner(ctx, callId);
      requireRevision(view, basedOnRevision);
      const candidate = candidateOf(view, candidateId);
      if (!candidate.toHear) throw new AppError('conflict', `${candidate.label} n’est pas à entendre : ${candidate.notHeardBecause}`);
      const current = view.slots.find((s) => s.candidateId === candidateId);
      if (current?.locked) throw new AppError('forbidden', `Le créneau ${deName(candidate.label)} est verrouillé : déverrouillez-le pour le déplacer.`);
      const past = pastDayProblems(current, { date }, view.today, candidate.label);
      if (past.length) throw new AppError('conflict', past.join(' '));
      const placed = view.slots.map(toSlot);
      const slot = slotForMove(view.input, placed, { candidateId, date, start, roomId });
      const problems = checkMove(view.input, placed, slot);
      if (problems.length) throw new AppError('conflict', `Déplacement impossible : ${problems.map((v) => v.message).join(' ')}`);
      upsertSlot(ctx.db, callId, slot, false, ctx.now().toISOString());
      changed(ctx, callId);
      return loadPlanner(ctx, callId).view;
    },

    'planner-slot-lock': ({ callId, candidateId, locked }, ctx) => {
      requireOrganiser(ctx, callId);
      const { view } = loadPlanner(ctx, callId);
      slotOf(view, candidateId);
      setLocked(ctx.db, candidateId, locked, ctx.now().toISOString());
      changed(ctx, callId);
      return loadPlanner(ctx, callId).view;
    },

    'planner-slot-remove': ({ callId, candidateId }, ctx) => {
      requireOrganiser(ctx, callId);
      const { view } = loadPlanner(ctx, callId);
      slotOf(view, candidateId);
      deleteSlot(ctx.db, candidateId, ctx.now().toISOString());
      changed(ctx, callId);
      return loadPlanner(ctx, callId).view;
    },

    'planner-convocation': twoPhase<'planner-convocation', { content: Uint8Array; slot: Slot; stem: string }>({
      async prepare({ callId, candidateId, format }, ctx) {
        requireOrganiser(ctx, callId);
        const loaded = loadPlanner(ctx, callId);
        const { data, slot } = convocationData(ctx, loaded, candidateId);
        const content = format === 'docx' ? await convocationDocx(data) : convocationEml(data);
        return { content, slot: toSlot(slot), stem: `convocation-${slugOf(data.candidate.label, 60)}-${slot.date}` };
      },
      apply({ callId, candidateId, format }, prepared, ctx) {
        // The planning may have changed while the document was written: what is recorded is what it says, and
        // only if that still holds (same time, room and jury, no conflict since).
        const loaded = loadPlanner(ctx, callId);
        convocationData(ctx, loaded, candidateId);
        const slot = toSlot(slotOf(loaded.view, candidateId));
        if (JSON.stringify(slot) !== JSON.stringify(prepared.slot)) throw new AppError('conflict', 'Le créneau a changé pendant la préparation de la convocation : recommencez.');
        markConvoked(ctx.db, candidateId, slotKey(slot), ctx.now().toISOString());
        // The application moves on to « convoquée » (a later state — retenue… — is left as it is).
        if (markApplicationConvoked(ctx.db, candidateId, ctx.now().toISOString())) ctx.record({ entity: 'candidates', entityId: candidateId, callId });
        ctx.record({ entity: 'planning', entityId: candidateId, callId });
        return {
          fileName: `${prepared.stem}.${format}`,
          mimeType: format === 'docx' ? DOCX : 'message/rfc822',
          contentBase64: Buffer.from(prepared.content).toString('base64'),
        };
      },
    }),

    'planner-call-off-done': ({ callId, candidateId }, ctx) => {
      requireOrganiser(ctx, callId);
      candidateOf(loadPlanner(ctx, callId).view, candidateId);
      if (clearCancellation(ctx.db, candidateId) === 0) throw new AppError('not_found', 'Aucune convocation à annuler pour ce candidat.');
      ctx.record({ entity: 'planning', entityId: candidateId, callId });
      return loadPlanner(ctx, callId).view;
    },

    'planner-member-schedule': ({ callId, memberId, format }, ctx) => {
      const { view, call } = loadPlanner(ctx, callId);
      const member = view.members.find((m) => m.id === memberId);
      if (!member) throw new AppError('not_found', 'Ce membre n’appartient pas à cette commission.');
      const byId = new Map(view.candidates.map((c) => [c.id, c]));
      const data = {
        call: {
          title: call.title,
          reference: call.reference,
          academie: call.academie,
          contactEmail: call.contactEmail,
          place: view.settings.place || call.interviewPlace,
          presidedBy: call.presidedBy,
        },
        member: { id: member.id, name: member.name, email: member.email },
        interviews: view.slots
          .filter((s) => s.memberIds.includes(memberId) && byId.get(s.candidateId)?.toHear)
          .map((s) => ({
            candidateId: s.candidateId,
            date: s.date,
            start: s.start,
            end: s.end,
            roomLabel: roomLabel(view, s.roomId),
            candidateLabel: byId.get(s.candidateId)?.label ?? '',
            postLabel: byId.get(s.candidateId)?.postLabel ?? '',
          })),
        now: ctx.now(),
      };
      const stem = `entretiens-${slugOf(member.name, 60)}`;
      return format === 'ics'
        ? { fileName: `${stem}.ics`, mimeType: 'text/calendar; charset=utf-8', contentBase64: Buffer.from(memberIcs(data), 'utf8').toString('base64') }
        : { fileName: `${stem}.eml`, mimeType: 'message/rfc822', contentBase64: Buffer.from(memberScheduleEml(data)).toString('base64') };
    },

    'planner-export': async ({ callId }, ctx) => {
      const { view, call } = loadPlanner(ctx, callId);
      const content = await planningWorkbook({
        callTitle: call.title,
        rooms: view.settings.rooms.map((r) => ({ id: r.id, label: r.label })),
        members: view.members.filter((m) => m.sits).map((m) => ({ id: m.id, name: m.name })),
        candidates: view.candidates.map((c) => ({ id: c.id, label: c.label, email: c.email, postLabel: c.postLabel })),
        slots: view.slots.filter((s) => view.candidates.some((c) => c.id === s.candidateId && c.toHear)),
        unplaced: view.unplaced,
        now: ctx.now(),
      });
      return { fileName: `planning-entretiens-${(slugOf(call.title, 60) || 'appel')}.xlsx`, mimeType: XLSX, contentBase64: Buffer.from(content).toString('base64') };
    },
  };
}

