// Renders docs/api.md from the contract (shared/contract). Pure: no file access, same output for the
// same contract. `npm run docs:api` writes it; tests/unit/api-doc.test.ts checks it is up to date.
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../shared/contract/errors.js';
import { methods, type ArgsOf, type MethodName } from '../shared/contract/methods.js';
import { AGENT_STATUSES, APPLICATION_STATUSES, DISCIPLINES, MEMBER_ROLES } from '../shared/model/referential.js';

const BASE = 'http://127.0.0.1:4780';

/**
 * The result type of each method, as written in `method<…>()` in shared/contract/methods.ts.
 * tests/unit/api-doc.test.ts compares this map with that source: a new method or a changed result type
 * fails the suite until it is mirrored here (kept partial so that a new method does not break the build).
 */
export const RESULT_TYPES: { readonly [K in MethodName]?: string } = {
  'app-info': "{ version: string; dataDir: string; mode: 'desktop' | 'browser'; schemaVersion: number }",
  'prefs-get': 'Preferences',
  'prefs-set': 'Preferences',
  'calls-list': 'CallSummary[]',
  'calls-get': 'Call',
  'calls-create': 'Call',
  'calls-update': 'Call',
  'calls-archive': 'Call',
  'candidates-list': 'CandidateRow[]',
  'candidates-get': 'CandidateFile',
  'candidates-create': 'CandidateFile',
  'candidates-update': 'CandidateFile',
  'candidates-delete': '{ id: number }',
  'members-list': 'Member[]',
  'members-directory': '{ name: string; email: string; calls: string[] }[]',
  'members-save': 'Member',
  'members-delete': '{ id: number }',
  'inspectors-list': 'Inspector[]',
  'inspectors-save': 'Inspector',
  'inspectors-delete': '{ id: number }',
  'inspectors-copy': '{ added: number; inspectors: Inspector[] }',
  'demo-open': '{ callIds: number[]; created: boolean }',
  'journal-list': 'JournalEntry[]',
  'intake-open': 'IntakePreview',
  'intake-preview': 'IntakePreview',
  'intake-mapping-save': '{ saved: true }',
  'intake-commit': 'IntakeResult',
  'intake-cancel': '{ cancelled: boolean }',
  'candidates-export': 'ExportedFile',
  'intake-template': 'ExportedFile',
  'rules-get': 'CallRules',
  'rules-save': 'CallRules',
  'admissibility-get': 'ApplicationAdmissibility',
  'facts-save': 'ApplicationAdmissibility',
  'head-opinion-save': 'ApplicationAdmissibility',
  'verdict-override': 'ApplicationAdmissibility',
  'documents-add': 'ApplicationDocument',
  'documents-update': 'ApplicationDocument',
  'documents-delete': '{ id: number }',
  'documents-download': 'ExportedFile',
  'documents-open': '{ opened: true }',
  'mail-import': 'MailImportOutcome',
  'opinions-overview': 'OpinionsOverview',
  'opinions-assign': 'CandidateOpinion',
  'opinions-request': 'OpinionRequestFiles',
  'opinions-import': 'OpinionImportReport',
  'opinions-get': 'CandidateOpinion',
  'opinions-save': 'CandidateOpinion',
  'grids-get': 'Grid',
  'grids-save': '{ saved: boolean; grid: Grid; impacts: GridImpact[] }',
  'scoring-settings-save': 'ScoringSettings',
  'evaluation-overview': 'EvaluationOverview',
  'evaluation-sheet-get': 'EvaluationSheetView',
  'evaluation-sheet-save': 'EvaluationSheetView',
  'conflicts-declare': 'ConflictOfInterest[]',
  'conflicts-remove': 'ConflictOfInterest[]',
  'scores-export': 'ExportedFile',
  'scores-import': 'ScoreMergeReport',
  'planner-get': 'PlannerView',
  'planner-settings-save': 'PlannerView',
  'planner-constraints-save': 'PlannerView',
  'planner-constraints-template': 'ExportedFile',
  'planner-constraints-import': 'AvailabilityImportReport',
  'planner-run': 'PlannerProposal',
  'planner-cancel': '{ cancelled: boolean }',
  'planner-apply': 'PlannerView',
  'planner-slot-move': 'PlannerView',
  'planner-slot-lock': 'PlannerView',
  'planner-slot-remove': 'PlannerView',
  'planner-convocation': 'ExportedFile',
  'planner-call-off-done': 'PlannerView',
  'planner-member-schedule': 'ExportedFile',
  'planner-export': 'ExportedFile',
};

