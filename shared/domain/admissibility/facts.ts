// Helpers that derive admissibility facts from what a candidate's file already holds. They propose; the
// secretariat's entry, when there is one, wins.
import { ACADEMIES, type Academie, type Annexe2Field, type TeachingLevel } from '../../model/admissibility.js';
import type { CandidateFile } from '../../model/entities.js';
import { foldText } from '../text.js';

/** « Académie d’Aix-Marseille », « aix marseille », « ac-aix-marseille » → 'aix marseille'. */
export function academieKey(name: string): string {
  return foldText(name)
    .replace(/[-.@]+/g, ' ')
    .replace(/^(?:academie|ac)\s+(?:(?:de|d)\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Folded names and mail domains of every académie, built once: the candidates table reads 10,000 of them.
let academieByKey: Map<string, Academie> | null = null;

/** The académie a name designates (any spelling), or null. */
export function findAcademie(name: string | null | undefined): Academie | null {
  if (!name) return null;
  const known = academieByName.get(name);
  if (known !== undefined) return known;
  const found = lookUpAcademie(name);
  // Few distinct spellings in a call (most read from the mail domain): remembered, bounded.
  if (academieByName.size >= 2000) academieByName.clear();
  academieByName.set(name, found);
  return found;
}

const academieByName = new Map<string, Academie | null>();

function lookUpAcademie(name: string): Academie | null {
  const key = academieKey(name);
  if (!key) return null;
  if (!academieByKey) {
    academieByKey = new Map();
    for (const a of ACADEMIES) for (const k of [a.name, ...a.mailDomains]) academieByKey.set(academieKey(k), a);
  }
  return academieByKey.get(key) ?? null;
}

/** Whether two académie names designate the same académie (unknown names: compared folded). */
export function sameAcademie(a: string, b: string): boolean {
  const known = findAcademie(a);
  return known ? known === findAcademie(b) : academieKey(a) === academieKey(b);
}

/** The académie of an academic mail address (…@ac-aix-marseille.fr → « Aix-Marseille »), or null. */
export function academieFromEmail(email: string | null | undefined): string | null {
  const domain = (email ?? '').trim().toLowerCase().split('@')[1];
  if (!domain) return null;
  for (const label of domain.split('.')) {
    const found = ACADEMIES.find((a) => a.mailDomains.includes(label));
    if (found) return found.name;
  }
  return null;
}

const LEVEL_TERMS: readonly [TeachingLevel, readonly string[]][] = [
  ['premier_degre', ['professeur des ecoles', 'professeure des ecoles', 'pe', 'instituteur', 'institutrice']],
  ['superieur', ['maitre de conferences', 'professeur des universites', 'enseignant chercheur', 'prag', 'prce']],
  [
    'non_enseignant',
    [
      'cpe',
      'conseiller principal d education',
      'conseillere principale d education',
      'psyen',
      'psy en',
      'psychologue',
      'attache',
      'attachee',
      'secretaire administratif',
      'secretaire administrative',
      'adjaenes',
      'ingenieur',
      'technicien',
      'infirmier',
      'infirmiere',
      'assistant de service social',
      'personnel de direction',
      'proviseur',
      'principal',
    ],
  ],
  [
    'second_degre',
    [
      'certifie',
      'certifiee',
      'agrege',
      'agregee',
      'plp',
      'professeur de lycee professionnel',
      'peps',
      'professeur d education physique et sportive',
      'professeur de chaire superieure',
      'bi admissible',
      'capes',
      'capet',
      'caplp',
      'agregation',
    ],
  ],
];

/**
 * The teaching level a corps (« Certifié », « Professeur des écoles », « PLP »…) or the discipline
 * (premier degré, sans objet) designates; null when neither tells (a contractual teacher, say).
 */
const levelByCorps = new Map<string, TeachingLevel | null>();

export function teachingLevelOf(file: Pick<CandidateFile, 'corps' | 'discipline'>): TeachingLevel | null {
  if (file.discipline === 'premier-degre') return 'premier_degre';
  if (file.discipline === 'sans-objet') return 'non_enseignant';
  const cached = levelByCorps.get(file.corps);
  if (cached !== undefined) return cached;
  const level = levelOfCorps(file.corps);
  // A call holds a handful of distinct corps: remembered, bounded so that odd values cannot grow it forever.
  if (levelByCorps.size >= 2000) levelByCorps.clear();
  levelByCorps.set(file.corps, level);
  return level;
}

function levelOfCorps(written: string): TeachingLevel | null {
  const corps = ` ${foldText(written).replace(/[-.]+/g, ' ').replace(/\s+/g, ' ')} `;
  if (corps.trim() === '') return null;
  for (const [level, terms] of LEVEL_TERMS) {
    if (terms.some((term) => corps.includes(` ${term} `))) return level;
  }
  return null;
}

/** The annexe 2 fields a file has filled in; the réseau counts as given when the call has one post only. */
export function annexe2FieldsFilled(
  file: Pick<
    CandidateFile,
    'nom' | 'prenom' | 'dateNaissance' | 'discipline' | 'wishes' | 'adresse' | 'telephone' | 'corps' | 'etablissement' | 'email' | 'experience' | 'motivations'
  >,
  postCount: number,
): Annexe2Field[] {
  const present: Record<Annexe2Field, boolean> = {
    nom: file.nom.trim() !== '',
    prenom: file.prenom.trim() !== '',
    dateNaissance: !!file.dateNaissance,
    discipline: !!file.discipline,
    reseau: postCount <= 1 || file.wishes.length > 0,
    adresse: file.adresse.trim() !== '',
    telephone: file.telephone.trim() !== '',
    corpsGradeEchelon: file.corps.trim() !== '',
    affectation: file.etablissement.trim() !== '',
    email: file.email.trim() !== '',
    experience: file.experience.trim() !== '',
    motivations: file.motivations.trim() !== '',
  };
  return (Object.keys(present) as Annexe2Field[]).filter((field) => present[field]);
}
