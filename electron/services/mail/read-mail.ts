// Reads an application mail the secretariat dropped or picked (.eml, as Thunderbird, Outlook or a webmail
// saves it) into what the app keeps: the candidate's address, when the mail was sent, its subject and text,
// and its attachments, decoded, with names safe to show and save. Parsed with postal-mime; nothing in the
// mail is ever run. Throws AppError only ('validation', 'too_large'; 'internal' for a bug of ours).
//
// Forwarded mails: a mail whose subject starts with « TR: », « Fwd: » or « Fw: », or that carries another
// message as an attachment (message/rfc822), is a forward. The candidate's message is then the one inside:
// its sender, date, subject, text and attachments are read as the application's, the forward itself is kept
// as `forwardedBy` (who forwarded it, when, and the note they wrote: a head of school's opinion, often), and
// its own attachments are added to the candidate's. A message forwarded inline (quoted in the text, under
// « -------- Message transféré -------- », « De : … Envoyé : … Objet : … ») is read from that header block.
//
// Outlook .msg files are refused with a message that says how to save the mail as .eml: the one maintained
// reader (@kenjiuno/msgreader) reads real .msg files well but can exhaust the memory on a truncated or damaged
// one, which in Node stops the whole process, even from a worker thread.
//
// Cost: runs in the calling thread. A real mail takes milliseconds; the worst a hostile file can do within the
// limits (25 Mo of short text lines, just under maxLines) is about 5 s of parsing. Known limit of postal-mime:
// a part sent with Content-Transfer-Encoding « binary » or « 8bit » (rare: mail programs encode attachments in
// base64) has its line ends normalised to LF, which damages a binary attachment sent that way.
import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import { AppError } from '../../../shared/contract/errors.js';
import { classifyAttachment, sanitizeAttachmentName } from '../../../shared/domain/admissibility/documents.js';
import type { DocumentKind } from '../../../shared/model/admissibility.js';
import type { IsoInstant } from '../../../shared/model/entities.js';
import { frenchInteger, megabytes, MIB } from '../excel/messages.js';
import { parseForwardedDate, parseMailDate } from './mail-date.js';

export interface MailLimits {
  /** Largest .eml accepted, checked before anything else. */
  maxFileBytes: number;
  /** Most attachments in one mail (a forwarded message's included). */
  maxAttachments: number;
  /** Largest attachment, once decoded. */
  maxAttachmentBytes: number;
  /** Longest body text kept, in characters; a longer one is cut (and said so). */
  maxBodyChars: number;
  /**
   * Most lines in the file. postal-mime spends about 10 µs on each line of a text part, so a file of millions
   * of empty lines would block the process for minutes; a real 25 Mo mail (base64 lines of 76 characters)
   * has about 340 000.
   */
  maxLines: number;
}

export const MAIL_LIMITS: MailLimits = {
  maxFileBytes: 25 * MIB,
  maxAttachments: 50,
  maxAttachmentBytes: 20 * MIB,
  maxBodyChars: 100_000,
  maxLines: 420_000,
};

export interface MailAddress {
  /** Display name as decoded (« Camille Durand-Élias »), '' when the mail gives none. */
  name: string;
  /** Lower-case; '' when the header names no address. */
  address: string;
}

export interface MailAttachment {
  /** Safe to show, store and save under (see sanitizeAttachmentName): no path, no control or bidi marks. */
  fileName: string;
  /** The name as the mail gave it (decoded), null when it gave none: kept for the record only, never used as a path. */
  originalName: string | null;
  /** As declared by the mail, lower-case, parameters removed; application/octet-stream when absent or malformed. */
  mimeType: string;
  /** Bytes, decoded. */
  size: number;
  content: Uint8Array;
  /** An image the HTML shows inline (a signature's logo, mostly), rather than a document attached. */
  inline: boolean;
  /** Guess from the name and description (classifyAttachment): the secretariat can correct it. */
  kind: DocumentKind;
}

