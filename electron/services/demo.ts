// The demonstration: the two real calls of shared/seeds with fictional candidates (no real person's data;
// mail addresses use the reserved .example domain so that nothing can ever reach a real mailbox).
import type { CandidateInput } from '../../shared/domain/candidate.js';
import type { CallInput } from '../../shared/domain/call.js';
import type { AgentStatus, ApplicationStatus } from '../../shared/model/referential.js';
import { findDemoCalls, getCall, insertCall } from './db/calls-repo.js';
import { insertCandidate } from './db/candidates-repo.js';
import { saveInspector, saveMember } from './db/people-repo.js';
import type { HandlerContext } from './handlers/types.js';
import { ASTERIE_RULES, CSTI_RULES } from '../../shared/domain/admissibility/rules.js';
import type { DiplomaLevel, DocumentKind, HeadOpinion } from '../../shared/model/admissibility.js';
import { insertDocument, saveCallRules, saveFactsEntry, saveHeadOpinion } from './db/admissibility-repo.js';
import type { StoredAttachment } from './mail/attachment-store.js';
import { GRID_TEMPLATES } from '../../shared/domain/scoring-templates.js';
import { PHASES } from '../../shared/model/scoring.js';
import { saveGrid } from './db/scoring-repo.js';

export const CSTI_CALL: CallInput = {
  title: 'Professeur relais territorial CSTI — rentrée 2026',
  reference: 'IPR-CSTI-RT-2026',
  academie: 'Aix-Marseille',
  employer: 'Rectorat de l’académie d’Aix-Marseille — Inspection pédagogique régionale',
  location: 'Académie d’Aix-Marseille',
  category: 'Mission particulière (1,75 IMP pour 2026-2027)',
  description:
    'Deux professeurs relais territoriaux de culture scientifique, technique et industrielle (CSTI), recrutés sous ' +
    'l’autorité du correspondant académique sciences et technologie (CAST), pour l’équivalent d’une demi-journée par ' +
    'semaine ; journée du lundi libérée à l’emploi du temps. Candidature : annexe 2 et avis motivé du chef ' +
    'd’établissement. L’avis des IA-IPR des disciplines concernées est sollicité.',
  acceptedStatuses: ['titulaire'],
  acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
  deadline: '2026-05-15',
  interviewStart: '2026-06-01',
  interviewEnd: '2026-06-30',
  interviewPlace: 'Rectorat de l’académie d’Aix-Marseille',
  presidedBy: 'Le correspondant académique sciences et technologie (CAST)',
  panelSize: null,
  contactEmail: 'csti@ac-aix-marseille.example',
  subjectPattern: 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM',
  posts: [
    { label: 'Professeur relais territorial CSTI', site: 'Réseau Les Écrins', places: 1 },
    { label: 'Professeur relais territorial CSTI', site: 'Réseau Côte Bleue – La Nerthe', places: 1 },
  ],
};

export const ASTERIE_CALL: CallInput = {
  title: 'Directeur(trice) opérationnel(le) d’un tiers-lieu éducatif — ASTERIE',
  reference: 'MENJ-12-2025-23630',
  academie: 'Nancy-Metz',
  employer: 'Rectorat de Nancy-Metz',
  location: 'Moselle (57)',
  category: 'Catégorie A — CDD à temps complet du 01/09/2025 au 31/08/2026, renouvelable',
  description:
    'Conduite de projet, animation du tiers-lieu éducatif du BEF de Fameck – Rombas, coordination financière et ' +
    'technique, participation à l’animation des communautés des tiers-lieux. Profil : acteur local du territoire ' +
    '(exigé) ; organisation d’évènements (conseillé) ; suivi administratif et financier (conseillé). Bac minimum, ' +
    'Bac+3 souhaité. CV et lettre de motivation.',
  acceptedStatuses: ['titulaire', 'contractuel'],
  acceptedDisciplines: [],
  deadline: '2025-08-31',
  interviewStart: null,
  interviewEnd: null,
  interviewPlace: 'Rectorat de Nancy-Metz',
  presidedBy: 'La directrice du projet ASTERIE',
  panelSize: 3,
  contactEmail: 'asterie@ac-nancy-metz.example',
  subjectPattern: '',
  posts: [{ label: 'Directeur(trice) opérationnel(le) du tiers-lieu éducatif', site: 'Collège Évariste Galois, Algrange (BEF Fameck – Rombas)', places: 1 }],
};

