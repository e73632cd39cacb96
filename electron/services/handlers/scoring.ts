// Grids, members' sheets, conflicts of interest, the commission's consolidated view, and the scoring
// workbooks that carry a member's scores from a laptop without the reference database.
import { AppError, type FieldErrors } from '../../../shared/contract/errors.js';
import { formatFrenchDate } from '../../../shared/domain/dates.js';
import { checkGrid, checkScores, consolidate, criteriaOf, gridImpacts } from '../../../shared/domain/scoring.js';
import { cleanMultiline, foldText, slugOf } from '../../../shared/domain/text.js';
import { cellText } from '../../../shared/domain/intake/cells.js';
import type { CellValue, WorkbookData } from '../../../shared/domain/intake/types.js';
import type { Call, CandidateFile, Member } from '../../../shared/model/entities.js';
import { disciplineLabel } from '../../../shared/model/referential.js';
import {
  PHASE_LABELS,
  type CandidateConsolidation,
  type ConflictSuggestion,
  type Criterion,
  type CriterionScore,
  type EvaluationOverview,
  type EvaluationSheetView,
  type Grid,
  type MergeState,
  type Phase,
  type ScoreMergeLine,
  type ScoreMergeReport,
  type ScoreSheet,
  type ScoringSettings,
} from '../../../shared/model/scoring.js';
import { getCall } from '../db/calls-repo.js';
import { getCandidate, listCandidates } from '../db/candidates-repo.js';
import { getMember, listMembers } from '../db/people-repo.js';
import {
  conflictsOfCall,
  declareConflict,
  deleteInvalidScores,
  getGrid,
  getSettings,
  isRecused,
  removeConflict,
  saveGrid,
  saveSettings,
  reopenSubmittedSheets,
  saveSheet,
  sheetOf,
  submittedSheetCount,
  sheetsOfCall,
  valuesByCriterion,
} from '../db/scoring-repo.js';
import { readWorkbook, type ReadWorkerHost } from '../excel/read-workbook.js';
import { METADATA_SHEET, writeTableWorkbook, type ColumnSpec } from '../excel/write-workbook.js';
import { candidateRowsOf } from './candidates.js';
import { todayOf, twoPhase, type HandlerContext, type HandlerSlice } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Roles that score; the secretariat organises and sees everything. */
const SCORING_ROLES = new Set(['president', 'membre', 'expert']);

/** The « who I am » of this laptop among the call's members (by address, else by name). */
export function meIn(ctx: HandlerContext, members: readonly Member[]): Member | null {
  const actor = ctx.actor;
  if (!actor) return null;
  const email = actor.email.trim().toLowerCase();
  if (email) {
    const byMail = members.find((m) => m.email.toLowerCase() === email);
    if (byMail) return byMail;
  }
  const name = foldText(actor.name);
  return members.find((m) => foldText(m.name) === name) ?? null;
}

/** The files the commission evaluates: the admissible ones, and any already scored. */
function evaluatedFiles(ctx: HandlerContext, callId: number, sheets: readonly ScoreSheet[]): CandidateFile[] {
  const scored = new Set(sheets.map((s) => s.candidateId));
  const admissible = new Set(candidateRowsOf(ctx, callId).filter((r) => r.verdict === 'recevable').map((r) => r.id));
  return listCandidates(ctx.db, callId)
    .filter((f) => admissible.has(f.id) || scored.has(f.id))
    .sort((a, b) => `${a.nom} ${a.prenom}`.localeCompare(`${b.nom} ${b.prenom}`, 'fr'));
}

/** Whether `me` may see others' sheets for a candidate. */
function othersVisible(settings: ScoringSettings, me: Member | null, mySheet: ScoreSheet | null): { visible: boolean; reason: string } {
  if (!me || !SCORING_ROLES.has(me.role)) return { visible: true, reason: '' };
  if (settings.visibility === 'toujours' || settings.deliberationOpen) return { visible: true, reason: '' };
  if (settings.visibility === 'jamais') return { visible: false, reason: 'Les notes des autres membres ne sont pas montrées avant la délibération (réglage de l’appel).' };
  if (mySheet?.status === 'soumise') return { visible: true, reason: '' };
  return { visible: false, reason: 'Les notes des autres membres s’affichent quand vous avez soumis votre propre évaluation.' };
}

