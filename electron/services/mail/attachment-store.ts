// The application documents (mail attachments), kept in the app's data folder by content: each file is named
// by the SHA-256 of its bytes, under pieces/<first two hex digits>/<sha256>, without extension, so that the
// same document received twice is stored once, a name chosen by a sender never reaches the file system, and
// nothing stored can be run by double-clicking it. The database keeps, for each application, the hash with
// the document's name, type and kind. Files are written to a temporary name in the same folder then renamed,
// so a crash never leaves a half-written document under its final name.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors.js';
import { megabytes } from '../excel/messages.js';
import { MAIL_LIMITS, weight } from './read-mail.js';

export interface StoredAttachment {
  sha256: string;
  size: number;
  /** Absolute path of the stored file. */
  path: string;
  /** False when the same content was already there (nothing was written). */
  created: boolean;
}

export interface AttachmentMeta {
  /** The document's name, for messages only: it is never part of the stored file's path. */
  fileName: string;
}

export interface AttachmentStore {
  /** The folder holding the documents (dataDir/pieces). */
  readonly root: string;
  /** Stores the content once; the same bytes again return the same hash and path. */
  put(content: Uint8Array, meta: AttachmentMeta): Promise<StoredAttachment>;
  /** The stored bytes, checked against their hash. AppError 'not_found' when absent, 'internal' when damaged. */
  get(sha256: string): Buffer;
  has(sha256: string): boolean;
  /** Deletes the stored file (true when there was one). */
  remove(sha256: string): boolean;
  /** Where the file is (or would be). */
  path(sha256: string): string;
}

export interface AttachmentStoreOptions {
  /** Largest document accepted; default MAIL_LIMITS.maxAttachmentBytes. */
  maxBytes?: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

const storeErrors = {
  badHash: () => new AppError('validation', 'Identifiant de pièce jointe invalide.'),
  tooBig: (file: string, size: number, max: number) =>
    new AppError('too_large', `La pièce jointe « ${file} » pèse ${weight(size, max)} : une pièce jointe ne peut pas dépasser ${megabytes(max)}.`),
  notFound: () =>
    new AppError('not_found', 'Cette pièce jointe n’est plus dans le dossier de données de l’application (elle a pu être effacée ou déplacée).'),
  damaged: () =>
    new AppError('internal', 'Cette pièce jointe est endommagée dans le dossier de données de l’application : demandez au candidat de la renvoyer.'),
  write: (file: string, error: unknown) => new AppError('internal', `La pièce jointe « ${file} » n’a pas pu être enregistrée : ${diskReason(error)}.`),
  read: (error: unknown) => new AppError('internal', `Cette pièce jointe n’a pas pu être lue : ${diskReason(error)}.`),
  remove: (error: unknown) => new AppError('internal', `Cette pièce jointe n’a pas pu être effacée : ${diskReason(error)}.`),
};

/** What went wrong on the disk, in French. */
function diskReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'le disque est plein';
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return 'l’accès au fichier est refusé (il est peut-être ouvert dans une autre application)';
    case 'EROFS':
      return 'le dossier de données est en lecture seule';
    default:
      return 'erreur d’accès au dossier de données (le détail est dans le journal technique)';
  }
}

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function createAttachmentStore(dataDir: string, options: AttachmentStoreOptions = {}): AttachmentStore {
  const root = join(dataDir, 'pieces');
  const maxBytes = options.maxBytes ?? MAIL_LIMITS.maxAttachmentBytes;

  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw storeErrors.badHash();
    return join(root, sha256.slice(0, 2), sha256);
  };

  return {
    root,
    path: pathOf,

    async put(content, meta) {
      if (content.byteLength > maxBytes) throw storeErrors.tooBig(meta.fileName, content.byteLength, maxBytes);
      const sha256 = sha256Of(content);
      const target = pathOf(sha256);
      // Same hash, same size: the same document (a SHA-256 collision is not a practical concern).
      if (existsSync(target) && statSync(target).size === content.byteLength) {
        return { sha256, size: content.byteLength, path: target, created: false };
      }
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        // Personal data: readable by the user only (POSIX; Windows keeps the data folder's permissions).
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        // Atomic on one file system; replacing a file another put just wrote is harmless (same bytes).
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        console.error('[pièces] enregistrement impossible :', error);
        throw storeErrors.write(meta.fileName, error);
      }
      return { sha256, size: content.byteLength, path: target, created: true };
    },

    get(sha256) {
      const file = pathOf(sha256);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw storeErrors.notFound();
        console.error(`[pièces] lecture de ${file} :`, error);
        throw storeErrors.read(error);
      }
      if (sha256Of(bytes) !== sha256) {
        console.error(`[pièces] contenu altéré : ${file}`);
        throw storeErrors.damaged();
      }
      return bytes;
    },

    has(sha256) {
      return existsSync(pathOf(sha256));
    },

    // Erasure of personal data: a plain unlink. Overwriting the bytes first would not erase them on an SSD
    // (wear levelling writes elsewhere) nor on a journaled or copy-on-write file system, so it would only
    // pretend; real protection of the data at rest is the disk's encryption (BitLocker, FileVault, LUKS).
    remove(sha256) {
      const file = pathOf(sha256);
      try {
        unlinkSync(file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        console.error(`[pièces] effacement de ${file} :`, error);
        throw storeErrors.remove(error);
      }
    },
  };
}
