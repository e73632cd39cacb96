// The IA-IPR opinions of a call: routing, requests (workbook + mail draft), returned workbooks, manual entry.
import { AppError } from '../../../shared/contract/errors.js';
import { formatFrenchDate } from '../../../shared/domain/dates.js';
import {
  checkChangeReason,
  checkDueDate,
  checkOpinionDraft,
  isOverdue,
  opinionRowId,
  parseOpinionRowId,
  routeFile,
} from '../../../shared/domain/opinions.js';
import { foldText, slugOf } from '../../../shared/domain/text.js';
import type { CellValue } from '../../../shared/domain/intake/types.js';
import { cellText } from '../../../shared/domain/intake/cells.js';
import type { Call, CandidateFile, CandidateRow, Inspector } from '../../../shared/model/entities.js';
import {
  IPR_AVIS,
  IPR_AVIS_LABELS,
  type CandidateOpinion,
  type InspectorProgress,
  type IprOpinion,
  type OpinionImportReport,
  type OpinionImportRow,
  type OpinionLine,
  type OpinionsOverview,
} from '../../../shared/model/opinions.js';
import { disciplineLabel } from '../../../shared/model/referential.js';
import { getCall } from '../db/calls-repo.js';
import { getCandidate, listCandidates } from '../db/candidates-repo.js';
import { listDocuments } from '../db/admissibility-repo.js';
import {
  assignmentOf,
  assignmentsOfCall,
  historyOf,
  insertRequest,
  latestRequestItem,
  latestRequestOf,
  latestRequestsOfCall,
  opinionOf,
  opinionsOfCall,
  recordOpinion,
  setAssignment,
} from '../db/opinions-repo.js';
import { getInspector, listInspectors } from '../db/people-repo.js';
import { UNNAMED_ACTOR } from '../db/journal-repo.js';
import { readWorkbook, type ReadWorkerHost } from '../excel/read-workbook.js';
import { writeTableWorkbook } from '../excel/write-workbook.js';
import type { WorkbookData } from '../../../shared/domain/intake/types.js';
import { buildDraftMail } from '../mail/write-mail.js';
import { candidateRowsOf } from './candidates.js';
import { todayOf, twoPhase, type HandlerContext, type HandlerSlice } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of the request workbook, as written and as read back (folded). */
export const OPINION_HEADERS = {
  id: 'Identifiant',
  nom: 'Nom',
  prenom: 'Prénom',
  discipline: 'Discipline',
  affectation: 'Affectation',
  situation: 'Statut et corps',
  documents: 'Pièces du dossier',
  summary: 'Motivations (extrait)',
  avis: 'Avis',
  motivation: 'Motivation de l’avis',
} as const;
const COLUMN_ORDER = Object.keys(OPINION_HEADERS) as (keyof typeof OPINION_HEADERS)[];

function inspectorsOf(ctx: HandlerContext, callId: number): Inspector[] {
  return listInspectors(ctx.db, callId);
}

function lineOf(row: CandidateRow, ctx: { inspectors: Inspector[]; chosen: number | null; request: OpinionLine['request']; opinion: IprOpinion | null; today: string }): OpinionLine {
  const routing = routeFile(row.discipline, ctx.inspectors, ctx.chosen, ctx.request?.inspectorId ?? null);
  return {
    candidateId: row.id,
    nom: row.nom,
    prenom: row.prenom,
    discipline: row.discipline,
    verdict: row.verdict,
    routing: routing.state,
    inspectorId: routing.inspectorId,
    choices: routing.choices,
    request: ctx.request,
    opinion: ctx.opinion,
    overdue: ctx.request ? isOverdue(ctx.request.dueOn, ctx.today, ctx.opinion !== null) : false,
  };
}