function suggestionsOf(files: readonly CandidateFile[], members: readonly Member[], declared: ReadonlySet<string>): ConflictSuggestion[] {
  const suggestions: ConflictSuggestion[] = [];
  for (const m of members) {
    const school = foldText(m.etablissement);
    if (!school || !SCORING_ROLES.has(m.role)) continue;
    for (const f of files) {
      if (foldText(f.etablissement) !== school || declared.has(`${f.id}:${m.id}`)) continue;
      suggestions.push({ candidateId: f.id, memberId: m.id, reason: `${m.name} et ${f.nom} ${f.prenom} exercent dans le même établissement (${f.etablissement}).` });
    }
  }
  return suggestions;
}

/** Figures hidden from a member who may not see others' scores yet (only who has submitted stays). */
function masked(c: CandidateConsolidation): CandidateConsolidation {
  return { ...c, members: c.members.map((m) => ({ memberId: m.memberId, total: null, eliminatedBy: [], complete: m.complete })), mean: null, median: null, min: null, max: null, spread: null, disagreement: false, eliminatedBy: [], normalized: null, rank: null, normalizedRank: null, hidden: true };
}

export function evaluationOverview(ctx: HandlerContext, callId: number, phase: Phase): EvaluationOverview {
  getCall(ctx.db, callId);
  const grid = getGrid(ctx.db, callId, phase);
  const settings = getSettings(ctx.db, callId);
  const members = listMembers(ctx.db, callId);
  const scorers = members.filter((m) => SCORING_ROLES.has(m.role));
  const sheets = sheetsOfCall(ctx.db, callId, phase);
  const files = evaluatedFiles(ctx, callId, sheets);
  const conflicts = conflictsOfCall(ctx.db, callId);
  const consolidation = consolidate({
    phase,
    criteria: criteriaOf(grid.sections),
    candidateIds: files.map((f) => f.id),
    memberIds: scorers.map((m) => m.id),
    sheets,
    recusals: conflicts,
    disagreementShare: settings.disagreementShare,
  });
  const me = meIn(ctx, members);
  const mine = new Map(sheets.filter((s) => s.memberId === me?.id).map((s) => [s.candidateId, s]));
  const visibleFor = (candidateId: number) => othersVisible(settings, me, mine.get(candidateId) ?? null).visible;
  const everything = !me || !SCORING_ROLES.has(me.role) || settings.visibility === 'toujours' || settings.deliberationOpen;
  const recusedPairs = new Set(conflicts.map((c) => `${c.candidateId}:${c.memberId}`));
  const anyMasked = files.some((f) => !visibleFor(f.id));
  // A rank among candidates some of whom are hidden would tell how the hidden ones score: no ranks then.
  const unranked = (c: CandidateConsolidation) => (anyMasked ? { ...c, rank: null, normalizedRank: null } : c);
  return {
    callId,
    phase,
    grid,
    settings,
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role })),
    candidates: files.map((f) => ({ id: f.id, nom: f.nom, prenom: f.prenom, discipline: f.discipline, etablissement: f.etablissement })),
    consolidation: {
      ...consolidation,
      candidates: consolidation.candidates.map((c) => unranked(visibleFor(c.candidateId) ? c : masked(c))),
      calibration: everything ? consolidation.calibration : [],
      commission: everything ? consolidation.commission : { count: 0, mean: null, sd: null },
    },
    conflicts,
    suggestions: suggestionsOf(files, members, new Set(conflicts.map((c) => `${c.candidateId}:${c.memberId}`))),
    me: me?.id ?? null,
    // Own sheets, and others' submitted sheets when visible; never a draft, never a recused member's.
    visibleSheets: sheets.filter(
      (s) => s.memberId === me?.id || (s.status === 'soumise' && !recusedPairs.has(`${s.candidateId}:${s.memberId}`) && visibleFor(s.candidateId)),
    ),
  };
}