/** What each error code means for a script author, and the HTTP status it comes with. */
export const ERROR_MEANINGS: Record<ErrorCode, { meaning: string; http: string }> = {
  validation: {
    meaning: 'Les arguments sont mal formés ou un champ est refusé ; `fieldErrors` indique lesquels. Rien n’a été enregistré.',
    http: '200 (400 si le corps n’est pas du JSON, 405 si la requête n’est pas un POST)',
  },
  not_found: { meaning: 'L’enregistrement demandé n’existe pas (ou plus).', http: '200' },
  forbidden: {
    meaning: 'Refusé par principe : une décision forcée sans « qui suis-je », l’ouverture d’un programme ou d’un script. Rien n’a été modifié.',
    http: '200',
  },
  unsupported: { meaning: 'Impossible dans ce mode : ouvrir une pièce avec une application du poste se fait dans l’application de bureau.', http: '200' },
  conflict: {
    meaning: 'La modification contredirait des données déjà enregistrées (adresse mail déjà utilisée dans l’appel, poste encore demandé…). Rien n’a été modifié.',
    http: '200',
  },
  unknown_method: { meaning: 'Cette méthode n’existe pas dans le contrat (faute de frappe dans l’adresse ?).', http: '404' },
  db_too_new: {
    meaning: 'Le fichier de données a été écrit par une version plus récente de l’application ; il n’est pas modifié. Le serveur refuse alors de démarrer.',
    http: '— (au démarrage)',
  },
  unauthorized: {
    meaning: 'Jeton de session absent ou invalide, ou requête venant d’un hôte ou d’une origine non autorisés.',
    http: '401 (jeton), 403 (hôte ou origine)',
  },
  too_large: { meaning: 'La requête ou un fichier dépasse une limite (corps de requête : 80 Mo).', http: '413' },
  internal: {
    meaning: 'Erreur interne (un défaut de l’application) : l’opération n’a pas été enregistrée ; le détail est dans le journal technique du serveur.',
    http: '500',
  },
};

const CANDIDATE_EXAMPLE: ArgsOf<'candidates-create'>['candidate'] = {
  nom: 'Exemple',
  prenom: 'Camille',
  dateNaissance: '12/03/1984',
  discipline: 'svt',
  adresse: '4 rue des Alpins, 05100 Briançon',
  telephone: '06 11 22 33 44',
  statut: 'titulaire',
  corps: 'Certifié',
  grade: 'Classe normale',
  echelon: '8',
  etablissement: 'Lycée d’Altitude',
  ville: 'Briançon',
  email: 'camille.exemple@ac-aix-marseille.example',
  experience: 'Coordination de projets scientifiques en établissement.',
  motivations: 'Porter la culture scientifique dans le réseau.',
  wishes: [1],
  receivedOn: '20/04/2026',
  status: 'recue',
};

const CALL_EXAMPLE: ArgsOf<'calls-create'>['call'] = {
  title: 'Professeur relais territorial CSTI — rentrée 2026',
  reference: 'IPR-CSTI-RT-2026',
  academie: 'Aix-Marseille',
  employer: 'Rectorat de l’académie d’Aix-Marseille',
  location: 'Académie d’Aix-Marseille',
  category: 'Mission particulière',
  description: '',
  acceptedStatuses: ['titulaire'],
  acceptedDisciplines: ['mathematiques', 'svt'],
  deadline: '15/05/2026',
  interviewStart: '01/06/2026',
  interviewEnd: '30/06/2026',
  interviewPlace: 'Rectorat',
  presidedBy: 'Le CAST',
  panelSize: '',
  contactEmail: 'csti@ac-aix-marseille.example',
  subjectPattern: 'Candidature – NOM PRÉNOM',
  posts: [{ label: 'Professeur relais territorial CSTI', site: 'Réseau Les Écrins', places: '1' }],
};