/** The opinions screen of a call: admissible files, and any file already requested or answered. */
export function opinionsOverview(ctx: HandlerContext, callId: number): OpinionsOverview {
  getCall(ctx.db, callId);
  const inspectors = inspectorsOf(ctx, callId);
  const chosen = assignmentsOfCall(ctx.db, callId);
  const requests = latestRequestsOfCall(ctx.db, callId);
  const opinions = opinionsOfCall(ctx.db, callId);
  const today = todayOf(ctx);
  const lines = candidateRowsOf(ctx, callId)
    .filter((r) => r.verdict === 'recevable' || requests.has(r.id) || opinions.has(r.id))
    .sort((a, b) => `${a.nom} ${a.prenom}`.localeCompare(`${b.nom} ${b.prenom}`, 'fr'))
    .map((row) => lineOf(row, { inspectors, chosen: chosen.get(row.id) ?? null, request: requests.get(row.id) ?? null, opinion: opinions.get(row.id) ?? null, today }));
  const progress: InspectorProgress[] = inspectors.map((inspector) => {
    // A file counts for the inspector it is routed to; one re-routed elsewhere since the request no longer does.
    const assigned = lines.filter((l) => l.inspectorId === inspector.id && l.verdict === 'recevable');
    const requested = lines.filter((l) => l.inspectorId === inspector.id && l.request?.inspectorId === inspector.id);
    const last = requested.reduce<OpinionLine['request']>((best, l) => (!best || l.request!.id > best.id ? l.request : best), null);
    return {
      inspectorId: inspector.id,
      name: inspector.name,
      email: inspector.email,
      disciplines: inspector.disciplines,
      assigned: assigned.length,
      requested: requested.length,
      received: requested.filter((l) => l.opinion !== null).length,
      overdue: requested.filter((l) => l.overdue).length,
      toRequest: assigned.filter((l) => l.opinion === null && l.request?.inspectorId !== inspector.id).length,
      lastRequest: last,
    };
  });
  const admissible = lines.filter((l) => l.verdict === 'recevable');
  return {
    callId,
    lines,
    inspectors: progress,
    totals: {
      admissible: admissible.length,
      routed: admissible.filter((l) => l.inspectorId !== null).length,
      requested: lines.filter((l) => l.request !== null).length,
      received: lines.filter((l) => l.opinion !== null).length,
      overdue: lines.filter((l) => l.overdue).length,
      unrouted: admissible.filter((l) => l.routing === 'sans_inspecteur').length,
      toChoose: admissible.filter((l) => l.routing === 'a_choisir').length,
    },
  };
}

function candidateOpinion(ctx: HandlerContext, candidateId: number): CandidateOpinion {
  const file = getCandidate(ctx.db, candidateId);
  const inspectors = inspectorsOf(ctx, file.callId);
  const request = latestRequestOf(ctx.db, candidateId);
  const routing = routeFile(file.discipline, inspectors, assignmentOf(ctx.db, candidateId), request?.inspectorId ?? null);
  const name = (id: number | null) => inspectors.find((i) => i.id === id)?.name ?? '';
  return {
    candidateId,
    routing: routing.state,
    inspectorId: routing.inspectorId,
    inspectorName: name(routing.inspectorId),
    choices: routing.choices.map((id) => ({ id, name: name(id) })),
    request,
    opinion: opinionOf(ctx.db, candidateId),
    history: historyOf(ctx.db, candidateId),
  };
}

function actorName(ctx: HandlerContext): string {
  return ctx.actor?.name.trim() || UNNAMED_ACTOR;
}

function requestWorkbookRows(ctx: HandlerContext, inspectorId: number, files: CandidateFile[]): (string | null)[][] {
  return files.map((f) => {
    const documents = listDocuments(ctx.db, f.id).map((d) => d.fileName);
    const excerpt = f.motivations.length > 300 ? `${f.motivations.slice(0, 299)}…` : f.motivations;
    const values: Record<keyof typeof OPINION_HEADERS, string | null> = {
      id: opinionRowId(inspectorId, f.id),
      nom: f.nom,
      prenom: f.prenom,
      discipline: disciplineLabel(f.discipline),
      affectation: [f.etablissement, f.ville].filter(Boolean).join(', '),
      situation: [f.statut ?? '', f.corps, f.grade].filter(Boolean).join(', '),
      documents: documents.join(' ; '),
      summary: excerpt,
      avis: null,
      motivation: null,
    };
    return COLUMN_ORDER.map((key) => values[key]);
  });
}

