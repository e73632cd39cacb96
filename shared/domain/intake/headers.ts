// Column headers as secretariats write them ("NOM :", "Prénom(s)", "Tél.", "Mél", "Vœux"…) matched
// to the fields of a candidate's file. Lookups are Maps keyed by folded text: a header such as
// "__proto__" or "constructor" is just an unknown header, never a property of some object.
import { cellText } from './cells.js';
import { INTAKE_FIELDS, type CellValue, type ColumnMapping, type IntakeField } from './types.js';

/** The header the export and the blank template write for each field (read back by matchHeader). */
export const INTAKE_FIELD_LABELS: Readonly<Record<IntakeField, string>> = {
  nom: 'Nom',
  prenom: 'Prénom',
  dateNaissance: 'Date de naissance',
  discipline: 'Discipline',
  statut: 'Statut',
  corps: 'Corps',
  grade: 'Grade',
  echelon: 'Échelon',
  corpsGradeEchelon: 'Corps / Grade / Échelon',
  etablissement: 'Établissement',
  ville: 'Ville',
  affectation: 'Affectation actuelle',
  adresse: 'Adresse personnelle',
  telephone: 'Téléphone',
  email: 'Adresse mail académique',
  wishes: 'Postes demandés',
  receivedOn: 'Reçue le',
  status: 'État de la candidature',
  experience: 'Expérience professionnelle',
  motivations: 'Motivations',
};

/**
 * Other ways of writing each header, met in real files (the annexe 2 form among them). Compared
 * after folding: case, accents, punctuation and spacing do not matter. "Statut" alone is the
 * agent's status (titulaire…), as on the form; the application's state is "État".
 */
export const INTAKE_FIELD_SYNONYMS: Readonly<Record<IntakeField, readonly string[]>> = {
  nom: ['nom', 'nom de famille', 'nom d’usage', 'nom usuel', 'nom patronymique', 'nom de naissance', 'patronyme', 'nom marital', 'name', 'last name', 'surname', 'family name'],
  prenom: ['prénom', 'prénoms', 'prénom usuel', 'first name', 'given name'],
  dateNaissance: ['date de naissance', 'né le', 'née le', 'né(e) le', 'naissance', 'ddn', 'date of birth', 'birth date', 'birthdate'],
  discipline: ['discipline', 'disciplines', 'discipline enseignée', 'discipline de recrutement', 'matière', 'matières', 'matière enseignée', 'spécialité'],
  statut: ['statut', 'statut de l’agent', 'statut agent', 'situation administrative', 'titulaire / contractuel'],
  corps: ['corps'],
  grade: ['grade'],
  echelon: ['échelon', 'éch'],
  corpsGradeEchelon: ['corps / grade / échelon', 'corps grade échelon', 'corps et grade', 'corps / grade', 'corps, grade et échelon', 'corps grade et échelon'],
  etablissement: ['établissement', 'établissement d’affectation', 'établissement d’exercice', 'établissement actuel', 'étab', 'etab'],
  ville: ['ville', 'ville d’affectation', 'commune', 'localité'],
  affectation: [
    'affectation',
    'affectation actuelle',
    'affectation actuelle (établissement / ville)',
    'lieu d’affectation',
    'établissement / ville',
    'établissement et ville',
  ],
  adresse: ['adresse', 'adresse personnelle', 'adresse personnelle (indispensable)', 'adresse postale', 'adresse du domicile', 'domicile'],
  telephone: ['téléphone', 'tél', 'tel', 'tél.', 'téléphone portable', 'téléphone mobile', 'tél portable', 'portable', 'mobile', 'numéro de téléphone', 'n° de téléphone', 'gsm', 'phone'],
  email: [
    'adresse mail académique',
    'adresse mail',
    'adresse mail professionnelle',
    'mail académique',
    'mail',
    'mél',
    'mel',
    'courriel',
    'courriel académique',
    'e-mail',
    'email',
    'adresse e-mail',
    'adresse électronique',
    'adresse électronique académique',
    'adresse courriel',
    'adresse académique',
  ],
  wishes: ['postes demandés', 'poste demandé', 'poste', 'postes', 'réseau', 'réseaux', 'réseau demandé', 'réseaux demandés', 'réseau souhaité', 'vœu', 'vœux', 'choix', 'poste souhaité'],
  receivedOn: [
    'reçue le',
    'reçu le',
    'date de réception',
    'réception',
    'réceptionné le',
    'date d’arrivée',
    'arrivé le',
    'arrivée le',
    'date de dépôt',
    'déposé le',
    'date de candidature',
    'date du dossier',
  ],
  status: ['état de la candidature', 'état', 'état du dossier', 'statut de la candidature', 'statut du dossier', 'suite donnée', 'décision', 'avancement'],
  experience: ['expérience professionnelle', 'expérience', 'expériences', 'expériences professionnelles', 'parcours', 'parcours professionnel'],
  motivations: ['motivations', 'motivation', 'lettre de motivation'],
};

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae' };

/** One character folded: letters and digits as a-z0-9 text, '' for a combining accent, ' ' for anything else. */
function foldChar(ch: string): string {
  const folded = (LIGATURES[ch] ?? ch).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (folded === '') return '';
  return /^[a-z0-9]+$/.test(folded) ? folded : ' ';
}

