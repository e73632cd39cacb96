// Importing one application mail (.eml) into a call: read it, keep its documents by content, then — in one
// transaction — find the candidate's file (same address, or the same nom and prénom in the subject) or create
// it, and record the mail, its documents and its date. The same mail dropped twice writes nothing.
import { AppError } from '../../../shared/contract/errors.js';
import { emptyDraft, checkCandidateDraft, type CandidateDraft } from '../../../shared/domain/candidate.js';
import { networksOf, parseApplicationSubject, patternHasPlaceholder, splitNomPrenom, verdictOf } from '../../../shared/domain/admissibility/index.js';
import { readMoment, formatMoment } from '../../../shared/domain/admissibility/deadline.js';
import { formatFrenchDate } from '../../../shared/domain/dates.js';
import { foldText } from '../../../shared/domain/text.js';
import type { DocumentKind, MailImportOutcome } from '../../../shared/model/admissibility.js';
import type { Call, IsoInstant } from '../../../shared/model/entities.js';
import { getCall } from '../db/calls-repo.js';
import { getCandidate, insertCandidate, setReceivedOn } from '../db/candidates-repo.js';
import { findSameMail, getStoredAdmissibility, insertDocument, insertMail, saveReceivedAt } from '../db/admissibility-repo.js';
import { stmt } from '../db/statements.js';
import type { Db } from '../db/open.js';
import { sha256Of, type StoredAttachment } from '../mail/attachment-store.js';
import { readMail, type ParsedMail } from '../mail/read-mail.js';
import { verdictContextOf } from './admissibility.js';
import { todayOf, twoPhase, type HandlerContext, type HandlerSlice } from './types.js';

interface PreparedMail {
  call: Call;
  mail: ParsedMail;
  contentSha256: string;
  documents: { stored: StoredAttachment; fileName: string; mimeType: string; kind: DocumentKind }[];
  /** The same mail was already imported into this call (nothing stored). */
  already: { id: number; candidateId: number } | null;
}

/**
 * When the candidate sent the application: the original's date. A forward whose original has no readable date
 * gives none: the forward's date is only the latest it can have been sent, and taking it would make an
 * application sent on time look late. The secretariat enters the day by hand (the note says so).
 */
function receivedOf(mail: ParsedMail): IsoInstant | null {
  return mail.sentAt;
}

function describeAddress(name: string, address: string): string {
  return name && address ? `${name} <${address}>` : name || address;
}

function forwardNoteOf(mail: ParsedMail): string {
  const forward = mail.forwardedBy;
  if (!forward) return '';
  const who = forward.from ? describeAddress(forward.from.name, forward.from.address) : 'un expéditeur inconnu';
  const moment = forward.sentAt ? readMoment(forward.sentAt) : null;
  return `Transféré par ${who}${moment ? ` le ${formatMoment(moment)}` : ''}.`;
}

/** The candidate's file in the call: by academic address first, then by the nom and prénom of the subject when only one file has them. */
function findFile(db: Db, callId: number, address: string, nom: string | null, prenom: string | null): { id: number; by: string } | { id: null; note: string } {
  if (address) {
    const row = stmt(db, "SELECT id FROM candidates WHERE call_id = ? AND email = ? AND email <> ''").get(callId, address) as { id: number } | undefined;
    if (row) return { id: row.id, by: 'adresse mail' };
  }
  if (nom && prenom) {
    const wanted = `${foldText(nom)}|${foldText(prenom)}`;
    const same = (stmt(db, 'SELECT id, nom, prenom FROM candidates WHERE call_id = ?').all(callId) as { id: number; nom: string; prenom: string }[]).filter(
      (c) => `${foldText(c.nom)}|${foldText(c.prenom)}` === wanted,
    );
    if (same.length === 1) return { id: same[0]!.id, by: 'nom et prénom de l’objet' };
    if (same.length > 1) {
      return { id: null, note: `${same.length} dossiers portent déjà le nom ${nom} ${prenom} : un nouveau dossier a été créé, rapprochez-le à la main.` };
    }
  }
  return { id: null, note: '' };
}