function sheetView(ctx: HandlerContext, candidateId: number, phase: Phase): EvaluationSheetView {
  const file = getCandidate(ctx.db, candidateId);
  const grid = getGrid(ctx.db, file.callId, phase);
  const settings = getSettings(ctx.db, file.callId);
  const members = listMembers(ctx.db, file.callId);
  const me = meIn(ctx, members);
  const mine = me ? sheetOf(ctx.db, candidateId, me.id, phase) : null;
  const visibility = othersVisible(settings, me, mine);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const others = visibility.visible
    ? sheetsOfCall(ctx.db, file.callId, phase)
        .filter((s) => s.candidateId === candidateId && s.memberId !== me?.id && s.status === 'soumise' && !isRecused(ctx.db, candidateId, s.memberId))
        .map((s) => ({ ...s, memberName: names.get(s.memberId) ?? '' }))
    : [];
  return {
    callId: file.callId,
    candidateId,
    phase,
    grid,
    me: me?.id ?? null,
    mine,
    recused: me ? isRecused(ctx.db, candidateId, me.id) : false,
    others,
    othersHiddenReason: visibility.reason,
    settings,
  };
}

function requireScorer(ctx: HandlerContext, callId: number): Member {
  const me = meIn(ctx, listMembers(ctx.db, callId));
  if (!me) throw new AppError('forbidden', 'Vous n’êtes pas membre de cette commission (Réglages › Qui suis-je) : vous ne pouvez pas évaluer.');
  if (!SCORING_ROLES.has(me.role)) throw new AppError('forbidden', 'Le secrétariat organise la commission mais n’évalue pas les candidats.');
  return me;
}

/** Grids and settings belong to whoever organises the commission: its president or the secretariat (not a member who scores). */
function requireOrganiser(ctx: HandlerContext, callId: number, what: string): void {
  const me = meIn(ctx, listMembers(ctx.db, callId));
  if (me && SCORING_ROLES.has(me.role) && me.role !== 'president') {
    throw new AppError('forbidden', `Seuls la présidence et le secrétariat peuvent ${what}.`);
  }
}

function cleanScores(scores: readonly CriterionScore[]): CriterionScore[] {
  return scores.map((s) => ({ criterionKey: s.criterionKey, value: s.value, comment: cleanMultiline(s.comment) }));
}

// ---------------------------------------------------------------------------------------------
// Scoring workbooks.

const ID_HEADER = 'Identifiant';
const VERSION_HEADER = 'Version de la fiche';
const COMMENT_HEADER = 'Commentaire général';
const DONE_HEADER = 'Évaluation terminée';
const IDENTITY_HEADERS = [ID_HEADER, 'Nom', 'Prénom', 'Discipline', VERSION_HEADER] as const;

function criterionHeader(c: Criterion): string {
  return `${c.label} (${c.min}–${c.max})${c.eliminatory ? ' — exigé' : ''}`;
}

function scoreRowId(candidateId: number): string {
  return `EV-${candidateId}`;
}