/** Example arguments for the curl lines; methods absent here get an example built from their schema. */
export const EXAMPLE_ARGS: { [K in MethodName]?: ArgsOf<K> } = {
  'prefs-set': { whoAmI: { name: 'Secrétariat IPR', email: 'secretariat.ipr@ac-aix-marseille.example' } },
  'calls-list': { includeArchived: false },
  'calls-create': { call: CALL_EXAMPLE },
  // A two-line CSV (« Nom;Prénom;Adresse mail académique ») in base64: any .xlsx or .csv file works the same way.
  'intake-open': {
    callId: 1,
    intakeId: 'import-2026-05-16-a',
    fileName: 'candidatures.csv',
    contentBase64: Buffer.from('Nom;Prénom;Adresse mail académique\r\nMARTIN;Élodie;elodie.martin@ac-aix-marseille.example\r\n').toString('base64'),
  },
  'intake-preview': { intakeId: 'import-2026-05-16-a', sheetIndex: 0, mapping: ['nom', 'prenom', 'email'] },
  'intake-mapping-save': { intakeId: 'import-2026-05-16-a', mapping: ['nom', 'prenom', 'email'] },
  'intake-commit': { intakeId: 'import-2026-05-16-a', sheetIndex: 0, mapping: ['nom', 'prenom', 'email'] },
  'intake-cancel': { intakeId: 'import-2026-05-16-a' },
  'candidates-export': { callId: 1, format: 'xlsx', filter: { verdict: 'irrecevable' } },
  'rules-save': {
    callId: 1,
    rules: {
      requiredDocuments: ['annexe2', 'avis_chef'],
      acceptedStatuses: ['titulaire'],
      requiredLevel: 'second_degre',
      requiredAcademie: 'Aix-Marseille',
      acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
      minimumDiploma: null,
      wishedDiploma: null,
      deadline: '2026-05-15',
      requireMondayFreed: true,
      requireHeadOpinion: true,
      subjectPattern: 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM',
      commissionCriteria: [],
    },
  },
  'opinions-assign': { candidateId: 12, inspectorId: 3 },
  'inspectors-copy': { callId: 3, fromCallId: 1 },
  'grids-save': {
    callId: 1,
    phase: 'dossier',
    sections: [
      {
        key: 'engagement',
        label: 'Motivation et disponibilité',
        criteria: [
          { key: 'motivation', label: 'Motivation et projet', description: '', weight: 2, min: 0, max: 4, levels: [], eliminatory: false, threshold: null, comment: true },
          { key: 'disponibilite', label: 'Disponibilité (lundi libéré)', description: '', weight: 1, min: 0, max: 4, levels: [], eliminatory: true, threshold: 2, comment: false },
        ],
      },
    ],
  },
  'scoring-settings-save': { callId: 1, settings: { visibility: 'jamais', deliberationOpen: false, disagreementShare: 0.25 } },
  'evaluation-sheet-save': {
    candidateId: 12,
    phase: 'dossier',
    scores: [
      { criterionKey: 'motivation', value: 3, comment: 'Projet clair pour le réseau.' },
      { criterionKey: 'disponibilite', value: 4, comment: '' },
    ],
    comment: '',
    submit: true,
  },
  'conflicts-declare': { candidateId: 12, kind: 'meme_etablissement', note: 'Collègue au lycée Paul Langevin.' },
  'scores-import': { callId: 1, fileName: 'evaluation-dossier-granet.xlsx', contentBase64: '<le classeur rempli, en base64>', commit: true, choices: { '12:motivation': 'fichier' } },
  'opinions-request': { callId: 1, inspectorId: 3, dueOn: '20/06/2026' },
  'planner-settings-save': {
    callId: 1,
    settings: {
      from: '2026-06-01',
      to: '2026-06-30',
      workingDays: [1, 2, 3, 4, 5],
      holidays: 'metropole',
      blackouts: [{ from: '2026-06-15', to: '2026-06-19', label: 'Baccalauréat' }],
      morning: { start: '09:00', end: '12:30' },
      afternoon: { start: '14:00', end: '17:30' },
      minutes: 30,
      bufferMinutes: 10,
      maxPerDay: 8,
      rooms: [{ id: 'salle-1', label: 'Salle 204' }],
      quorum: 3,
      presidentRequired: true,
      panels: [],
      place: 'Rectorat de l’académie d’Aix-Marseille, place Lucien Paye, Aix-en-Provence',
      seed: 1,
    },
  },
  'planner-constraints-save': {
    callId: 1,
    kind: 'candidate',
    personId: 12,
    availability: { unavailable: [{ date: '2026-06-03', half: 'am' }], weekly: [{ weekday: 2 }] },
    preferred: [{ date: '2026-06-22', half: 'pm' }],
    note: 'Cours le mardi.',
  },
  'planner-run': { callId: 1, mode: 'replan', runId: '3f1c…' },
  'planner-apply': { callId: 1, runId: '3f1c…', basedOnRevision: 7, slots: [{ candidateId: 12, date: '2026-06-03', start: '14:00', end: '14:30', roomId: 'salle-1', memberIds: [1, 2, 4] }], unplaced: [] },
  'planner-slot-move': { callId: 1, candidateId: 12, date: '2026-06-04', start: '09:40', roomId: 'salle-1', basedOnRevision: 8 },
  'opinions-import': { callId: 1, fileName: 'demande-avis-retour.xlsx', contentBase64: '<le classeur rempli, en base64>', commit: false },
  'opinions-save': {
    candidateId: 12,
    opinion: { avis: 'reserve', motivation: 'Avis écrit reçu le 09/06.', givenOn: '09/06/2026' },
    reason: 'L’avis écrit remplace l’avis téléphonique.',
  },
  'facts-save': { candidateId: 1, entry: { academie: 'Aix-Marseille', teachingLevel: 'second_degre', diploma: 7 } },
  'head-opinion-save': {
    candidateId: 1,
    opinion: { avis: 'favorable', motivation: 'Professeure investie dans les projets scientifiques du lycée.', mondayFreed: 'oui', signedBy: 'M. Durand, proviseur', signedOn: '02/05/2026' },
  },
  'verdict-override': { candidateId: 1, override: { status: 'recevable', motivation: 'Annexe 2 reçue par courrier le 14/05/2026, tamponnée par le secrétariat.' } },
  'documents-add': { candidateId: 1, fileName: 'avis-chef-etablissement.pdf', contentBase64: Buffer.from('%PDF-1.4\n%…').toString('base64'), kind: 'avis_chef' },
  'documents-update': { id: 1, kind: 'annexe2' },
  'mail-import': {
    callId: 1,
    fileName: 'candidature-martin.eml',
    contentBase64: Buffer.from(
      'From: Élodie Martin <elodie.martin@ac-aix-marseille.example>\r\nTo: csti@ac-aix-marseille.example\r\nSubject: Candidature Relais territorial du réseau Les Écrins – MARTIN Élodie\r\nDate: Thu, 14 May 2026 18:02:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, veuillez trouver ma candidature.\r\n',
    ).toString('base64'),
  },
  'intake-template': { callId: 1 },
  'calls-update': { id: 1, call: { ...CALL_EXAMPLE, posts: [{ id: 1, label: 'Professeur relais territorial CSTI', site: 'Réseau Les Écrins', places: '2' }] } },
  'calls-archive': { id: 1, archived: true },
  'candidates-list': { callId: 1, filter: { search: 'martin', discipline: 'svt', sort: { key: 'receivedOn', direction: 'desc' } } },
  'candidates-create': { callId: 1, candidate: CANDIDATE_EXAMPLE },
  'candidates-update': { id: 1, candidate: { ...CANDIDATE_EXAMPLE, status: 'en_instruction' } },
  'members-save': { callId: 1, member: { name: 'Hélène Vasseur', role: 'president', email: 'helene.vasseur@ac-aix-marseille.example' } },
  'inspectors-save': { callId: 1, inspector: { name: 'Bernard Lemaire', email: 'bernard.lemaire@ac-aix-marseille.example', disciplines: ['mathematiques'] } },
  'journal-list': { callId: 1, limit: 50 },
};

