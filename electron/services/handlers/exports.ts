// Workbooks and CSV files the secretariat takes away: the candidates of a call and the blank import template.
import { RULE_LABELS, VERDICT_STATUS_LABELS } from '../../../shared/model/admissibility.js';
import { candidateRowsOf } from './candidates.js';
import { opinionsOfCall } from '../db/opinions-repo.js';
import { IPR_AVIS, IPR_AVIS_LABELS, type IprOpinion } from '../../../shared/model/opinions.js';
import { filterCandidates, type CandidateFilter } from '../../../shared/domain/candidate-list.js';
import { INTAKE_FIELD_LABELS, spreadsheetPostNames, toCsv } from '../../../shared/domain/intake/index.js';
import { INTAKE_FIELDS, type IntakeField } from '../../../shared/domain/intake/types.js';
import { formatFrenchDate } from '../../../shared/domain/dates.js';
import { slugOf } from '../../../shared/domain/text.js';
import type { Call, CandidateFile } from '../../../shared/model/entities.js';
import {
  AGENT_STATUS_LABELS,
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  AGENT_STATUSES,
  DISCIPLINES,
  disciplineLabel,
} from '../../../shared/model/referential.js';
import { getCall } from '../db/calls-repo.js';
import { listCandidates } from '../db/candidates-repo.js';
import { writeTableWorkbook, type ColumnSpec } from '../excel/write-workbook.js';
import { todayOf, type HandlerContext, type HandlerSlice } from './types.js';

/**
 * The columns of the export and of the template: every intake field in its order, less the two combined ones
 * the import splits (here one column per value). The import maps them back by their headers.
 */
const COLUMNS: IntakeField[] = INTAKE_FIELDS.filter((f) => f !== 'corpsGradeEchelon' && f !== 'affectation');
const ADMISSIBILITY_HEADER = 'Recevabilité';
const REASONS_HEADER = 'Motifs de recevabilité';
// The IA-IPR's opinion travels with every export of the files (issue 5).
const OPINION_COLUMNS: ColumnSpec[] = [
  { header: 'Avis IA-IPR', kind: 'text', list: IPR_AVIS.map((a) => IPR_AVIS_LABELS[a]) },
  { header: 'Motivation de l’avis IA-IPR', kind: 'text' },
  { header: 'Avis donné par', kind: 'text' },
  { header: 'Avis donné le', kind: 'date' },
];

function opinionCells(opinion: IprOpinion | undefined): (string | null)[] {
  if (!opinion) return [null, null, null, null];
  return [IPR_AVIS_LABELS[opinion.avis], opinion.motivation, opinion.inspectorName, opinion.givenOn];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A post as the export, the template and the import name it (see spreadsheetPostNames). */
export function postName(call: Call, postId: number): string {
  return spreadsheetPostNames(call.posts).get(postId) ?? '';
}

function columnSpecs(call: Call): ColumnSpec[] {
  const kinds: Partial<Record<IntakeField, ColumnSpec['kind']>> = { dateNaissance: 'date', receivedOn: 'date', echelon: 'number' };
  const lists: Partial<Record<IntakeField, string[]>> = {
    // The call's own disciplines first: they are the ones a secretariat picks most.
    discipline: [
      ...call.acceptedDisciplines.map(disciplineLabel),
      ...DISCIPLINES.filter((d) => !call.acceptedDisciplines.includes(d.code)).map((d) => d.label),
    ],
    statut: AGENT_STATUSES.map((s) => AGENT_STATUS_LABELS[s]),
    status: APPLICATION_STATUSES.map((s) => APPLICATION_STATUS_LABELS[s]),
    wishes: [...spreadsheetPostNames(call.posts).values()],
  };
  return COLUMNS.map((field) => ({
    header: INTAKE_FIELD_LABELS[field],
    kind: kinds[field] ?? 'text',
    ...(lists[field] ? { list: lists[field] } : {}),
    // Several wished posts share one cell, « A ; B »: the list suggests, it does not forbid.
    ...(field === 'wishes' ? { listStrict: false } : {}),
  }));
}

function cellsOf(posts: Map<number, string>, file: CandidateFile): (string | number | null)[] {
  return COLUMNS.map((field) => {
    switch (field) {
      case 'discipline':
        return disciplineLabel(file.discipline);
      case 'statut':
        return file.statut ? AGENT_STATUS_LABELS[file.statut] : '';
      case 'status':
        return APPLICATION_STATUS_LABELS[file.status];
      case 'wishes':
        return file.wishes.map((id) => posts.get(id) ?? '').join(' ; ');
      case 'echelon':
        return file.echelon;
      case 'dateNaissance':
        return file.dateNaissance;
      case 'receivedOn':
        return file.receivedOn;
      default:
        return file[field as Exclude<IntakeField, 'corpsGradeEchelon' | 'affectation'>] as string;
    }
  });
}

function describeFilter(call: Call, filter: CandidateFilter | undefined): string {
  if (!filter) return 'Aucun';
  const parts: string[] = [];
  if (filter.search) parts.push(`recherche « ${filter.search} »`);
  if (filter.discipline) parts.push(`discipline ${disciplineLabel(filter.discipline)}`);
  if (filter.status) parts.push(`état ${APPLICATION_STATUS_LABELS[filter.status]}`);
  if (filter.verdict) parts.push(`recevabilité ${VERDICT_STATUS_LABELS[filter.verdict]}`);
  if (filter.reason) parts.push(`motif ${RULE_LABELS[filter.reason]}`);
  if (filter.postId !== undefined) parts.push(`1er vœu ${postName(call, filter.postId)}`);
  return parts.join(', ') || 'Aucun';
}

function fileStem(call: Call, what: string, ctx: HandlerContext): string {
  return `${what}-${slugOf(call.title, 60)}-${todayOf(ctx)}`;
}

function parisDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(instant);
}