async function scoringWorkbook(ctx: HandlerContext, call: Call, grid: Grid, member: Member, files: CandidateFile[]): Promise<Buffer> {
  const criteria = criteriaOf(grid.sections);
  const sheets = new Map(sheetsOfCall(ctx.db, call.id, grid.phase).filter((s) => s.memberId === member.id).map((s) => [s.candidateId, s]));
  const columns: ColumnSpec[] = [
    ...IDENTITY_HEADERS.map((header) => ({ header, kind: 'text' as const })),
    ...criteria.map((c) => ({ header: criterionHeader(c), kind: 'number' as const, wholeRange: { min: c.min, max: c.max }, width: 18 })),
    { header: COMMENT_HEADER, kind: 'text', width: 50, wrap: true },
    { header: DONE_HEADER, kind: 'text', list: ['Oui', 'Non'] },
  ];
  const rows = files.map((f) => {
    const sheet = sheets.get(f.id);
    const values = new Map(sheet?.scores.map((s) => [s.criterionKey, s.value]) ?? []);
    return [
      scoreRowId(f.id),
      f.nom,
      f.prenom,
      disciplineLabel(f.discipline),
      sheet ? String(sheet.revision) : '—',
      ...criteria.map((c) => values.get(c.key) ?? null),
      sheet?.comment ?? '',
      sheet?.status === 'soumise' ? 'Oui' : 'Non',
    ];
  });
  return writeTableWorkbook({
    sheets: [
      {
        name: 'Évaluation',
        columns,
        rows,
        editableColumns: columns.map((_c, j) => j).filter((j) => j >= IDENTITY_HEADERS.length),
      },
    ],
    metadata: [
      ['Appel', call.title],
      ['Phase', PHASE_LABELS[grid.phase]],
      ['Code de la phase', grid.phase],
      ['Membre', member.name],
      ['Adresse du membre', member.email],
      ['Version de la grille', String(grid.version)],
      ['Exporté le', formatFrenchDate(todayOf(ctx))],
      ['Mode d’emploi', 'Notez chaque candidat dans les colonnes des critères (une note entière dans l’échelle), puis « Oui » dans « Évaluation terminée ». Ne modifiez pas les colonnes d’identité.'],
    ],
    creator: ctx.actor?.name ?? 'Commission de recrutement',
    now: ctx.now(),
  });
}

interface PreparedScores {
  workbook: WorkbookData;
}

function metadataOf(workbook: WorkbookData): Map<string, string> {
  const meta = workbook.sheets.find((s) => s.name === METADATA_SHEET);
  return new Map((meta?.rows ?? []).map((r) => [foldText(cellText(r[0])), cellText(r[1]).trim()]));
}

interface ParsedScoreFile {
  member: Member;
  phase: Phase;
  lines: ScoreMergeLine[];
  /** Per candidate: the file's values, comment and « terminée ». */
  rows: Map<number, { values: Map<string, number>; comment: string; done: boolean; unchangedSinceExport: boolean }>;
}