/** The mail that forwarded the candidate's message. */
export interface ForwardInfo {
  from: MailAddress | null;
  sentAt: IsoInstant | null;
  subject: string;
  /** What the forwarder wrote above the forwarded message. */
  bodyText: string;
  /** Where the candidate's message was found: attached, quoted in the text, or not found (subject only). */
  original: 'attached' | 'inline' | 'not_found';
}

export interface ParsedMail {
  fileName: string;
  /** The candidate's address: the forwarded message's sender for a forward; null when unknown. */
  from: MailAddress | null;
  /** Addresses the candidate's message was sent to, lower-case. */
  to: string[];
  /** The candidate's subject ('' when none); for a forward whose original was not found, without « TR: ». */
  subject: string;
  /**
   * When the candidate's message was sent, from its Date header; null when absent or unreadable. For a
   * forward whose original date could not be read, null too: `forwardedBy.sentAt` (when the forward was sent)
   * is then the latest the application can have been sent.
   */
  sentAt: IsoInstant | null;
  /** Message-ID of the mail read (the outer one for a forward), angle brackets included; null when absent. */
  messageId: string | null;
  /** Plain text: the text part, or the HTML part as text; cut at MAIL_LIMITS.maxBodyChars. */
  bodyText: string;
  attachments: MailAttachment[];
  forwarded: boolean;
  forwardedBy: ForwardInfo | null;
  /** French, for the secretariat: what was read with a doubt or left out. */
  warnings: string[];
}

/** « 30 Mo », or « un peu plus de 25 Mo » when the size would read like the limit. */
export function weight(size: number, max: number): string {
  return megabytes(size) === megabytes(max) ? `un peu plus de ${megabytes(max)}` : megabytes(size);
}

export const mailErrors = {
  empty: (file: string) => new AppError('validation', `Le fichier « ${file} » est vide.`),
  tooBig: (file: string, size: number, max: number) =>
    new AppError('too_large', `Le fichier « ${file} » pèse ${weight(size, max)} : un courriel ne peut pas dépasser ${megabytes(max)}.`),
  msg: (file: string) =>
    new AppError(
      'validation',
      `Le fichier « ${file} » est au format Outlook .msg : enregistrez le message au format .eml (Fichier › Enregistrer sous) puis déposez-le à nouveau.`,
    ),
  tooManyLines: (file: string, max: number) =>
    new AppError(
      'too_large',
      `Le fichier « ${file} » compte plus de ${frenchInteger(max)} lignes : ce n’est pas un courriel ordinaire, il n’a pas été lu par sécurité.`,
    ),
  notMail: (file: string) => new AppError('validation', `Le fichier « ${file} » n’est pas un courriel lisible (.eml).`),
  tooManyAttachments: (file: string, count: number, max: number) =>
    new AppError(
      'too_large',
      `Le courriel « ${file} » contient ${frenchInteger(count)} pièces jointes : au plus ${frenchInteger(max)} sont acceptées. Il n’a pas été importé.`,
    ),
  attachmentTooBig: (file: string, attachment: string, size: number, max: number) =>
    new AppError(
      'too_large',
      `La pièce jointe « ${attachment} » du courriel « ${file} » pèse ${weight(size, max)} : une pièce jointe ne peut pas dépasser ${megabytes(max)}. Le courriel n’a pas été importé.`,
    ),
  internal: (file: string) =>
    new AppError('internal', `Erreur interne pendant la lecture du courriel « ${file} » : le détail est dans le journal technique.`),
};

