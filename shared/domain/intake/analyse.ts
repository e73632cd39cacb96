// The validation report of an import, computed before anything is written: each data row becomes
// the candidate form's draft, is checked by the form's own validator, then is matched against the
// files already in the call (update, not duplicate) and against the rows above it (in-file doublon).
//
// Merge rule (why an import never loses data): a stored field is replaced only by a non-empty cell.
// When a field's column is unmapped, or its cell is empty, the stored value is kept. An import can
// therefore fill in and correct files, never blank them; blanking is done in the file's form.
import { checkCandidateDraft, emptyDraft, type CandidateDraft, type CandidateField, type CandidateInput } from '../candidate.js';
import type { IsoDate, Post } from '../../model/entities.js';
import { AGENT_STATUSES, AGENT_STATUS_LABELS, APPLICATION_STATUSES, APPLICATION_STATUS_LABELS } from '../../model/referential.js';
import { cellDate, cellPhone, cellText } from './cells.js';
import { restoreNeutralised } from './formula.js';
import { foldKey } from './headers.js';
import type { CellValue, ColumnMapping, IntakeField, IntakeTotals, RowOutcome, RowProblem, SheetData } from './types.js';

/** A file already in the call: what matching needs and every field compared to tell 'unchanged'. */
export interface ExistingFile extends CandidateInput {
  id: number;
}

export type IntakePost = Pick<Post, 'id' | 'label' | 'site'>;

export interface AnalyseContext {
  /** Today's date, from the injected clock (date checks depend on it). */
  today: IsoDate;
  posts: readonly IntakePost[];
  existing: readonly ExistingFile[];
}

export interface AnalysedRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  outcome: RowOutcome;
  problems: RowProblem[];
  /** What to write: the checked row merged over the matched file (null when rejected). */
  input: CandidateInput | null;
  /** The existing file this row updates (or leaves unchanged). */
  matchId: number | null;
  /** For an update: the stored fields the import will change, so that the report can show them first. */
  changedFields?: (keyof CandidateInput)[];
}

export interface Analysis {
  /** Every non-empty data row, in sheet order. */
  rows: AnalysedRow[];
  totals: IntakeTotals;
  /** Every problem of the sheet in row order: the report shown before confirming. */
  problems: RowProblem[];
}

export const NO_NAME_COLUMN_MESSAGE = 'Aucune colonne n’est associée au nom ou au prénom : indiquez la correspondance des colonnes.';

type TextField = Exclude<CandidateField, 'wishes'>;

// ---------------------------------------------------------------------------------------------
// Lookups built once (codes and French labels, folded).

function lookup<T extends string>(codes: readonly T[], labels: Record<T, string>, extra: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldKey(code), code);
    map.set(foldKey(labels[code]), code);
  }
  for (const [written, code] of Object.entries(extra)) map.set(foldKey(written), code);
  return map;
}

const STATUT_LOOKUP = lookup(AGENT_STATUSES, AGENT_STATUS_LABELS, {
  contractuel: 'contractuel',
  contractuelle: 'contractuel',
  'agent contractuel': 'contractuel',
  'non titulaire': 'contractuel',
  'fonctionnaire titulaire': 'titulaire',
  'fonctionnaire stagiaire': 'stagiaire',
});

const STATUS_LOOKUP = lookup(APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, {
  recu: 'recue',
  nouvelle: 'recue',
  'en cours': 'en_instruction',
  'en cours d instruction': 'en_instruction',
  'a instruire': 'en_instruction',
  convoque: 'convoquee',
  'convoque a l entretien': 'convoquee',
  retenu: 'retenue',
  lc: 'liste_complementaire',
  'non retenu': 'non_retenue',
  refuse: 'non_retenue',
  refusee: 'non_retenue',
  retire: 'retiree',
  retiree: 'retiree',
  desistement: 'retiree',
  desiste: 'retiree',
});

// ---------------------------------------------------------------------------------------------
// Cells that hold several fields.

const ECHELON = /^(?:ech(?:elon)?\s*)?(\d{1,2})\s*(?:er|e|eme|nd)?(?:\s*ech(?:elon)?)?$/;

