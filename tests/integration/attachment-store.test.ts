// The content-addressed store of application documents, on real files in a temporary data folder.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/contract/errors.js';
import { createAttachmentStore, sha256Of } from '../../electron/services/mail/attachment-store.js';
import { readMail } from '../../electron/services/mail/read-mail.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mail');

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('no error thrown');
}

describe('createAttachmentStore', () => {
  it('stores a document under pieces/<2 hex>/<sha256>, without extension, and reads it back', async () => {
    const dataDir = tempDir();
    const store = createAttachmentStore(dataDir);
    const content = Buffer.from('%PDF-1.4\nAnnexe 2\n%%EOF\n');
    const sha256 = createHash('sha256').update(content).digest('hex');

    const stored = await store.put(content, { fileName: 'Annexe 2.pdf' });
    expect(stored).toEqual({ sha256, size: content.length, path: join(dataDir, 'pieces', sha256.slice(0, 2), sha256), created: true });
    expect(filesUnder(dataDir)).toEqual([`pieces/${sha256.slice(0, 2)}/${sha256}`]);
    expect(readFileSync(stored.path)).toEqual(content);
    expect(store.get(sha256)).toEqual(content);
    expect(store.has(sha256)).toBe(true);
    expect(store.path(sha256)).toBe(stored.path);
    expect(store.root).toBe(join(dataDir, 'pieces'));
    if (process.platform !== 'win32') {
      expect(statSync(stored.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'pieces', sha256.slice(0, 2))).mode & 0o777).toBe(0o700);
    }
  });

  it('stores the same content once, whatever it is called, even when put concurrently', async () => {
    const dataDir = tempDir();
    const store = createAttachmentStore(dataDir);
    const content = Buffer.from('le même CV, envoyé deux fois');
    const first = await store.put(content, { fileName: 'CV.pdf' });
    const again = await store.put(new Uint8Array(content), { fileName: 'CV (1).pdf' });
    expect(again).toEqual({ ...first, created: false });

    const other = Buffer.from('un autre document');
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(other, { fileName: 'x.pdf' })));
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    // Two files in all, and no temporary file left behind.
    expect(filesUnder(dataDir)).toEqual([first.path, results[0]!.path].map((p) => relative(dataDir, p).split(sep).join('/')).sort());
  });

  it('stores an empty document and a document of exactly the largest size; refuses one byte more', async () => {
    const store = createAttachmentStore(tempDir(), { maxBytes: 1000 });
    expect((await store.put(new Uint8Array(0), { fileName: 'vide.txt' })).size).toBe(0);
    expect((await store.put(new Uint8Array(1000), { fileName: 'juste.pdf' })).size).toBe(1000);
    const error = await store.put(new Uint8Array(3 * 1024 * 1024), { fileName: 'gros.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toData()).toEqual({
      code: 'too_large',
      message: 'La pièce jointe « gros.pdf » pèse 3 Mo : une pièce jointe ne peut pas dépasser 0 Mo.',
    });
  });

  it('removes a document (erasure) and says whether there was one', async () => {
    const store = createAttachmentStore(tempDir());
    const { sha256 } = await store.put(Buffer.from('données personnelles'), { fileName: 'a.pdf' });
    expect(store.remove(sha256)).toBe(true);
    expect(store.has(sha256)).toBe(false);
    expect(store.remove(sha256)).toBe(false);
    expect(caught(() => store.get(sha256)).toData()).toEqual({
      code: 'not_found',
      message: 'Cette pièce jointe n’est plus dans le dossier de données de l’application (elle a pu être effacée ou déplacée).',
    });
    // Stored again after erasure: written anew.
    expect((await store.put(Buffer.from('données personnelles'), { fileName: 'a.pdf' })).created).toBe(true);
  });

  it('notices a document altered on disk', async () => {
    const store = createAttachmentStore(tempDir());
    const { sha256, path } = await store.put(Buffer.from('original'), { fileName: 'a.pdf' });
    writeFileSync(path, 'modifié');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = caught(() => store.get(sha256));
    expect(log).toHaveBeenCalledWith(`[pièces] contenu altéré : ${path}`);
    log.mockRestore();
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Cette pièce jointe est endommagée dans le dossier de données de l’application : demandez au candidat de la renvoyer.');
  });

  it('rewrites a document whose stored copy has the wrong size', async () => {
    const store = createAttachmentStore(tempDir());
    const content = Buffer.from('document complet');
    const { path } = await store.put(content, { fileName: 'a.pdf' });
    writeFileSync(path, 'tronq');
    expect((await store.put(content, { fileName: 'a.pdf' })).created).toBe(true);
    expect(readFileSync(path)).toEqual(content);
  });

  it.each([['../../etc/passwd'], ['A'.repeat(64)], ['abc'], [`${'a'.repeat(63)}/`], [''], [`${'0'.repeat(64)}.exe`]])(
    'refuses %j as an identifier: no path outside the store can be built',
    (bad) => {
      const store = createAttachmentStore(tempDir());
      for (const call of [() => store.get(bad), () => store.has(bad), () => store.remove(bad), () => store.path(bad)]) {
        expect(caught(call).toData()).toEqual({ code: 'validation', message: 'Identifiant de pièce jointe invalide.' });
      }
    },
  );

  it('says in French when the data folder cannot be written', async () => {
    const dataDir = tempDir();
    const notAFolder = join(dataDir, 'fichier');
    writeFileSync(notAFolder, 'je suis un fichier');
    const store = createAttachmentStore(notAFolder);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await store.put(Buffer.from('x'), { fileName: 'Annexe 2.pdf' }).catch((e: unknown) => e);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toData()).toEqual({
      code: 'internal',
      message: 'La pièce jointe « Annexe 2.pdf » n’a pas pu être enregistrée : erreur d’accès au dossier de données (le détail est dans le journal technique).',
    });
  });

  it('keeps the attachments of real mails, the same annexe received twice stored once', async () => {
    const dataDir = tempDir();
    const store = createAttachmentStore(dataDir);
    const stored = new Map<string, string>();
    for (const name of ['candidature-pdf-docx.eml', 'transfert-piece-jointe.eml', 'candidature-pdf-docx.eml']) {
      const mail = await readMail(readFileSync(join(FIXTURES, name)), name);
      for (const attachment of mail.attachments) {
        const { sha256, size } = await store.put(attachment.content, attachment);
        expect(sha256).toBe(sha256Of(attachment.content));
        expect(size).toBe(attachment.size);
        stored.set(sha256, attachment.fileName);
      }
    }
    expect([...stored.values()].sort()).toEqual([
      'Annexe 2 – fiche de candidature DURAND.pdf',
      'CV_Camille_DURAND.docx',
      'annexe_2_fiche_candidature.pdf',
      'avis_CE_Martin.pdf',
    ]);
    expect(filesUnder(dataDir)).toHaveLength(4);
    // Names chosen by senders never reach the file system.
    expect(filesUnder(dataDir).every((f) => /^pieces\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(true);
  });
});
