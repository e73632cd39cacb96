// Issue 4 through dispatch: .eml files dropped into a CSTI-like call become (or complete) application files,
// with their documents stored once by content, their date against the deadline and their subject checked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSTI_RULES } from '../../shared/domain/admissibility/rules.js';
import type { ArgsOf } from '../../shared/contract/methods.js';
import { callDraft, candidateDraft } from '../helpers/fixtures.js';
import { expectError, makeServices, type TestServices } from '../helpers/services.js';

const MAIL_DIR = join(import.meta.dirname, '..', 'fixtures', 'mail');
const fixture = (name: string) => readFileSync(join(MAIL_DIR, name));
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

const ECRINS = 'Réseau Les Écrins';
const COTE_BLEUE = 'Réseau Côte Bleue – La Nerthe';

/** A CSTI-like call (the two real réseaux) with the CSTI rules of the seed. */
async function cstiCall(t: TestServices) {
  const call = await t.call('calls-create', {
    call: callDraft({
      subjectPattern: 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM',
      acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
      posts: [
        { label: 'Professeur relais territorial CSTI', site: ECRINS, places: '1' },
        { label: 'Professeur relais territorial CSTI', site: COTE_BLEUE, places: '1' },
      ],
    }),
  });
  await t.call('rules-save', { callId: call.id, rules: { ...CSTI_RULES, requiredDocuments: [...CSTI_RULES.requiredDocuments], acceptedStatuses: [...CSTI_RULES.acceptedStatuses], acceptedDisciplines: [...CSTI_RULES.acceptedDisciplines], commissionCriteria: [] } });
  return call;
}

async function importMail(t: TestServices, callId: number, name: string, bytes: Uint8Array | string = fixture(name)) {
  return t.call('mail-import', { callId, fileName: name, contentBase64: base64(bytes) });
}

/** The stored documents' files (pieces/<2 hex>/<sha256>). */
function storedPieces(dataDir: string): string[] {
  const root = join(dataDir, 'pieces');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((dir) => readdirSync(join(root, dir)).filter((f) => !f.endsWith('.tmp')));
}