/** Nom and prénom of a new file: from the subject, else the sender's name, else the address (« camille.durand@… »). */
function namesOf(mail: ParsedMail, subjectNom: string | null, subjectPrenom: string | null): { nom: string; prenom: string; note: string } {
  if (subjectNom && subjectPrenom) return { nom: subjectNom, prenom: subjectPrenom, note: '' };
  const display = mail.from?.name.trim() ?? '';
  if (display) {
    const split = splitNomPrenom(display.split(/\s+/), 'prenom_nom');
    if (split.nom && split.prenom) return { nom: split.nom, prenom: split.prenom, note: 'Nom et prénom lus dans le nom de l’expéditeur : vérifiez-les.' };
  }
  const local = (mail.from?.address ?? '').split('@')[0] ?? '';
  const parts = local.split(/[._-]+/).filter((p) => /^\p{L}+$/u.test(p));
  if (parts.length >= 2) {
    const prenom = parts[0]!.charAt(0).toLocaleUpperCase('fr-FR') + parts[0]!.slice(1);
    return { nom: parts.slice(1).join(' ').toLocaleUpperCase('fr-FR'), prenom, note: 'Nom et prénom lus dans l’adresse mail : vérifiez-les.' };
  }
  return { nom: 'À COMPLÉTER', prenom: 'À compléter', note: 'Ni l’objet ni l’expéditeur ne donnent le nom du candidat : complétez-le.' };
}

/** A new file from the mail; fields the form would refuse (an odd address, a date in the future) are left empty and said. */
function createFile(ctx: HandlerContext, call: Call, mail: ParsedMail, names: { nom: string; prenom: string }, postId: number | null, notes: string[]): number {
  const received = receivedOf(mail);
  const receivedDay = received ? readMoment(received)?.date : undefined;
  const draft: CandidateDraft = {
    ...emptyDraft(),
    nom: names.nom,
    prenom: names.prenom,
    email: mail.from?.address ?? '',
    wishes: postId !== null ? [postId] : [],
    receivedOn: receivedDay ? formatFrenchDate(receivedDay) : '',
    status: 'recue',
  };
  const context = { today: todayOf(ctx), postIds: call.posts.map((p) => p.id) };
  let checked = checkCandidateDraft(draft, context);
  if (!checked.ok) {
    for (const field of ['email', 'receivedOn'] as const) {
      if (checked.errors[field]) {
        notes.push(`${field === 'email' ? 'Adresse de l’expéditeur' : 'Date d’envoi'} non reprise : ${checked.errors[field]}`);
        draft[field] = '';
      }
    }
    checked = checkCandidateDraft(draft, context);
    if (!checked.ok) throw new AppError('validation', `Le dossier n’a pas pu être créé : ${Object.values(checked.errors).join(' ')}`);
  }
  return insertCandidate(ctx.db, call.id, checked.value, ctx.now().toISOString());
}

