// Writes the mail fixtures of tests/fixtures/mail/: .eml files shaped like what Thunderbird, Outlook and
// académie webmails save, with tiny but valid PDF and DOCX attachments. Everything is fictitious (names,
// establishments, `.example` addresses) and fixed (dates, boundaries, Message-IDs): running the script again
// gives the same bytes. The files are committed; run this only to change them, then check `git diff --stat`.
//
//   node scripts/make-mail-fixtures.mjs
//
// - candidature-pdf-docx.eml: Thunderbird-like multipart/mixed, UTF-8 text in base64, the subject and the
//   sender's accented name as RFC 2047 encoded words, an annexe 2 (PDF, name in RFC 2231 form) and a CV (DOCX).
// - quoted-printable-windows-1252.eml: multipart/alternative, text part in windows-1252 quoted-printable
//   (é, ’, €, œ), HTML part in UTF-8 quoted-printable, an ISO-8859-1 subject, a letter attached with an
//   ISO-8859-1 RFC 2047 name.
// - transfert-piece-jointe.eml: « TR: » by a head of school, her opinion attached as PDF, the candidate's
//   original mail attached as message/rfc822 (with the annexe 2 inside).
// - transfert-en-ligne.eml: « TR: » from an académie webmail (Zimbra style), the original quoted inline
//   under « ----- Mail original ----- » with a French date without zone.
// - outlook-fuseau-horaire.eml: Outlook headers (Thread-Index, X-Mailer), Date at 23:30 +0200 (21:30 UTC),
//   multipart/related with the signature's logo inline (cid:), a DOCX whose name is an encoded word.
// - html-seul.eml: HTML only (no text part), entities and a <style> block.
// - malforme-tronque.eml: multipart cut short inside a base64 attachment, no closing boundary.
// - pieces-hostiles.eml: attachments named « ../../evil.exe », « CON », « rapport\u202Efdp.exe »,
//   « C:\Windows\system32\evil.bat », a 300-character name, a name with control characters, and none.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'mail');
const CRLF = '\r\n';

// ---------------------------------------------------------------------------------------------
// Tiny documents.

/** A one-page PDF that readers open, showing `title`; the xref offsets are computed, so it is valid. */
export function tinyPdf(title) {
  const text = title.replace(/[()\\]/g, '\\$&');
  const stream = `BT /F1 16 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A stored (uncompressed) zip, fixed dates. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // 00:00
    local.writeUInt16LE(0x5c21, 12); // 2026-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** A minimal Word document (opens in Word and LibreOffice) with one paragraph per line of `text`. */
export function tinyDocx(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`)
    .join('');
  return zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
    ],
  ]);
}