const code = (s: string | number) => `\`${s}\``;
const codes = (items: readonly (string | number)[]) => items.map(code).join(', ');

const CANDIDATE_NOTES = [
  'Le dossier s’envoie tel qu’on le saisit dans le formulaire : toutes les clés sont présentes, toutes en texte (l’échelon aussi, `"8"`), une chaîne vide pour ce qui n’est pas connu. Seuls `nom` et `prenom` doivent être remplis : un dossier incomplet est enregistré et signalé comme tel.',
  'Dates (`dateNaissance`, `receivedOn`) : `jj/mm/aaaa` (ou `aaaa-mm-jj`) ; la date de réception ne peut pas être dans le futur.',
  `\`discipline\` : un code (${codes(DISCIPLINES.map((d) => d.code))}) ou son libellé.`,
  `\`statut\` : ${codes(AGENT_STATUSES)} ou vide. \`status\` (état de la candidature) : ${codes(APPLICATION_STATUSES)} ; vide vaut \`recue\`.`,
  '`wishes` : identifiants des postes de l’appel demandés, du premier vœu au dernier (voir `calls-get`).',
  'Une adresse mail ne peut servir qu’à un dossier par appel (sinon `conflict`). Les erreurs de saisie reviennent en `validation` avec `fieldErrors` par champ (`nom`, `dateNaissance`…).',
];