const mailWarnings = {
  truncated: (file: string) =>
    `Le courriel « ${file} » semble incomplet (fichier tronqué ou endommagé) : vérifiez ses pièces jointes, la dernière peut être abîmée.`,
  noDate: (file: string) => `Le courriel « ${file} » n’a pas de date d’envoi lisible : saisissez la date de réception à la main.`,
  emptyAttachment: (file: string, attachment: string) => `La pièce jointe « ${attachment} » du courriel « ${file} » est vide : elle n’a pas été gardée.`,
  bodyCut: (file: string, max: number) => `Le texte du courriel « ${file} » dépasse ${frenchInteger(max)} caractères : seul le début a été gardé.`,
  originalNotFound: (file: string) =>
    `Le courriel « ${file} » est un transfert dont le message d’origine n’a pas été retrouvé : vérifiez l’expéditeur et la date de la candidature.`,
  originalUnreadable: (file: string) =>
    `Le message transféré dans le courriel « ${file} » est illisible : il est gardé comme pièce jointe, l’expéditeur retenu est celui du transfert.`,
  severalForwarded: (file: string, count: number) =>
    `Le courriel « ${file} » transfère ${frenchInteger(count)} messages : ils sont gardés comme pièces jointes, vérifiez à quel candidat chacun se rapporte.`,
};

export interface ReadMailOptions {
  /** Defaults: MAIL_LIMITS (tests lower them). */
  limits?: Partial<MailLimits>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Headers of which a mail has at least one; a file with none of them is not a mail. */
const MAIL_HEADERS = new Set(['from', 'sender', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'delivered-to']);
const POSTAL_OPTIONS = { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' } as const;
/** « TR: », « Fwd: », « Fw: » (possibly among other prefixes: « [CSTI] TR: », « RE: TR: »). */
const FORWARD_PREFIX = /^\s*(?:(?:re|aw|réf|ref)\s*:\s*|\[[^\]]{0,40}\]\s*)*(?:tr|fwd?|wg)\s*(?:\[\d+\]|\(\d+\))?\s*:/i;
const FORWARD_PREFIXES = /^\s*(?:(?:tr|fwd?|wg)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+/i;

/** Reads one .eml. See the header of this file. */
export async function readMail(bytes: Uint8Array, fileName: string, options: ReadMailOptions = {}): Promise<ParsedMail> {
  const limits: MailLimits = { ...MAIL_LIMITS };
  for (const [key, value] of Object.entries(options.limits ?? {}) as [keyof MailLimits, number | undefined][]) {
    if (value !== undefined) limits[key] = value;
  }
  if (bytes.byteLength === 0) throw mailErrors.empty(fileName);
  if (bytes.byteLength > limits.maxFileBytes) throw mailErrors.tooBig(fileName, bytes.byteLength, limits.maxFileBytes);
  if (bytes.byteLength >= 4 && OLE_MAGIC.every((b, i) => bytes[i] === b)) throw mailErrors.msg(fileName);
  if (moreLinesThan(bytes, limits.maxLines)) throw mailErrors.tooManyLines(fileName, limits.maxLines);
  try {
    return await read(bytes, fileName, limits);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Without the file's name: it usually holds the candidate's (the technical log is not personal data).
    console.error('[courriel] lecture impossible :', error);
    throw mailErrors.internal(fileName);
  }
}

function moreLinesThan(bytes: Uint8Array, max: number): boolean {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && ++lines > max) return true;
  }
  return false;
}

