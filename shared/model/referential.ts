// Referential data shared by every layer: codes are stored, labels are shown.

export const AGENT_STATUSES = ['titulaire', 'stagiaire', 'contractuel'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export const AGENT_STATUS_LABELS: Record<AgentStatus, string> = {
  titulaire: 'Titulaire',
  stagiaire: 'Stagiaire',
  contractuel: 'Contractuel(le)',
};

/** Where an application stands in the commission's process (not its admissibility, which is computed). */
export const APPLICATION_STATUSES = [
  'recue',
  'en_instruction',
  'convoquee',
  'retenue',
  'liste_complementaire',
  'non_retenue',
  'retiree',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  recue: 'Reçue',
  en_instruction: 'En instruction',
  convoquee: 'Convoquée à l’entretien',
  retenue: 'Retenue',
  liste_complementaire: 'Liste complémentaire',
  non_retenue: 'Non retenue',
  retiree: 'Retirée par le candidat',
};

export const MEMBER_ROLES = ['president', 'membre', 'secretariat', 'expert'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  president: 'Président(e)',
  membre: 'Membre',
  secretariat: 'Secrétariat',
  expert: 'Expert(e)',
};

export interface Discipline {
  code: string;
  label: string;
  /** Other spellings met in real files, compared after normalisation. */
  synonyms: string[];
}

export const DISCIPLINES: readonly Discipline[] = [
  { code: 'mathematiques', label: 'Mathématiques', synonyms: ['maths', 'math', 'mathematique'] },
  { code: 'physique-chimie', label: 'Physique-chimie', synonyms: ['physique chimie', 'sciences physiques', 'pc', 'physique'] },
  { code: 'svt', label: 'Sciences de la vie et de la Terre', synonyms: ['svt', 'sciences de la vie et de la terre', 'biologie', 'sciences naturelles'] },
  { code: 'technologie', label: 'Technologie', synonyms: ['techno'] },
  { code: 'sii', label: 'Sciences industrielles de l’ingénieur', synonyms: ['sii', 'sti', 'sciences de l ingenieur'] },
  { code: 'nsi', label: 'Numérique et sciences informatiques', synonyms: ['nsi', 'informatique'] },
  { code: 'biotechnologies', label: 'Biotechnologies', synonyms: ['biotechnologie', 'stl'] },
  { code: 'lettres-modernes', label: 'Lettres modernes', synonyms: ['lettres', 'francais'] },
  { code: 'lettres-classiques', label: 'Lettres classiques', synonyms: [] },
  { code: 'histoire-geographie', label: 'Histoire-géographie', synonyms: ['hg', 'histoire geo', 'histoire et geographie'] },
  { code: 'ses', label: 'Sciences économiques et sociales', synonyms: ['ses'] },
  { code: 'philosophie', label: 'Philosophie', synonyms: ['philo'] },
  { code: 'anglais', label: 'Anglais', synonyms: [] },
  { code: 'allemand', label: 'Allemand', synonyms: [] },
  { code: 'espagnol', label: 'Espagnol', synonyms: [] },
  { code: 'italien', label: 'Italien', synonyms: [] },
  { code: 'eps', label: 'Éducation physique et sportive', synonyms: ['eps', 'sport'] },
  { code: 'education-musicale', label: 'Éducation musicale', synonyms: ['musique'] },
  { code: 'arts-plastiques', label: 'Arts plastiques', synonyms: [] },
  { code: 'documentation', label: 'Documentation', synonyms: ['professeur documentaliste', 'documentaliste'] },
  { code: 'economie-gestion', label: 'Économie-gestion', synonyms: ['eco gestion', 'economie et gestion'] },
  { code: 'premier-degre', label: 'Premier degré (professeur des écoles)', synonyms: ['professeur des ecoles', 'pe'] },
  { code: 'sans-objet', label: 'Sans objet (personnel non enseignant)', synonyms: ['sans objet', 'non enseignant', 'administratif'] },
];

const DISCIPLINE_BY_CODE = new Map(DISCIPLINES.map((d) => [d.code, d]));

export function disciplineLabel(code: string | null | undefined): string {
  if (!code) return '';
  return DISCIPLINE_BY_CODE.get(code)?.label ?? code;
}

export function isDisciplineCode(code: string): boolean {
  return DISCIPLINE_BY_CODE.has(code);
}