/** "7", "7e", "7ème échelon", "Échelon 7", "éch. 7" -> '7'; anything else is left for the check to refuse. */
export function echelonText(text: string): string {
  const m = ECHELON.exec(foldKey(text));
  return m ? m[1]! : text;
}

/** "Certifié / Classe normale / 7e échelon" -> corps, grade, échelon. The last part is the échelon when it reads as one. */
export function splitCorpsGradeEchelon(text: string): { corps: string; grade: string; echelon: string } {
  const sep = text.includes('/') ? '/' : text.includes(',') ? ',' : /\s[-–—]\s/;
  const parts = text
    .split(sep)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let echelon = '';
  const last = parts[parts.length - 1];
  if (last !== undefined && (parts.length >= 3 || (parts.length === 2 && ECHELON.test(foldKey(last))))) {
    parts.pop();
    echelon = echelonText(last);
  }
  return { corps: parts[0] ?? '', grade: parts.slice(1).join(' / '), echelon };
}

const AFFECTATION_SEPARATORS = [' / ', '/', ' – ', ' — ', ' - ', ','];

/** "Lycée Vauvenargues / Aix-en-Provence" -> établissement, ville (split at the last separator). */
export function splitAffectation(text: string): { etablissement: string; ville: string } {
  for (const sep of AFFECTATION_SEPARATORS) {
    const at = text.lastIndexOf(sep);
    if (at > 0) return { etablissement: text.slice(0, at).trim(), ville: text.slice(at + sep.length).trim() };
  }
  return { etablissement: text, ville: '' };
}

// ---------------------------------------------------------------------------------------------
// Wishes: the call's posts named by their network (site) or label, as people write them.

const NETWORK_WORDS = new Set(['reseau', 'reseaux']);
const ARTICLES = new Set(['le', 'la', 'les', 'l', 'du', 'de', 'des', 'd']);
const WISH_PREFIX = /^(?:(?:voeu|choix|n|no)\s+)*(?:\d+(?:er|re|e|eme)?\s+)?/;

/** Folded forms of a post name, most precise first: "Réseau Côte Bleue – La Nerthe" -> …, "cote bleue nerthe". */
function nameKeys(text: string): string[] {
  const words = foldKey(text).split(' ');
  const noNetwork = words.filter((w) => !NETWORK_WORDS.has(w));
  const noArticle = noNetwork.filter((w) => !ARTICLES.has(w));
  return [words.join(' '), noNetwork.join(' '), noArticle.join(' ')].filter((k) => k !== '');
}

const AMBIGUOUS = -1;

/**
 * How each post is named in a spreadsheet (export, template lists, import report): its network or site (its
 * label when it has none), with the label in front when another post of the call goes by the same name, so
 * that an exported file designates every post without ambiguity and imports back.
 */
export function spreadsheetPostNames(posts: readonly IntakePost[]): Map<number, string> {
  const shortName = (p: IntakePost) => p.site || p.label;
  const uses = new Map<string, number>();
  for (const post of posts) uses.set(foldKey(shortName(post)), (uses.get(foldKey(shortName(post))) ?? 0) + 1);
  return new Map(
    posts.map((p) => [p.id, uses.get(foldKey(shortName(p)))! > 1 && p.site && p.label ? `${p.label} – ${p.site}` : shortName(p)]),
  );
}

class PostFinder {
  private readonly keys = new Map<string, number>();
  /** Each post's shortest names (no "réseau", no articles), for a name written in part ("Côte Bleue"). */
  private readonly short: { id: number; key: string }[] = [];
  readonly names: string;

  constructor(posts: readonly IntakePost[]) {
    for (const post of posts) {
      for (const name of [post.site, post.label, `${post.label} ${post.site}`]) {
        const keys = nameKeys(name);
        for (const key of keys) {
          const known = this.keys.get(key);
          this.keys.set(key, known === undefined || known === post.id ? post.id : AMBIGUOUS);
        }
        const shortest = keys[keys.length - 1];
        if (shortest) this.short.push({ id: post.id, key: ` ${shortest} ` });
      }
    }
    this.names = posts.length > 0 ? [...spreadsheetPostNames(posts).values()].join(', ') : 'aucun (l’appel n’a pas encore de poste)';
  }