/** A plain mail, for dates and subjects the fixtures do not cover. */
function simpleMail(options: { from: string; subject: string; date: string; attachment?: { name: string; content: string } }): string {
  const head = [`From: ${options.from}`, 'To: csti@ac-test.example', `Subject: ${options.subject}`, `Date: ${options.date}`, 'MIME-Version: 1.0'];
  if (!options.attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', '', 'Ma candidature.', ''].join('\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Ma candidature.',
    '--b1',
    `Content-Type: application/pdf; name="${options.attachment.name}"`,
    `Content-Disposition: attachment; filename="${options.attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64(options.attachment.content),
    '--b1--',
    '',
  ].join('\r\n');
}

describe('mail-import: a mail becomes an application file', () => {
  it('creates the file from a Thunderbird mail: name and réseau from the subject, sender, date, both attachments stored and typed', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'candidature-pdf-docx.eml');
    expect(outcome).toMatchObject({
      outcome: 'created',
      candidateName: 'DURAND Camille',
      subjectMatches: true,
      sentAt: '2026-05-13T16:42:07.000Z',
      documentsAdded: 2,
      documentsAlready: 0,
    });
    const file = await t.call('candidates-get', { id: outcome.candidateId });
    const ecrins = call.posts.find((p) => p.site === ECRINS)!;
    expect(file).toMatchObject({ nom: 'DURAND', prenom: 'Camille', email: 'camille.durand@exemple.example', wishes: [ecrins.id], receivedOn: '2026-05-13', status: 'recue' });

    const panel = await t.call('admissibility-get', { candidateId: outcome.candidateId });
    expect(panel.documents.map((d) => [d.kind, d.mimeType])).toEqual([
      ['annexe2', 'application/pdf'],
      ['cv', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(panel.mails).toHaveLength(1);
    expect(panel.mails[0]).toMatchObject({ fromName: 'Camille Durand-Élias', fromAddress: 'camille.durand@exemple.example', sentAt: '2026-05-13T16:42:07.000Z', forwardNote: '' });
    expect(panel.mails[0]!.bodyText).toMatch(/^Madame, Monsieur,/);
    expect(panel.subjectCheck).toEqual({ matches: true, message: 'Objet conforme au modèle de l’appel.' });
    expect(panel.receivedAt).toBe('2026-05-13T16:42:07.000Z');
    // The head's opinion is not there yet, nor the candidate's status: incomplete, never refused for that.
    expect(panel.verdict.status).toBe('incomplet');
    expect(panel.verdict.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['pieces', 'statut']));
    expect(outcome.verdict).toBe('incomplet');

    // Each stored file is exactly the attachment's bytes, named by its hash.
    for (const doc of panel.documents) {
      const stored = readFileSync(join(t.dataDir, 'pieces', doc.sha256.slice(0, 2), doc.sha256));
      expect(stored.byteLength).toBe(doc.size);
      const downloaded = await t.call('documents-download', { id: doc.id });
      expect(Buffer.from(downloaded.contentBase64, 'base64').equals(stored)).toBe(true);
      expect(downloaded.fileName).toBe(doc.fileName);
    }
  });

  it('imports the same mail twice only once: nothing is written the second time', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const first = await importMail(t, call.id, 'candidature-pdf-docx.eml');
    const journal = await t.call('journal-list', {});
    const pieces = storedPieces(t.dataDir);
    const again = await importMail(t, call.id, 'copie.eml', fixture('candidature-pdf-docx.eml'));
    expect(again).toMatchObject({ outcome: 'already', candidateId: first.candidateId, documentsAdded: 0 });
    expect(again.notes).toEqual(['Ce courriel a déjà été importé dans cet appel : rien n’a été modifié.']);
    expect(await t.call('candidates-list', { callId: call.id })).toHaveLength(1);
    expect((await t.call('admissibility-get', { candidateId: first.candidateId })).mails).toHaveLength(1);
    expect(storedPieces(t.dataDir)).toEqual(pieces);
    // A mail recognised is not a change: no journal line.
    expect(await t.call('journal-list', {})).toEqual(journal);
  });

  it('stores the same document once, whoever sends it, and keeps it until no file holds it', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const annexe = { name: 'annexe2.pdf', content: '%PDF-1.4\n% le même modèle d’annexe 2, envoyé par deux candidats\n%%EOF\n' };
    const a = await importMail(t, call.id, 'a.eml', simpleMail({ from: 'Anne Petit <anne.petit@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – PETIT Anne', date: 'Tue, 12 May 2026 10:00:00 +0200', attachment: annexe }));
    const b = await importMail(t, call.id, 'b.eml', simpleMail({ from: 'Luc Morel <luc.morel@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – MOREL Luc', date: 'Tue, 12 May 2026 11:00:00 +0200', attachment: annexe }));
    expect([a.outcome, b.outcome]).toEqual(['created', 'created']);
    expect(storedPieces(t.dataDir)).toHaveLength(1);
    const [piece] = storedPieces(t.dataDir);

    await t.call('candidates-delete', { id: a.candidateId });
    expect(storedPieces(t.dataDir), 'still held by the other file').toEqual([piece]);
    await t.call('candidates-delete', { id: b.candidateId });
    expect(storedPieces(t.dataDir), 'erased with the last file holding it').toEqual([]);
  });

  it('completes an existing file found by its address, then by the name of the subject; a mail never renames a file', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const lea = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: 'MARTIN', prenom: 'Léa', email: 'lea.martin@exemple.example', receivedOn: '' }) });
    const byAddress = await importMail(t, call.id, 'transfert-piece-jointe.eml');
    expect(byAddress).toMatchObject({ outcome: 'attached', candidateId: lea.id, matchedBy: 'adresse mail', candidateName: 'MARTIN Léa' });
    // The forward's date (15 May) is not the application's: the candidate's own mail (11 May) is.
    expect(byAddress.sentAt).toBe('2026-05-11T18:15:00.000Z');
    expect((await t.call('candidates-get', { id: lea.id })).receivedOn).toBe('2026-05-11');
    expect(byAddress.notes.some((n) => n.startsWith('Transféré par Principal du collège fictif <principal.clg-fictif@academie.example> le 15/05/2026 à 17:02'))).toBe(true);

    const hugo = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: 'Bernard', prenom: 'Hugo', email: 'h.bernard@ac-aix-marseille.example' }) });
    const byName = await importMail(t, call.id, 'transfert-en-ligne.eml');
    expect(byName).toMatchObject({ outcome: 'attached', candidateId: hugo.id, matchedBy: 'nom et prénom de l’objet' });
    const file = await t.call('candidates-get', { id: hugo.id });
    expect(file.email).toBe('h.bernard@ac-aix-marseille.example');
    expect(file.receivedOn, 'a day already entered is kept').toBe('2026-04-20');
  });

  it('reads the date of a forwarded original: sent 15 May 23:30 in Paris, forwarded on 18 May, it is on time', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'transfert-en-ligne.eml');
    expect(outcome).toMatchObject({ outcome: 'created', candidateName: 'BERNARD Hugo', sentAt: '2026-05-15T21:30:00.000Z' });
    const panel = await t.call('admissibility-get', { candidateId: outcome.candidateId });
    expect(panel.verdict.reasons.filter((r) => r.rule === 'delai')).toEqual([]);
    expect(panel.mails[0]!.forwardNote).toMatch(/^Transféré par Lefort <ipr\.lefort@academie\.example> le 18\/05\/2026 à 08:10/);
  });

  it.each([
    ['15 May 23:30 in Paris (21:30Z)', 'Fri, 15 May 2026 23:30:00 +0200', '2026-05-15', false],
    ['15 May 23:59 in Paris, written in UTC', 'Fri, 15 May 2026 21:59:00 +0000', '2026-05-15', false],
    ['16 May 00:30 in Paris (22:30Z on the 15th)', 'Fri, 15 May 2026 22:30:00 +0000', '2026-05-16', true],
    ['16 May in the morning', 'Sat, 16 May 2026 09:00:00 +0200', '2026-05-16', true],
  ])('a mail sent %s is late: %s', async (_label, date, day, late) => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'date.eml', simpleMail({ from: 'Anne Petit <anne.petit@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – PETIT Anne', date }));
    expect((await t.call('candidates-get', { id: outcome.candidateId })).receivedOn).toBe(day);
    const [row] = await t.call('candidates-list', { callId: call.id });
    expect(row!.reasons.some((r) => r.rule === 'delai' && r.kind === 'refused')).toBe(late);
    expect(row!.verdict === 'irrecevable').toBe(late);
    expect(outcome.notes.some((n) => n.includes('après la date limite du 15/05/2026'))).toBe(late);
  });

  it('shows a subject that departs from the pattern without refusing the mail, and names the file from the sender', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'objet.eml', simpleMail({ from: 'Anne Petit <anne.petit@ac-aix-marseille.example>', subject: 'ma candidature', date: 'Tue, 12 May 2026 10:00:00 +0200' }));
    expect(outcome).toMatchObject({ outcome: 'created', candidateName: 'PETIT Anne', subjectMatches: false });
    expect(outcome.notes).toContain('Nom et prénom lus dans le nom de l’expéditeur : vérifiez-les.');
    const panel = await t.call('admissibility-get', { candidateId: outcome.candidateId });
    expect(panel.subjectCheck?.matches).toBe(false);
    expect(panel.verdict.reasons.filter((r) => r.rule === 'objet').map((r) => r.kind)).not.toHaveLength(0);
    expect(panel.verdict.reasons.filter((r) => r.rule === 'objet').every((r) => r.kind === 'warning')).toBe(true);
  });

  it('keeps hostile attachments under safe names, never opens a program, and leaves the inline logo out', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const hostile = await importMail(t, call.id, 'pieces-hostiles.eml');
    const panel = await t.call('admissibility-get', { candidateId: hostile.candidateId });
    const names = panel.documents.map((d) => d.fileName);
    expect(names).toContain('evil.exe');
    expect(names).toContain('_CON');
    expect(names.every((n) => !n.includes('/') && !n.includes('\\') && !n.includes('\u202e'))).toBe(true);
    const exe = panel.documents.find((d) => d.fileName === 'evil.exe')!;
    expect(exe.unsafe).toBe(true);
    // Browser mode cannot open anything; it says to download.
    const error = await expectError(t.call('documents-open', { id: exe.id }), 'unsupported');
    expect(error.message).toMatch(/téléchargez-la/);

    const outlook = await importMail(t, call.id, 'outlook-fuseau-horaire.eml');
    const docs = (await t.call('admissibility-get', { candidateId: outlook.candidateId })).documents;
    expect(docs.every((d) => !d.mimeType.startsWith('image/')), 'the signature’s logo is not a document').toBe(true);
    expect(docs).toHaveLength(1);
  });

  it('keeps what a truncated mail holds and says it may be damaged', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'malforme-tronque.eml');
    expect(outcome.outcome).toBe('created');
    expect(outcome.notes).toContain(
      'Le courriel « malforme-tronque.eml » semble incomplet (fichier tronqué ou endommagé) : vérifiez ses pièces jointes, la dernière peut être abîmée.',
    );
    expect((await t.call('admissibility-get', { candidateId: outcome.candidateId })).mails[0]!.warnings).toHaveLength(1);
  });
});

describe('mail-import: what is refused, and nothing written', () => {
  async function refused(t: TestServices, callId: number, args: ArgsOf<'mail-import'>, code: 'validation' | 'too_large' | 'not_found') {
    const before = await t.call('candidates-list', { callId });
    const pieces = storedPieces(t.dataDir);
    const error = await expectError(t.call('mail-import', args), code);
    expect(await t.call('candidates-list', { callId })).toEqual(before);
    expect(storedPieces(t.dataDir)).toEqual(pieces);
    return error;
  }

  it('refuses an Outlook .msg with the way to save it as .eml', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const msg = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const error = await refused(t, call.id, { callId: call.id, fileName: 'candidature.msg', contentBase64: base64(msg) }, 'validation');
    expect(error.message).toBe(
      'Le fichier « candidature.msg » est au format Outlook .msg : enregistrez le message au format .eml (Fichier › Enregistrer sous) puis déposez-le à nouveau.',
    );
  });

  it('refuses what is not a mail, an empty file, and an archived call, naming the file', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const notMail = await refused(t, call.id, { callId: call.id, fileName: 'photo.eml', contentBase64: base64('\x89PNG\r\n\x1a\nrien de lisible') }, 'validation');
    expect(notMail.message).toBe('Le fichier « photo.eml » n’est pas un courriel lisible (.eml).');
    const empty = await refused(t, call.id, { callId: call.id, fileName: 'vide.eml', contentBase64: '' }, 'validation');
    expect(empty.message).toBe('Le fichier « vide.eml » est vide.');
    await t.call('calls-archive', { id: call.id, archived: true });
    const archived = await refused(t, call.id, { callId: call.id, fileName: 'a.eml', contentBase64: base64(fixture('candidature-pdf-docx.eml')) }, 'validation');
    expect(archived.message).toMatch(/est archivé : désarchivez-le/);
    await refused(t, call.id, { callId: 999, fileName: 'a.eml', contentBase64: base64(fixture('candidature-pdf-docx.eml')) }, 'not_found');
  });

  it('refuses a mail over 25 Mo at the door', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const envelope = await t.dispatch('mail-import', { callId: call.id, fileName: 'gros.eml', contentBase64: 'A'.repeat(36 * 1024 * 1024) }, { actor: null });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { contentBase64: 'Courriel trop volumineux : 25 Mo au plus.' } } });
  });

  it('fuzzing: truncated and altered fixtures give a file or a typed French error, never a crash, and the database stays whole', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const sources = readdirSync(MAIL_DIR).map((name) => fixture(name));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (index, cut, flips) => {
          const bytes = Buffer.from(sources[index]!.subarray(0, Math.floor(sources[index]!.length * cut)));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[Math.floor(at * (bytes.length - 1))] = value;
          const envelope = await t.dispatch('mail-import', { callId: call.id, fileName: 'fuzz.eml', contentBase64: base64(bytes) }, { actor: null });
          if (!envelope.ok) {
            expect(['validation', 'too_large']).toContain(envelope.error.code);
            expect(envelope.error.message).toMatch(/« fuzz\.eml »/);
          }
        },
      ),
      { numRuns: 120, seed: 4 },
    );
    expect(t.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.services.db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('documents while other changes commit', () => {
  it('erases the file a refused change had written (the person’s file was deleted meanwhile)', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const file = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ email: 'anne.petit@ac-aix-marseille.example' }) });
    const adding = t.call('documents-add', { candidateId: file.id, fileName: 'avis.pdf', contentBase64: base64('%PDF-1.4\n% avis signé\n%%EOF\n') });
    // Runs to its commit at once, while the document is still being written to the disk.
    await t.call('candidates-delete', { id: file.id });
    await expectError(adding, 'not_found');
    expect(storedPieces(t.dataDir)).toEqual([]);
  });

  it('keeps a document another import is about to reference when its last holder is deleted meanwhile', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const shared = { name: 'annexe2.pdf', content: '%PDF-1.4\n% modèle commun\n%%EOF\n' };
    const a = await importMail(t, call.id, 'a.eml', simpleMail({ from: 'Anne Petit <anne.petit@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – PETIT Anne', date: 'Tue, 12 May 2026 10:00:00 +0200', attachment: shared }));
    const [sharedDoc] = (await t.call('admissibility-get', { candidateId: a.candidateId })).documents;
    // Mail B holds the same annexe, then a large scan: while the scan is written, A's annexe is deleted.
    const big = 'x'.repeat(12 * 1024 * 1024);
    const mailB = simpleMail({ from: 'Luc Morel <luc.morel@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – MOREL Luc', date: 'Tue, 12 May 2026 11:00:00 +0200', attachment: shared }).replace(
      '--b1--',
      ['--b1', 'Content-Type: application/pdf; name="scan.pdf"', 'Content-Disposition: attachment; filename="scan.pdf"', 'Content-Transfer-Encoding: base64', '', base64(big), '--b1--'].join('\r\n'),
    );
    const importing = importMail(t, call.id, 'b.eml', mailB);
    // Wait until the scan is being written (its temporary file appears), i.e. B already holds the annexe.
    const writing = () => readdirSync(join(t.dataDir, 'pieces'), { recursive: true }).some((f) => String(f).endsWith('.tmp'));
    for (let i = 0; i < 20_000 && !writing(); i++) await new Promise((r) => setImmediate(r));
    expect(writing(), 'the scan was never seen being written: the scenario did not happen').toBe(true);
    await t.call('documents-delete', { id: sharedDoc!.id });
    const b = await importing;
    const annexe = (await t.call('admissibility-get', { candidateId: b.candidateId })).documents.find((d) => d.fileName === 'annexe2.pdf')!;
    const downloaded = await t.call('documents-download', { id: annexe.id });
    expect(Buffer.from(downloaded.contentBase64, 'base64').toString()).toBe(shared.content);
  });

  it('does not keep a date in the future from a sender’s wrong clock', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const outcome = await importMail(t, call.id, 'futur.eml', simpleMail({ from: 'Anne Petit <anne.petit@ac-aix-marseille.example>', subject: 'Candidature Relais territorial du réseau Les Écrins – PETIT Anne', date: 'Sat, 11 May 2030 10:00:00 +0200' }));
    expect(outcome.notes.some((n) => n.startsWith('Date d’envoi non reprise'))).toBe(true);
    const file = await t.call('candidates-get', { id: outcome.candidateId });
    expect(file.receivedOn).toBeNull();
    expect((await t.call('admissibility-get', { candidateId: outcome.candidateId })).receivedAt).toBeNull();
  });

  it('does not judge a forward whose original was not found on the forward’s date: the day is asked for', async () => {
    const t = makeServices();
    const call = await cstiCall(t);
    const forward = simpleMail({ from: 'IPR Lefort <ipr.lefort@academie.example>', subject: 'TR: Candidature Relais territorial du réseau Les Écrins – PETIT Anne', date: 'Wed, 20 May 2026 09:00:00 +0200' });
    const outcome = await importMail(t, call.id, 'transfert.eml', forward);
    const panel = await t.call('admissibility-get', { candidateId: outcome.candidateId });
    expect(panel.verdict.reasons.filter((r) => r.rule === 'delai')).toEqual([
      { rule: 'delai', kind: 'missing', message: 'Date de réception inconnue : la date limite du 15/05/2026 ne peut pas être vérifiée.' },
    ]);
    expect(outcome.notes).toContain('Message d’origine introuvable : saisissez la date de réception de la candidature (le transfert date du 20/05/2026 à 09:00 (heure de Paris)).');
  });
});