type DemoCandidate = [
  nom: string,
  prenom: string,
  naissance: string | null,
  discipline: string | null,
  statut: AgentStatus | null,
  corpsGradeEchelon: [string, string, number | null],
  affectation: [string, string],
  telephone: string,
  adresse: string,
  wishes: number[],
  receivedOn: string | null,
  status: ApplicationStatus,
  motivations: string,
];

const MOTIV_CSTI = 'Porter la culture scientifique dans le réseau, fédérer les référents culture et développer la fête de la science.';
const EXP_CSTI = 'Coordination de projets scientifiques en établissement, accompagnement de clubs sciences, participation à la fête de la science.';

// wishes: indexes in CSTI_CALL.posts (0 = Les Écrins, 1 = Côte Bleue – La Nerthe).
const CSTI_CANDIDATES: DemoCandidate[] = [
  ['ARNAUD', 'Camille', '1984-03-12', 'svt', 'titulaire', ['Certifié', 'Classe normale', 8], ['Lycée d’Altitude', 'Briançon'], '06 11 22 33 44', '4 rue des Alpins, 05100 Briançon', [0], '2026-04-20', 'en_instruction', MOTIV_CSTI],
  ['BLANC', 'Julien', '1979-11-02', 'physique-chimie', 'titulaire', ['Agrégé', 'Hors classe', 3], ['Lycée Paul Langevin', 'Martigues'], '06 12 23 34 45', '12 avenue de la Mer, 13500 Martigues', [1], '2026-05-02', 'en_instruction', MOTIV_CSTI],
  ['CHABERT', 'Inès', '1988-06-30', 'mathematiques', 'titulaire', ['Certifié', 'Classe normale', 6], ['Collège Les Garcins', 'Briançon'], '06 13 24 35 46', '8 chemin du Fort, 05100 Briançon', [0, 1], '2026-05-10', 'recue', MOTIV_CSTI],
  ['DURAND', 'Mathieu', '1982-01-18', 'technologie', 'titulaire', ['Certifié', 'Hors classe', 2], ['Collège Marcel Pagnol', 'Carry-le-Rouet'], '06 14 25 36 47', '3 impasse des Calanques, 13620 Carry-le-Rouet', [1], '2026-05-14', 'en_instruction', MOTIV_CSTI],
  ['ESTIENNE', 'Sophie', '1990-09-09', 'svt', 'titulaire', ['Certifié', 'Classe normale', 5], ['Lycée Jean Lurçat', 'Martigues'], '06 15 26 37 48', '21 boulevard Mongin, 13500 Martigues', [1, 0], '2026-05-15', 'recue', MOTIV_CSTI],
  ['FABRE', 'Nicolas', '1976-04-25', 'physique-chimie', 'titulaire', ['Agrégé', 'Classe normale', 9], ['Lycée d’Altitude', 'Briançon'], '06 16 27 38 49', '5 rue Centrale, 05100 Briançon', [0], '2026-04-28', 'en_instruction', MOTIV_CSTI],
  ['GARNIER', 'Lucie', '1986-12-03', 'mathematiques', 'titulaire', ['Certifié', 'Classe normale', 7], ['Collège Henri Fabre', 'Vitrolles'], '06 17 28 39 40', '14 allée des Pins, 13127 Vitrolles', [1], '2026-05-05', 'recue', MOTIV_CSTI],
  ['HUGUES', 'Antoine', '1981-07-14', 'technologie', 'titulaire', ['PLP', 'Classe normale', 8], ['Lycée Alpes et Durance', 'Embrun'], '06 18 29 30 41', '2 place de l’Église, 05200 Embrun', [0], '2026-05-12', 'en_instruction', MOTIV_CSTI],
  ['IMBERT', 'Claire', '1992-02-22', 'svt', 'titulaire', ['Certifié', 'Classe normale', 4], ['Collège Jean Giono', 'Le Rove'], '06 19 20 31 42', '9 rue du Vallon, 13740 Le Rove', [1], '2026-05-08', 'recue', MOTIV_CSTI],
  ['JOUVE', 'Thomas', '1985-10-11', 'mathematiques', 'titulaire', ['Agrégé', 'Classe normale', 7], ['Lycée Honoré Romane', 'Embrun'], '06 21 32 43 54', '17 route de Gap, 05200 Embrun', [0], '2026-05-13', 'en_instruction', MOTIV_CSTI],
  ['KOWALSKI', 'Anna', '1987-05-05', 'physique-chimie', 'titulaire', ['Certifié', 'Hors classe', 1], ['Collège Gérard Philipe', 'Martigues'], '06 22 33 44 55', '6 quai Brescon, 13500 Martigues', [1], '2026-04-30', 'recue', MOTIV_CSTI],
  ['LAMBERT', 'Hugo', '1983-08-19', 'technologie', 'titulaire', ['Certifié', 'Classe normale', 9], ['Collège Les Garcins', 'Briançon'], '06 23 34 45 56', '11 rue du Temple, 05100 Briançon', [0, 1], '2026-05-11', 'recue', MOTIV_CSTI],
  // Incomplete files: the annexe 2 says the personal address is "indispensable".
  ['MARTIN', 'Élodie', '1989-04-07', 'svt', 'titulaire', ['Certifié', 'Classe normale', 6], ['Lycée Paul Langevin', 'Martigues'], '', '', [1], '2026-05-09', 'recue', MOTIV_CSTI],
  ['NOËL', 'Baptiste', null, 'mathematiques', 'titulaire', ['', '', null], ['Collège Marcel Pagnol', 'Carry-le-Rouet'], '06 25 36 47 58', '1 rue des Écoles, 13620 Carry-le-Rouet', [], '2026-05-14', 'recue', ''],
  // Late files: received after 15 May 2026.
  ['OLIVIER', 'Margaux', '1991-01-29', 'physique-chimie', 'titulaire', ['Certifié', 'Classe normale', 5], ['Lycée d’Altitude', 'Briançon'], '06 26 37 48 59', '30 avenue de la République, 05100 Briançon', [0], '2026-05-18', 'recue', MOTIV_CSTI],
  ['PERRIN', 'Yanis', '1984-09-16', 'mathematiques', 'titulaire', ['Certifié', 'Classe normale', 8], ['Collège Henri Fabre', 'Vitrolles'], '06 27 38 49 50', '7 rue Pasteur, 13127 Vitrolles', [1], '2026-05-22', 'recue', MOTIV_CSTI],
  // Not eligible: discipline outside the call, or not tenured.
  ['QUILICI', 'Laura', '1987-03-03', 'lettres-modernes', 'titulaire', ['Certifié', 'Classe normale', 7], ['Lycée Jean Lurçat', 'Martigues'], '06 28 39 40 51', '4 rue Lamartine, 13500 Martigues', [1], '2026-05-06', 'recue', 'Développer des projets croisés lettres-sciences.'],
  ['ROUX', 'Damien', '1980-12-12', 'histoire-geographie', 'titulaire', ['Agrégé', 'Hors classe', 2], ['Lycée Alpes et Durance', 'Embrun'], '06 29 30 41 52', '19 rue de la Liberté, 05200 Embrun', [0], '2026-05-04', 'recue', 'Faire vivre les sciences humaines et la culture scientifique.'],
  ['SANCHEZ', 'Mélanie', '1995-06-21', 'svt', 'contractuel', ['Contractuel', 'Catégorie A', null], ['Collège Jean Giono', 'Le Rove'], '06 30 41 52 63', '25 chemin du Littoral, 13740 Le Rove', [1], '2026-05-07', 'recue', MOTIV_CSTI],
  ['TESTUD', 'Romain', '1997-11-30', 'technologie', 'stagiaire', ['Certifié stagiaire', 'Classe normale', 1], ['Collège Les Garcins', 'Briançon'], '06 31 42 53 64', '8 rue des Mélèzes, 05100 Briançon', [0], '2026-05-03', 'recue', MOTIV_CSTI],
  ['VIDAL', 'Aurélie', '1983-02-14', 'mathematiques', 'titulaire', ['Certifié', 'Hors classe', 3], ['Lycée Paul Langevin', 'Martigues'], '06 32 43 54 65', '10 rue des Salins, 13500 Martigues', [1], '2026-04-24', 'retiree', MOTIV_CSTI],
  ['WEBER', 'Paul', '1978-07-07', 'physique-chimie', 'titulaire', ['Agrégé', 'Classe exceptionnelle', 2], ['Lycée Honoré Romane', 'Embrun'], '06 33 44 55 66', '3 place Barthelon, 05200 Embrun', [0], '2026-05-01', 'en_instruction', MOTIV_CSTI],
];