export const exportHandlers: HandlerSlice<'candidates-export' | 'intake-template'> = {
  'candidates-export': async ({ callId, filter, format }, ctx) => {
    const call = getCall(ctx.db, callId);
    const files = listCandidates(ctx.db, callId);
    const byId = new Map(files.map((f) => [f.id, f]));
    // The same rows, filter and order as the screen, from the same shared functions.
    const rows = filterCandidates(candidateRowsOf(ctx, callId), filter ?? {});
    const opinions = opinionsOfCall(ctx.db, callId);
    const specs = columnSpecs(call);
    const posts = spreadsheetPostNames(call.posts);
    const table = rows.map((row) => [
      ...cellsOf(posts, byId.get(row.id)!),
      `${VERDICT_STATUS_LABELS[row.verdict]}${row.overrideNote ? ' (forcé)' : ''}`,
      [row.overrideNote, ...row.reasons.map((r) => r.message)].filter(Boolean).join(' '),
      ...opinionCells(opinions.get(row.id)),
    ]);
    const headers = [...specs.map((s) => s.header), ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_COLUMNS.map((c) => c.header)];
    const stem = fileStem(call, 'candidatures', ctx);
    if (format === 'csv') {
      const kinds = [...specs.map((c) => c.kind), 'text', 'text', ...OPINION_COLUMNS.map((c) => c.kind)];
      const bytes = toCsv([headers, ...table.map((r) => r.map((c, i) => (kinds[i] === 'date' && typeof c === 'string' ? formatFrenchDate(c) : c)))]);
      return { fileName: `${stem}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(bytes).toString('base64') };
    }
    const buffer = await writeTableWorkbook({
      sheets: [{ name: 'Candidatures', columns: [...specs, { header: ADMISSIBILITY_HEADER, kind: 'text' }, { header: REASONS_HEADER, kind: 'text' }, ...OPINION_COLUMNS], rows: table }],
      metadata: [
        ['Appel', call.title],
        ['Référence', call.reference],
        ['Académie', call.academie],
        ['Exporté le', parisDateTime(ctx.now())],
        ['Exporté par', ctx.actor ? `${ctx.actor.name}${ctx.actor.email ? ` <${ctx.actor.email}>` : ''}` : 'Non renseigné'],
        ['Version de l’application', ctx.appVersion],
        ['Filtres', describeFilter(call, filter)],
        ['Nombre de candidatures', String(rows.length)],
      ],
      creator: ctx.actor?.name ?? 'Commission de recrutement',
      now: ctx.now(),
    });
    return { fileName: `${stem}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64') };
  },
  'intake-template': async ({ callId }, ctx) => {
    const call = getCall(ctx.db, callId);
    const buffer = await writeTableWorkbook({
      sheets: [{ name: 'Candidatures', columns: columnSpecs(call), rows: [], validationRows: 1000 }],
      metadata: [
        ['Appel', call.title],
        ['Référence', call.reference],
        ['Modèle créé le', parisDateTime(ctx.now())],
        ['Version de l’application', ctx.appVersion],
        ['Mode d’emploi', 'Une ligne par candidature, à partir de la ligne 2. Dates au format jj/mm/aaaa. Plusieurs postes demandés : séparez-les par « ; ».'],
      ],
      creator: ctx.actor?.name ?? 'Commission de recrutement',
      now: ctx.now(),
    });
    return { fileName: `${fileStem(call, 'modele-import', ctx)}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64') };
  },
};