async function read(bytes: Uint8Array, fileName: string, limits: MailLimits): Promise<ParsedMail> {
  const raw = withoutPreamble(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!startsLikeHeaders(raw)) throw mailErrors.notMail(fileName);
  const outer = await parse(raw);
  if (!outer || !isMail(outer)) throw mailErrors.notMail(fileName);

  const warnings: string[] = [];
  if (looksTruncated(raw)) warnings.push(mailWarnings.truncated(fileName));

  const outerBody = bodyOf(outer, limits.maxBodyChars);
  const outerInfo = {
    from: mailbox(outer.from),
    to: addresses(outer.to),
    subject: clean(outer.subject),
    sentAt: dateOf(outer),
  };
  const forwardedMessages = outer.attachments.filter((a) => a.mimeType === 'message/rfc822');
  let candidate = { ...outerInfo, bodyText: outerBody };
  let attachments = outer.attachments;
  let forwardedBy: ForwardInfo | null = null;

  if (forwardedMessages.length === 1) {
    const part = forwardedMessages[0]!;
    const inner = await parse(Buffer.from(contentOf(part)));
    if (inner && isMail(inner)) {
      candidate = { from: mailbox(inner.from), to: addresses(inner.to), subject: clean(inner.subject), sentAt: dateOf(inner), bodyText: bodyOf(inner, limits.maxBodyChars) };
      attachments = [...inner.attachments, ...outer.attachments.filter((a) => a !== part)];
      forwardedBy = { ...forwardOf(outerInfo), bodyText: outerBody, original: 'attached' };
      if (looksTruncated(Buffer.from(contentOf(part)))) pushOnce(warnings, mailWarnings.truncated(fileName));
    } else {
      warnings.push(mailWarnings.originalUnreadable(fileName));
      forwardedBy = { ...forwardOf(outerInfo), bodyText: outerBody, original: 'not_found' };
    }
  } else if (forwardedMessages.length > 1) {
    warnings.push(mailWarnings.severalForwarded(fileName, forwardedMessages.length));
    candidate = { ...candidate, from: null, sentAt: null, subject: stripForwardPrefixes(outerInfo.subject) };
    forwardedBy = { ...forwardOf(outerInfo), bodyText: outerBody, original: 'not_found' };
  } else if (FORWARD_PREFIX.test(outerInfo.subject) || hasForwardSeparator(outerBody)) {
    const quoted = findForwardedBlock(outerBody);
    if (quoted) {
      candidate = {
        from: quoted.from,
        to: quoted.to,
        subject: quoted.subject || stripForwardPrefixes(outerInfo.subject),
        sentAt: quoted.sentAt,
        bodyText: quoted.after,
      };
      forwardedBy = { ...forwardOf(outerInfo), bodyText: quoted.before, original: 'inline' };
    } else {
      warnings.push(mailWarnings.originalNotFound(fileName));
      candidate = { ...outerInfo, from: null, sentAt: null, subject: stripForwardPrefixes(outerInfo.subject), bodyText: outerBody };
      forwardedBy = { ...forwardOf(outerInfo), bodyText: outerBody, original: 'not_found' };
    }
  }
  if (!candidate.sentAt && !forwardedBy?.sentAt) warnings.push(mailWarnings.noDate(fileName));

  let bodyText = candidate.bodyText;
  if (bodyText.length > limits.maxBodyChars) {
    bodyText = `${Array.from(bodyText.slice(0, limits.maxBodyChars + 1)).slice(0, limits.maxBodyChars).join('')} […]`;
    warnings.push(mailWarnings.bodyCut(fileName, limits.maxBodyChars));
  }

  return {
    fileName,
    from: candidate.from,
    to: candidate.to,
    subject: candidate.subject,
    sentAt: candidate.sentAt,
    messageId: clean(outer.messageId) || null,
    bodyText,
    attachments: collectAttachments(attachments, fileName, limits, warnings),
    forwarded: forwardedBy !== null,
    forwardedBy,
    warnings,
  };
}

/** postal-mime's result, or null when it gave up (it throws on nesting or header sizes beyond its limits). */
async function parse(raw: Buffer): Promise<Email | null> {
  try {
    return await PostalMime.parse(raw, POSTAL_OPTIONS);
  } catch {
    return null;
  }
}

function isMail(email: Email): boolean {
  return Array.isArray(email.headers) && email.headers.some((h) => MAIL_HEADERS.has(h.key));
}

/** Without a UTF-8 byte order mark and without the « From … » line of mbox files (Thunderbird's local folders). */
function withoutPreamble(raw: Buffer): Buffer {
  let start = 0;
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) start = 3;
  while (start < raw.length && (raw[start] === 0x0d || raw[start] === 0x0a)) start++;
  if (raw.subarray(start, start + 5).toString('latin1') === 'From ') {
    const eol = raw.indexOf(0x0a, start);
    if (eol < 0) return raw.subarray(raw.length);
    start = eol + 1;
  }
  return raw.subarray(start);
}