/** A 1×1 transparent PNG (the signature's logo). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// ---------------------------------------------------------------------------------------------
// MIME helpers.

const base64Lines = (bytes) => (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
const encodedWordB = (text, charset = 'UTF-8') => `=?${charset}?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
/** RFC 2231 extended parameter value: UTF-8''percent-encoded. */
const rfc2231 = (text) => `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** Quoted-printable of bytes, soft line breaks at 76. */
function quotedPrintable(bytes) {
  const lines = [];
  for (const line of Buffer.from(bytes).toString('latin1').split('\n')) {
    let out = '';
    let current = '';
    const raw = line.replace(/\r$/, '');
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      const last = i === raw.length - 1;
      const plain = (code >= 33 && code <= 126 && code !== 61) || (code === 32 && !last);
      const piece = plain ? raw[i] : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + piece.length > 75) {
        out += `${current}=${CRLF}`;
        current = '';
      }
      current += piece;
    }
    lines.push(out + current);
  }
  return lines.join(CRLF);
}

function cp1252(text) {
  const special = { '’': 0x92, '€': 0x80, 'œ': 0x9c, 'Œ': 0x8c, '…': 0x85, '–': 0x96 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

function headers(list) {
  return list.map(([k, v]) => `${k}: ${v}`).join(CRLF);
}

function part(head, body) {
  return `${headers(head)}${CRLF}${CRLF}${body}`;
}

function multipart(boundary, parts, { close = true } = {}) {
  return `${parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('')}${close ? `--${boundary}--${CRLF}` : ''}`;
}

function mail(head, body) {
  return Buffer.from(`${headers(head)}${CRLF}${CRLF}${body}`, 'latin1');
}

/** Headers and body as UTF-8 text written in a latin1 string (so that `mail` keeps the bytes). */
const utf8 = (text) => Buffer.from(text, 'utf8').toString('latin1');

// ---------------------------------------------------------------------------------------------
// The fixtures.

const annexe2 = tinyPdf('Annexe 2 - Fiche de candidature - DURAND Camille');
const cv = tinyDocx('Camille DURAND\nProfesseure de physique-chimie\nLycée fictif Les Écrins');

function candidaturePdfDocx() {
  const boundary = '------------aB3dE5fG7hJ9kL1mN3pQ5rS7';
  const text = utf8(
    'Madame, Monsieur,\n\nVeuillez trouver ci-joint ma candidature à la mission de professeure relais territorial du réseau Les Écrins : l’annexe 2 complétée et mon CV.\n\nBien cordialement,\nCamille Durand-Élias\nProfesseure de physique-chimie, collège fictif des Écrins\n',
  );
  return mail(
    [
      ['Message-ID', '<4f1c2a7e-0001-4d2b-9a51-candidature@exemple.example>'],
      ['Date', 'Wed, 13 May 2026 18:42:07 +0200'],
      ['MIME-Version', '1.0'],
      ['User-Agent', 'Mozilla Thunderbird'],
      ['Content-Language', 'fr'],
      ['From', `${encodedWordB('Camille Durand-Élias')} <camille.durand@exemple.example>`],
      ['To', 'csti@academie.example'],
      ['Cc', utf8('"Secrétariat CSTI" <secretariat.csti@academie.example>')], // raw UTF-8 in a header (RFC 6532), as modern webmails write it
      ['Subject', encodedWordB('Candidature Relais territorial du réseau Les Écrins – DURAND Camille')],
      ['Content-Type', `multipart/mixed;${CRLF} boundary="${boundary}"`],
    ],
    `This is a multi-part message in MIME format.${CRLF}` +
      multipart(boundary, [
        part(
          [
            ['Content-Type', 'text/plain; charset=UTF-8; format=flowed'],
            ['Content-Transfer-Encoding', 'base64'],
          ],
          base64Lines(Buffer.from(text, 'latin1')),
        ),
        part(
          [
            ['Content-Type', 'application/pdf;\r\n name*=' + rfc2231('Annexe 2 – fiche de candidature DURAND.pdf')],
            ['Content-Disposition', 'attachment;\r\n filename*=' + rfc2231('Annexe 2 – fiche de candidature DURAND.pdf')],
            ['Content-Transfer-Encoding', 'base64'],
          ],
          base64Lines(annexe2),
        ),
        part(
          [
            ['Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document;\r\n name="CV_Camille_DURAND.docx"'],
            ['Content-Disposition', 'attachment; filename="CV_Camille_DURAND.docx"'],
            ['Content-Transfer-Encoding', 'base64'],
          ],
          base64Lines(cv),
        ),
      ]),
  );
}

function quotedPrintableWindows1252() {
  const boundary = '----=_Part_4711_1234567.1778000000000';
  const letter = tinyPdf('Lettre de motivation - BENOIT Loic');
  const text = cp1252("Bonjour,\nJe vous adresse ma candidature pour le réseau Côte Bleue – La Nerthe : l’annexe 2 suivra.\nCoût estimé des déplacements : 0 €. Cœur de la mission : l’œuvre de la CSTI, « fête de la science »…\nLoïc Benoît\n");
  const html = Buffer.from(
    '<html><body><p>Bonjour,</p><p>Je vous adresse ma candidature pour le réseau Côte Bleue – La Nerthe : l’annexe 2 suivra.</p><p>Loïc Benoît</p></body></html>',
    'utf8',
  );
  return mail(
    [
      ['Date', 'Thu, 14 May 2026 09:05:00 +0200'],
      ['From', '=?ISO-8859-1?Q?Lo=EFc_Beno=EEt?= <loic.benoit@exemple.example>'],
      ['To', '<csti@academie.example>'],
      ['Message-ID', '<qp.4711@webmail.exemple.example>'],
      ['Subject', '=?ISO-8859-1?Q?Candidature_Relais_territorial_du_r=E9seau_C=F4te_Bleue?= =?ISO-8859-1?Q?_-_La_Nerthe_-_BENOIT_Lo=EFc?='],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed; boundary="=_mixed_4712"`],
    ],
    multipart("=_mixed_4712", [
      part(
        [['Content-Type', `multipart/alternative; boundary="${boundary}"`]],
        multipart(boundary, [
          part(
            [
              ['Content-Type', 'text/plain; charset=windows-1252'],
              ['Content-Transfer-Encoding', 'quoted-printable'],
            ],
            quotedPrintable(text),
          ),
          part(
            [
              ['Content-Type', 'text/html; charset=UTF-8'],
              ['Content-Transfer-Encoding', 'quoted-printable'],
            ],
            quotedPrintable(html),
          ),
        ]),
      ),
      part(
        [
          ['Content-Type', 'application/pdf; name="=?ISO-8859-1?Q?Lettre_de_motivation_Lo=EFc.pdf?="'],
          ['Content-Disposition', 'attachment; filename="=?ISO-8859-1?Q?Lettre_de_motivation_Lo=EFc.pdf?="'],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        base64Lines(letter),
      ),
    ]),
  );
}