const CALL_NOTES = [
  'Dates (`deadline`, `interviewStart`, `interviewEnd`) : `jj/mm/aaaa` (ou `aaaa-mm-jj`) ou vide. `panelSize` et `places` sont du texte contenant un entier (`"3"`), `panelSize` peut être vide.',
  `\`acceptedStatuses\` : parmi ${codes(AGENT_STATUSES)} ; \`acceptedDisciplines\` : codes de discipline (voir \`candidates-create\`). Une liste vide signifie « sans restriction ».`,
  'Au moins un poste ; erreurs par poste dans `fieldErrors` sous la forme `posts.0.label`.',
];

/** Extra paragraphs for the methods whose arguments need more than their types to be used well. */
const NOTES: { [K in MethodName]?: readonly string[] } = {
  'prefs-set': [
    'Les modifications faites par un script sont journalisées au nom de la personne « qui suis-je » de ce poste : réglez-la d’abord avec cette méthode.',
  ],
  'calls-create': CALL_NOTES,
  'calls-update': [
    ...CALL_NOTES,
    'Les postes existants gardent leur `id` ; un poste sans `id` est créé ; un poste absent est supprimé, sauf s’il est demandé par un candidat (`conflict`).',
  ],
  'candidates-list': [
    `\`filter.search\` : mots cherchés (sans accents ni casse) dans le nom, le prénom, l’adresse mail, l’établissement, la ville et la discipline ; tous doivent être présents. \`filter.discipline\` : code de discipline. \`filter.postId\` : identifiant du poste en premier vœu. Sans \`filter.sort\`, tri par nom croissant.`,
    '`filter.verdict` : `recevable`, `incomplet` (une pièce ou une information manque encore), `irrecevable` (une règle de l’appel exclut la candidature) ; c’est le verdict qui compte (celui du secrétariat quand il l’a forcé). `filter.reason` : ne garde que les dossiers dont les règles donnent un motif sous cette règle (`lundi_libere`, `delai`, `pieces`…).',
  ],
  'candidates-create': CANDIDATE_NOTES,
  'candidates-update': [...CANDIDATE_NOTES, 'Tous les champs sont remplacés : envoyez le dossier complet (relu avec `candidates-get`).'],
  'members-save': [`\`member.role\` : ${codes(MEMBER_ROLES)}.`],
  'rules-save': [
    '`acceptedStatuses`, `acceptedDisciplines`, `deadline` (`aaaa-mm-jj`, dernier jour inclus, heure de Paris) et `subjectPattern` sont ceux de l’appel : les modifier ici modifie l’appel. Listes vides : sans restriction.',
    '`requiredDocuments` : `annexe2`, `avis_chef`, `cv`, `lettre_motivation`, `autre`. `requiredLevel` : `premier_degre`, `second_degre`, `superieur`, `non_enseignant` ou null. Diplômes : niveaux 3 à 8 du cadre national des certifications (4 = baccalauréat, 6 = licence).',
  ],
  'verdict-override': [
    'L’auteur est la personne « qui suis-je » de ce poste (`prefs-set`) : sans elle, `forbidden`. La motivation compte 10 caractères au moins. `override: null` rétablit le verdict des règles.',
  ],
  'opinions-import': [
    'D’abord sans `commit` (rapport ligne par ligne : `accepted`, `unchanged`, `empty`, `refused` avec le motif), puis avec `commit: true` pour enregistrer les avis acceptés. Les lignes sont rapprochées par l’identifiant `AV-<dossier>` ; l’identité envoyée (nom, prénom, discipline) doit être inchangée.',
  ],
  'opinions-save': [
    '`opinion.avis` : `tres_favorable`, `favorable`, `reserve`, `defavorable` (ou leur libellé). Le premier avis s’enregistre sans motif ; ensuite `reason` (10 caractères au moins) est exigé. Auteur : la personne « qui suis-je » (sinon `forbidden`).',
  ],
  'mail-import': [
    'Un courriel par appel de la méthode (`.eml` de Thunderbird ou d’Outlook, 25 Mo au plus ; pièces jointes de 20 Mo au plus). Le même courriel importé deux fois ne modifie rien (`outcome: "already"`). Un `.msg` est refusé (`validation`) avec la marche à suivre.',
  ],
};

