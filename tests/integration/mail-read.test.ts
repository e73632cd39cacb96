// readMail on real .eml files (tests/fixtures/mail, made by scripts/make-mail-fixtures.mjs) and on hostile
// bytes: every input either reads or is refused with an AppError naming the file, never another error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors.js';
import { isUnsafeToOpen, MAX_ATTACHMENT_NAME } from '../../shared/domain/admissibility/documents.js';
import { parisDateOf } from '../../shared/domain/dates.js';
import { htmlToText, MAIL_LIMITS, readMail, type ParsedMail } from '../../electron/services/mail/read-mail.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mail');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const read = (name: string) => readMail(fixture(name), name);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The AppError readMail rejected with (fails the test when it resolved or threw anything else). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function eml(headers: string[], body: string): Buffer {
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

describe('readMail on real .eml files', () => {
  it('reads a Thunderbird-like multipart with a PDF and a DOCX, encoded words and RFC 2231 names', async () => {
    const mail = await read('candidature-pdf-docx.eml');
    expect(mail.from).toEqual({ name: 'Camille Durand-Élias', address: 'camille.durand@exemple.example' });
    expect(mail.to).toEqual(['csti@academie.example']);
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Les Écrins – DURAND Camille');
    expect(mail.sentAt).toBe('2026-05-13T16:42:07.000Z');
    expect(mail.messageId).toBe('<4f1c2a7e-0001-4d2b-9a51-candidature@exemple.example>');
    expect(mail.bodyText).toContain('relais territorial du réseau Les Écrins : l’annexe 2 complétée et mon CV.');
    expect(mail.bodyText).not.toMatch(/\r/);
    expect(mail.forwarded).toBe(false);
    expect(mail.forwardedBy).toBeNull();
    expect(mail.warnings).toEqual([]);

    expect(mail.attachments.map(({ fileName, mimeType, kind, inline }) => ({ fileName, mimeType, kind, inline }))).toEqual([
      { fileName: 'Annexe 2 – fiche de candidature DURAND.pdf', mimeType: 'application/pdf', kind: 'annexe2', inline: false },
      {
        fileName: 'CV_Camille_DURAND.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        kind: 'cv',
        inline: false,
      },
    ]);
    const [pdf, docx] = mail.attachments;
    expect(text(pdf!.content)).toMatch(/^%PDF-1\.4\n[\s\S]*Annexe 2 - Fiche de candidature - DURAND Camille[\s\S]*%%EOF\n$/);
    expect(pdf!.size).toBe(pdf!.content.byteLength);
    expect(text(docx!.content.subarray(0, 4))).toBe('PK\u0003\u0004');
    expect(text(docx!.content)).toContain('[Content_Types].xml');
    expect(Buffer.from(docx!.content).toString('utf8')).toContain('Lycée fictif Les Écrins');
  });

  it('decodes quoted-printable windows-1252 text, ISO-8859-1 encoded words and names', async () => {
    const mail = await read('quoted-printable-windows-1252.eml');
    expect(mail.from).toEqual({ name: 'Loïc Benoît', address: 'loic.benoit@exemple.example' });
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Côte Bleue - La Nerthe - BENOIT Loïc');
    expect(mail.sentAt).toBe('2026-05-14T07:05:00.000Z');
    // The text part wins over the HTML; windows-1252's own characters (’ € œ – …) survive.
    expect(mail.bodyText).toBe(
      'Bonjour,\nJe vous adresse ma candidature pour le réseau Côte Bleue – La Nerthe : l’annexe 2 suivra.\n' +
        'Coût estimé des déplacements : 0 €. Cœur de la mission : l’œuvre de la CSTI, « fête de la science »…\nLoïc Benoît',
    );
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ fileName: 'Lettre de motivation Loïc.pdf', kind: 'lettre_motivation', mimeType: 'application/pdf' });
  });

  it('reads a forward with the original attached (message/rfc822): the candidate is the original sender', async () => {
    const mail = await read('transfert-piece-jointe.eml');
    expect(mail.forwarded).toBe(true);
    expect(mail.from).toEqual({ name: 'Léa Martin', address: 'lea.martin@exemple.example' });
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa');
    expect(mail.sentAt).toBe('2026-05-11T18:15:00.000Z');
    expect(mail.to).toEqual(['principal.clg-fictif@academie.example']);
    expect(mail.bodyText).toContain('Voici ma candidature (annexe 2)');
    expect(mail.forwardedBy).toEqual({
      from: { name: 'Principal du collège fictif', address: 'principal.clg-fictif@academie.example' },
      sentAt: '2026-05-15T15:02:00.000Z',
      subject: 'TR: Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa',
      bodyText: expect.stringContaining('avec mon avis favorable') as unknown as string,
      original: 'attached',
    });
    // The original's annexe 2 and the forwarder's opinion; the forwarded message itself is not a document.
    expect(mail.attachments.map((a) => [a.fileName, a.kind])).toEqual([
      ['annexe_2_fiche_candidature.pdf', 'annexe2'],
      ['avis_CE_Martin.pdf', 'avis_chef'],
    ]);
    expect(mail.warnings).toEqual([]);
  });

  it('reads a forward quoted inline by an académie webmail, its date without zone as Paris time', async () => {
    const mail = await read('transfert-en-ligne.eml');
    expect(mail.forwarded).toBe(true);
    expect(mail.from).toEqual({ name: 'Hugo Bernard', address: 'hugo.bernard@exemple.example' });
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Les Écrins – BERNARD Hugo');
    // « Envoyé: Vendredi 15 Mai 2026 23:30:00 »: 23:30 in Paris, on time for a 15 May deadline.
    expect(mail.sentAt).toBe('2026-05-15T21:30:00.000Z');
    expect(parisDateOf(new Date(mail.sentAt!))).toBe('2026-05-15');
    expect(mail.bodyText).toBe('Monsieur l’Inspecteur,\nVous trouverez ci-joint ma candidature et l’annexe 2.\nHugo Bernard');
    expect(mail.forwardedBy).toMatchObject({
      from: { name: 'Lefort', address: 'ipr.lefort@academie.example' },
      sentAt: '2026-05-18T06:10:12.000Z',
      original: 'inline',
      bodyText: 'Bonjour,\n\nCandidature reçue sur ma boîte, je vous la fais suivre.\nCordialement,\nM. Lefort, IA-IPR',
    });
    expect(mail.attachments.map((a) => [a.fileName, a.kind])).toEqual([['Annexe2_BERNARD.pdf', 'annexe2']]);
  });

  it('reads Outlook headers: a Date at 23:30 +0200 is 21:30 UTC, still 15 May in Paris; the logo is inline', async () => {
    const mail = await read('outlook-fuseau-horaire.eml');
    expect(mail.sentAt).toBe('2026-05-15T21:30:00.000Z');
    expect(parisDateOf(new Date(mail.sentAt!))).toBe('2026-05-15');
    expect(mail.from).toEqual({ name: 'Sarah Nguyen', address: 'sarah.nguyen@exemple.example' });
    expect(mail.to).toEqual(['csti@academie.example']);
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Les Écrins – NGUYEN Sarah');
    expect(mail.bodyText).toBe('Madame, Monsieur,\nVeuillez trouver ma lettre de motivation.\nSarah Nguyen\n[logo]');
    expect(mail.attachments.map(({ fileName, kind, inline, mimeType }) => ({ fileName, kind, inline, mimeType }))).toEqual([
      { fileName: 'image001.png', kind: 'autre', inline: true, mimeType: 'image/png' },
      {
        fileName: 'Lettre de motivation – NGUYEN.docx',
        kind: 'lettre_motivation',
        inline: false,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    ]);
  });

  it('turns an HTML-only mail into plain text: no tags, scripts or styles, entities decoded', async () => {
    const mail = await read('html-seul.eml');
    expect(mail.bodyText).toBe('Bonjour,\n\nMa candidature : l’annexe 2 est jointe & signée.\nCoût : 0 € – déplacements — ok <fin>\n\nManon Petit');
    expect(mail.bodyText).not.toMatch(/alert|font-family|<p>/);
  });

  it('reads what it can of a truncated multipart and says it is incomplete', async () => {
    const mail = await read('malforme-tronque.eml');
    expect(mail.from?.address).toBe('thomas.roux@exemple.example');
    expect(mail.bodyText).toBe('Bonjour, ma candidature est jointe.\nThomas Roux');
    expect(mail.messageId).toBeNull();
    expect(mail.warnings).toEqual([
      'Le courriel « malforme-tronque.eml » semble incomplet (fichier tronqué ou endommagé) : vérifiez ses pièces jointes, la dernière peut être abîmée.',
    ]);
    expect(mail.attachments).toHaveLength(1);
    expect(text(mail.attachments[0]!.content)).toMatch(/^%PDF/);
    expect(text(mail.attachments[0]!.content)).not.toContain('%%EOF');
  });

  it('gives hostile attachment names safe names, drops empty attachments and flags what must not be opened', async () => {
    const mail = await read('pieces-hostiles.eml');
    expect(mail.attachments.map((a) => [a.originalName, a.fileName])).toEqual([
      ['../../evil.exe', 'evil.exe'],
      ['CON', '_CON'],
      ['rapport\u202Efdp.exe', 'rapportfdp.exe'],
      ['C:\\Windows\\system32\\evil.bat', 'evil.bat'],
      [`${'tres-long-'.repeat(30)}.pdf`, `${'tres-long-'.repeat(30).slice(0, MAX_ATTACHMENT_NAME - 4)}.pdf`],
      ['avis chef .pdf', 'avis chef.pdf'],
      [null, 'piece-jointe-7.pdf'],
    ]);
    for (const attachment of mail.attachments) {
      expect(attachment.fileName).not.toMatch(/[/\\\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
      expect(Array.from(attachment.fileName).length).toBeLessThanOrEqual(MAX_ATTACHMENT_NAME);
    }
    expect(mail.attachments.filter((a) => isUnsafeToOpen(a.fileName)).map((a) => a.fileName)).toEqual([
      'evil.exe',
      '_CON',
      'rapportfdp.exe',
      'evil.bat',
    ]);
    expect(mail.warnings).toEqual(['La pièce jointe « vide.pdf » du courriel « pieces-hostiles.eml » est vide : elle n’a pas été gardée.']);
  });

  it('gives the same result twice (fixtures are deterministic, reading has no state)', async () => {
    const [a, b] = await Promise.all([read('transfert-piece-jointe.eml'), read('transfert-piece-jointe.eml')]);
    expect(a).toEqual(b);
  });
});

describe('readMail refusals', () => {
  it('refuses an Outlook .msg with the way to save it as .eml', async () => {
    const msg = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await refusal(readMail(msg, 'Candidature Durand.msg'));
    expect(error.code).toBe('validation');
    expect(error.message).toBe(
      'Le fichier « Candidature Durand.msg » est au format Outlook .msg : enregistrez le message au format .eml (Fichier › Enregistrer sous) puis déposez-le à nouveau.',
    );
  });

  it.each([
    ['a PDF', fixtureAttachment('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')],
    ['a zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['plain text', Buffer.from('Bonjour, ceci est une lettre sans en-têtes.\nCordialement')],
    ['unknown headers only', Buffer.from('Foo: bar\r\nBaz: qux\r\n\r\nbody')],
    ['binary', Buffer.from([0xff, 0x00, 0x12, 0x80, 0x0a, 0x41])],
    ['headers with a NUL byte', Buffer.from('From: a@b.example\r\nSubject: x\u0000y\r\n\r\nbody')],
    ['a UTF-16 file', Buffer.from('\ufeffFrom: a@b.example\r\n', 'utf16le')],
  ])('refuses %s as not a mail', async (_, bytes) => {
    const error = await refusal(readMail(bytes, 'x.eml'));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Le fichier « x.eml » n’est pas un courriel lisible (.eml).');
  });

  it('refuses an empty file', async () => {
    const error = await refusal(readMail(new Uint8Array(0), 'vide.eml'));
    expect(error.toData()).toEqual({ code: 'validation', message: 'Le fichier « vide.eml » est vide.' });
  });

  it(`refuses a mail over ${MAIL_LIMITS.maxFileBytes / 1024 / 1024} Mo before reading it`, async () => {
    const big = Buffer.alloc(MAIL_LIMITS.maxFileBytes + 1, 0x41);
    const error = await refusal(readMail(big, 'énorme.eml'));
    expect(error.toData()).toEqual({ code: 'too_large', message: 'Le fichier « énorme.eml » pèse un peu plus de 25 Mo : un courriel ne peut pas dépasser 25 Mo.' });
  });

  it('refuses too many attachments and too big an attachment, naming the file and the attachment', async () => {
    const many = await refusal(readMail(fixture('pieces-hostiles.eml'), 'h.eml', { limits: { maxAttachments: 3 } }));
    expect(many.toData()).toEqual({
      code: 'too_large',
      message: 'Le courriel « h.eml » contient 7 pièces jointes : au plus 3 sont acceptées. Il n’a pas été importé.',
    });
    const big = await refusal(readMail(fixture('candidature-pdf-docx.eml'), 'c.eml', { limits: { maxAttachmentBytes: 1000 } }));
    expect(big.code).toBe('too_large');
    expect(big.message).toBe(
      'La pièce jointe « CV_Camille_DURAND.docx » du courriel « c.eml » pèse un peu plus de 0 Mo : une pièce jointe ne peut pas dépasser 0 Mo. Le courriel n’a pas été importé.',
    );
  });

  it('accepts an attachment of exactly the largest size, refuses one byte more', async () => {
    const withAttachment = (size: number) =>
      eml(
        ['From: a@b.example', 'Subject: pièce', 'Date: Fri, 15 May 2026 10:00:00 +0200', 'Content-Type: multipart/mixed; boundary="b"'],
        `--b\r\nContent-Type: text/plain\r\n\r\nvoir\r\n--b\r\nContent-Type: application/pdf; name="piece.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(size, 0x25).toString('base64')}\r\n--b--\r\n`,
      );
    const limits = { maxAttachmentBytes: 3000 };
    const mail = await readMail(withAttachment(3000), 'p.eml', { limits });
    expect(mail.attachments[0]?.size).toBe(3000);
    const error = await refusal(readMail(withAttachment(3001), 'p.eml', { limits }));
    expect(error.code).toBe('too_large');
  });

  it('says « un peu plus de » when the size and the limit round alike', async () => {
    const error = await refusal(readMail(Buffer.alloc(MAIL_LIMITS.maxFileBytes + 10, 0x41), 'juste.eml'));
    expect(error.message).toBe('Le fichier « juste.eml » pèse un peu plus de 25 Mo : un courriel ne peut pas dépasser 25 Mo.');
    const big = await refusal(readMail(Buffer.alloc(30 * 1024 * 1024, 0x41), 'gros.eml'));
    expect(big.message).toBe('Le fichier « gros.eml » pèse 30 Mo : un courriel ne peut pas dépasser 25 Mo.');
  });
});

function fixtureAttachment(content: string): Buffer {
  return Buffer.from(content, 'latin1');
}

describe('readMail on the edges of real life', () => {
  it('skips a byte order mark and the « From … » line of mbox files', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      eml(['From - Fri May 15 23:30:00 2026', 'X-Mozilla-Status: 0001', 'From: Zoé <zoe@exemple.example>', 'Subject: Candidature'], 'Bonjour'),
    ]);
    const mail = await readMail(bytes, 'thunderbird.eml');
    expect(mail.from).toEqual({ name: 'Zoé', address: 'zoe@exemple.example' });
    expect(mail.bodyText).toBe('Bonjour');
  });

  it('says when the date is missing or unreadable, and keeps sentAt null', async () => {
    for (const date of [[], ['Date: hier soir']]) {
      const mail = await readMail(eml(['From: a@b.example', 'Subject: s', ...date], 'x'), 'sans-date.eml');
      expect(mail.sentAt).toBeNull();
      expect(mail.warnings).toEqual(['Le courriel « sans-date.eml » n’a pas de date d’envoi lisible : saisissez la date de réception à la main.']);
    }
  });

  it('reads a group as the sender and a subject with control characters', async () => {
    const mail = await readMail(eml(['From: Équipe: Ana <ana@exemple.example>, Bo <bo@x.example>;', 'Subject: a\tb\u0007c', 'Date: Fri, 15 May 2026 10:00:00 +0200'], ''), 'g.eml');
    expect(mail.from).toEqual({ name: 'Ana', address: 'ana@exemple.example' });
    expect(mail.subject).toBe('a b c');
    expect(mail.bodyText).toBe('');
  });

  it('treats a « TR: » whose original cannot be found as a forward from an unknown candidate', async () => {
    const mail = await readMail(
      eml(['From: Chef <chef@academie.example>', 'Subject: TR: TR: Candidature Relais – DUPONT Marc', 'Date: Fri, 15 May 2026 10:00:00 +0200'], 'Pour suite à donner.'),
      'tr.eml',
    );
    expect(mail.forwarded).toBe(true);
    expect(mail.from).toBeNull();
    expect(mail.sentAt).toBeNull();
    expect(mail.subject).toBe('Candidature Relais – DUPONT Marc');
    expect(mail.forwardedBy).toMatchObject({ from: { address: 'chef@academie.example' }, sentAt: '2026-05-15T08:00:00.000Z', original: 'not_found' });
    expect(mail.warnings).toEqual([
      'Le courriel « tr.eml » est un transfert dont le message d’origine n’a pas été retrouvé : vérifiez l’expéditeur et la date de la candidature.',
    ]);
  });

  it('reads an Outlook inline forward (« De : … [mailto:…] », « Envoyé : », « Objet : »)', async () => {
    const body = [
      'Pour information.',
      '',
      '________________________________',
      'De : Durand Camille [mailto:camille.durand@exemple.example]',
      'Envoyé : vendredi 15 mai 2026 23:59',
      'À : csti@academie.example',
      'Objet : Candidature Relais territorial du réseau Les Écrins – DURAND Camille',
      '',
      'Bonjour,',
    ].join('\r\n');
    const mail = await readMail(eml(['From: csti@academie.example', 'Subject: TR: Candidature', 'Date: Mon, 18 May 2026 09:00:00 +0200', 'Content-Type: text/plain; charset=utf-8'], body), 'o.eml');
    expect(mail.from).toEqual({ name: 'Durand Camille', address: 'camille.durand@exemple.example' });
    expect(mail.sentAt).toBe('2026-05-15T21:59:00.000Z');
    expect(mail.to).toEqual(['csti@academie.example']);
    expect(mail.subject).toBe('Candidature Relais territorial du réseau Les Écrins – DURAND Camille');
    expect(mail.bodyText).toBe('Bonjour,');
    expect(mail.forwardedBy?.bodyText).toBe('Pour information.');
  });

  it('does not unwrap several forwarded messages: they stay attached, with a warning', async () => {
    const inner = (who: string) => `From: ${who}@exemple.example\r\nSubject: Candidature ${who}\r\nDate: Fri, 15 May 2026 10:00:00 +0200\r\n\r\nBonjour`;
    const body = ['--b', 'Content-Type: text/plain', '', 'Deux candidatures.', '--b', 'Content-Type: message/rfc822', '', inner('ana'), '--b', 'Content-Type: message/rfc822', '', inner('bo'), '--b--', ''].join('\r\n');
    const mail = await readMail(eml(['From: chef@academie.example', 'Subject: Candidatures', 'Date: Fri, 15 May 2026 12:00:00 +0200', 'Content-Type: multipart/mixed; boundary=b'], body), 'deux.eml');
    expect(mail.forwarded).toBe(true);
    expect(mail.from).toBeNull();
    expect(mail.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ['piece-jointe-1.eml', 'message/rfc822'],
      ['piece-jointe-2.eml', 'message/rfc822'],
    ]);
    expect(mail.warnings).toEqual([
      'Le courriel « deux.eml » transfère 2 messages : ils sont gardés comme pièces jointes, vérifiez à quel candidat chacun se rapporte.',
    ]);
  });

  it('refuses a file of too many lines before parsing it (postal-mime spends ~10 µs on each)', async () => {
    const error = await refusal(readMail(Buffer.from(`From: a@b.example\r\n\r\n${'\n'.repeat(MAIL_LIMITS.maxLines)}`), 'lignes.eml'));
    expect(error.toData()).toEqual({
      code: 'too_large',
      message: 'Le fichier « lignes.eml » compte plus de 420\u202f000 lignes : ce n’est pas un courriel ordinaire, il n’a pas été lu par sécurité.',
    });
  });

  it('converts HTML in linear time, whatever the tags', () => {
    expect(htmlToText('<p>a<!-- b -->c</p><STYLE >x{}</style >d<script>alert(1)</script>e<br/>f&eacute;&#233;&#xE9;&bogus;&#0;')).toBe('\nac\nde\nfééé&bogus;');
    expect(htmlToText('avant<style>jamais fermé')).toBe('avant');
    const started = Date.now();
    for (const hostile of ['<'.repeat(1_000_000), '<style'.repeat(200_000), '<!--'.repeat(250_000), '<br'.repeat(300_000), '&#'.repeat(500_000)]) {
      htmlToText(hostile);
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('cuts a very long body and says so', async () => {
    const mail = await readMail(eml(['From: a@b.example', 'Subject: long', 'Date: Fri, 15 May 2026 10:00:00 +0200'], 'é'.repeat(50)), 'l.eml', { limits: { maxBodyChars: 10 } });
    expect(mail.bodyText).toBe(`${'é'.repeat(10)} […]`);
    expect(mail.warnings).toEqual(['Le texte du courriel « l.eml » dépasse 10 caractères : seul le début a été gardé.']);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing: random bytes, truncations, byte flips and splices of the fixtures.

const FIXTURE_NAMES = readdirSync(FIXTURES).filter((name) => name.endsWith('.eml'));
const FIXTURE_BYTES = FIXTURE_NAMES.map(fixture);

/** Reads and checks the outcome: a well-formed ParsedMail, or an AppError for people (never 'internal'). */
async function outcome(bytes: Uint8Array): Promise<'read' | 'refused'> {
  let mail: ParsedMail;
  try {
    mail = await readMail(bytes, 'fuzz.eml');
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`not an AppError: ${String(error)}`);
    if (error.code !== 'validation' && error.code !== 'too_large') throw new Error(`unexpected code ${error.code}: ${error.message}`);
    if (!error.message.includes('« fuzz.eml »')) throw new Error(`the file is not named: ${error.message}`);
    return 'refused';
  }
  expect(typeof mail.subject).toBe('string');
  expect(typeof mail.bodyText).toBe('string');
  expect(mail.sentAt === null || !Number.isNaN(Date.parse(mail.sentAt))).toBe(true);
  expect(Array.isArray(mail.to)).toBe(true);
  for (const attachment of mail.attachments) {
    expect(attachment.content).toBeInstanceOf(Uint8Array);
    expect(attachment.size).toBe(attachment.content.byteLength);
    expect(attachment.size).toBeGreaterThan(0);
    expect(attachment.fileName.length).toBeGreaterThan(0);
    expect(attachment.fileName).not.toMatch(/[/\\\p{Cc}]/u);
  }
  return 'read';
}

describe('readMail fuzzing (always a ParsedMail or an AppError)', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await outcome(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('random mail-like text (header lines, boundaries, encoded words)', async () => {
    const piece = fc.oneof(
      fc.constantFrom('From: ', 'Subject: ', 'Date: ', 'Content-Type: multipart/mixed; boundary="b"', 'Content-Type: message/rfc822', '--b', '--b--'),
      fc.constantFrom('Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', '=?UTF-8?B?w6k=?=', '=?x?Q?=E9?=', '=C3=A9=', 'De : x@y.example'),
      fc.constantFrom('Objet : a', 'TR: ', '\r\n', '\n', '\r\n\r\n', ';', '"', '<a@b.example>', 'Content-Disposition: attachment; filename*=UTF-8\'\'%E2%80%AE.exe'),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        await outcome(Buffer.from(pieces.join(''), 'utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('truncations of every fixture', async () => {
    for (const bytes of FIXTURE_BYTES) {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (end) => {
          await outcome(bytes.subarray(0, end));
        }),
        { numRuns: 60 },
      );
    }
  });

  it('byte flips of every fixture', async () => {
    for (const bytes of FIXTURE_BYTES) {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (flips) => {
          const copy = Buffer.from(bytes);
          for (const [at, value] of flips) copy[at] = value;
          await outcome(copy);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('splices of fixtures (parts of one mail inside another)', async () => {
    const slice = fc
      .tuple(fc.nat({ max: FIXTURE_BYTES.length - 1 }), fc.nat(), fc.nat())
      .map(([i, a, b]) => {
        const bytes = FIXTURE_BYTES[i]!;
        const start = a % (bytes.length + 1);
        return bytes.subarray(start, start + (b % 2000));
      });
    await fc.assert(
      fc.asyncProperty(fc.array(slice, { minLength: 1, maxLength: 5 }), async (slices) => {
        await outcome(Buffer.concat(slices));
      }),
      { numRuns: 200 },
    );
  });

  it('reads most damaged fixtures rather than refusing them', async () => {
    // A flipped byte or two in a real mail should rarely make it unreadable: the reader is lenient.
    let read = 0;
    for (const bytes of FIXTURE_BYTES) {
      for (let i = 0; i < 20; i++) {
        const copy = Buffer.from(bytes);
        copy[(i * 7919) % copy.length] = (i * 31) % 256;
        if ((await outcome(copy)) === 'read') read++;
      }
    }
    expect(read).toBeGreaterThan(FIXTURE_BYTES.length * 20 * 0.8);
  });
});