const MOTIV_ASTERIE = 'Ancrée dans le BEF de Fameck – Rombas, je souhaite faire du tiers-lieu un lieu de coopération entre écoles, familles et partenaires.';

const ASTERIE_CANDIDATES: DemoCandidate[] = [
  ['BERNARD', 'Nadia', '1980-05-15', 'sans-objet', 'contractuel', ['Contractuelle', 'Catégorie A', null], ['Communauté de communes du Pays Orne Moselle', 'Rombas'], '06 40 11 22 33', '12 rue de la Fenderie, 57120 Rombas', [0], '2025-08-20', 'en_instruction', MOTIV_ASTERIE],
  ['COLIN', 'Frédéric', '1975-10-21', 'economie-gestion', 'titulaire', ['Certifié', 'Hors classe', 4], ['Lycée Saint-Exupéry', 'Fameck'], '06 40 12 23 34', '5 rue Jean Jaurès, 57290 Fameck', [0], '2025-08-25', 'en_instruction', 'Coordonner des projets éducatifs avec les collectivités du territoire.'],
  ['DIDIER', 'Sarah', '1988-02-08', 'documentation', 'titulaire', ['Certifié', 'Classe normale', 7], ['Collège Évariste Galois', 'Algrange'], '06 40 13 24 35', '2 rue du Marché, 57440 Algrange', [0], '2025-08-28', 'recue', MOTIV_ASTERIE],
  ['ETIENNE', 'Karim', '1983-12-01', 'sans-objet', 'contractuel', ['Contractuel', 'Catégorie A', null], ['Association Territoires apprenants', 'Hayange'], '06 40 14 25 36', '40 avenue de Lorraine, 57700 Hayange', [0], '2025-08-30', 'recue', MOTIV_ASTERIE],
  ['FRANÇOIS', 'Anne', '1979-03-27', 'histoire-geographie', 'titulaire', ['Agrégée', 'Hors classe', 2], ['Lycée Julie Daubié', 'Rombas'], '', '7 rue des Tilleuls, 57120 Rombas', [0], '2025-08-18', 'recue', ''],
  ['GIRARD', 'Olivier', '1986-08-09', 'sans-objet', 'contractuel', ['Contractuel', 'Catégorie B', null], ['Mairie d’Algrange', 'Algrange'], '06 40 16 27 38', '15 rue de Metz, 57440 Algrange', [0], '2025-09-03', 'recue', MOTIV_ASTERIE],
  ['HENRY', 'Lina', '1992-11-17', 'lettres-modernes', 'stagiaire', ['Certifiée stagiaire', 'Classe normale', 1], ['Collège Jean Moulin', 'Fameck'], '06 40 17 28 39', '9 rue Victor Hugo, 57290 Fameck', [0], '2025-08-22', 'recue', MOTIV_ASTERIE],
  ['JACQUOT', 'Marc', '1971-06-04', 'sans-objet', 'titulaire', ['Attaché d’administration', 'Principal', 6], ['DSDEN de la Moselle', 'Metz'], '06 40 18 29 30', '28 rue Serpenoise, 57000 Metz', [0], '2025-08-29', 'en_instruction', MOTIV_ASTERIE],
];