// ---------------------------------------------------------------------------------------------
// JSON Schema -> readable table

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

export function argsJsonSchema(name: MethodName): JsonSchema {
  return z.toJSONSchema(methods[name].args, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** 50000 -> "50 000", independent of the ICU data of the running Node. */
function num(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function range(min: number | undefined, max: number | undefined, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `de ${num(min)} à ${num(max)}${u}`;
  if (max !== undefined) return `≤ ${num(max)}${u}`;
  if (min !== undefined) return `≥ ${num(min)}${u}`;
  return '';
}

function numberText(s: JsonSchema, word: string): string {
  const safe = (n: number | undefined) => (n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const min = safe(s.minimum);
  const max = safe(s.maximum);
  const parts = [word];
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${num(s.exclusiveMinimum)}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${num(s.exclusiveMaximum)}`);
  const r = range(min, max);
  if (r) parts.push(r);
  return parts.join(' ');
}

function isObject(s: JsonSchema | undefined): boolean {
  return !!s && s.type === 'object' && !!s.properties;
}

export function typeText(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeText).join(' ou ');
  if (s.enum) return `un de : ${s.enum.map((v) => code(JSON.stringify(v))).join(', ')}`;
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  switch (s.type) {
    case 'string': {
      const r = range(s.minLength, s.maxLength, 'car.');
      return r ? `texte ${r}` : 'texte';
    }
    case 'integer':
      return numberText(s, 'entier');
    case 'number':
      return numberText(s, 'nombre');
    case 'boolean':
      return 'booléen';
    case 'null':
      return '`null`';
    case 'object':
      return 'objet';
    case 'array': {
      const r = range(s.minItems, s.maxItems);
      const list = r ? `liste (${r})` : 'liste';
      if (!s.items) return list;
      return isObject(s.items) ? `${list} d’objets` : `${list} de « ${typeText(s.items)} »`;
    }
    default:
      return code(JSON.stringify(s));
  }
}

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
}

/** The object a field contains, directly, in a list (`[]`) or as one of its alternatives. */
function nested(s: JsonSchema): { schema: JsonSchema; suffix: string } | null {
  if (isObject(s)) return { schema: s, suffix: '' };
  if (s.type === 'array' && s.items && isObject(s.items)) return { schema: s.items, suffix: '[]' };
  const alt = s.anyOf?.find((a) => isObject(a));
  return alt ? { schema: alt, suffix: '' } : null;
}

export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    rows.push({ path, type: typeText(sub), required: required.has(name) });
    const inner = nested(sub);
    if (inner) rows.push(...fieldRows(inner.schema, path + inner.suffix));
  }
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function argsTable(name: MethodName): string {
  const rows = fieldRows(argsJsonSchema(name));
  if (rows.length === 0) return 'Aucun argument : envoyez `{}` (ou un corps vide).';
  return [
    '| Champ | Type | Requis |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${code(r.path)} | ${cell(r.type)} | ${r.required ? 'oui' : 'non'} |`),
  ].join('\n');
}

/** Smallest arguments the schema accepts: required fields only, first allowed value each. */
export function minimalExample(s: JsonSchema): unknown {
  if (s.anyOf) return minimalExample(s.anyOf.find((a) => a.type !== 'null') ?? s.anyOf[0]!);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = minimalExample(s.properties?.[key] ?? {});
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? 0);
    case 'boolean':
      return false;
    case 'string':
      return 'x'.repeat(s.minLength ?? 0);
    default:
      return null;
  }
}