/** A mail starts with a header line (« Name: value »); its headers hold no NUL byte. */
function startsLikeHeaders(raw: Buffer): boolean {
  const firstLine = raw.subarray(0, Math.min(raw.length, 1000)).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  if (!/^[!-9;-~]{1,76}[ \t]*:/.test(firstLine)) return false;
  const end = headerEnd(raw);
  return raw.subarray(0, end).indexOf(0) < 0;
}

function headerEnd(raw: Buffer): number {
  const limit = Math.min(raw.length, 2 * MIB);
  const crlf = raw.subarray(0, limit).indexOf('\r\n\r\n');
  const lf = raw.subarray(0, limit).indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : limit;
}

/** Some multipart boundary is declared but never closed: the file was cut short (or its end damaged). */
function looksTruncated(raw: Buffer): boolean {
  const text = raw.toString('latin1');
  const declared = /\bboundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;
  const seen = new Set<string>();
  for (let m = declared.exec(text); m; m = declared.exec(text)) {
    const boundary = m[1] ?? m[2]!;
    if (seen.has(boundary)) continue;
    seen.add(boundary);
    if (!text.includes(`--${boundary}--`)) return true;
    if (seen.size >= 20) break;
  }
  return false;
}

function pushOnce(list: string[], message: string): void {
  if (!list.includes(message)) list.push(message);
}

/** Windows-1252's characters at 0x80–0x9F, in order ('' where the code page has none). */
const CP1252_C1 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/**
 * C1 control characters (U+0080–U+009F) back to the Windows-1252 characters they were. They only appear in
 * text when Windows-1252 was decoded as ISO-8859-1 (mislabelled mails; and Node 20's TextDecoder, which
 * decodes windows-1252 as ISO-8859-1): « l’annexe », « 0 € », « cœur » would otherwise lose their characters.
 */
function fromC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!.replace('\u0000', ''));
}