function parseScoreWorkbook(ctx: HandlerContext, call: Call, fileName: string, workbook: WorkbookData): ParsedScoreFile {
  const notScoring = () => new AppError('validation', `Le classeur « ${fileName} » n’est pas un classeur d’évaluation de cet appel (feuilles « Évaluation » et « Métadonnées » attendues).`);
  const meta = metadataOf(workbook);
  const phase = meta.get(foldText('Code de la phase')) as Phase | undefined;
  if (phase !== 'dossier' && phase !== 'entretien') throw notScoring();
  if (meta.get(foldText('Appel')) !== call.title) {
    throw new AppError('validation', `Le classeur « ${fileName} » concerne l’appel « ${meta.get(foldText('Appel')) ?? '?'} », pas « ${call.title} ».`);
  }
  const members = listMembers(ctx.db, call.id);
  const email = (meta.get(foldText('Adresse du membre')) ?? '').toLowerCase();
  const name = meta.get(foldText('Membre')) ?? '';
  const member = members.find((m) => email && m.email.toLowerCase() === email) ?? members.find((m) => foldText(m.name) === foldText(name));
  if (!member) throw new AppError('validation', `Le classeur « ${fileName} » est celui de « ${name} », qui n’est pas membre de cette commission.`);
  const sheet = workbook.sheets.find((s) => s.rows[0]?.some((c) => foldText(cellText(c)) === foldText(ID_HEADER)));
  if (!sheet) throw notScoring();

  const grid = getGrid(ctx.db, call.id, phase);
  const criteria = criteriaOf(grid.sections);
  const header = sheet.rows[0]!.map((c) => cellText(c).trim());
  const col = (h: string) => header.findIndex((x) => foldText(x) === foldText(h));
  const criterionColumns = criteria.map((c) => ({ criterion: c, index: col(criterionHeader(c)) }));
  const lines: ScoreMergeLine[] = [];
  const rows: ParsedScoreFile['rows'] = new Map();
  const refuse = (row: number, candidateId: number | null, candidateName: string, message: string) =>
    lines.push({ row, candidateId, candidateName, criterionKey: null, criterionLabel: '', state: 'refuse', fileValue: null, storedValue: null, message, conflictKey: null });
  for (const missing of criterionColumns.filter((c) => c.index < 0)) {
    refuse(1, null, '', `La colonne « ${criterionHeader(missing.criterion)} » manque : la grille a changé depuis l’export. Les notes de ce critère ne sont pas lues.`);
  }
  const cell = (row: CellValue[], h: string) => {
    const i = col(h);
    return i < 0 ? '' : cellText(row[i]).trim();
  };
  const seen = new Set<number>();
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.every((c) => cellText(c).trim() === '')) continue;
    const excelRow = r + 1;
    const idText = cell(row, ID_HEADER);
    const m = /^EV-(\d{1,9})$/i.exec(idText);
    const written = `${cell(row, 'Nom')} ${cell(row, 'Prénom')}`.trim();
    if (!m) {
      refuse(excelRow, null, written, `Identifiant « ${idText} » illisible : la colonne « ${ID_HEADER} » ne doit pas être modifiée.`);
      continue;
    }
    const candidateId = Number(m[1]);
    let file: CandidateFile;
    try {
      file = getCandidate(ctx.db, candidateId);
    } catch {
      refuse(excelRow, null, written, `Identifiant « ${idText} » inconnu : ce dossier n’existe pas dans cette base.`);
      continue;
    }
    const name = `${file.nom} ${file.prenom}`;
    if (file.callId !== call.id) {
      refuse(excelRow, null, written, `Identifiant « ${idText} » d’un autre appel.`);
      continue;
    }
    if (foldText(cell(row, 'Nom')) !== foldText(file.nom) || foldText(cell(row, 'Prénom')) !== foldText(file.prenom)) {
      refuse(excelRow, candidateId, name, `Identité modifiée : la ligne dit « ${written} », le dossier ${idText} est celui de ${name}. La ligne n’est pas lue.`);
      continue;
    }
    if (seen.has(candidateId)) {
      refuse(excelRow, candidateId, name, `${name} figure deux fois dans le classeur : seule la première ligne est lue.`);
      continue;
    }
    seen.add(candidateId);
    if (isRecused(ctx.db, candidateId, member.id)) {
      refuse(excelRow, candidateId, name, `${member.name} est récusé(e) pour ${name} (lien d’intérêts déclaré) : ses notes ne sont pas lues.`);
      continue;
    }
    const stored = sheetOf(ctx.db, candidateId, member.id, phase);
    const storedValues = new Map(stored?.scores.map((s) => [s.criterionKey, s.value]) ?? []);
    const unchangedSinceExport = stored !== null && cell(row, VERSION_HEADER) === String(stored.revision);
    const values = new Map<string, number>();
    for (const { criterion, index } of criterionColumns) {
      if (index < 0) continue;
      const raw = row[index];
      const text = cellText(raw).trim();
      if (text === '') continue;
      const value = typeof raw === 'number' ? raw : Number(text.replace(',', '.'));
      const storedValue = storedValues.get(criterion.key) ?? null;
      const base = { row: excelRow, candidateId, candidateName: name, criterionKey: criterion.key, criterionLabel: criterion.label, fileValue: null as number | null, storedValue, conflictKey: null as string | null };
      if (!Number.isInteger(value) || value < criterion.min || value > criterion.max) {
        lines.push({ ...base, state: 'refuse', message: `« ${text} » n’est pas une note entière de ${criterion.min} à ${criterion.max}.` });
        continue;
      }
      values.set(criterion.key, value);
      let state: MergeState;
      let message = '';
      if (storedValue === null) state = 'nouveau';
      else if (storedValue === value) state = 'identique';
      else if (unchangedSinceExport) state = 'modifie';
      else {
        state = 'conflit';
        message = `Note déjà saisie dans l’application (${storedValue}) après l’export du classeur (${value}) : choisissez celle à garder.`;
      }
      lines.push({ ...base, fileValue: value, state, message, conflictKey: state === 'conflit' ? `${candidateId}:${criterion.key}` : null });
    }
    rows.set(candidateId, { values, comment: cell(row, COMMENT_HEADER), done: foldText(cell(row, DONE_HEADER)) === 'oui', unchangedSinceExport });
  }
  return { member, phase, lines, rows };
}