function originalOfLea() {
  const boundary = '=_original_lea_0001';
  const annexe = tinyPdf('Annexe 2 - MARTIN Lea');
  return mail(
    [
      ['From', `${encodedWordB('Léa Martin')} <lea.martin@exemple.example>`],
      ['To', 'principal.clg-fictif@academie.example'],
      ['Subject', encodedWordB('Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa')],
      ['Date', 'Mon, 11 May 2026 20:15:00 +0200'],
      ['Message-ID', '<original.lea@exemple.example>'],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed; boundary="${boundary}"`],
    ],
    multipart(boundary, [
      part(
        [
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        utf8('Monsieur le Principal,\nVoici ma candidature (annexe 2) ; pourriez-vous la transmettre avec votre avis ?\nLéa Martin\n'),
      ),
      part(
        [
          ['Content-Type', 'application/pdf; name="annexe_2_fiche_candidature.pdf"'],
          ['Content-Disposition', 'attachment; filename="annexe_2_fiche_candidature.pdf"'],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        base64Lines(annexe),
      ),
    ]),
  );
}

function transfertPieceJointe() {
  const boundary = '------------fwd0123456789';
  const avis = tinyPdf('Avis du chef d etablissement - MARTIN Lea - favorable');
  return mail(
    [
      ['From', `${encodedWordB('Principal du collège fictif')} <principal.clg-fictif@academie.example>`],
      ['To', 'csti@academie.example'],
      ['Subject', encodedWordB('TR: Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa')],
      ['Date', 'Fri, 15 May 2026 17:02:00 +0200'],
      ['Message-ID', '<fwd.lea@academie.example>'],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed; boundary="${boundary}"`],
    ],
    multipart(boundary, [
      part(
        [
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        utf8('Bonjour,\nJe vous transmets la candidature de Mme Martin avec mon avis favorable. Le lundi est libéré à son emploi du temps.\nLe principal\n'),
      ),
      part(
        [
          ['Content-Type', 'application/pdf; name="avis_CE_Martin.pdf"'],
          ['Content-Disposition', 'attachment; filename="avis_CE_Martin.pdf"'],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        base64Lines(avis),
      ),
      part(
        [
          ['Content-Type', 'message/rfc822; name="Candidature.eml"'],
          ['Content-Disposition', 'attachment; filename="Candidature.eml"'],
        ],
        originalOfLea().toString('latin1'),
      ),
    ]),
  );
}

function transfertEnLigne() {
  const text = utf8(
    [
      'Bonjour,',
      '',
      'Candidature reçue sur ma boîte, je vous la fais suivre.',
      'Cordialement,',
      'M. Lefort, IA-IPR',
      '',
      '----- Mail original -----',
      'De: "Hugo Bernard" <hugo.bernard@exemple.example>',
      'À: "Lefort" <ipr.lefort@academie.example>',
      'Envoyé: Vendredi 15 Mai 2026 23:30:00',
      'Objet: Candidature Relais territorial du réseau Les Écrins – BERNARD Hugo',
      '',
      'Monsieur l’Inspecteur,',
      'Vous trouverez ci-joint ma candidature et l’annexe 2.',
      'Hugo Bernard',
      '',
    ].join('\r\n'),
  );
  const boundary = '=_zimbra_fwd_42';
  return mail(
    [
      ['Date', 'Mon, 18 May 2026 08:10:12 +0200 (CEST)'],
      ['From', 'Lefort <ipr.lefort@academie.example>'],
      ['To', 'csti@academie.example'],
      ['Message-ID', '<1234.zimbra@academie.example>'],
      ['Subject', 'Fwd: Candidature Relais territorial du =?utf-8?Q?r=C3=A9seau_Les_=C3=89crins_=E2=80=93_BERNARD?= Hugo'],
      ['MIME-Version', '1.0'],
      ['X-Mailer', 'Zimbra 9.0.0_GA_4546 (ZimbraWebClient - FF115 (Linux)/9.0.0_GA_4546)'],
      ['Content-Type', `multipart/mixed; boundary="${boundary}"`],
    ],
    multipart(boundary, [
      part(
        [
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        text,
      ),
      part(
        [
          ['Content-Type', 'application/pdf; name="Annexe2_BERNARD.pdf"'],
          ['Content-Disposition', 'attachment; filename="Annexe2_BERNARD.pdf"'],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        base64Lines(tinyPdf('Annexe 2 - BERNARD Hugo')),
      ),
    ]),
  );
}

function outlookFuseauHoraire() {
  const mixed = '_004_PR1P264MB0001000000000000000_';
  const related = '_003_PR1P264MB0001000000000000000_';
  const alternative = '_000_PR1P264MB0001000000000000000_';
  const letter = tinyDocx('Lettre de motivation\nSarah Nguyen');
  const html = utf8(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>p.MsoNormal{margin:0cm;}</style></head><body lang="FR"><div class="WordSection1"><p class="MsoNormal">Madame, Monsieur,<o:p></o:p></p><p class="MsoNormal">Veuillez trouver ma lettre de motivation.<o:p></o:p></p><p class="MsoNormal">Sarah Nguyen<o:p></o:p></p><p class="MsoNormal"><img width="1" height="1" src="cid:image001.png@01DC0000.00000000" alt="logo"><o:p></o:p></p></div></body></html>',
  );
  return mail(
    [
      ['From', 'Sarah Nguyen <Sarah.Nguyen@Exemple.example>'],
      ['To', '"csti@academie.example" <csti@academie.example>'],
      ['Subject', 'Candidature Relais territorial du =?utf-8?B?csOpc2VhdSBMZXMgw4ljcmlucyDigJMgTkdVWUVOIFNhcmFo?='],
      ['Thread-Topic', 'Candidature Relais territorial'],
      ['Thread-Index', 'AdrkXyZ0abcdefghijklmnopqrstuvw=='],
      ['Date', 'Fri, 15 May 2026 23:30:00 +0200'],
      ['Message-ID', '<PR1P264MB0001000000000000000@PR1P264MB0001.FRAP264.PROD.OUTLOOK.COM>'],
      ['Accept-Language', 'fr-FR, en-US'],
      ['Content-Language', 'fr-FR'],
      ['X-MS-Has-Attach', 'yes'],
      ['X-Mailer', 'Microsoft Outlook 16.0'],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed;${CRLF}\tboundary="${mixed}"`],
    ],
    multipart(mixed, [
      part(
        [['Content-Type', `multipart/related;${CRLF}\tboundary="${related}";${CRLF}\ttype="multipart/alternative"`]],
        multipart(related, [
          part(
            [['Content-Type', `multipart/alternative;${CRLF}\tboundary="${alternative}"`]],
            multipart(alternative, [
              part(
                [
                  ['Content-Type', 'text/plain; charset="utf-8"'],
                  ['Content-Transfer-Encoding', 'base64'],
                ],
                base64Lines(Buffer.from('Madame, Monsieur,\r\nVeuillez trouver ma lettre de motivation.\r\nSarah Nguyen\r\n[logo]\r\n', 'utf8')),
              ),
              part(
                [
                  ['Content-Type', 'text/html; charset="utf-8"'],
                  ['Content-Transfer-Encoding', 'base64'],
                ],
                base64Lines(Buffer.from(html, 'latin1')),
              ),
            ]),
          ),
          part(
            [
              ['Content-Type', 'image/png; name="image001.png"'],
              ['Content-Description', 'image001.png'],
              ['Content-Disposition', 'inline; filename="image001.png"; size=70'],
              ['Content-ID', '<image001.png@01DC0000.00000000>'],
              ['Content-Transfer-Encoding', 'base64'],
            ],
            base64Lines(PNG),
          ),
        ]),
      ),
      part(
        [
          ['Content-Type', `application/vnd.openxmlformats-officedocument.wordprocessingml.document;${CRLF}\tname="${encodedWordB('Lettre de motivation – NGUYEN.docx')}"`],
          ['Content-Description', encodedWordB('Lettre de motivation – NGUYEN.docx')],
          ['Content-Disposition', `attachment;${CRLF}\tfilename="${encodedWordB('Lettre de motivation – NGUYEN.docx')}"; size=${letter.length}`],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        base64Lines(letter),
      ),
    ]),
  );
}

function htmlSeul() {
  const html = utf8(
    '<!DOCTYPE html><html><head><title>Candidature</title><style>body { font-family: Marianne; }</style><script>alert("jamais")</script></head><body><p>Bonjour,</p><p>Ma candidature&nbsp;: l&rsquo;annexe&nbsp;2 est jointe &amp; sign&eacute;e.<br>Co&ucirc;t&nbsp;: 0&nbsp;&euro; &#8211; d&#233;placements &#x2014; ok &lt;fin&gt;</p><div>Manon Petit</div></body></html>',
  );
  return mail(
    [
      ['From', 'Manon Petit <manon.petit@exemple.example>'],
      ['To', 'csti@academie.example'],
      ['Subject', 'Candidature Relais territorial du reseau Les Ecrins - PETIT Manon'],
      ['Date', 'Tue, 12 May 2026 10:00:00 +0000'],
      ['Message-ID', '<html-seul@exemple.example>'],
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Transfer-Encoding', '8bit'],
    ],
    html,
  );
}

function malformeTronque() {
  const boundary = 'tronque-boundary-0001';
  const whole = multipart(boundary, [
    part(
      [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Transfer-Encoding', '8bit'],
      ],
      utf8('Bonjour, ma candidature est jointe.\nThomas Roux\n'),
    ),
    part(
      [
        ['Content-Type', 'application/pdf; name="annexe 2.pdf"'],
        ['Content-Disposition', 'attachment; filename="annexe 2.pdf"'],
        ['Content-Transfer-Encoding', 'base64'],
      ],
      base64Lines(tinyPdf('Annexe 2 - ROUX Thomas')),
    ),
  ]);
  // Cut in the middle of the attachment's base64: no closing boundary, the PDF is incomplete.
  const cut = whole.slice(0, whole.indexOf('Content-Transfer-Encoding: base64') + 300);
  return mail(
    [
      ['From', 'Thomas Roux <thomas.roux@exemple.example>'],
      ['To', 'csti@academie.example'],
      ['Subject', 'Candidature Relais territorial du reseau Les Ecrins - ROUX Thomas'],
      ['Date', 'Wed, 13 May 2026 12:00:00 +0200'],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed; boundary="${boundary}"`],
    ],
    cut,
  );
}

function piecesHostiles() {
  const boundary = 'hostile-0001';
  const attachment = (name, type, bytes) =>
    part(
      [
        ['Content-Type', `${type}${name === null ? '' : `; name="${name}"`}`],
        ['Content-Disposition', `attachment${name === null ? '' : `; filename="${name}"`}`],
        ['Content-Transfer-Encoding', 'base64'],
      ],
      base64Lines(bytes),
    );
  const exe = Buffer.from('MZ this is not a real program, just the two magic bytes', 'latin1');
  return mail(
    [
      ['From', 'Inconnu <inconnu@exemple.example>'],
      ['To', 'csti@academie.example'],
      ['Subject', 'Pieces jointes hostiles'],
      ['Date', 'Wed, 13 May 2026 12:00:00 +0200'],
      ['Message-ID', '<hostile@exemple.example>'],
      ['MIME-Version', '1.0'],
      ['Content-Type', `multipart/mixed; boundary="${boundary}"`],
    ],
    multipart(boundary, [
      part([['Content-Type', 'text/plain; charset=us-ascii']], 'Voir les pieces jointes.'),
      attachment('../../evil.exe', 'application/octet-stream', exe),
      attachment('CON', 'application/octet-stream', Buffer.from('device name')),
      attachment(encodedWordB('rapport\u202Efdp.exe'), 'application/pdf', exe),
      attachment('C:\\\\Windows\\\\system32\\\\evil.bat', 'application/octet-stream', Buffer.from('@echo off')),
      attachment(`${'tres-long-'.repeat(30)}.pdf`, 'application/pdf', tinyPdf('long')),
      attachment(encodedWordB('avis\u0007\u0000chef\u001b.pdf'), 'application/pdf', tinyPdf('controle')),
      attachment(null, 'application/pdf', tinyPdf('sans nom')),
      attachment('vide.pdf', 'application/pdf', Buffer.alloc(0)),
    ]),
  );
}

const FIXTURES = {
  'candidature-pdf-docx.eml': candidaturePdfDocx,
  'quoted-printable-windows-1252.eml': quotedPrintableWindows1252,
  'transfert-piece-jointe.eml': transfertPieceJointe,
  'transfert-en-ligne.eml': transfertEnLigne,
  'outlook-fuseau-horaire.eml': outlookFuseauHoraire,
  'html-seul.eml': htmlSeul,
  'malforme-tronque.eml': malformeTronque,
  'pieces-hostiles.eml': piecesHostiles,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(FIXTURES)) {
    const bytes = make();
    writeFileSync(join(OUT, name), bytes);
    console.log(`${name}: ${bytes.length} octets`);
  }
}