function mailOf(prenom: string, nom: string, domain: string): string {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-');
  return `${fold(prenom)}.${fold(nom)}@${domain}`;
}

function toInput(c: DemoCandidate, postIds: number[], domain: string, experience: string): CandidateInput {
  const [nom, prenom, naissance, discipline, statut, [corps, grade, echelon], [etablissement, ville], telephone, adresse, wishes, receivedOn, status, motivations] = c;
  return {
    nom,
    prenom,
    dateNaissance: naissance,
    discipline,
    adresse,
    telephone,
    statut,
    corps,
    grade,
    echelon,
    etablissement,
    ville,
    email: mailOf(prenom, nom, domain),
    experience: corps ? experience : '',
    motivations,
    wishes: wishes.map((i) => postIds[i]!),
    receivedOn,
    status,
  };
}

export const DEMO_CANDIDATE_COUNT = CSTI_CANDIDATES.length + ASTERIE_CANDIDATES.length;

// ---------------------------------------------------------------------------------------------
// Admissibility of the demo files: documents received, head's opinions, diplomas — so that every verdict
// and the main reasons appear (Monday not freed, opinion missing, reserved opinion, diploma below the minimum).

const FAVORABLE = 'Enseignant(e) moteur des projets scientifiques de l’établissement ; l’emploi du temps sera aménagé.';