function mailText(call: Call, inspector: Inspector, files: CandidateFile[], dueOn: string, reminder: boolean, sender: string): string {
  const list = files.map((f) => `- ${f.nom} ${f.prenom} (${disciplineLabel(f.discipline) || 'discipline non renseignée'})`).join('\n');
  const opening = reminder
    ? `Sauf erreur de notre part, votre avis sur les candidatures suivantes ne nous est pas encore parvenu :`
    : `Dans le cadre de l’appel à candidature « ${call.title} », votre avis est sollicité sur les candidatures suivantes :`;
  return [
    `Bonjour ${inspector.name},`,
    '',
    opening,
    '',
    list,
    '',
    `Vous trouverez ci-joint un classeur : pour chaque candidature, choisissez l’avis dans la colonne « Avis » (très favorable, favorable, réservé ou défavorable) et motivez-le dans la colonne « Motivation de l’avis ». Merci de ne pas modifier les autres colonnes et de retourner le classeur en réponse à ce message au plus tard le ${formatFrenchDate(dueOn)}.`,
    '',
    'Les pièces des dossiers peuvent vous être transmises sur simple demande.',
    '',
    'Bien cordialement,',
    sender,
  ].join('\n');
}

interface PreparedImport {
  workbook: WorkbookData;
}

interface PreparedRequest {
  workbook: Buffer;
  mail: Buffer;
  stem: string;
  files: CandidateFile[];
  dueOn: string;
  inspector: Inspector;
}

export function opinionHandlers(reader: ReadWorkerHost): HandlerSlice<
  'opinions-overview' | 'opinions-assign' | 'opinions-request' | 'opinions-import' | 'opinions-get' | 'opinions-save'