export const mailHandlers: HandlerSlice<'mail-import'> = {
  'mail-import': twoPhase<'mail-import', PreparedMail>({
    async prepare({ callId, fileName, contentBase64 }, ctx) {
      const call = getCall(ctx.db, callId);
      if (call.archivedAt) throw new AppError('validation', `L’appel « ${call.title} » est archivé : désarchivez-le pour y importer des courriels.`);
      const bytes = Buffer.from(contentBase64, 'base64');
      const mail = await readMail(bytes, fileName);
      const contentSha256 = sha256Of(bytes);
      const already = findSameMail(ctx.db, callId, contentSha256, mail.messageId);
      const documents: PreparedMail['documents'] = [];
      if (!already) {
        // Images shown inside the message (a signature's logo) are not documents of the application.
        for (const attachment of mail.attachments.filter((a) => !a.inline)) {
          const stored = await ctx.documents.put(attachment.content, { fileName: attachment.fileName });
          documents.push({ stored, fileName: attachment.fileName, mimeType: attachment.mimeType, kind: attachment.kind });
        }
      }
      return { call, mail, contentSha256, documents, already };
    },
    apply({ fileName }, prepared, ctx) {
      const { mail } = prepared;
      const call = getCall(ctx.db, prepared.call.id);
      const verdictCtx = verdictContextOf(ctx, call);
      const notes: string[] = [];
      const subjectParse = patternHasPlaceholder(verdictCtx.rules.subjectPattern)
        ? parseApplicationSubject(mail.subject, verdictCtx.rules.subjectPattern, verdictCtx.networks)
        : null;
      const received = receivedOf(mail);
      const outcomeOf = (candidateId: number, outcome: MailImportOutcome['outcome'], matchedBy: string, added: number, already: number): MailImportOutcome => {
        const file = getCandidate(ctx.db, candidateId);
        const { verdict } = verdictOf(file, getStoredAdmissibility(ctx.db, candidateId), verdictCtx);
        return {
          fileName,
          outcome,
          candidateId,
          candidateName: `${file.nom} ${file.prenom}`,
          matchedBy,
          subject: mail.subject,
          subjectMatches: subjectParse ? subjectParse.matches : null,
          sentAt: received,
          documentsAdded: added,
          documentsAlready: already,
          verdict: verdict.status,
          notes,
        };
      };

      // Looked for again inside the transaction: another import may have committed it (or a file been deleted) meanwhile.
      if (call.archivedAt) throw new AppError('validation', `L’appel « ${call.title} » est archivé : désarchivez-le pour y importer des courriels.`);
      const same = findSameMail(ctx.db, call.id, prepared.contentSha256, mail.messageId);
      if (same) {
        notes.push('Ce courriel a déjà été importé dans cet appel : rien n’a été modifié.');
        return outcomeOf(same.candidateId, 'already', '', 0, 0);
      }

      if (subjectParse && !subjectParse.matches) notes.push(...subjectParse.problems);
      if (mail.forwarded) notes.push(forwardNoteOf(mail));
      if (!mail.sentAt && mail.forwardedBy) {
        const forwarded = mail.forwardedBy.sentAt ? readMoment(mail.forwardedBy.sentAt) : null;
        const why = mail.forwardedBy.original === 'not_found' ? 'introuvable' : 'sans date lisible';
        notes.push(
          `Message d’origine ${why} : saisissez la date de réception de la candidature${forwarded ? ` (le transfert date du ${formatMoment(forwarded)})` : ''}.`,
        );
      }
      notes.push(...mail.warnings);

      const address = mail.from?.address ?? '';
      const found = findFile(ctx.db, call.id, address, subjectParse?.nom ?? null, subjectParse?.prenom ?? null);
      let candidateId: number;
      let outcome: MailImportOutcome['outcome'];
      let matchedBy = '';
      if (found.id !== null) {
        candidateId = found.id;
        outcome = 'attached';
        matchedBy = found.by;
      } else {
        if (found.note) notes.push(found.note);
        const names = namesOf(mail, subjectParse?.nom ?? null, subjectParse?.prenom ?? null);
        if (names.note) notes.push(names.note);
        const post = subjectParse?.network ? call.posts.find((p) => networksOf([p])[0] === subjectParse.network) : undefined;
        candidateId = createFile(ctx, call, mail, names, post?.id ?? null, notes);
        outcome = 'created';
      }

      // The date the application arrived: the file's day when it has none, and the mail's minute with it.
      const file = getCandidate(ctx.db, candidateId);
      let receivedDay = received ? readMoment(received)?.date : undefined;
      if (receivedDay && receivedDay > todayOf(ctx)) {
        // A wrong clock on the sender's side: the form would refuse this day, so it is not kept.
        if (outcome === 'attached') notes.push(`Date d’envoi du ${formatFrenchDate(receivedDay)} postérieure à aujourd’hui : non reprise.`);
        receivedDay = undefined;
      }
      if (received && receivedDay) {
        if (!file.receivedOn) setReceivedOn(ctx.db, candidateId, receivedDay, ctx.now().toISOString());
        const stored = getStoredAdmissibility(ctx.db, candidateId);
        if (!stored.receivedAt && (!file.receivedOn || file.receivedOn === receivedDay)) saveReceivedAt(ctx.db, candidateId, received);
      }
      if (verdictCtx.rules.deadline && receivedDay && receivedDay > verdictCtx.rules.deadline) {
        notes.push(`Envoyé le ${formatMoment(readMoment(received!)!)}, après la date limite du ${formatFrenchDate(verdictCtx.rules.deadline)}.`);
      }

      const mailId = insertMail(ctx.db, {
        candidateId,
        callId: call.id,
        fileName,
        messageId: mail.messageId,
        contentSha256: prepared.contentSha256,
        subject: mail.subject,
        fromName: mail.from?.name ?? '',
        fromAddress: address,
        sentAt: received,
        forwardNote: forwardNoteOf(mail),
        bodyText: mail.bodyText,
        warnings: mail.warnings,
        importedAt: ctx.now().toISOString(),
      });
      let added = 0;
      let already = 0;
      for (const doc of prepared.documents) {
        const id = insertDocument(ctx.db, {
          candidateId,
          mailId,
          kind: doc.kind,
          fileName: doc.fileName,
          mimeType: doc.mimeType,
          size: doc.stored.size,
          sha256: doc.stored.sha256,
          addedAt: ctx.now().toISOString(),
        });
        if (id === null) already++;
        else added++;
      }
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: call.id });
      return outcomeOf(candidateId, outcome, matchedBy, added, already);
    },
  }),
};
