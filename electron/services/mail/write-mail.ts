// A mail draft as an .eml file: Outlook opens a message with « X-Unsent: 1 » as a draft ready to send, and
// Thunderbird opens any .eml (« Modifier comme nouveau »). Nothing is sent by the app: there is no network.
import { randomBytes } from 'node:crypto';

export interface DraftMail {
  from: { name: string; address: string } | null;
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  attachments: { fileName: string; mimeType: string; content: Uint8Array }[];
  date: Date;
}

const CRLF = '\r\n';

/**
 * RFC 2047 encoded words (UTF-8, base64) when the text is not plain ASCII: each word at most 75 characters,
 * cut between characters, folded on several lines (CRLF + space) — a long French subject stays valid.
 */
function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    // 45 bytes of UTF-8 give 60 base64 characters: with « =?UTF-8?B?…?= », 72 ≤ 75.
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** « Nom <adresse> »: an ASCII name with a comma or parentheses is quoted, so that it is not read as two addresses. */
function address(a: { name: string; address: string }): string {
  const name = a.name.replace(/["\\\r\n]/g, '').trim();
  if (!name) return `<${a.address}>`;
  if (!/^[\x20-\x7e]*$/.test(name)) return `${encodedWords(name)} <${a.address}>`;
  return /[()<>[\]:;@\\,."]/.test(name) ? `"${name}" <${a.address}>` : `${name} <${a.address}>`;
}

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** RFC 2231 file name parameter (UTF-8, percent-encoded), with an ASCII fallback for old readers. */
function fileNameParams(param: 'name' | 'filename', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${param}="${ascii}"; ${param}*=UTF-8''${encoded}`;
}

/** The draft, as the bytes of an .eml file. */
export function buildDraftMail(mail: DraftMail): Buffer {
  const boundary = `=_commission_${randomBytes(12).toString('hex')}`;
  const headers = [
    ...(mail.from ? [`From: ${address(mail.from)}`] : []),
    `To: ${mail.to.map(address).join(', ')}`,
    `Subject: ${encodedWords(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(mail.text.replace(/\r?\n/g, CRLF), 'utf8'))].join(CRLF),
    ...mail.attachments.map((a) =>
      [
        `--${boundary}`,
        `Content-Type: ${a.mimeType}; ${fileNameParams('name', a.fileName)}`,
        `Content-Disposition: attachment; ${fileNameParams('filename', a.fileName)}`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(a.content),
      ].join(CRLF),
    ),
  ];
  return Buffer.from([...headers, '', 'Ce message est au format MIME.', ...parts, `--${boundary}--`, ''].join(CRLF), 'utf8');
}