/** Per CSTI candidate (by nom): documents sent and the head's opinion; absent: annexe 2 + favourable opinion, Monday freed. */
const CSTI_ADMISSIBILITY: Record<string, { documents: DocumentKind[]; opinion: HeadOpinion | null }> = {
  GARNIER: {
    documents: ['annexe2', 'avis_chef'],
    opinion: { avis: 'favorable', motivation: FAVORABLE, mondayFreed: 'non_precise', signedBy: 'M. Rey, principal du collège Henri Fabre', signedOn: '2026-05-04' },
  },
  LAMBERT: {
    documents: ['annexe2', 'avis_chef'],
    opinion: {
      avis: 'reserve',
      motivation: 'Candidature soutenue, mais le service du lundi ne peut pas être libéré cette année.',
      mondayFreed: 'non',
      signedBy: 'Mme Faure, principale du collège Les Garcins',
      signedOn: '2026-05-09',
    },
  },
  IMBERT: { documents: ['annexe2'], opinion: null },
  KOWALSKI: {
    documents: ['annexe2', 'avis_chef', 'cv'],
    opinion: {
      avis: 'reserve',
      motivation: 'Engagement réel ; vigilance sur la charge de travail avec le professeur principal de 3e.',
      mondayFreed: 'oui',
      signedBy: 'M. Ortiz, principal du collège Gérard Philipe',
      signedOn: '2026-04-27',
    },
  },
  NOËL: { documents: ['annexe2'], opinion: null },
};

/** Per ASTERIE candidate: the highest diploma (CV and letter received by all but one). */
const ASTERIE_DIPLOMAS: Record<string, DiplomaLevel> = {
  BERNARD: 7,
  COLIN: 7,
  DIDIER: 6,
  ETIENNE: 5,
  FRANÇOIS: 7,
  GIRARD: 3,
  HENRY: 6,
  JACQUOT: 6,
};

