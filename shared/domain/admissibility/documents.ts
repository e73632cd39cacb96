// The documents of an application as they arrive attached to a mail: what kind each one probably is (from
// its name, as candidates and heads of school actually name them), a file name safe to show, save and
// download, and the names the desktop app must never hand to the system to open. Pure: the renderer uses it too.
import type { DocumentKind } from '../../model/admissibility.js';

/** Longest attachment name kept, in characters (the extension included). */
export const MAX_ATTACHMENT_NAME = 150;

/**
 * Words of a name: accents and case removed, split on anything that is not a letter or a digit, on
 * lower-to-upper case changes (« LettreMotivation ») and between letters and digits (« annexe2 »).
 */
export function nameWords(text: string): string[] {
  return text
    .replace(/([a-zà-ÿ])([A-ZÀ-Þ])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The name without its extension (« CV Durand.pdf » → « CV Durand »); a leading dot is not an extension. */
function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && fileName.length - dot <= 10 ? fileName.slice(0, dot) : fileName;
}

const has = (words: string[], ...wanted: string[]) => wanted.some((w) => words.includes(w));
/** Whether `sequence` appears in `words`, word after word. */
const hasRun = (words: string[], ...sequence: string[]) =>
  words.some((_, i) => sequence.every((w, j) => words[i + j] === w));

/** Words naming the head of school (or, in the premier degré, the IEN) whose opinion is attached. */
const HEAD_WORDS = [
  'chef',
  'ce',
  'cde',
  'principal',
  'principale',
  'proviseur',
  'proviseure',
  'directeur',
  'directrice',
  'etablissement',
  'etab',
  'hierarchique',
  'hierarchie',
  'superieur',
  'ien',
  'favorable',
  'defavorable',
  'motive',
];

/** Rules tried in this order on the words of the name: the first that matches wins. */
const NAME_RULES: { kind: Exclude<DocumentKind, 'autre'>; test: (w: string[]) => boolean }[] = [
  {
    kind: 'annexe2',
    test: (w) =>
      hasRun(w, 'annexe', '2') ||
      hasRun(w, 'annexe', 'ii') ||
      hasRun(w, 'anx', '2') ||
      hasRun(w, 'fiche', 'candidature') ||
      hasRun(w, 'fiche', 'de', 'candidature') ||
      hasRun(w, 'dossier', 'de', 'candidature') ||
      hasRun(w, 'formulaire', 'de', 'candidature') ||
      hasRun(w, 'formulaire', 'candidature'),
  },
  {
    kind: 'avis_chef',
    // « avis » alone counts: among the pieces of an application, the only opinion is the head of school's.
    test: (w) => has(w, 'avis') || (has(w, 'visa') && has(w, ...HEAD_WORDS)),
  },
  {
    kind: 'cv',
    test: (w) => has(w, 'cv', 'curriculum') || hasRun(w, 'c', 'v'),
  },
  {
    kind: 'lettre_motivation',
    test: (w) => has(w, 'lm', 'motivation', 'motivations', 'motiv') || hasRun(w, 'lettre', 'de', 'candidature'),
  },
];

/** Phrases looked for in a text hint (a description, the first page of a document): longer, hence safer. */
const HINT_RULES: { kind: Exclude<DocumentKind, 'autre'>; test: (w: string[]) => boolean }[] = [
  { kind: 'annexe2', test: (w) => hasRun(w, 'annexe', '2') || hasRun(w, 'fiche', 'de', 'candidature') },
  {
    kind: 'avis_chef',
    test: (w) =>
      hasRun(w, 'avis', 'du', 'chef') ||
      hasRun(w, 'avis', 'motive', 'du', 'chef') ||
      hasRun(w, 'avis', 'du', 'principal') ||
      hasRun(w, 'avis', 'du', 'proviseur') ||
      hasRun(w, 'avis', 'de', 'l', 'ien'),
  },
  { kind: 'cv', test: (w) => hasRun(w, 'curriculum', 'vitae') },
  { kind: 'lettre_motivation', test: (w) => hasRun(w, 'lettre', 'de', 'motivation') },
];

/**
 * A guess at what an attachment is, from its name first, then from `textHint` (its description, or the
 * text of its first page when the caller has it). Images whose name says nothing (« image001.png », an
 * e-mail signature's logo) and anything unrecognised are 'autre'. The secretariat can always correct it.
 */
export function classifyAttachment(fileName: string, mimeType: string, textHint?: string | null): DocumentKind {
  const words = nameWords(stem(fileName));
  for (const rule of NAME_RULES) if (rule.test(words)) return rule.kind;
  if (textHint && !mimeType.toLowerCase().startsWith('image/')) {
    const hint = nameWords(textHint.slice(0, 5000));
    for (const rule of HINT_RULES) if (rule.test(hint)) return rule.kind;
  }
  return 'autre';
}

// ---------------------------------------------------------------------------------------------
// Names.

/** Extension for a MIME type, for attachments that came without a name (or without an extension). */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/zip': 'zip',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
};