export function scoringHandlers(reader: ReadWorkerHost): HandlerSlice<
  | 'grids-get'
  | 'grids-save'
  | 'scoring-settings-save'
  | 'evaluation-overview'
  | 'evaluation-sheet-get'
  | 'evaluation-sheet-save'
  | 'conflicts-declare'
  | 'conflicts-remove'
  | 'scores-export'
  | 'scores-import'
> {
  return {
    'grids-get': ({ callId, phase }, { db }) => {
      getCall(db, callId);
      return getGrid(db, callId, phase);
    },
    'grids-save': ({ callId, phase, sections, acceptImpacts }, ctx) => {
      getCall(ctx.db, callId);
      requireOrganiser(ctx, callId, 'modifier la grille');
      const checked = checkGrid(sections);
      if (!checked.ok) throw new AppError('validation', 'La grille contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.', checked.errors);
      const current = getGrid(ctx.db, callId, phase);
      const impacts = gridImpacts(current.sections, checked.value, valuesByCriterion(ctx.db, callId, phase), submittedSheetCount(ctx.db, callId, phase));
      const total = impacts.reduce((n, i) => n + i.affectedScores, 0);
      // The person accepted a number of consequences: if the grid changed since, they are shown again.
      if (impacts.length > 0 && acceptImpacts !== total) return { saved: false, grid: current, impacts };
      if (impacts.length > 0) {
        const previous = new Map(criteriaOf(current.sections).map((c) => [c.key, c]));
        const keep = new Map(
          criteriaOf(checked.value)
            .filter((c) => {
              const old = previous.get(c.key);
              return !old || (old.min === c.min && old.max === c.max);
            })
            .map((c) => [c.key, { min: c.min, max: c.max }]),
        );
        deleteInvalidScores(ctx.db, callId, phase, keep);
        if (impacts.some((i) => i.kind === 'added')) reopenSubmittedSheets(ctx.db, callId, phase, ctx.now().toISOString());
      }
      saveGrid(ctx.db, callId, phase, checked.value, ctx.now().toISOString());
      ctx.record({ entity: 'calls', entityId: callId, callId });
      ctx.record({ entity: 'candidates', entityId: null, callId });
      return { saved: true, grid: getGrid(ctx.db, callId, phase), impacts };
    },
    'scoring-settings-save': ({ callId, settings }, ctx) => {
      getCall(ctx.db, callId);
      requireOrganiser(ctx, callId, 'changer les réglages de l’évaluation');
      saveSettings(ctx.db, callId, settings);
      ctx.record({ entity: 'calls', entityId: callId, callId });
      return getSettings(ctx.db, callId);
    },
    'evaluation-overview': ({ callId, phase }, ctx) => evaluationOverview(ctx, callId, phase),
    'evaluation-sheet-get': ({ candidateId, phase }, ctx) => sheetView(ctx, candidateId, phase),
    'evaluation-sheet-save': ({ candidateId, phase, scores, comment, submit }, ctx) => {
      const file = getCandidate(ctx.db, candidateId);
      const me = requireScorer(ctx, file.callId);
      if (isRecused(ctx.db, candidateId, me.id)) {
        throw new AppError('forbidden', 'Vous avez déclaré un lien d’intérêts avec ce candidat : vous ne pouvez pas l’évaluer.');
      }
      const grid = getGrid(ctx.db, file.callId, phase);
      const criteria = criteriaOf(grid.sections);
      if (criteria.length === 0) throw new AppError('validation', `La grille « ${PHASE_LABELS[phase]} » de cet appel est vide : le secrétariat doit d’abord la préparer.`);
      const cleaned = cleanScores(scores);
      const errors: FieldErrors = checkScores(criteria, cleaned, submit);
      if (Object.keys(errors).length > 0) throw new AppError('validation', 'La fiche contient des erreurs : corrigez les critères signalés. Rien n’a été enregistré.', errors);
      const current = sheetOf(ctx.db, candidateId, me.id, phase);
      const now = ctx.now().toISOString();
      const status = submit || current?.status === 'soumise' ? 'soumise' : 'brouillon';
      if (status === 'soumise') {
        const more = checkScores(criteria, cleaned, true);
        if (Object.keys(more).length > 0) throw new AppError('validation', 'Une évaluation soumise doit rester complète : notez chaque critère.', more);
      }
      saveSheet(ctx.db, {
        candidateId,
        memberId: me.id,
        phase,
        status,
        scores: cleaned,
        comment: cleanMultiline(comment),
        gridVersion: grid.version,
        updatedAt: now,
        submittedAt: status === 'soumise' ? (current?.submittedAt ?? now) : null,
      });
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return sheetView(ctx, candidateId, phase);
    },
    'conflicts-declare': ({ candidateId, memberId, kind, note }, ctx) => {
      const file = getCandidate(ctx.db, candidateId);
      const members = listMembers(ctx.db, file.callId);
      const me = meIn(ctx, members);
      const member = memberId !== undefined ? getMember(ctx.db, memberId) : me;
      if (member && me && member.id !== me.id && SCORING_ROLES.has(me.role) && me.role !== 'president') {
        throw new AppError('forbidden', 'Un membre déclare ses propres liens d’intérêts ; la présidence ou le secrétariat peuvent le faire pour un autre.');
      }
      if (!member) throw new AppError('forbidden', 'Vous n’êtes pas membre de cette commission (Réglages › Qui suis-je) : indiquez pour quel membre déclarer le lien.');
      if (member.callId !== file.callId) throw new AppError('validation', 'Ce membre ne siège pas dans la commission de cet appel.');
      const cleanNote = cleanMultiline(note);
      if (kind === 'autre' && !cleanNote) throw new AppError('validation', 'Précisez la nature du lien.', { note: 'Précisez la nature du lien.' });
      declareConflict(ctx.db, { candidateId, memberId: member.id, kind, note: cleanNote, by: ctx.actor?.name || 'Personne non identifiée', at: ctx.now().toISOString() });
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return conflictsOfCall(ctx.db, file.callId);
    },
    'conflicts-remove': ({ candidateId, memberId }, ctx) => {
      const file = getCandidate(ctx.db, candidateId);
      if (!removeConflict(ctx.db, candidateId, memberId)) throw new AppError('not_found', 'Aucun lien d’intérêts déclaré entre ce membre et ce candidat.');
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return conflictsOfCall(ctx.db, file.callId);
    },
    'scores-export': async ({ callId, phase, memberId }, ctx) => {
      const call = getCall(ctx.db, callId);
      const member = getMember(ctx.db, memberId);
      if (member.callId !== callId) throw new AppError('not_found', 'Ce membre ne siège pas dans la commission de cet appel.');
      const me = meIn(ctx, listMembers(ctx.db, callId));
      if (me && SCORING_ROLES.has(me.role) && me.id !== member.id) {
        throw new AppError('forbidden', 'Un membre n’exporte que son propre classeur : il contient ses notes, même en brouillon.');
      }
      const grid = getGrid(ctx.db, callId, phase);
      if (criteriaOf(grid.sections).length === 0) throw new AppError('validation', `La grille « ${PHASE_LABELS[phase]} » de cet appel est vide : préparez-la avant d’exporter.`);
      const conflicts = new Set(conflictsOfCall(ctx.db, callId).filter((c) => c.memberId === memberId).map((c) => c.candidateId));
      const files = evaluatedFiles(ctx, callId, sheetsOfCall(ctx.db, callId, phase)).filter((f) => !conflicts.has(f.id));
      const buffer = await scoringWorkbook(ctx, call, grid, member, files);
      return { fileName: `evaluation-${phase}-${slugOf(member.name)}-${todayOf(ctx)}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64') };
    },
    'scores-import': twoPhase<'scores-import', PreparedScores>({
      async prepare({ callId, fileName, contentBase64 }, ctx) {
        getCall(ctx.db, callId);
        return { workbook: await readWorkbook(Buffer.from(contentBase64, 'base64'), fileName, { host: reader }) };
      },
      apply({ callId, fileName, commit, choices }, { workbook }, ctx) {
        const call = getCall(ctx.db, callId);
        const parsed = parseScoreWorkbook(ctx, call, fileName, workbook);
        const me = meIn(ctx, listMembers(ctx.db, callId));
        if (me && SCORING_ROLES.has(me.role) && me.role !== 'president' && me.id !== parsed.member.id) {
          throw new AppError('forbidden', `Ce classeur est celui de ${parsed.member.name} : seuls ce membre, la présidence ou le secrétariat peuvent l’importer.`);
        }
        const counts: Record<MergeState, number> = { nouveau: 0, identique: 0, modifie: 0, conflit: 0, refuse: 0 };
        for (const l of parsed.lines) counts[l.state]++;
        const report: ScoreMergeReport = { fileName, memberName: parsed.member.name, phase: parsed.phase, lines: parsed.lines, counts, committed: false };
        if (!commit) return report;
        const unanswered = parsed.lines.filter((l) => l.state === 'conflit' && !choices?.[l.conflictKey!]);
        if (unanswered.length > 0) {
          throw new AppError('validation', `Choisissez la note à garder pour chaque conflit (${unanswered.length} sans réponse) : rien n’a été enregistré.`);
        }
        const grid = getGrid(ctx.db, callId, parsed.phase);
        const criteria = criteriaOf(grid.sections);
        const now = ctx.now().toISOString();
        let written = 0;
        for (const [candidateId, row] of parsed.rows) {
          const stored = sheetOf(ctx.db, candidateId, parsed.member.id, parsed.phase);
          const values = new Map(stored?.scores.map((s) => [s.criterionKey, s]) ?? []);
          let changed = false;
          for (const [key, value] of row.values) {
            const previous = values.get(key);
            if (previous?.value === value) continue;
            if (previous && previous.value !== null && choices?.[`${candidateId}:${key}`] === 'application') continue;
            values.set(key, { criterionKey: key, value, comment: previous?.comment ?? '' });
            changed = true;
          }
          const scores = criteria.map((c) => values.get(c.key) ?? { criterionKey: c.key, value: null, comment: '' });
          const complete = Object.keys(checkScores(criteria, scores, true)).length === 0;
          const status = (row.done && complete) || stored?.status === 'soumise' ? 'soumise' : 'brouillon';
          // The file's comment replaces the stored one only if nobody touched the sheet in the app since the export.
          const comment = !stored || row.unchangedSinceExport ? row.comment : stored.comment || row.comment;
          if (!changed && stored && stored.status === status && stored.comment === comment) continue;
          saveSheet(ctx.db, {
            candidateId,
            memberId: parsed.member.id,
            phase: parsed.phase,
            status,
            scores,
            comment,
            gridVersion: grid.version,
            updatedAt: now,
            submittedAt: status === 'soumise' ? (stored?.submittedAt ?? now) : null,
          });
          ctx.record({ entity: 'candidates', entityId: candidateId, callId });
          written++;
        }
        report.committed = written > 0;
        return report;
      },
    }),
  };
}