function clean(value: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters have no place in a header shown to people
  return fromC1(value ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

function mailbox(address: Address | undefined): MailAddress | null {
  if (!address) return null;
  const box = address.group ? address.group[0] : address;
  if (!box) return address.name ? { name: clean(address.name), address: '' } : null;
  const name = clean(box.name).replace(/^["']+|["']+$/g, '');
  const email = clean(box.address).toLowerCase();
  if (!name && !email) return null;
  return { name, address: email };
}

function addresses(list: Address[] | undefined): string[] {
  const out: string[] = [];
  for (const item of list ?? []) {
    for (const box of item.group ?? [item]) {
      const email = clean(box.address).toLowerCase();
      if (email && !out.includes(email)) out.push(email);
    }
  }
  return out;
}

/** From the raw Date header: postal-mime's own reading accepts what JavaScript's Date accepts, i.e. anything. */
function dateOf(email: Email): IsoInstant | null {
  return parseMailDate(email.headers.find((h) => h.key === 'date')?.value);
}

function forwardOf(info: { from: MailAddress | null; sentAt: IsoInstant | null; subject: string }) {
  return { from: info.from, sentAt: info.sentAt, subject: info.subject };
}

function stripForwardPrefixes(subject: string): string {
  return subject.replace(FORWARD_PREFIXES, '').trim();
}

function contentOf(attachment: Attachment): Uint8Array {
  const { content } = attachment;
  if (typeof content === 'string') return Buffer.from(content, attachment.encoding === 'base64' ? 'base64' : 'utf8');
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

// ---------------------------------------------------------------------------------------------
// Text.

/** The text of a mail, tidied; only its first 2 × `maxChars` characters are looked at (the rest would be cut). */
function bodyOf(email: Email, maxChars: number): string {
  const cap = 2 * maxChars + 1;
  const text = email.text && email.text.trim() ? email.text.slice(0, cap) : email.html ? htmlToText(email.html.slice(0, 4 * cap)).slice(0, cap) : '';
  return tidy(text);
}

function tidy(text: string): string {
  return fromC1(text)
    // eslint-disable-next-line no-control-regex -- stray control characters (not tabs or line breaks) are dropped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: '\'',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  ccedil: 'ç',
  icirc: 'î',
  iuml: 'ï',
  ocirc: 'ô',
  ouml: 'ö',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  oelig: 'œ',
  aelig: 'æ',
  Eacute: 'É',
  Egrave: 'È',
  Ecirc: 'Ê',
  Agrave: 'À',
  Ccedil: 'Ç',
  OElig: 'Œ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  euro: '€',
  deg: '°',
  copy: '©',
  bull: '•',
  middot: '·',
};

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '';
}

/** `html` without the spans from each `open` to the next `close` (to the end when unclosed), in one pass. */
function dropSpans(html: string, open: RegExp, close: (opened: string) => string): string {
  let out = '';
  let from = 0;
  const lower = html.toLowerCase();
  for (;;) {
    open.lastIndex = from;
    const m = open.exec(lower);
    if (!m) return out + html.slice(from);
    out += html.slice(from, m.index);
    const closing = close(m[0]);
    const end = lower.indexOf(closing, m.index + m[0].length);
    if (end < 0) return out;
    from = end + closing.length;
    // « </style » is followed by « > » (perhaps after spaces): skip to it.
    if (!closing.endsWith('>')) {
      const gt = lower.indexOf('>', from);
      from = gt < 0 ? html.length : gt + 1;
    }
  }
}

/**
 * HTML as plain text, crudely: comments, head, scripts and styles dropped, block ends as line breaks, tags
 * removed, entities decoded. Linear: no pattern here can backtrack over the whole text (a hostile mail may
 * hold megabytes of « < » or of unclosed « <style »).
 */
export function htmlToText(html: string): string {
  const withoutComments = dropSpans(html, /<!--/g, () => '-->');
  const withoutCode = dropSpans(withoutComments, /<(head|style|script|title)\b/g, (opened) => `</${opened.slice(1)}`);
  return withoutCode
    .replace(/<br\b[^<>]*>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote|pre)\s*>/gi, '\n')
    .replace(/<(p|div|tr|li|h[1-6]|table|blockquote)\b[^<>]*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^<>]*>/g, '')
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/&([a-z]{2,8});/gi, (entity: string, name: string) => ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/[ \t]+/g, (spaces: string) => (spaces.includes('\t') ? '\t' : ' '));
}

// ---------------------------------------------------------------------------------------------
// Inline forwards.

/** The line mail programs write above a message forwarded inline. */
const FORWARD_SEPARATOR =
  /^[ \t>]*(?:-{2,}|_{2,})?[ \t]*(?:message transf[ée]r[ée]|message d['’]origine|mail original|message original|original message|forwarded message|message forwarded|message réexpédié)[ \t]*(?:-{2,}|_{2,})?[ \t]*$/i;

/** Whether a line of the first 2 000 is a forward separator (line by line: no pattern runs over the whole text). */
function hasForwardSeparator(text: string): boolean {
  return text
    .split('\n', 2000)
    .some((line) => line.length < 200 && FORWARD_SEPARATOR.test(line));
}
/** « De : … », « **From:** … », « > Objet: … ». */
const HEADER_LINE = /^[ \t>]*\**[ \t]*([A-Za-zÀ-ÿ]{1,14}(?: [a-z]{1,3})?)[ \t]*\**[ \t]*:[ \t]*\**[ \t]*(.*)$/;
const KEYS: Record<string, 'from' | 'date' | 'to' | 'cc' | 'subject'> = {
  de: 'from',
  from: 'from',
  expediteur: 'from',
  date: 'date',
  envoye: 'date',
  'envoye le': 'date',
  sent: 'date',
  a: 'to',
  to: 'to',
  pour: 'to',
  destinataire: 'to',
  destinataires: 'to',
  cc: 'cc',
  copie: 'cc',
  objet: 'subject',
  subject: 'subject',
  sujet: 'subject',
};
const EMAIL = /[^\s<>"'[\](),;:]+@[^\s<>"'[\](),;:]+\.[a-z]{2,}/gi;

function foldKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

interface QuotedMessage {
  from: MailAddress | null;
  to: string[];
  subject: string;
  sentAt: IsoInstant | null;
  /** The forwarder's text, above the block. */
  before: string;
  /** The forwarded message's text, below the block. */
  after: string;
}

/** The first block of header lines naming at least a sender and a subject (or a date). */
function findForwardedBlock(text: string): QuotedMessage | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < 2000; i++) {
    if (lines[i]!.length > 1000) continue;
    const first = HEADER_LINE.exec(lines[i]!);
    if (!first || KEYS[foldKey(first[1]!)] !== 'from') continue;
    const fields: Partial<Record<'from' | 'date' | 'to' | 'cc' | 'subject', string>> = {};
    let j = i;
    for (; j < lines.length && j < i + 12; j++) {
      const m = lines[j]!.length > 1000 ? null : HEADER_LINE.exec(lines[j]!);
      const key = m ? KEYS[foldKey(m[1]!)] : undefined;
      if (!m || !key) break;
      fields[key] ??= m[2]!.replace(/\*+$/, '').trim();
    }
    if (fields.subject === undefined && fields.date === undefined) continue;
    let before = lines.slice(0, i);
    while (before.length && (FORWARD_SEPARATOR.test(before.at(-1)!) || /^[ \t>]*[-_=]{5,}[ \t]*$/.test(before.at(-1)!) || !before.at(-1)!.trim())) {
      before = before.slice(0, -1);
    }
    return {
      from: quotedAddress(fields.from ?? ''),
      to: [...new Set((fields.to ?? '').match(EMAIL) ?? [])].map((a) => a.toLowerCase()),
      subject: clean(fields.subject),
      sentAt: fields.date ? parseForwardedDate(fields.date) : null,
      before: tidy(before.join('\n')),
      after: tidy(
        lines
          .slice(j)
          .map((line) => line.replace(/^>[ \t]?/, ''))
          .join('\n'),
      ),
    };
  }
  return null;
}

/** « "Léa Martin" <lea@x.example> », « Léa Martin [mailto:lea@x.example] », « lea@x.example ». */
function quotedAddress(value: string): MailAddress | null {
  const found = value.match(EMAIL);
  const address = (found?.[0] ?? '').toLowerCase();
  const name = clean(
    value
      .replace(/\[mailto:[^\]]*\]|<mailto:[^>]*>|<[^>]*>/gi, ' ')
      .replace(EMAIL, ' ')
      .replace(/[*"'()[\]<>]/g, ' '),
  );
  if (!name && !address) return null;
  return { name, address };
}

// ---------------------------------------------------------------------------------------------
// Attachments.

function collectAttachments(parts: Attachment[], fileName: string, limits: MailLimits, warnings: string[]): MailAttachment[] {
  const kept: MailAttachment[] = [];
  for (const part of parts) {
    const content = contentOf(part);
    const mimeType = cleanMimeType(part.mimeType);
    const originalName = part.filename ? clean(part.filename) || null : null;
    const name = sanitizeAttachmentName(originalName, mimeType, kept.length + 1);
    if (content.byteLength === 0) {
      warnings.push(mailWarnings.emptyAttachment(fileName, name));
      continue;
    }
    if (content.byteLength > limits.maxAttachmentBytes) throw mailErrors.attachmentTooBig(fileName, name, content.byteLength, limits.maxAttachmentBytes);
    kept.push({
      fileName: name,
      originalName,
      mimeType,
      size: content.byteLength,
      content,
      inline: part.related === true && mimeType.startsWith('image/'),
      kind: classifyAttachment(name, mimeType, part.description),
    });
  }
  if (kept.length > limits.maxAttachments) throw mailErrors.tooManyAttachments(fileName, kept.length, limits.maxAttachments);
  return kept;
}

function cleanMimeType(value: string | undefined): string {
  const type = (value ?? '').toLowerCase().split(';')[0]!.trim();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type) ? type : 'application/octet-stream';
}