// Built once for Latin-1 and Latin Extended-A (what French text is made of); other characters are
// folded on first sight and remembered.
const FOLD_TABLE = Array.from({ length: 0x180 }, (_, code) => foldChar(String.fromCharCode(code)));
const FOLD_OTHERS = new Map<number, string>();
const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Text folded for matching: lower case, no accents, ligatures spelled out (œ is not an accented o,
 * NFD leaves it alone), every run of other characters a single space, trimmed. The same result as
 * foldText (plus ligatures, and '.' and '@' as spaces), character by character from a table: it
 * runs several times per row of a 10,000-row import.
 */
export function foldKey(text: string): string {
  // Most names and codes are plain ASCII words: lower-cased, they are already folded.
  const lower = text.toLowerCase();
  if (FOLDED.test(lower)) return lower;
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: string | undefined = code < 0x180 ? FOLD_TABLE[code] : FOLD_OTHERS.get(code);
    if (folded === undefined) {
      folded = foldChar(text[i]!);
      if (FOLD_OTHERS.size < 10_000) FOLD_OTHERS.set(code, folded);
    }
    if (folded === '') continue;
    if (folded === ' ') space = out !== '';
    else {
      if (space) out += ' ';
      out += folded;
      space = false;
    }
  }
  return out;
}

// Words that carry no meaning in a header: "Nom du candidat" is "Nom", "Prénom(s)" is "Prénom",
// "N° de téléphone" is "téléphone", "Vœu 1" is "Vœu".
const FILLER = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'e', 'en', 'et', 'l', 'la', 'le', 'les', 's', 'un', 'une',
  'n', 'no', 'num', 'numero', 'candidat', 'candidate', 'candidats', 'agent', 'actuel', 'actuelle',
]);
const ORDINAL = /^\d+(?:er|re|e|eme|nd|nde)?$/;

function looseKey(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w) && !ORDINAL.test(w))
    .join(' ');
}

const EXACT = new Map<string, IntakeField>();
// null: two fields share the loose form, so it decides nothing.
const LOOSE = new Map<string, IntakeField | null>();
for (const field of INTAKE_FIELDS) {
  for (const written of [INTAKE_FIELD_LABELS[field], ...INTAKE_FIELD_SYNONYMS[field]]) {
    const key = foldKey(written);
    if (!EXACT.has(key)) EXACT.set(key, field);
    const loose = looseKey(key);
    if (!loose) continue;
    const known = LOOSE.get(loose);
    if (known === undefined) LOOSE.set(loose, field);
    else if (known !== field) LOOSE.set(loose, null);
  }
}

/** Headers longer than this are titles or instructions, not column names. */
const MAX_HEADER_LENGTH = 80;

/** The field a header names, or null. Insensitive to case, accents, punctuation, "(…)" notes and a trailing number. */
export function matchHeader(text: string): IntakeField | null {
  if (typeof text !== 'string' || text.length > MAX_HEADER_LENGTH * 2) return null;
  const key = foldKey(text);
  if (!key || key.length > MAX_HEADER_LENGTH) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  const withoutNote = foldKey(text.replace(/\([^)]*\)/g, ' '));
  const exactWithoutNote = EXACT.get(withoutNote);
  if (exactWithoutNote) return exactWithoutNote;
  for (const candidate of [key, withoutNote]) {
    const loose = looseKey(candidate);
    if (loose) {
      const field = LOOSE.get(loose);
      if (field) return field;
    }
  }
  return null;
}

function headerField(cell: CellValue | undefined): IntakeField | null {
  return typeof cell === 'string' ? matchHeader(cell) : null;
}

/**
 * The 0-based index of the header row: the row, among the first `maxScan`, that names the most
 * fields (at least 2). Title rows, notes and blank rows above it are passed over; on a tie the
 * upper row wins (the header comes before the data).
 */
export function detectHeaderRow(rows: readonly (readonly CellValue[])[], maxScan = 30): number | null {
  let best: number | null = null;
  let bestCount = 1;
  const end = Math.min(rows.length, maxScan);
  for (let i = 0; i < end; i++) {
    const seen = new Set<IntakeField>();
    for (const cell of rows[i]!) {
      const field = headerField(cell);
      if (field) seen.add(field);
    }
    if (seen.size > bestCount) {
      best = i;
      bestCount = seen.size;
    }
  }
  return best;
}

/**
 * Fields that may be fed by several columns: wishes ("Vœu 1", "Vœu 2"…), taken in column order.
 * Any other field is proposed for its first column only; the secretariat can change it.
 */
export const MULTI_COLUMN_FIELDS: ReadonlySet<IntakeField> = new Set<IntakeField>(['wishes']);

/** One field (or null) per column of the header row, same length. */
export function proposeMapping(headerRow: readonly CellValue[]): ColumnMapping {
  const used = new Set<IntakeField>();
  return Array.from(headerRow, (cell) => {
    const field = headerField(cell);
    if (!field) return null;
    if (used.has(field) && !MULTI_COLUMN_FIELDS.has(field)) return null;
    used.add(field);
    return field;
  });
}

/**
 * A stable key for a layout of headers, to reuse the mapping a user chose for files laid out the
 * same way. Folded, so "NOM" and "Nom " give the same signature; trailing empty columns ignored.
 */
export function headerSignature(headerRow: readonly CellValue[]): string {
  const keys = Array.from(headerRow, (cell) => foldKey(cellText(cell)));
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return keys.join('|');
}