export function exampleArgs(name: MethodName): unknown {
  return EXAMPLE_ARGS[name] ?? minimalExample(argsJsonSchema(name));
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curl(name: MethodName): string {
  const body = JSON.stringify(exampleArgs(name));
  return [
    '```sh',
    `curl -s -X POST ${BASE}/api/${name} \\`,
    '  -H "Authorization: Bearer $JETON" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d ${shellQuote(body)}`,
    '```',
  ].join('\n');
}

function methodSection(name: MethodName): string {
  const spec = methods[name];
  const errors = spec.errors.length ? codes(spec.errors) : 'aucun code propre (voir les erreurs communes)';
  const lines = [
    `### ${code(name)}`,
    '',
    spec.summary,
    '',
    `- **Modifie les données :** ${
      spec.mutates
        ? 'oui — l’opération est journalisée (qui, quand, quoi) et annoncée par un événement `changed`.'
        : 'non — lecture ou réglage de ce poste, non journalisé.'
    }`,
    `- **Résultat :** ${RESULT_TYPES[name] ? code(RESULT_TYPES[name]) : 'voir `shared/contract/methods.ts`'}`,
    `- **Erreurs possibles :** ${errors}`,
    '',
    '**Arguments**',
    '',
    argsTable(name),
  ];
  const notes = NOTES[name];
  if (notes) lines.push('', ...notes.map((n) => `- ${n}`));
  lines.push('', '**Exemple**', '', curl(name));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

function intro(): string {
  return `# API du mode navigateur — Commission de recrutement

> Ce fichier est généré à partir du contrat (\`shared/contract/methods.ts\`) par \`npm run docs:api\`.
> Ne le modifiez pas à la main : modifiez le contrat puis régénérez-le.

En mode navigateur, l’application sert son interface **et** une API locale : tout ce que fait l’interface
passe par ces méthodes, qu’un script de l’académie peut appeler lui aussi (import, export, relances…).
Les noms de méthode sont en anglais ; les messages d’erreur sont en français.

## Démarrer le serveur

\`\`\`sh
npm run serve -- --data-dir DOSSIER --port 4780
\`\`\`

- \`--data-dir\` : dossier des données (le fichier \`commission.sqlite\` et les préférences) ; par défaut, celui de l’application de bureau.
- \`--port\` : port d’écoute (4780 par défaut ; \`0\` = un port libre quelconque). Le serveur n’écoute que sur \`127.0.0.1\` : il n’est pas joignable depuis une autre machine.
- La commande construit l’application puis affiche l’adresse à ouvrir :

\`\`\`text
Commission de recrutement — mode navigateur / browser mode
Données : /chemin/vers/DOSSIER
Ouvrez cette adresse dans votre navigateur / open this address in your browser:
  http://127.0.0.1:4780/#jeton=3q2-7wX…
\`\`\`

La partie après \`#jeton=\` est le **jeton de session** : un secret tiré au hasard à chaque démarrage, que les
autres programmes de la machine ne connaissent pas. Un script le reçoit de la personne qui a lancé le serveur
(par exemple \`export JETON=3q2-7wX…\`) ; il change à chaque redémarrage. Arrêt : Ctrl+C.

## Appeler une méthode

Chaque méthode est une requête \`POST /api/<méthode>\` dont le corps est un objet JSON (les arguments) :

\`\`\`sh
curl -s -X POST ${BASE}/api/app-info \\
  -H "Authorization: Bearer $JETON" \\
  -H "Content-Type: application/json" \\
  -d '{}'
\`\`\`

- En-tête obligatoire : \`Authorization: Bearer <jeton>\`.
- Corps : JSON encodé en UTF-8 ; un corps vide vaut \`{}\` ; 80 Mo au plus.
- L’hôte appelé doit être \`127.0.0.1:<port>\` ou \`localhost:<port>\` ; une requête portant un en-tête \`Origin\` d’un autre site est refusée.

### Réponse

La réponse est toujours une enveloppe JSON :

\`\`\`ts
type Reponse<T> =
  | { ok: true; result: T }
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };
\`\`\`

Exemple de succès, puis d’échec :

\`\`\`json
{ "ok": true, "result": { "version": "0.1.0", "dataDir": "/chemin/vers/DOSSIER", "mode": "browser", "schemaVersion": 1 } }
{ "ok": false, "error": { "code": "validation", "message": "Le dossier contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.", "fieldErrors": { "dateNaissance": "Le 31/02/1984 n’existe pas dans le calendrier." } } }
\`\`\`

\`message\` est écrit pour être montré à une personne ; un script décide d’après \`code\`. \`fieldErrors\` associe
un champ (\`nom\`, \`posts.0.label\`, ou le chemin complet comme \`candidate.nom\` quand c’est la forme même de
l’argument qui est refusée) à son message. Une méthode qui échoue n’enregistre rien.

Les types nommés des résultats (\`Call\`, \`CandidateFile\`, \`CandidateRow\`…) sont définis dans
\`shared/model/entities.ts\`. Dans les tableaux d’arguments, « Requis » signifie que la clé doit figurer dans le
JSON (une chaîne vide peut suffire) ; les longueurs indiquées sont des garde-fous du contrat. Les règles métier
(champs à remplir, nom de 200 caractères au plus, dates valides, adresse mail…) sont plus strictes et répondent
\`validation\` avec \`fieldErrors\`.

### Statuts HTTP

| Statut | Quand |
| --- | --- |
| 200 | La requête a été traitée : lisez \`ok\`. Les erreurs métier (\`validation\`, \`not_found\`, \`conflict\`…) arrivent avec le statut 200 et \`ok: false\`. |
| 400 | Le corps n’est pas du JSON valide (\`validation\`). |
| 401 | Jeton absent ou invalide (\`unauthorized\`) : reprenez le jeton affiché au dernier démarrage. |
| 403 | Hôte ou origine non autorisés (\`unauthorized\`). |
| 404 | Méthode inconnue (\`unknown_method\`). |
| 405 | Autre verbe que \`POST\` sur \`/api/…\` (\`validation\`). |
| 413 | Corps de plus de 80 Mo (\`too_large\`). |
| 500 | Erreur interne (\`internal\`). |

### Codes d’erreur

| Code | Statut HTTP | Signification |
| --- | --- | --- |
${ERROR_CODES.map((c) => `| ${code(c)} | ${cell(ERROR_MEANINGS[c].http)} | ${cell(ERROR_MEANINGS[c].meaning)} |`).join('\n')}

Chaque méthode liste ci-dessous ses codes propres ; \`unauthorized\`, \`unknown_method\`, \`too_large\` et
\`internal\` peuvent survenir pour toutes.

## Être prévenu des changements

\`GET /events?token=<jeton>\` ouvre un flux [Server-Sent Events](https://developer.mozilla.org/fr/docs/Web/API/Server-sent_events)
(le jeton passe dans l’adresse car \`EventSource\` ne sait pas envoyer d’en-tête). Après chaque méthode qui modifie
des données — y compris par une autre fenêtre ou un autre script —, le serveur envoie un événement \`changed\` :

\`\`\`text
event: changed
data: {"entity":"candidates","callId":1}
\`\`\`

\`entity\` vaut \`calls\`, \`candidates\`, \`members\`, \`inspectors\` ou \`prefs\` ; \`callId\` est l’appel concerné
(\`null\` s’il n’y en a pas). L’événement dit seulement quoi relire : rappelez la méthode de lecture voulue. Un
commentaire \`: ping\` est envoyé toutes les 25 secondes pour garder la connexion ouverte.

\`\`\`sh
curl -N "${BASE}/events?token=$JETON"
\`\`\`

## Méthodes

| Méthode | Modifie | Résumé |
| --- | --- | --- |
${(Object.keys(methods) as MethodName[])
  .map((name) => `| [${code(name)}](#${name}) | ${methods[name].mutates ? 'oui' : 'non'} | ${cell(methods[name].summary)} |`)
  .join('\n')}`;
}

export function renderApiDoc(): string {
  const sections = (Object.keys(methods) as MethodName[]).map(methodSection);
  return [intro(), ...sections].join('\n\n') + '\n';
}