export function extensionForMimeType(mimeType: string): string | null {
  return EXTENSIONS[mimeType.toLowerCase().split(';')[0]!.trim()] ?? null;
}

/** Characters that change how a name reads without being seen: bidirectional overrides, zero-width marks. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Characters Windows refuses in a file name (the path separators are dealt with before). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
/** Names Windows reserves for devices, whatever their extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** Cuts to `max` characters without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * A name safe to show, to store in the database and to save a copy under on any system:
 * - only the last part of a path (« ../../evil.exe » → « evil.exe », « C:\x\y.pdf » → « y.pdf »);
 * - no control characters and no invisible or bidirectional marks (« rapport\u202Efdp.exe » shows as
 *   « rapportfdp.exe », its real extension);
 * - characters Windows refuses replaced by « _ », no leading dots, no trailing dots or spaces, Unicode NFC;
 * - Windows device names (« CON », « nul.txt ») prefixed by « _ »;
 * - at most 150 characters, the extension kept;
 * - an extension added from the MIME type when there is none;
 * - « piece-jointe-N.ext » when nothing is left (N is `index`, from 1).
 */
export function sanitizeAttachmentName(raw: string | null | undefined, mimeType: string, index: number): string {
  const known = extensionForMimeType(mimeType);
  let name = (raw ?? '').normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(name)) return `piece-jointe-${index}${known ? `.${known}` : ''}`;
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot + 1) : '';
  if (ext.length > 10 || !/^[\p{L}\p{N}_-]+$/u.test(ext)) {
    base = name;
    ext = '';
  }
  if (!ext && known) ext = known;
  const suffix = ext ? `.${ext}` : '';
  base = cut(base, MAX_ATTACHMENT_NAME - suffix.length).replace(/[\s.]+$/, '');
  return `${base}${suffix}`;
}

/**
 * The only documents the desktop app opens with the system's application: formats that cannot carry a
 * program or a macro (docx/xlsx/pptx cannot: their macro-enabled twins are .docm/.xlsm/.pptm). Anything else
 * — programs, scripts, shortcuts, web pages, legacy .doc/.xls (macros), archives, unknown formats — can only be
 * saved: an allow-list, because a block-list always misses one (.xll, .one, .rdp, .fileloc…).
 */
const OPENABLE_EXTENSIONS = new Set([
  'pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'tif', 'tiff', 'bmp',
]);

/** Whether the desktop app must refuse to open this document with the system (see OPENABLE_EXTENSIONS). */
export function isUnsafeToOpen(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return true; // no extension: the system would guess, possibly as a program
  return !OPENABLE_EXTENSIONS.has(fileName.slice(dot + 1).toLowerCase());
}

/** The MIME type a document's extension announces (for a document added by hand); octet-stream otherwise. */
export function mimeTypeForName(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  for (const [mime, ext] of Object.entries(EXTENSIONS)) if (ext === extension) return mime;
  return 'application/octet-stream';
}
