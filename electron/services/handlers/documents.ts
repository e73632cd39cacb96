import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors.js';
import { classifyAttachment, isUnsafeToOpen, mimeTypeForName, sanitizeAttachmentName } from '../../../shared/domain/admissibility/documents.js';
import type { ApplicationDocument } from '../../../shared/model/admissibility.js';
import { getCandidate } from '../db/candidates-repo.js';
import { deleteDocument, getDocument, insertDocument, isHashReferenced, listDocuments, updateDocumentKind } from '../db/admissibility-repo.js';
import { MAIL_LIMITS, weight } from '../mail/read-mail.js';
import { megabytes } from '../excel/messages.js';
import type { StoredAttachment } from '../mail/attachment-store.js';
import { twoPhase, type HandlerContext, type HandlerSlice } from './types.js';

/** Where copies are put to be opened by another application (their name must carry the extension). */
function openedCopiesDir(dataDir: string): string {
  return join(dataDir, 'ouverts');
}

/** Removes the copies made to open documents: personal data that must not stay around. */
export function clearOpenedCopies(dataDir: string): void {
  try {
    rmSync(openedCopiesDir(dataDir), { recursive: true, force: true });
  } catch (error) {
    // A copy still open in a viewer on Windows cannot be removed: it will be at the next start.
    console.error('[pièces] copies ouvertes non effacées :', error);
  }
}

/** Erases the files of these hashes that no document references any more (run after the commit). */
export function eraseUnreferenced(ctx: HandlerContext, hashes: readonly string[]): void {
  for (const sha256 of new Set(hashes)) {
    if (!isHashReferenced(ctx.db, sha256) && !ctx.isPinned(sha256)) ctx.documents.remove(sha256);
  }
}

interface PreparedDocument {
  stored: StoredAttachment;
  fileName: string;
  mimeType: string;
}

export const documentHandlers: HandlerSlice<'documents-add' | 'documents-update' | 'documents-delete' | 'documents-download' | 'documents-open'> = {
  'documents-add': twoPhase<'documents-add', PreparedDocument>({
    async prepare({ candidateId, fileName, contentBase64 }, ctx) {
      getCandidate(ctx.db, candidateId);
      const content = Buffer.from(contentBase64, 'base64');
      const mimeType = mimeTypeForName(fileName);
      const safeName = sanitizeAttachmentName(fileName, mimeType, 1);
      if (content.byteLength === 0) throw new AppError('validation', `Le fichier « ${safeName} » est vide : il n’a pas été ajouté.`);
      if (content.byteLength > MAIL_LIMITS.maxAttachmentBytes) {
        throw new AppError(
          'too_large',
          `Le fichier « ${safeName} » pèse ${weight(content.byteLength, MAIL_LIMITS.maxAttachmentBytes)} : une pièce ne peut pas dépasser ${megabytes(MAIL_LIMITS.maxAttachmentBytes)}.`,
        );
      }
      const stored = await ctx.documents.put(content, { fileName: safeName });
      return { stored, fileName: safeName, mimeType };
    },
    apply({ candidateId, kind }, prepared, ctx) {
      const file = getCandidate(ctx.db, candidateId);
      const id = insertDocument(ctx.db, {
        candidateId,
        mailId: null,
        kind: kind ?? classifyAttachment(prepared.fileName, prepared.mimeType),
        fileName: prepared.fileName,
        mimeType: prepared.mimeType,
        size: prepared.stored.size,
        sha256: prepared.stored.sha256,
        addedAt: ctx.now().toISOString(),
      });
      if (id === null) {
        const same = listDocuments(ctx.db, candidateId).find((d) => d.sha256 === prepared.stored.sha256)!;
        throw new AppError('conflict', `Cette pièce est déjà dans le dossier, sous le nom « ${same.fileName} » : elle n’a pas été ajoutée une seconde fois.`);
      }
      ctx.record({ entity: 'candidates', entityId: candidateId, callId: file.callId });
      return stripCall(getDocument(ctx.db, id));
    },
  }),
  'documents-update': ({ id, kind }, ctx) => {
    const doc = getDocument(ctx.db, id);
    updateDocumentKind(ctx.db, id, kind);
    ctx.record({ entity: 'candidates', entityId: doc.candidateId, callId: doc.callId });
    return stripCall(getDocument(ctx.db, id));
  },
  'documents-delete': ({ id }, ctx) => {
    const doc = getDocument(ctx.db, id);
    deleteDocument(ctx.db, id);
    ctx.record({ entity: 'candidates', entityId: doc.candidateId, callId: doc.callId });
    ctx.eraseAfterCommit();
    ctx.afterCommit(() => eraseUnreferenced(ctx, [doc.sha256]));
    return { id };
  },
  'documents-download': ({ id }, ctx) => {
    const doc = getDocument(ctx.db, id);
    const bytes = ctx.documents.get(doc.sha256);
    return { fileName: doc.fileName, mimeType: doc.mimeType, contentBase64: bytes.toString('base64') };
  },
  'documents-open': async ({ id }, ctx) => {
    const doc = getDocument(ctx.db, id);
    if (!ctx.openPath) {
      throw new AppError('unsupported', 'Dans le navigateur, une pièce ne peut pas être ouverte directement : téléchargez-la.');
    }
    if (isUnsafeToOpen(doc.fileName)) {
      throw new AppError(
        'forbidden',
        `« ${doc.fileName} » est un programme ou un script : l’application ne l’ouvre pas. Enregistrez-le si vous devez le transmettre.`,
      );
    }
    const bytes = ctx.documents.get(doc.sha256);
    // A copy under its own name (the stored file has none, so that nothing stored can be run by a double-click),
    // in a folder of its own so that two documents with the same name do not collide.
    const dir = join(openedCopiesDir(ctx.dataDir), randomBytes(6).toString('hex'));
    const copy = join(dir, doc.fileName);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(copy, bytes, { mode: 0o600 });
      // Windows: marked as come from the Internet, so that Office opens it in protected view.
      if (process.platform === 'win32') writeFileSync(`${copy}:Zone.Identifier`, '[ZoneTransfer]\r\nZoneId=3\r\n');
    } catch (error) {
      console.error('[pièces] copie pour ouverture impossible :', error);
      throw new AppError('internal', 'La pièce n’a pas pu être préparée pour l’ouverture (dossier de données inaccessible ou disque plein). Essayez de l’enregistrer.');
    }
    await ctx.openPath(copy);
    return { opened: true };
  },
};

function stripCall(doc: ApplicationDocument & { callId: number }): ApplicationDocument {
  const { callId: _callId, ...rest } = doc;
  return rest;
}