> {
  return {
    'opinions-overview': ({ callId }, ctx) => opinionsOverview(ctx, callId),
    'opinions-get': ({ candidateId }, ctx) => candidateOpinion(ctx, candidateId),

    'opinions-assign': ({ candidateId, inspectorId }, ctx) => {
      const file = getCandidate(ctx.db, candidateId);
      if (inspectorId !== null) {
        const inspector = getInspector(ctx.db, inspectorId);
        if (inspector.callId !== file.callId) throw new AppError('validation', 'Cet inspecteur n’est pas sollicité pour cet appel.', { inspectorId: 'Inspecteur d’un autre appel.' });
      }
      setAssignment(ctx.db, candidateId, inspectorId, actorName(ctx), ctx.now().toISOString());
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return candidateOpinion(ctx, candidateId);
    },

    'opinions-request': twoPhase<'opinions-request', PreparedRequest>({
      // The workbook and the mail are written first (asynchronously) from the files read now; the request then
      // records exactly what they contain.
      async prepare({ callId, inspectorId, dueOn, reminder }, ctx) {
        const call = getCall(ctx.db, callId);
        const inspector = getInspector(ctx.db, inspectorId);
        if (inspector.callId !== callId) throw new AppError('validation', 'Cet inspecteur n’est pas sollicité pour cet appel.');
        const due = checkDueDate(dueOn, todayOf(ctx));
        if (!due.ok) throw new AppError('validation', due.message, { dueOn: due.message });
        const overview = opinionsOverview(ctx, callId);
        const wanted = overview.lines.filter((l) =>
          l.inspectorId === inspectorId &&
          l.opinion === null &&
          l.verdict === 'recevable' &&
          (reminder ? l.request?.inspectorId === inspectorId : l.request?.inspectorId !== inspectorId),
        );
        if (wanted.length === 0) {
          throw new AppError(
            'validation',
            reminder
              ? `Rien à relancer : ${inspector.name} a répondu pour toutes les candidatures demandées.`
              : `Aucune candidature à demander à ${inspector.name} : toutes ont déjà été demandées ou ont un avis, ou aucune candidature recevable n’est de ses disciplines.`,
          );
        }
        const ids = new Set(wanted.map((l) => l.candidateId));
        const files = listCandidates(ctx.db, callId)
          .filter((f) => ids.has(f.id))
          .sort((a, b) => `${a.nom} ${a.prenom}`.localeCompare(`${b.nom} ${b.prenom}`, 'fr'));
        const built = await buildRequestFiles(ctx, call, inspector, files, due.value, reminder ?? false);
        return { ...built, files, dueOn: due.value, inspector };
      },
      apply({ callId, reminder }, prepared, ctx) {
        const request = insertRequest(ctx.db, {
          callId,
          inspectorId: prepared.inspector.id,
          requestedAt: ctx.now().toISOString(),
          dueOn: prepared.dueOn,
          reminder: reminder ?? false,
          requestedBy: actorName(ctx),
          items: prepared.files.map((f) => ({ candidateId: f.id, nom: f.nom, prenom: f.prenom, discipline: f.discipline })),
        });
        for (const f of prepared.files) ctx.record({ entity: 'candidates', entityId: f.id, callId });
        return {
          request,
          candidateCount: prepared.files.length,
          workbook: { fileName: `${prepared.stem}.xlsx`, mimeType: XLSX, contentBase64: prepared.workbook.toString('base64') },
          mail: { fileName: `${prepared.stem}.eml`, mimeType: 'message/rfc822', contentBase64: prepared.mail.toString('base64') },
        };
      },
    }),

    'opinions-import': twoPhase<'opinions-import', PreparedImport>({
      async prepare({ callId, fileName, contentBase64 }, ctx) {
        getCall(ctx.db, callId);
        const workbook = await readWorkbook(Buffer.from(contentBase64, 'base64'), fileName, { host: reader });
        return { workbook };
      },
      apply({ callId, fileName, commit }, { workbook }, ctx) {
        const report = analyseReturnedWorkbook(ctx, callId, fileName, workbook);
        if (commit && report.counts.accepted > 0 && !ctx.actor?.name.trim()) {
          throw new AppError('forbidden', 'Indiquez qui vous êtes (Réglages › Qui suis-je) pour enregistrer des avis : l’enregistrement est signé.');
        }
        if (commit && report.counts.accepted > 0) {
          const at = ctx.now().toISOString();
          const inspectors = listInspectors(ctx.db, callId);
          for (const row of report.rows) {
            if (row.status !== 'accepted') continue;
            const parsed = parseOpinionRowId(row.id)!;
            const inspector = inspectors.find((i) => i.id === parsed.inspectorId);
            recordOpinion(
              ctx.db,
              parsed.candidateId,
              {
                avis: row.avis!,
                motivation: (row as OpinionImportRow & { motivation?: string }).motivation ?? '',
                inspectorName: inspector?.name ?? report.inspectorName,
                inspectorId: inspector?.id ?? null,
                givenOn: todayOf(ctx),
                source: 'classeur',
                recordedBy: actorName(ctx),
                recordedAt: at,
              },
              { at, by: actorName(ctx), reason: `Réponse de l’inspecteur (classeur « ${fileName} »).` },
            );
            ctx.record({ entity: 'candidates', entityId: parsed.candidateId, callId });
          }
          report.committed = true;
        }
        // Motivations travelled with the rows for the commit only.
        report.rows = report.rows.map(({ row, id, candidateName, status, avis, message }) => ({ row, id, candidateName, status, avis, message }));
        return report;
      },
    }),

    'opinions-save': ({ candidateId, opinion, reason }, ctx) => {
      const file = getCandidate(ctx.db, candidateId);
      if (!ctx.actor?.name.trim()) {
        throw new AppError('forbidden', 'Indiquez qui vous êtes (Réglages › Qui suis-je) pour enregistrer un avis : la saisie est signée.');
      }
      const current = opinionOf(ctx.db, candidateId);
      const errors: Record<string, string> = {};
      let checkedReason = 'Saisie de l’avis.';
      if (current) {
        const problem = checkChangeReason(reason);
        if (problem) errors.reason = problem;
        else checkedReason = reason!.trim();
      } else if (opinion === null) {
        throw new AppError('not_found', 'Ce dossier n’a pas d’avis enregistré : il n’y a rien à effacer.');
      }
      let after: IprOpinion | null = null;
      if (opinion) {
        const checked = checkOpinionDraft(opinion, todayOf(ctx));
        if (!checked.ok) Object.assign(errors, checked.errors);
        else {
          const routed = candidateOpinion(ctx, candidateId);
          // An edit keeps the opinion with the inspector who gave it; a first entry goes to the file's inspector.
          after = {
            ...checked.value,
            inspectorId: current ? current.inspectorId : routed.inspectorId,
            inspectorName: current ? current.inspectorName : routed.inspectorName || 'Inspecteur non désigné',
            source: 'saisie',
            recordedBy: ctx.actor.name,
            recordedAt: ctx.now().toISOString(),
          };
        }
      }
      if (Object.keys(errors).length > 0) throw new AppError('validation', 'L’avis contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.', errors);
      recordOpinion(ctx.db, candidateId, after, { at: ctx.now().toISOString(), by: ctx.actor.name, reason: checkedReason });
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return candidateOpinion(ctx, candidateId);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Requests.

/** Builds, records and returns a request (or a reminder) to one inspector. */
export async function buildRequestFiles(
  ctx: HandlerContext,
  call: Call,
  inspector: Inspector,
  files: CandidateFile[],
  dueOn: string,
  reminder: boolean,
): Promise<{ workbook: Buffer; mail: Buffer; stem: string }> {
  const sender = ctx.actor?.name.trim() || 'Le secrétariat de la commission';
  const workbook = await writeTableWorkbook({
    sheets: [
      {
        name: 'Avis',
        columns: COLUMN_ORDER.map((key) => ({
          header: OPINION_HEADERS[key],
          kind: 'text' as const,
          ...(key === 'avis' ? { list: IPR_AVIS.map((a) => IPR_AVIS_LABELS[a]), width: 18 } : {}),
          ...(key === 'motivation' || key === 'summary' ? { width: 60, wrap: true } : {}),
        })),
        rows: requestWorkbookRows(ctx, inspector.id, files),
        editableColumns: [COLUMN_ORDER.indexOf('avis'), COLUMN_ORDER.indexOf('motivation')],
      },
    ],
    metadata: [
      ['Appel', call.title],
      ['Référence', call.reference],
      ['Inspecteur', inspector.name],
      ['Demandée le', formatFrenchDate(todayOf(ctx))],
      ['Réponse attendue le', formatFrenchDate(dueOn)],
      ['Mode d’emploi', 'Choisissez l’avis dans la liste de la colonne « Avis » et motivez-le. Ne modifiez pas les autres colonnes : l’identifiant relie chaque ligne au dossier.'],
    ],
    creator: sender,
    now: ctx.now(),
  });
  const stem = `demande-avis-${slugOf(inspector.name)}-${slugOf(call.title)}-${todayOf(ctx)}`;
  const subject = `${reminder ? 'Relance — ' : ''}Demande d’avis IA-IPR — ${call.title} — réponse attendue le ${formatFrenchDate(dueOn)}`;
  const mail = buildDraftMail({
    // No From: the mail client fills in the account that sends it (a From it does not know would fail).
    from: null,
    to: inspector.email ? [{ name: inspector.name, address: inspector.email }] : [],
    subject,
    text: mailText(call, inspector, files, dueOn, reminder, sender),
    attachments: [{ fileName: `${stem}.xlsx`, mimeType: XLSX, content: workbook }],
    date: ctx.now(),
  });
  return { workbook, mail, stem };
}

// ---------------------------------------------------------------------------------------------
// Returned workbooks.

const HEADER_KEYS = Object.fromEntries(COLUMN_ORDER.map((k) => [foldText(OPINION_HEADERS[k]), k])) as Record<string, keyof typeof OPINION_HEADERS>;

function sameText(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

function analyseReturnedWorkbook(ctx: HandlerContext, callId: number, fileName: string, workbook: WorkbookData): OpinionImportReport {
  let found: { rows: CellValue[][]; headerIndex: number; columns: Partial<Record<keyof typeof OPINION_HEADERS, number>> } | null = null;
  for (const sheet of workbook.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20) && !found; r++) {
      const columns: Partial<Record<keyof typeof OPINION_HEADERS, number>> = {};
      sheet.rows[r]!.forEach((cell, c) => {
        const key = HEADER_KEYS[foldText(cellText(cell))];
        if (key && columns[key] === undefined) columns[key] = c;
      });
      if (columns.id !== undefined && columns.avis !== undefined) found = { rows: sheet.rows, headerIndex: r, columns };
    }
    if (found) break;
  }
  if (!found) {
    throw new AppError(
      'validation',
      `Le classeur « ${fileName} » n’est pas un classeur de demande d’avis : les colonnes « ${OPINION_HEADERS.id} » et « ${OPINION_HEADERS.avis} » sont introuvables.`,
    );
  }
  const { rows, headerIndex, columns } = found;
  const cell = (row: CellValue[], key: keyof typeof OPINION_HEADERS) => (columns[key] === undefined ? '' : cellText(row[columns[key]!]).trim());
  const seen = new Set<number>();
  const inspectorNames = new Set<string>();
  const inspectors = listInspectors(ctx.db, callId);
  const report: OpinionImportReport = {
    fileName,
    inspectorName: '',
    rows: [],
    counts: { accepted: 0, unchanged: 0, empty: 0, refused: 0 },
    committed: false,
  };
  const push = (row: OpinionImportRow & { motivation?: string }) => {
    report.rows.push(row);
    report.counts[row.status]++;
  };
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => cellText(c).trim() === '')) continue;
    const excelRow = r + 1;
    const idText = cell(row, 'id');
    const written = `${cell(row, 'nom')} ${cell(row, 'prenom')}`.trim();
    const base = { row: excelRow, id: idText, candidateName: written, avis: null };
    const parsed = parseOpinionRowId(idText);
    if (!parsed) {
      push({ ...base, status: 'refused', message: idText ? `Identifiant « ${idText} » illisible : la colonne « Identifiant » ne doit pas être modifiée.` : 'Identifiant absent : la ligne ne peut pas être rattachée à un dossier.' });
      continue;
    }
    const item = latestRequestItem(ctx.db, callId, parsed.inspectorId, parsed.candidateId);
    const request = item?.request;
    if (!request || !item) {
      push({ ...base, status: 'refused', message: `Identifiant « ${idText} » inconnu pour cet appel : la ligne ne correspond à aucune demande envoyée.` });
      continue;
    }
    inspectorNames.add(inspectors.find((i) => i.id === request.inspectorId)?.name ?? '');
    const name = `${item.nom} ${item.prenom}`;
    if (seen.has(parsed.candidateId)) {
      push({ ...base, candidateName: name, status: 'refused', message: `${name} figure deux fois dans le classeur (identifiant « ${idText} ») : seule sa première ligne est lue.` });
      continue;
    }
    seen.add(parsed.candidateId);
    const changed: string[] = [];
    if (columns.nom !== undefined && !sameText(cell(row, 'nom'), item.nom)) changed.push(`« ${OPINION_HEADERS.nom} » vaut « ${cell(row, 'nom')} » au lieu de « ${item.nom} »`);
    if (columns.prenom !== undefined && !sameText(cell(row, 'prenom'), item.prenom)) changed.push(`« ${OPINION_HEADERS.prenom} » vaut « ${cell(row, 'prenom')} » au lieu de « ${item.prenom} »`);
    if (columns.discipline !== undefined && !sameText(cell(row, 'discipline'), disciplineLabel(item.discipline))) {
      changed.push(`« ${OPINION_HEADERS.discipline} » vaut « ${cell(row, 'discipline')} » au lieu de « ${disciplineLabel(item.discipline)} »`);
    }
    if (changed.length > 0) {
      push({ ...base, candidateName: name, status: 'refused', message: `Colonnes d’identité modifiées : ${changed.join(' ; ')}. La ligne n’est pas lue : vérifiez à quel dossier l’avis se rapporte.` });
      continue;
    }
    let file: CandidateFile;
    try {
      file = getCandidate(ctx.db, parsed.candidateId);
    } catch {
      push({ ...base, candidateName: name, status: 'refused', message: 'Ce dossier a été supprimé depuis la demande.' });
      continue;
    }
    const avisText = cell(row, 'avis');
    const motivation = cell(row, 'motivation');
    if (!avisText) {
      push({ ...base, candidateName: name, status: 'empty', message: motivation ? 'Motivation sans avis : choisissez l’avis dans la liste ; rien n’est enregistré pour cette ligne.' : 'Pas encore d’avis sur cette ligne.' });
      continue;
    }
    const checked = checkOpinionDraft({ avis: avisText, motivation, givenOn: '' }, todayOf(ctx));
    if (!checked.ok) {
      push({ ...base, candidateName: name, status: 'refused', message: Object.values(checked.errors).join(' ') });
      continue;
    }
    const current = opinionOf(ctx.db, file.id);
    if (current) {
      if (current.avis === checked.value.avis && current.motivation === checked.value.motivation) {
        push({ ...base, candidateName: name, avis: checked.value.avis, status: 'unchanged', message: 'Avis déjà enregistré, identique.' });
      } else {
        push({
          ...base,
          candidateName: name,
          avis: checked.value.avis,
          status: 'refused',
          message: `Un avis est déjà enregistré (${IPR_AVIS_LABELS[current.avis]}, le ${formatFrenchDate(current.givenOn)}) : il est verrouillé. Pour le changer, modifiez-le dans le dossier avec un motif.`,
        });
      }
      continue;
    }
    push({ ...base, candidateName: name, avis: checked.value.avis, status: 'accepted', message: '', motivation: checked.value.motivation });
  }
  report.inspectorName = [...inspectorNames].filter(Boolean).join(', ');
  return report;
}