  /** The post id, AMBIGUOUS, or null when nothing matches. */
  find(written: string): number | null {
    let ambiguous = false;
    const keys = nameKeys(written);
    const shortest = keys[keys.length - 1];
    const stripped = shortest?.replace(WISH_PREFIX, '');
    if (stripped && stripped !== shortest) keys.push(stripped);
    for (const key of keys) {
      const id = this.keys.get(key);
      if (id === AMBIGUOUS) ambiguous = true;
      else if (id !== undefined) return id;
    }
    if (ambiguous) return AMBIGUOUS;
    // Part of a name, in whole words ("Côte Bleue", "Nerthe"): accepted when it designates one post only.
    const part = keys[keys.length - 1];
    if (!part || part.length < 3) return null;
    let found: number | null = null;
    for (const { id, key } of this.short) {
      if (!key.includes(` ${part} `)) continue;
      if (found !== null && found !== id) return AMBIGUOUS;
      found = id;
    }
    return found;
  }

  /**
   * A cell of wishes, in order. The app writes « A ; B »: split on ; and line breaks first, so that a post
   * whose name holds a comma or a slash comes back whole; a piece that is still unknown is split again on , and /
   * (« Écrins, Côte Bleue » typed by hand).
   */
  read(text: string): { ids: number[]; problems: string[] } {
    const whole = this.find(text);
    if (whole !== null && whole !== AMBIGUOUS) return { ids: [whole], problems: [] };
    const ids: number[] = [];
    const problems: string[] = [];
    const take = (token: string) => {
      const id = this.find(token);
      if (id === null) problems.push(`Réseau inconnu : « ${token} ». Réseaux de l’appel : ${this.names}.`);
      else if (id === AMBIGUOUS) problems.push(`« ${token} » désigne plusieurs postes de l’appel : indiquez le réseau (${this.names}).`);
      else ids.push(id);
    };
    // Kept whole when it names a post, else split on the next separator: ; and line breaks, then , then /.
    const pieces = (token: string, separators: RegExp[]): string[] => {
      const [first, ...rest] = separators;
      if (!first || this.find(token) !== null) return [token];
      return token.split(first).flatMap((piece) => (piece.trim() ? pieces(piece.trim(), rest) : []));
    };
    for (const token of pieces(text.trim(), [/[;\r\n]+/, /,+/, /\/+/])) take(token);
    return { ids, problems };
  }
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** The fields of CandidateInput (the same names as the draft's), compared to tell 'unchanged'. */
const INPUT_KEYS = Object.keys({
  nom: 1,
  prenom: 1,
  dateNaissance: 1,
  discipline: 1,
  adresse: 1,
  telephone: 1,
  statut: 1,
  corps: 1,
  grade: 1,
  echelon: 1,
  etablissement: 1,
  ville: 1,
  email: 1,
  experience: 1,
  motivations: 1,
  wishes: 1,
  receivedOn: 1,
  status: 1,
} satisfies Record<keyof CandidateInput & CandidateField, 1>) as (keyof CandidateInput & CandidateField)[];

// Per-row bookkeeping in numbers, not Sets and Maps: 10,000 rows must not mean 20,000 small objects.
/** Field -> position in INPUT_KEYS (the bit of the field in `provided`, the slot in `source`). */
const FIELD_INDEX = Object.fromEntries(INPUT_KEYS.map((key, i) => [key, i])) as Record<CandidateField, number>;
const BIT = Object.fromEntries(INPUT_KEYS.map((key, i) => [key, 1 << i])) as Record<CandidateField, number>;

// Merge and comparison are written out field by field rather than looped over INPUT_KEYS: they run
// for every matched row, and plain property reads are several times faster than keyed ones. The
// return type makes the compiler refuse a field left out of the merge; a test changes each field
// in turn to keep sameInput complete.

/** The merge rule: a field the row provided (non-empty cell) replaces the stored one; any other is kept. */
function merge(value: CandidateInput, stored: CandidateInput, provided: number): CandidateInput {
  return {
    nom: provided & BIT.nom ? value.nom : stored.nom,
    prenom: provided & BIT.prenom ? value.prenom : stored.prenom,
    dateNaissance: provided & BIT.dateNaissance ? value.dateNaissance : stored.dateNaissance,
    discipline: provided & BIT.discipline ? value.discipline : stored.discipline,
    adresse: provided & BIT.adresse ? value.adresse : stored.adresse,
    telephone: provided & BIT.telephone ? value.telephone : stored.telephone,
    statut: provided & BIT.statut ? value.statut : stored.statut,
    corps: provided & BIT.corps ? value.corps : stored.corps,
    grade: provided & BIT.grade ? value.grade : stored.grade,
    echelon: provided & BIT.echelon ? value.echelon : stored.echelon,
    etablissement: provided & BIT.etablissement ? value.etablissement : stored.etablissement,
    ville: provided & BIT.ville ? value.ville : stored.ville,
    email: provided & BIT.email ? value.email : stored.email,
    experience: provided & BIT.experience ? value.experience : stored.experience,
    motivations: provided & BIT.motivations ? value.motivations : stored.motivations,
    wishes: provided & BIT.wishes ? value.wishes : [...stored.wishes],
    receivedOn: provided & BIT.receivedOn ? value.receivedOn : stored.receivedOn,
    status: provided & BIT.status ? value.status : stored.status,
  };
}

/** Whether two files hold the same values, field by field (see the test that changes each field in turn). */
/**
 * Whether a row found by its e-mail can be the stored person: the nom or the prénom is the same (a married
 * name, a corrected first name) and the dates of birth do not contradict. Both names different is another person.
 */
function sameNamedPerson(a: CandidateInput, b: CandidateInput): boolean {
  const sameNom = nameKey(a.nom, '') === nameKey(b.nom, '');
  const samePrenom = nameKey('', a.prenom) === nameKey('', b.prenom);
  if (!sameNom && !samePrenom) return false;
  return a.dateNaissance === null || b.dateNaissance === null || a.dateNaissance === b.dateNaissance;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function sameInput(a: CandidateInput, b: CandidateInput): boolean {
  return (
    a.nom === b.nom &&
    a.prenom === b.prenom &&
    a.dateNaissance === b.dateNaissance &&
    a.discipline === b.discipline &&
    a.adresse === b.adresse &&
    a.telephone === b.telephone &&
    a.statut === b.statut &&
    a.corps === b.corps &&
    a.grade === b.grade &&
    a.echelon === b.echelon &&
    a.etablissement === b.etablissement &&
    a.ville === b.ville &&
    a.email === b.email &&
    a.experience === b.experience &&
    a.motivations === b.motivations &&
    a.receivedOn === b.receivedOn &&
    a.status === b.status &&
    a.wishes.length === b.wishes.length &&
    a.wishes.every((id, i) => id === b.wishes[i])
  );
}

function nameKey(nom: string, prenom: string): string {
  return `${foldKey(nom)}|${foldKey(prenom)}`;
}

interface Identity {
  dateNaissance: string | null;
  email: string;
}

/**
 * Same nom, prénom and date de naissance designate the same person. Without a date of birth, two
 * different e-mails say they are two homonyms.
 */
function sameIdentity(a: Identity, b: Identity): boolean {
  return a.dateNaissance !== null || !a.email || !b.email || a.email === b.email;
}

/** A multimap that allocates a list only for the rare key held twice. */
class MultiMap<V extends object> {
  private readonly map = new Map<string, V | V[]>();
  add(key: string, value: V): void {
    const known = this.map.get(key);
    if (known === undefined) this.map.set(key, value);
    else if (Array.isArray(known)) known.push(value);
    else this.map.set(key, [known, value]);
  }
  find(key: string, accept: (value: V) => boolean): V | undefined {
    const known = this.map.get(key);
    if (known === undefined) return undefined;
    if (Array.isArray(known)) return known.find(accept);
    return accept(known) ? known : undefined;
  }
  /** The only value of `key` that `accept`s, or undefined when none or several. */
  only(key: string, accept: (value: V) => boolean): V | undefined {
    const known = this.map.get(key);
    if (known === undefined) return undefined;
    if (!Array.isArray(known)) return accept(known) ? known : undefined;
    const found = known.filter(accept);
    return found.length === 1 ? found[0] : undefined;
  }
}

class ExistingIndex {
  private readonly byEmail = new Map<string, ExistingFile>();
  /** Folded nom + prénom -> files (homonyms are rare: the date of birth is compared on the few found). */
  private readonly byName = new MultiMap<ExistingFile>();

  constructor(existing: readonly ExistingFile[]) {
    for (const file of existing) {
      const email = file.email.trim().toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, file);
      this.byName.add(nameKey(file.nom, file.prenom), file);
    }
  }

  /**
   * The stored file a checked row designates, and whether the match is firm: same e-mail, else same
   * nom + prénom + date de naissance; else, when one side lacks the date of birth, the only file of
   * that nom + prénom whose e-mail does not say otherwise (weak: it yields to another row's claim).
   */
  match(value: CandidateInput, name: string): { file: ExistingFile; firm: boolean } | null {
    if (value.email) {
      const file = this.byEmail.get(value.email);
      if (file) return { file, firm: true };
    }
    const same = this.byName.find(name, (f) => f.dateNaissance === value.dateNaissance && sameIdentity(value, f));
    if (same) return { file: same, firm: true };
    const loose = this.byName.only(name, (f) => (f.dateNaissance === null || value.dateNaissance === null) && (!f.email || !value.email));
    return loose ? { file: loose, firm: false } : null;
  }
}

// ---------------------------------------------------------------------------------------------
// The analysis.

/** The fields a single cell feeds directly; corpsGradeEchelon, affectation and wishes are handled apart. */
const DIRECT = new Map<IntakeField, TextField>([
  ['nom', 'nom'],
  ['prenom', 'prenom'],
  ['dateNaissance', 'dateNaissance'],
  ['discipline', 'discipline'],
  ['statut', 'statut'],
  ['corps', 'corps'],
  ['grade', 'grade'],
  ['echelon', 'echelon'],
  ['etablissement', 'etablissement'],
  ['ville', 'ville'],
  ['adresse', 'adresse'],
  ['telephone', 'telephone'],
  ['email', 'email'],
  ['receivedOn', 'receivedOn'],
  ['status', 'status'],
  ['experience', 'experience'],
  ['motivations', 'motivations'],
]);

/**
 * Remembers a function of a cell's text for one analysis: the columns that cost the most (statuses,
 * wishes, corps / grade / échelon) hold a handful of distinct values over thousands of rows.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      if (cache.size < 50_000) cache.set(text, value);
    }
    return value;
  };
}

interface Readers {
  statut: (text: string) => string;
  status: (text: string) => string;
  echelon: (text: string) => string;
  corpsGradeEchelon: (text: string) => ReturnType<typeof splitCorpsGradeEchelon>;
  wishes: (text: string) => { ids: number[]; problems: string[] };
}

function directText(field: TextField, value: CellValue, read: Readers): string {
  switch (field) {
    case 'dateNaissance':
    case 'receivedOn':
      return cellDate(value);
    case 'telephone':
      return cellPhone(value);
    case 'echelon':
      return read.echelon(cellText(value));
    case 'statut':
      return read.statut(cellText(value));
    case 'status':
      return read.status(cellText(value));
    default:
      return cellText(value);
  }
}

/** A cell as read, with the quote an export put before a formula-like text taken off again. */
function cellAt(row: readonly CellValue[], col: number): CellValue {
  const value = row[col] ?? null;
  return typeof value === 'string' ? restoreNeutralised(value.trim()) : value;
}

function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (cellText(cell) !== '') return false;
  return true;
}

/** One row's draft and, for each field, the column that fed it (for the report). */
interface RowState {
  draft: CandidateDraft;
  /** Bits of the fields a non-empty cell provided. */
  provided: number;
  /** By field index: the column that fed the field (or would have, its cell being empty); -1 for none. */
  source: Int32Array;
}

/** First non-empty value wins; an empty one only records where the field would have come from. */
function put(state: RowState, field: TextField, value: string, col: number): void {
  const index = FIELD_INDEX[field];
  if (value === '') {
    if (state.source[index] === -1) state.source[index] = col;
    return;
  }
  const b = 1 << index;
  if (state.provided & b) return;
  state.draft[field] = value;
  state.provided |= b;
  state.source[index] = col;
}

interface Pending {
  col: number;
  message: string;
}

/**
 * Analyses the data rows below `headerRowIndex` (0-based) with a column mapping; writes nothing.
 * Rows are numbered as the spreadsheet shows them (1-based); fully empty rows are skipped.
 * Columns are named in the report by their header as written ('' for a whole-row problem, or a
 * field no column fed).
 */
export function analyseSheet(sheet: SheetData, headerRowIndex: number, mapping: ColumnMapping, ctx: AnalyseContext): Analysis {
  const headerRow = sheet.rows[headerRowIndex] ?? [];
  const totals: IntakeTotals = { new: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rows: AnalysedRow[] = [];
  const problems: RowProblem[] = [];
  const first = Math.max(0, headerRowIndex + 1);

  const reject = (row: number, pending: Pending[]): void => {
    // Left to right as the row reads; whole-row problems (col -1) last.
    const order = (p: Pending): number => (p.col < 0 ? Number.MAX_SAFE_INTEGER : p.col);
    pending.sort((a, b) => order(a) - order(b));
    const report = pending.map((p) => ({ row, column: p.col < 0 ? '' : cellText(headerRow[p.col]), message: p.message }));
    rows.push({ row, outcome: 'rejected', problems: report, input: null, matchId: null });
    problems.push(...report);
    totals.rejected++;
  };

  // The plan: direct columns first, in column order, so that a "Corps" column outranks the corps
  // part of a "Corps / Grade / Échelon" column, and an "Établissement" column that of "Affectation".
  const direct: { col: number; field: TextField }[] = [];
  const combined: { col: number; field: 'corpsGradeEchelon' | 'affectation' }[] = [];
  const wishCols: number[] = [];
  // Maps and typed lookups only: a mapping entry is never used as a property name.
  mapping.forEach((field, col) => {
    if (!field) return;
    const target = DIRECT.get(field);
    if (target) direct.push({ col, field: target });
    else if (field === 'corpsGradeEchelon' || field === 'affectation') combined.push({ col, field });
    else if (field === 'wishes') wishCols.push(col);
  });

  if (!mapping.includes('nom') && !mapping.includes('prenom')) {
    problems.push({ row: headerRowIndex + 1, column: '', message: NO_NAME_COLUMN_MESSAGE });
    for (let i = first; i < sheet.rows.length; i++) {
      if (isEmptyRow(sheet.rows[i])) continue;
      rows.push({ row: i + 1, outcome: 'rejected', problems: [], input: null, matchId: null });
      totals.rejected++;
    }
    return { rows, totals, problems };
  }

  const posts = new PostFinder(ctx.posts);
  const read: Readers = {
    statut: memo((text) => STATUT_LOOKUP.get(foldKey(text)) ?? text),
    status: memo((text) => STATUS_LOOKUP.get(foldKey(text)) ?? text),
    echelon: memo(echelonText),
    corpsGradeEchelon: memo(splitCorpsGradeEchelon),
    wishes: memo((text) => posts.read(text)),
  };
  const draftContext = { today: ctx.today, postIds: ctx.posts.map((p) => p.id) };
  const existing = new ExistingIndex(ctx.existing);
  const seenEmail = new Map<string, number>();
  const seenByName = new MultiMap<Identity & { row: number }>();
  const claimed = new Map<number, number>(); // existing file id -> row that matched it
  const source = new Int32Array(INPUT_KEYS.length); // reused row after row
  const wishesIndex = FIELD_INDEX.wishes;
  const wishesBit = BIT.wishes;

  for (let i = first; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i];
    if (!cells || isEmptyRow(cells)) continue;
    const rowNumber = i + 1;
    const draft = emptyDraft();
    draft.status = ''; // the check puts 'recue' when nothing was written
    source.fill(-1);
    const state: RowState = { draft, provided: 0, source };
    const pending: Pending[] = [];

    for (const { col, field } of direct) put(state, field, directText(field, cellAt(cells, col), read), col);
    for (const { col, field } of combined) {
      const text = cellText(cellAt(cells, col));
      if (field === 'corpsGradeEchelon') {
        const parts = read.corpsGradeEchelon(text);
        put(state, 'corps', parts.corps, col);
        put(state, 'grade', parts.grade, col);
        put(state, 'echelon', parts.echelon, col);
      } else {
        const parts = splitAffectation(text);
        put(state, 'etablissement', parts.etablissement, col);
        put(state, 'ville', parts.ville, col);
      }
    }
    for (const col of wishCols) {
      // Several wish columns ("Vœu 1", "Vœu 2") add up, in column order.
      const text = cellText(cellAt(cells, col));
      if (source[wishesIndex] === -1 || (text && !(state.provided & wishesBit))) source[wishesIndex] = col;
      if (!text) continue;
      state.provided |= wishesBit;
      const wished = read.wishes(text);
      draft.wishes.push(...wished.ids);
      for (const message of wished.problems) pending.push({ col, message });
    }

    // The form's validator judges the row, field by field; its messages go to the column that fed the field.
    const check = checkCandidateDraft(draft, draftContext);
    if (!check.ok) {
      for (const [field, message] of Object.entries(check.errors)) {
        const index = INPUT_KEYS.indexOf(field as (typeof INPUT_KEYS)[number]);
        if (message !== undefined) pending.push({ col: index < 0 ? -1 : source[index]!, message });
      }
    }
    if (!check.ok || pending.length > 0) {
      reject(rowNumber, pending);
      continue;
    }
    const value = check.value;

    // The same person twice in the file: the later row is refused, the secretariat merges by hand.
    const name = nameKey(value.nom, value.prenom);
    const emailTwin = value.email ? seenEmail.get(value.email) : undefined;
    if (emailTwin !== undefined) {
      reject(rowNumber, [{ col: -1, message: `Doublon de la ligne ${emailTwin} (même adresse mail).` }]);
      continue;
    }
    const identityTwin = seenByName.find(name, (seen) => seen.dateNaissance === value.dateNaissance && sameIdentity(value, seen));
    if (identityTwin) {
      reject(rowNumber, [{ col: -1, message: `Doublon de la ligne ${identityTwin.row} (même nom, prénom et date de naissance).` }]);
      continue;
    }

    let match = existing.match(value, name);
    if (match) {
      const by = claimed.get(match.file.id);
      if (by !== undefined && match.firm) {
        reject(rowNumber, [{ col: -1, message: `Doublon de la ligne ${by} (les deux lignes désignent le même dossier déjà enregistré).` }]);
        continue;
      }
      if (by !== undefined) match = null; // a weak match yields: this row is another person
    }
    if (value.email) seenEmail.set(value.email, rowNumber);
    seenByName.add(name, { row: rowNumber, email: value.email, dateNaissance: value.dateNaissance });

    if (!match) {
      rows.push({ row: rowNumber, outcome: 'new', problems: [], input: value, matchId: null });
      totals.new++;
      continue;
    }
    // The merge rule (see the top of this file): what the row left empty keeps its stored value.
    const stored = match.file;
    // An address already used by someone else: a copy-paste slip in the mail column must not rename a file.
    if (match.firm && value.email && value.email === stored.email && !sameNamedPerson(value, stored)) {
      const born = stored.dateNaissance ? `, né(e) le ${stored.dateNaissance.split('-').reverse().join('/')}` : '';
      reject(rowNumber, [
        {
          col: source[FIELD_INDEX.email]!,
          message: `Adresse déjà utilisée par le dossier de ${stored.nom} ${stored.prenom}${born} : la ligne désigne une autre personne, vérifiez l’adresse.`,
        },
      ]);
      continue;
    }
    claimed.set(stored.id, rowNumber);
    const merged = merge(value, stored, state.provided);
    const changed = !sameInput(merged, stored);
    const outcome: RowOutcome = changed ? 'updated' : 'unchanged';
    rows.push({
      row: rowNumber,
      outcome,
      problems: [],
      input: merged,
      matchId: stored.id,
      ...(changed ? { changedFields: INPUT_KEYS.filter((k) => !sameValue(merged[k], stored[k])) } : {}),
    });
    totals[outcome]++;
  }
  return { rows, totals, problems };
}