interface DemoDocument {
  call: 'csti' | 'asterie';
  nom: string;
  kind: DocumentKind;
  fileName: string;
  content: Uint8Array;
}

const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  annexe2: 'Annexe 2 - fiche de candidature',
  avis_chef: 'Avis motive du chef d etablissement',
  cv: 'Curriculum vitae',
  lettre_motivation: 'Lettre de motivation',
  autre: 'Piece complementaire',
};

const FILE_STEMS: Record<DocumentKind, string> = {
  annexe2: 'annexe2',
  avis_chef: 'avis-chef-etablissement',
  cv: 'cv',
  lettre_motivation: 'lettre-de-motivation',
  autre: 'piece',
};

/** A one-page PDF saying what it stands for (« document fictif »): real enough to open in any viewer. */
export function fictionalPdf(lines: readonly string[]): Uint8Array {
  const ascii = (t: string) => t.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 12} Tf 72 ${760 - i * 24} Td (${ascii(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** The documents the demo files hold, with their contents (written to the data folder before the transaction). */
export function demoDocuments(): DemoDocument[] {
  const docs: DemoDocument[] = [];
  const add = (call: DemoDocument['call'], nom: string, prenom: string, kind: DocumentKind) => {
    const slug = `${nom}-${prenom}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-');
    docs.push({
      call,
      nom,
      kind,
      fileName: `${FILE_STEMS[kind]}-${slug}.pdf`,
      content: fictionalPdf([DOCUMENT_TITLES[kind], `${nom} ${prenom}`, 'Document fictif de demonstration.']),
    });
  };
  for (const [nom, prenom] of CSTI_CANDIDATES) {
    for (const kind of CSTI_ADMISSIBILITY[nom]?.documents ?? ['annexe2', 'avis_chef']) add('csti', nom, prenom, kind);
  }
  for (const [nom, prenom] of ASTERIE_CANDIDATES) {
    add('asterie', nom, prenom, 'cv');
    // One letter missing: an incomplete file.
    if (nom !== 'DIDIER') add('asterie', nom, prenom, 'lettre_motivation');
  }
  return docs;
}

export type StoredDemoDocument = DemoDocument & { stored: StoredAttachment };

/** Loads the demonstration once; a second call returns the calls already there. */
export function openDemo(ctx: HandlerContext, documents: readonly StoredDemoDocument[]): { callIds: number[]; created: boolean } {
  const existing = findDemoCalls(ctx.db);
  if (existing.length > 0) return { callIds: existing, created: false };
  const at = ctx.now().toISOString();
  const db = ctx.db;

  const cstiId = insertCall(db, CSTI_CALL, at, 'csti-2026');
  const cstiPosts = getCall(db, cstiId).posts.map((p) => p.id);
  const ids = { csti: new Map<string, number>(), asterie: new Map<string, number>() };
  for (const c of CSTI_CANDIDATES) ids.csti.set(c[0], insertCandidate(db, cstiId, toInput(c, cstiPosts, 'ac-aix-marseille.example', EXP_CSTI), at));
  saveCallRules(db, cstiId, CSTI_RULES, at);
  for (const [nom, id] of ids.csti) {
    const planned = CSTI_ADMISSIBILITY[nom];
    const opinion: HeadOpinion | null = planned
      ? planned.opinion
      : { avis: 'favorable', motivation: FAVORABLE, mondayFreed: 'oui', signedBy: 'Le chef d’établissement', signedOn: '2026-05-02' };
    if (opinion) saveHeadOpinion(db, id, opinion, 'Secrétariat IPR', at);
  }
  saveMember(db, cstiId, undefined, { name: 'Hélène Vasseur (CAST)', role: 'president', email: 'helene.vasseur@ac-aix-marseille.example', etablissement: '' });
  saveMember(db, cstiId, undefined, { name: 'Olivier Granet', role: 'membre', email: 'olivier.granet@ac-aix-marseille.example', etablissement: 'Lycée Paul Langevin' });
  saveMember(db, cstiId, undefined, { name: 'Samia Belkacem', role: 'membre', email: 'samia.belkacem@ac-aix-marseille.example', etablissement: 'Collège Les Garcins' });
  saveMember(db, cstiId, undefined, { name: 'Jérôme Pastor', role: 'membre', email: 'jerome.pastor@ac-aix-marseille.example', etablissement: '' });
  saveMember(db, cstiId, undefined, { name: 'Secrétariat IPR', role: 'secretariat', email: 'secretariat.ipr@ac-aix-marseille.example', etablissement: '' });
  saveInspector(db, cstiId, undefined, { name: 'Bernard Lemaire', email: 'bernard.lemaire@ac-aix-marseille.example', disciplines: ['mathematiques'] });
  saveInspector(db, cstiId, undefined, { name: 'Nathalie Roche', email: 'nathalie.roche@ac-aix-marseille.example', disciplines: ['physique-chimie'] });
  saveInspector(db, cstiId, undefined, { name: 'Hélène Vasseur', email: 'helene.vasseur@ac-aix-marseille.example', disciplines: ['svt'] });
  saveInspector(db, cstiId, undefined, { name: 'Patrick Honoré', email: 'patrick.honore@ac-aix-marseille.example', disciplines: ['technologie', 'sii'] });

  const asterieId = insertCall(db, ASTERIE_CALL, at, 'asterie-2025');
  const asteriePosts = getCall(db, asterieId).posts.map((p) => p.id);
  const expAsterie = 'Conduite de projets partenariaux, animation de réseaux d’acteurs locaux, suivi budgétaire.';
  for (const c of ASTERIE_CANDIDATES) ids.asterie.set(c[0], insertCandidate(db, asterieId, toInput(c, asteriePosts, 'ac-nancy-metz.example', expAsterie), at));
  saveCallRules(db, asterieId, ASTERIE_RULES, at);
  for (const [nom, id] of ids.asterie) saveFactsEntry(db, id, { academie: '', teachingLevel: null, diploma: ASTERIE_DIPLOMAS[nom] ?? null });
  for (const doc of documents) {
    insertDocument(db, {
      candidateId: ids[doc.call].get(doc.nom)!,
      mailId: null,
      kind: doc.kind,
      fileName: doc.fileName,
      mimeType: 'application/pdf',
      size: doc.stored.size,
      sha256: doc.stored.sha256,
      addedAt: at,
    });
  }
  saveMember(db, asterieId, undefined, { name: 'Directrice du projet ASTERIE', role: 'president', email: 'direction.asterie@ac-nancy-metz.example', etablissement: '' });
  saveMember(db, asterieId, undefined, { name: 'Représentant de l’équipe de pilotage', role: 'membre', email: 'pilotage.asterie@ac-nancy-metz.example', etablissement: '' });
  saveMember(db, asterieId, undefined, { name: 'Représentant de l’IA-DASEN de la Moselle', role: 'membre', email: 'ia-dasen57@ac-nancy-metz.example', etablissement: '' });

  // Grids from the seeds, for both phases: the commission can start scoring at once.
  for (const [callId, template] of [[cstiId, 'csti'], [asterieId, 'asterie']] as const) {
    const sections = GRID_TEMPLATES.find((t) => t.key === template)!.sections;
    for (const phase of PHASES) saveGrid(db, callId, phase, sections(phase), at);
  }

  for (const id of [cstiId, asterieId]) {
    ctx.record({ entity: 'calls', entityId: id, callId: id });
    ctx.record({ entity: 'candidates', entityId: null, callId: id });
  }
  return { callIds: [cstiId, asterieId], created: true };
}
