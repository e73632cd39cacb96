import { describe, expect, it } from 'vitest';
import {
  ASTERIE_RULES,
  CSTI_RULES,
  applyOverride,
  checkCallRules,
  checkOverride,
  defaultRulesFromCall,
  evaluateAdmissibility,
  type EvaluationOptions,
  type OverrideDraft,
} from '../../shared/domain/admissibility/rules.js';
import {
  ANNEXE2_FIELDS,
  RULE_IDS,
  type ApplicationFacts,
  type CallRules,
  type HeadOpinion,
  type VerdictOverride,
  type VerdictReason,
  type VerdictStatus,
} from '../../shared/model/admissibility.js';
import { ASTERIE_CALL, CSTI_CALL } from '../../electron/services/demo.js';

/** Rules that ask for nothing: each case below turns one on. */
const NO_RULES: CallRules = {
  requiredDocuments: [],
  acceptedStatuses: [],
  requiredLevel: null,
  requiredAcademie: null,
  acceptedDisciplines: [],
  minimumDiploma: null,
  wishedDiploma: null,
  deadline: null,
  requireMondayFreed: false,
  requireHeadOpinion: false,
  subjectPattern: '',
  commissionCriteria: [],
};

const HEAD_OK: HeadOpinion = {
  avis: 'favorable',
  motivation: 'Professeure investie dans les clubs sciences ; le lundi sera libéré à l’emploi du temps.',
  mondayFreed: 'oui',
  signedBy: 'Mme Martin, proviseure du lycée d’Altitude',
  signedOn: '2026-05-11',
};

/** A tenured SVT teacher of Aix-Marseille with a complete CSTI application. */
const CSTI_OK: ApplicationFacts = {
  statut: 'titulaire',
  teachingLevel: 'second_degre',
  academie: 'Aix-Marseille',
  discipline: 'svt',
  diploma: 7,
  documents: ['annexe2', 'avis_chef'],
  received: '2026-05-12T08:14:00.000Z',
  headOpinion: HEAD_OK,
  annexe2Filled: [...ANNEXE2_FIELDS],
};

/** A contractual agent with a licence, CV and letter, in time for ASTERIE. */
const ASTERIE_OK: ApplicationFacts = {
  statut: 'contractuel',
  teachingLevel: 'non_enseignant',
  academie: 'Nancy-Metz',
  discipline: 'sans-objet',
  diploma: 6,
  documents: ['cv', 'lettre_motivation'],
  received: '2025-08-20T09:00:00Z',
  headOpinion: null,
  annexe2Filled: [],
};

const DISCIPLINES_CSTI = 'Mathématiques, Physique-chimie, Sciences de la vie et de la Terre, Technologie';
const AVIS_MISSING = 'Pièce manquante : avis motivé du chef d’établissement.';
const MONDAY_UNCONFIRMED = 'Libération du lundi non confirmée : l’avis du chef d’établissement n’est pas saisi.';

type Case = [
  label: string,
  rules: Partial<CallRules>,
  facts: Partial<ApplicationFacts>,
  reasons: VerdictReason[],
  status: VerdictStatus,
  options?: EvaluationOptions,
];

const refused = (rule: VerdictReason['rule'], message: string): VerdictReason => ({ rule, kind: 'refused', message });
const missing = (rule: VerdictReason['rule'], message: string): VerdictReason => ({ rule, kind: 'missing', message });
const warning = (rule: VerdictReason['rule'], message: string): VerdictReason => ({ rule, kind: 'warning', message });

describe('evaluateAdmissibility: every rule and its French reason', () => {
  it.each<Case>([
    ['no rule: recevable', {}, {}, [], 'recevable'],

    // delai
    ['delai: received on the day', { deadline: '2026-05-15' }, { received: '2026-05-15' }, [], 'recevable'],
    [
      'delai: received three days late',
      { deadline: '2026-05-15' },
      { received: '2026-05-18' },
      [refused('delai', 'Reçu le 18/05/2026, après la date limite du 15/05/2026.')],
      'irrecevable',
    ],
    ['delai: mail at 23:30 in Paris on the last day', { deadline: '2026-05-15' }, { received: '2026-05-15T21:30:00Z' }, [], 'recevable'],
    [
      'delai: mail at 00:30 in Paris the next day',
      { deadline: '2026-05-15' },
      { received: '2026-05-15T22:30:00Z' },
      [refused('delai', 'Reçu le 16/05/2026 à 00:30 (heure de Paris), après la date limite du 15/05/2026.')],
      'irrecevable',
    ],
    [
      'delai: reception unknown',
      { deadline: '2026-05-15' },
      { received: null },
      [missing('delai', 'Date de réception inconnue : la date limite du 15/05/2026 ne peut pas être vérifiée.')],
      'incomplet',
    ],
    [
      'delai: reception unreadable',
      { deadline: '2026-05-15' },
      { received: 'mi-mai' },
      [missing('delai', 'Date de réception illisible : « mi-mai ». Corrigez-la dans le dossier.')],
      'incomplet',
    ],
    [
      'delai: deadline unreadable',
      { deadline: '15 mai' },
      { received: '2026-05-12' },
      [warning('delai', 'Date limite de l’appel illisible : « 15 mai ». Corrigez les règles de l’appel.')],
      'recevable',
    ],
    ['delai: no deadline, no reception', {}, { received: null }, [], 'recevable'],
    [
      'delai: reception in the future',
      {},
      { received: '2026-06-12T08:00:00Z' },
      [warning('delai', 'Reçu le 12/06/2026 à 10:00 (heure de Paris), date postérieure à aujourd’hui (10/06/2026) : vérifiez la saisie.')],
      'recevable',
      { now: '2026-06-10T12:00:00Z' },
    ],
    ['delai: reception today', {}, { received: '2026-06-10' }, [], 'recevable', { now: '2026-06-10T21:30:00Z' }],

    // statut
    ['statut: titulaire accepted', { acceptedStatuses: ['titulaire'] }, { statut: 'titulaire' }, [], 'recevable'],
    [
      'statut: contractuel refused',
      { acceptedStatuses: ['titulaire'] },
      { statut: 'contractuel' },
      [refused('statut', 'Statut « Contractuel(le) » : l’appel est réservé aux titulaires.')],
      'irrecevable',
    ],
    [
      'statut: stagiaire refused by two statuses',
      { acceptedStatuses: ['titulaire', 'contractuel'] },
      { statut: 'stagiaire' },
      [refused('statut', 'Statut « Stagiaire » : l’appel est réservé aux titulaires et aux contractuels.')],
      'irrecevable',
    ],
    [
      'statut: not given',
      { acceptedStatuses: ['titulaire'] },
      { statut: null },
      [missing('statut', 'Statut non renseigné : l’appel est réservé aux titulaires.')],
      'incomplet',
    ],
    ['statut: no restriction', {}, { statut: null }, [], 'recevable'],

    // niveau
    ['niveau: second degré', { requiredLevel: 'second_degre' }, { teachingLevel: 'second_degre' }, [], 'recevable'],
    [
      'niveau: premier degré refused',
      { requiredLevel: 'second_degre' },
      { teachingLevel: 'premier_degre' },
      [refused('niveau', 'Niveau d’enseignement « Premier degré » : l’appel est réservé au second degré.')],
      'irrecevable',
    ],
    [
      'niveau: non enseignant refused',
      { requiredLevel: 'second_degre' },
      { teachingLevel: 'non_enseignant' },
      [refused('niveau', 'Niveau d’enseignement « Personnel non enseignant » : l’appel est réservé au second degré.')],
      'irrecevable',
    ],
    [
      'niveau: not given',
      { requiredLevel: 'second_degre' },
      { teachingLevel: null },
      [missing('niveau', 'Niveau d’enseignement non renseigné : l’appel est réservé au second degré.')],
      'incomplet',
    ],

    // academie
    ['academie: same', { requiredAcademie: 'Aix-Marseille' }, { academie: 'Aix-Marseille' }, [], 'recevable'],
    ['academie: another spelling', { requiredAcademie: 'Aix-Marseille' }, { academie: 'académie d’aix marseille' }, [], 'recevable'],
    ['academie: the mail domain', { requiredAcademie: 'Aix-Marseille' }, { academie: 'ac-aix-marseille' }, [], 'recevable'],
    [
      'academie: another académie',
      { requiredAcademie: 'Aix-Marseille' },
      { academie: 'Nice' },
      [refused('academie', 'Académie d’affectation « Nice » : l’appel est réservé aux personnels affectés dans l’académie d’Aix-Marseille.')],
      'irrecevable',
    ],
    [
      'academie: « de » before a consonant',
      { requiredAcademie: 'Nancy-Metz' },
      { academie: 'académie de Strasbourg' },
      [refused('academie', 'Académie d’affectation « Strasbourg » : l’appel est réservé aux personnels affectés dans l’académie de Nancy-Metz.')],
      'irrecevable',
    ],
    [
      'academie: unknown name',
      { requiredAcademie: 'Aix-Marseille' },
      { academie: 'Atlantide' },
      [refused('academie', 'Académie d’affectation « Atlantide » : l’appel est réservé aux personnels affectés dans l’académie d’Aix-Marseille.')],
      'irrecevable',
    ],
    [
      'academie: not given',
      { requiredAcademie: 'Aix-Marseille' },
      { academie: '  ' },
      [missing('academie', 'Académie d’affectation non renseignée : l’appel est réservé aux personnels affectés dans l’académie d’Aix-Marseille.')],
      'incomplet',
    ],

    // discipline
    ['discipline: SVT', { acceptedDisciplines: CSTI_RULES.acceptedDisciplines }, { discipline: 'svt' }, [], 'recevable'],
    [
      'discipline: lettres modernes',
      { acceptedDisciplines: CSTI_RULES.acceptedDisciplines },
      { discipline: 'lettres-modernes' },
      [refused('discipline', `Discipline « Lettres modernes » : l’appel est réservé à ${DISCIPLINES_CSTI}.`)],
      'irrecevable',
    ],
    [
      'discipline: not given',
      { acceptedDisciplines: CSTI_RULES.acceptedDisciplines },
      { discipline: null },
      [missing('discipline', `Discipline non renseignée : l’appel est réservé à ${DISCIPLINES_CSTI}.`)],
      'incomplet',
    ],

    // diplome_minimum
    ['diplome_minimum: Bac for Bac', { minimumDiploma: 4 }, { diploma: 4 }, [], 'recevable'],
    [
      'diplome_minimum: CAP for Bac',
      { minimumDiploma: 4 },
      { diploma: 3 },
      [refused('diplome_minimum', 'Diplôme « Niveau 3 — CAP, BEP » : l’appel exige au minimum « Niveau 4 — Baccalauréat ».')],
      'irrecevable',
    ],
    [
      'diplome_minimum: not given',
      { minimumDiploma: 4 },
      { diploma: null },
      [missing('diplome_minimum', 'Niveau de diplôme non renseigné : l’appel exige au minimum « Niveau 4 — Baccalauréat ».')],
      'incomplet',
    ],

    // diplome_souhaite
    ['diplome_souhaite: licence for licence', { minimumDiploma: 4, wishedDiploma: 6 }, { diploma: 6 }, [], 'recevable'],
    ['diplome_souhaite: master above licence', { minimumDiploma: 4, wishedDiploma: 6 }, { diploma: 7 }, [], 'recevable'],
    [
      'diplome_souhaite: Bac below Bac+3 wished, still recevable',
      { minimumDiploma: 4, wishedDiploma: 6 },
      { diploma: 4 },
      [
        warning(
          'diplome_souhaite',
          'Diplôme « Niveau 4 — Baccalauréat » : en dessous du niveau souhaité « Niveau 6 — Licence (Bac+3) » (sans effet sur la recevabilité).',
        ),
      ],
      'recevable',
    ],
    [
      'diplome_souhaite: below the minimum, the refusal only',
      { minimumDiploma: 4, wishedDiploma: 6 },
      { diploma: 3 },
      [refused('diplome_minimum', 'Diplôme « Niveau 3 — CAP, BEP » : l’appel exige au minimum « Niveau 4 — Baccalauréat ».')],
      'irrecevable',
    ],
    [
      'diplome_souhaite: not given, no minimum',
      { wishedDiploma: 6 },
      { diploma: null },
      [warning('diplome_souhaite', 'Niveau de diplôme non renseigné : l’appel souhaite « Niveau 6 — Licence (Bac+3) ».')],
      'recevable',
    ],

    // pieces
    ['pieces: all there', { requiredDocuments: ['cv', 'lettre_motivation'] }, { documents: ['lettre_motivation', 'cv', 'autre'] }, [], 'recevable'],
    [
      'pieces: letter missing',
      { requiredDocuments: ['cv', 'lettre_motivation'] },
      { documents: ['cv'] },
      [missing('pieces', 'Pièce manquante : lettre de motivation.')],
      'incomplet',
    ],
    [
      'pieces: both missing, one reason each',
      { requiredDocuments: ['cv', 'lettre_motivation'] },
      { documents: [] },
      [missing('pieces', 'Pièce manquante : curriculum vitae.'), missing('pieces', 'Pièce manquante : lettre de motivation.')],
      'incomplet',
    ],
    [
      'pieces: annexe 2 missing',
      { requiredDocuments: ['annexe2'] },
      { documents: [] },
      [missing('pieces', 'Pièce manquante : annexe 2 (fiche de candidature).')],
      'incomplet',
    ],
    [
      'pieces: head’s opinion missing',
      { requiredDocuments: ['avis_chef'] },
      { documents: [], headOpinion: null },
      [missing('pieces', AVIS_MISSING)],
      'incomplet',
    ],
    ['pieces: the entered opinion counts as the document', { requiredDocuments: ['avis_chef'] }, { documents: [], headOpinion: HEAD_OK }, [], 'recevable'],

    // annexe2
    [
      'annexe2: fields missing',
      { requiredDocuments: ['annexe2'] },
      { documents: ['annexe2'], annexe2Filled: ANNEXE2_FIELDS.filter((f) => f !== 'adresse' && f !== 'telephone') },
      [missing('annexe2', 'Annexe 2 incomplète : adresse personnelle, téléphone.')],
      'incomplet',
    ],
    [
      'annexe2: absent, the missing document only',
      { requiredDocuments: ['annexe2'] },
      { documents: [], annexe2Filled: [] },
      [missing('pieces', 'Pièce manquante : annexe 2 (fiche de candidature).')],
      'incomplet',
    ],
    ['annexe2: not required, not checked', {}, { documents: ['annexe2'], annexe2Filled: [] }, [], 'recevable'],

    // avis_chef
    ['avis_chef: entered', { requireHeadOpinion: true }, { headOpinion: HEAD_OK }, [], 'recevable'],
    ['avis_chef: required, absent', { requireHeadOpinion: true }, { headOpinion: null, documents: [] }, [missing('avis_chef', AVIS_MISSING)], 'incomplet'],
    [
      'avis_chef: required and a required document, one reason',
      { requireHeadOpinion: true, requiredDocuments: ['avis_chef'] },
      { headOpinion: null, documents: [] },
      [missing('pieces', AVIS_MISSING)],
      'incomplet',
    ],
    [
      'avis_chef: document joined, not entered',
      { requireHeadOpinion: true, requiredDocuments: ['avis_chef'] },
      { headOpinion: null, documents: ['avis_chef'] },
      [missing('avis_chef', 'Avis du chef d’établissement joint mais non saisi : renseignez-le dans le dossier.')],
      'incomplet',
    ],
    [
      'avis_chef: not motivated',
      { requireHeadOpinion: true },
      { headOpinion: { ...HEAD_OK, motivation: '  ' } },
      [missing('avis_chef', 'Avis du chef d’établissement non motivé : l’appel demande un avis motivé.')],
      'incomplet',
    ],
    [
      'avis_chef: not signed',
      { requireHeadOpinion: true },
      { headOpinion: { ...HEAD_OK, signedBy: '' } },
      [missing('avis_chef', 'Avis du chef d’établissement non signé : indiquez qui l’a signé.')],
      'incomplet',
    ],
    [
      'avis_chef: not dated',
      { requireHeadOpinion: true },
      { headOpinion: { ...HEAD_OK, signedOn: null } },
      [warning('avis_chef', 'Avis du chef d’établissement non daté.')],
      'recevable',
    ],
    [
      'avis_chef: défavorable is shown, not decisive',
      { requireHeadOpinion: true },
      { headOpinion: { ...HEAD_OK, avis: 'defavorable' } },
      [warning('avis_chef', 'Avis défavorable du chef d’établissement.')],
      'recevable',
    ],
    [
      'avis_chef: réservé is shown even when not required',
      {},
      { headOpinion: { ...HEAD_OK, avis: 'reserve', signedBy: '', motivation: '' } },
      [warning('avis_chef', 'Avis réservé du chef d’établissement.')],
      'recevable',
    ],
    [
      'avis_chef: signed in the future',
      { requireHeadOpinion: true },
      { headOpinion: { ...HEAD_OK, signedOn: '2026-07-01' } },
      [warning('avis_chef', 'Avis du chef d’établissement daté du 01/07/2026, postérieur à aujourd’hui (10/06/2026) : vérifiez la saisie.')],
      'recevable',
      { now: '2026-06-10' },
    ],
    ['avis_chef: not required, absent', {}, { headOpinion: null }, [], 'recevable'],

    // lundi_libere
    ['lundi_libere: confirmed', { requireMondayFreed: true }, { headOpinion: HEAD_OK }, [], 'recevable'],
    [
      'lundi_libere: the head says no',
      { requireMondayFreed: true },
      { headOpinion: { ...HEAD_OK, mondayFreed: 'non' } },
      [refused('lundi_libere', 'L’avis du chef d’établissement ne confirme pas la libération du lundi.')],
      'irrecevable',
    ],
    [
      'lundi_libere: the head does not say',
      { requireMondayFreed: true },
      { headOpinion: { ...HEAD_OK, mondayFreed: 'non_precise' } },
      [missing('lundi_libere', 'L’avis du chef d’établissement ne précise pas si le lundi est libéré à l’emploi du temps.')],
      'incomplet',
    ],
    [
      'lundi_libere: no opinion asks for the opinion, and says Monday is not confirmed (so the « lundi » filter finds it)',
      { requireMondayFreed: true },
      { headOpinion: null, documents: [] },
      [missing('avis_chef', AVIS_MISSING), missing('lundi_libere', MONDAY_UNCONFIRMED)],
      'incomplet',
    ],
    ['lundi_libere: not required', {}, { headOpinion: { ...HEAD_OK, mondayFreed: 'non' } }, [], 'recevable'],

    // objet
    [
      'objet: off the pattern, a warning',
      { subjectPattern: CSTI_RULES.subjectPattern },
      { subject: 'Candidature CSTI' },
      [warning('objet', `L’objet ne suit pas le modèle « ${CSTI_RULES.subjectPattern} ».`)],
      'recevable',
    ],
    [
      'objet: unknown réseau',
      { subjectPattern: CSTI_RULES.subjectPattern },
      { subject: 'Candidature Relais territorial du réseau Durance – ROUX Paul' },
      [warning('objet', 'Réseau non reconnu : « Durance ». Réseaux de l’appel : Réseau Les Écrins, Réseau Côte Bleue – La Nerthe.')],
      'recevable',
      { networks: ['Réseau Les Écrins', 'Réseau Côte Bleue – La Nerthe'] },
    ],
    [
      'objet: as asked',
      { subjectPattern: CSTI_RULES.subjectPattern },
      { subject: 'TR: Candidature Relais territorial du réseau Les Écrins – DURAND Camille' },
      [],
      'recevable',
      { networks: ['Réseau Les Écrins', 'Réseau Côte Bleue – La Nerthe'] },
    ],
    ['objet: no subject (a paper file)', { subjectPattern: CSTI_RULES.subjectPattern }, { subject: null }, [], 'recevable'],
    ['objet: a pattern without placeholder', { subjectPattern: 'Candidature ASTERIE' }, { subject: 'Bonjour' }, [], 'recevable'],
  ])('%s', (_label, rules, facts, reasons, status, options) => {
    const verdict = evaluateAdmissibility({ ...CSTI_OK, ...facts }, { ...NO_RULES, ...rules }, options);
    expect(verdict).toEqual({ status, reasons });
  });

  it('has a case for every rule', () => {
    // Keeps the table above honest when a rule is added.
    expect(RULE_IDS).toEqual([
      'delai',
      'statut',
      'niveau',
      'academie',
      'discipline',
      'diplome_minimum',
      'diplome_souhaite',
      'pieces',
      'annexe2',
      'avis_chef',
      'lundi_libere',
      'objet',
    ]);
  });
});

describe('evaluateAdmissibility: precedence', () => {
  const messy: ApplicationFacts = {
    ...CSTI_OK,
    discipline: 'lettres-modernes',
    statut: null,
    documents: ['annexe2'],
    headOpinion: null,
    diploma: 4,
    received: '2026-05-18',
  };
  const rules: CallRules = { ...CSTI_RULES, acceptedStatuses: ['titulaire'], minimumDiploma: 3, wishedDiploma: 6 };

  it('irrecevable wins over incomplet; every reason is listed, refused first, then missing, then warnings', () => {
    expect(evaluateAdmissibility(messy, rules)).toEqual({
      status: 'irrecevable',
      reasons: [
        refused('delai', 'Reçu le 18/05/2026, après la date limite du 15/05/2026.'),
        refused('discipline', `Discipline « Lettres modernes » : l’appel est réservé à ${DISCIPLINES_CSTI}.`),
        missing('statut', 'Statut non renseigné : l’appel est réservé aux titulaires.'),
        missing('pieces', AVIS_MISSING),
        missing('lundi_libere', MONDAY_UNCONFIRMED),
        warning(
          'diplome_souhaite',
          'Diplôme « Niveau 4 — Baccalauréat » : en dessous du niveau souhaité « Niveau 6 — Licence (Bac+3) » (sans effet sur la recevabilité).',
        ),
      ],
    });
  });

  it.each<[string, Partial<ApplicationFacts>, VerdictStatus]>([
    ['missing and warnings: incomplet', { discipline: 'svt', received: '2026-05-12' }, 'incomplet'],
    ['warnings only: recevable', { discipline: 'svt', received: '2026-05-12', statut: 'titulaire', documents: ['annexe2', 'avis_chef'], headOpinion: HEAD_OK }, 'recevable'],
    ['one refusal among missing things: irrecevable', { discipline: 'svt', received: '2026-05-16' }, 'irrecevable'],
  ])('%s', (_label, facts, status) => {
    expect(evaluateAdmissibility({ ...messy, ...facts }, rules).status).toBe(status);
  });

  it('is pure: same inputs, same verdict; inputs untouched', () => {
    const facts = structuredClone(messy);
    const copy = structuredClone(rules);
    const first = evaluateAdmissibility(facts, copy, { now: '2026-06-10T10:00:00Z' });
    expect(evaluateAdmissibility(facts, copy, { now: '2026-06-10T10:00:00Z' })).toEqual(first);
    expect(facts).toEqual(messy);
    expect(copy).toEqual(rules);
  });
});

describe('the demo rule sets', () => {
  const csti = (facts: Partial<ApplicationFacts>) => evaluateAdmissibility({ ...CSTI_OK, ...facts }, CSTI_RULES);
  const asterie = (facts: Partial<ApplicationFacts>) => evaluateAdmissibility({ ...ASTERIE_OK, ...facts }, ASTERIE_RULES);

  it('are what the seeds say', () => {
    expect(CSTI_RULES).toEqual({
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
    });
    expect(ASTERIE_RULES).toMatchObject({
      requiredDocuments: ['cv', 'lettre_motivation'],
      acceptedStatuses: ['titulaire', 'contractuel'],
      requiredLevel: null,
      requiredAcademie: null,
      acceptedDisciplines: [],
      minimumDiploma: 4,
      wishedDiploma: 6,
      deadline: '2025-08-31',
      requireMondayFreed: false,
      requireHeadOpinion: false,
      subjectPattern: '',
    });
    expect(ASTERIE_RULES.commissionCriteria).toHaveLength(1);
    expect(ASTERIE_RULES.commissionCriteria[0]).toContain('acteur local du territoire');
  });

  it('agree with the demo calls and pass their own check', () => {
    for (const [rules, call] of [
      [CSTI_RULES, CSTI_CALL],
      [ASTERIE_RULES, ASTERIE_CALL],
    ] as const) {
      const fromCall = defaultRulesFromCall(call);
      expect(rules).toMatchObject({
        acceptedStatuses: fromCall.acceptedStatuses,
        acceptedDisciplines: fromCall.acceptedDisciplines,
        deadline: fromCall.deadline,
        subjectPattern: fromCall.subjectPattern,
      });
      expect(checkCallRules(structuredClone(rules) as CallRules)).toEqual({ ok: true, value: rules });
    }
  });

  it('cannot be changed by mistake', () => {
    expect(Object.isFrozen(CSTI_RULES)).toBe(true);
    expect(() => (CSTI_RULES.acceptedDisciplines as string[]).push('lettres-modernes')).toThrow(TypeError);
  });

  it.each<[string, Partial<ApplicationFacts>, VerdictStatus, VerdictReason[]]>([
    ['CSTI: tenured SVT teacher, all documents, Monday freed', {}, 'recevable', []],
    ['CSTI: mail at 23:30 in Paris on 15 May', { received: '2026-05-15T21:30:00Z' }, 'recevable', []],
    [
      'CSTI: mail at 00:30 in Paris on 16 May',
      { received: '2026-05-15T22:30:00Z' },
      'irrecevable',
      [refused('delai', 'Reçu le 16/05/2026 à 00:30 (heure de Paris), après la date limite du 15/05/2026.')],
    ],
    [
      'CSTI: lettres modernes',
      { discipline: 'lettres-modernes' },
      'irrecevable',
      [refused('discipline', `Discipline « Lettres modernes » : l’appel est réservé à ${DISCIPLINES_CSTI}.`)],
    ],
    ['CSTI: contractuel', { statut: 'contractuel' }, 'irrecevable', [refused('statut', 'Statut « Contractuel(le) » : l’appel est réservé aux titulaires.')]],
    [
      'CSTI: professeur des écoles',
      { teachingLevel: 'premier_degre' },
      'irrecevable',
      [refused('niveau', 'Niveau d’enseignement « Premier degré » : l’appel est réservé au second degré.')],
    ],
    [
      'CSTI: assigned in Nice',
      { academie: 'Nice' },
      'irrecevable',
      [refused('academie', 'Académie d’affectation « Nice » : l’appel est réservé aux personnels affectés dans l’académie d’Aix-Marseille.')],
    ],
    ['CSTI: no head’s opinion', { headOpinion: null, documents: ['annexe2'] }, 'incomplet', [missing('pieces', AVIS_MISSING), missing('lundi_libere', MONDAY_UNCONFIRMED)]],
    [
      'CSTI: head says Monday is not freed (flagged, refused)',
      { headOpinion: { ...HEAD_OK, mondayFreed: 'non' } },
      'irrecevable',
      [refused('lundi_libere', 'L’avis du chef d’établissement ne confirme pas la libération du lundi.')],
    ],
    [
      'CSTI: head does not say (flagged, missing)',
      { headOpinion: { ...HEAD_OK, mondayFreed: 'non_precise' } },
      'incomplet',
      [missing('lundi_libere', 'L’avis du chef d’établissement ne précise pas si le lundi est libéré à l’emploi du temps.')],
    ],
    [
      'CSTI: annexe 2 without address',
      { annexe2Filled: ANNEXE2_FIELDS.filter((f) => f !== 'adresse') },
      'incomplet',
      [missing('annexe2', 'Annexe 2 incomplète : adresse personnelle.')],
    ],
    [
      'CSTI: lettres modernes without opinion: both listed',
      { discipline: 'lettres-modernes', headOpinion: null, documents: ['annexe2'] },
      'irrecevable',
      [refused('discipline', `Discipline « Lettres modernes » : l’appel est réservé à ${DISCIPLINES_CSTI}.`), missing('pieces', AVIS_MISSING), missing('lundi_libere', MONDAY_UNCONFIRMED)],
    ],
  ])('%s', (_label, facts, status, reasons) => {
    expect(csti(facts)).toEqual({ status, reasons });
  });

  it.each<[string, Partial<ApplicationFacts>, VerdictStatus, VerdictReason[]]>([
    ['ASTERIE: contractual agent with a licence, CV and letter', {}, 'recevable', []],
    ['ASTERIE: tenured teacher of another académie and discipline', { statut: 'titulaire', academie: 'Lille', discipline: 'anglais' }, 'recevable', []],
    [
      'ASTERIE: Bac only: recevable with a warning',
      { diploma: 4 },
      'recevable',
      [
        warning(
          'diplome_souhaite',
          'Diplôme « Niveau 4 — Baccalauréat » : en dessous du niveau souhaité « Niveau 6 — Licence (Bac+3) » (sans effet sur la recevabilité).',
        ),
      ],
    ],
    [
      'ASTERIE: CAP',
      { diploma: 3 },
      'irrecevable',
      [refused('diplome_minimum', 'Diplôme « Niveau 3 — CAP, BEP » : l’appel exige au minimum « Niveau 4 — Baccalauréat ».')],
    ],
    [
      'ASTERIE: stagiaire',
      { statut: 'stagiaire' },
      'irrecevable',
      [refused('statut', 'Statut « Stagiaire » : l’appel est réservé aux titulaires et aux contractuels.')],
    ],
    ['ASTERIE: no letter', { documents: ['cv'] }, 'incomplet', [missing('pieces', 'Pièce manquante : lettre de motivation.')]],
    [
      'ASTERIE: 1 September',
      { received: '2025-09-01T07:00:00Z' },
      'irrecevable',
      [refused('delai', 'Reçu le 01/09/2025 à 09:00 (heure de Paris), après la date limite du 31/08/2025.')],
    ],
    ['ASTERIE: any subject', { subject: 'Candidature' }, 'recevable', []],
  ])('%s', (_label, facts, status, reasons) => {
    expect(asterie(facts)).toEqual({ status, reasons });
  });
});

describe('defaultRulesFromCall', () => {
  it('takes what the call states and asks for nothing else', () => {
    expect(
      defaultRulesFromCall({
        acceptedStatuses: ['titulaire'],
        acceptedDisciplines: ['svt'],
        deadline: '2026-05-15',
        subjectPattern: 'Candidature – NOM PRÉNOM',
      }),
    ).toEqual({ ...NO_RULES, acceptedStatuses: ['titulaire'], acceptedDisciplines: ['svt'], deadline: '2026-05-15', subjectPattern: 'Candidature – NOM PRÉNOM' });
  });

  it('copies the lists', () => {
    const call = { acceptedStatuses: ['titulaire' as const], acceptedDisciplines: ['svt'], deadline: null, subjectPattern: '' };
    const rules = defaultRulesFromCall(call);
    rules.acceptedDisciplines.push('nsi');
    expect(call.acceptedDisciplines).toEqual(['svt']);
  });
});

describe('checkCallRules', () => {
  it('normalises: duplicates removed, académie named as the app writes it, text cleaned', () => {
    expect(
      checkCallRules({
        ...NO_RULES,
        requiredDocuments: ['cv', 'cv', 'lettre_motivation'],
        acceptedStatuses: ['titulaire', 'titulaire'],
        requiredAcademie: '  académie d’aix-marseille ',
        acceptedDisciplines: ['svt', 'svt'],
        subjectPattern: '  Candidature   – NOM PRÉNOM ',
        commissionCriteria: ['  Acteur local   du territoire ', ' '],
      }),
    ).toEqual({
      ok: true,
      value: {
        ...NO_RULES,
        requiredDocuments: ['cv', 'lettre_motivation'],
        acceptedStatuses: ['titulaire'],
        requiredAcademie: 'Aix-Marseille',
        acceptedDisciplines: ['svt'],
        subjectPattern: 'Candidature – NOM PRÉNOM',
        commissionCriteria: ['Acteur local du territoire'],
      },
    });
  });

  it('turns an empty académie into no restriction', () => {
    expect(checkCallRules({ ...NO_RULES, requiredAcademie: '  ' })).toMatchObject({ ok: true, value: { requiredAcademie: null } });
  });

  it.each<[string, Partial<CallRules>, Record<string, string>]>([
    ['unknown document', { requiredDocuments: ['photo' as never] }, { requiredDocuments: 'Pièce inconnue : « photo ».' }],
    ['unknown status', { acceptedStatuses: ['vacataire' as never] }, { acceptedStatuses: 'Statut inconnu : « vacataire ».' }],
    ['unknown level', { requiredLevel: 'college' as never }, { requiredLevel: 'Niveau d’enseignement inconnu : « college ».' }],
    ['unknown discipline', { acceptedDisciplines: ['astrologie'] }, { acceptedDisciplines: 'Discipline inconnue : « astrologie ».' }],
    ['unknown diploma level', { minimumDiploma: 9 as never }, { minimumDiploma: 'Niveau de diplôme inconnu : « 9 ».' }],
    ['wished below minimum', { minimumDiploma: 6, wishedDiploma: 4 }, { wishedDiploma: 'Le diplôme souhaité ne peut pas être inférieur au diplôme minimum exigé.' }],
    ['bad deadline', { deadline: '31/08/2025' }, { deadline: 'Date limite illisible : « 31/08/2025 ».' }],
    ['long pattern', { subjectPattern: 'x'.repeat(301) }, { subjectPattern: 'Le modèle d’objet : 300 caractères au plus.' }],
    ['long criterion', { commissionCriteria: ['x'.repeat(501)] }, { commissionCriteria: 'Un critère : 500 caractères au plus.' }],
  ])('%s', (_label, rules, errors) => {
    expect(checkCallRules({ ...NO_RULES, ...rules })).toEqual({ ok: false, errors, value: null });
  });

  it('names the académies when one is unknown', () => {
    const result = checkCallRules({ ...NO_RULES, requiredAcademie: 'Atlantide' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.requiredAcademie).toMatch(/^Académie inconnue : « Atlantide ». Académies : Aix-Marseille, Amiens, .*Versailles\.$/);
  });
});

describe('overrides', () => {
  const draft = (overrides: Partial<OverrideDraft> = {}): OverrideDraft => ({
    status: 'recevable',
    motivation: 'Dossier complet reçu par courrier le 14/05, tamponné par le rectorat.',
    by: 'Anne Roux',
    at: '2026-05-16T08:12:00.000Z',
    ...overrides,
  });

  it('accepts a motivated decision and cleans it', () => {
    expect(checkOverride(draft({ motivation: '  Reçu par courrier   le 14/05.  ', by: '  Anne   Roux ' }), 'irrecevable')).toEqual({
      ok: true,
      value: { status: 'recevable', motivation: 'Reçu par courrier le 14/05.', by: 'Anne Roux', at: '2026-05-16T08:12:00.000Z' },
    });
  });

  it.each<[string, Partial<OverrideDraft>, VerdictStatus | undefined, Record<string, string>]>([
    ['no motivation', { motivation: '   ' }, undefined, { motivation: 'La motivation est obligatoire pour forcer un verdict.' }],
    ['a motivation too short', { motivation: 'Vu le CA.' }, undefined, { motivation: 'La motivation doit être rédigée (10 caractères au moins).' }],
    ['a motivation without words', { motivation: '..........!' }, undefined, { motivation: 'La motivation doit être rédigée (10 caractères au moins).' }],
    ['a motivation too long', { motivation: 'a'.repeat(2001) }, undefined, { motivation: 'La motivation : 2000 caractères au plus.' }],
    ['no verdict', { status: '' }, undefined, { status: 'Choisissez le verdict retenu : recevable, incomplet ou irrecevable.' }],
    ['an unknown verdict', { status: 'admis' }, undefined, { status: 'Verdict inconnu : « admis ».' }],
    ['the computed verdict', { status: 'irrecevable' }, 'irrecevable', { status: 'Le verdict des règles est déjà « Irrecevable » : il n’y a rien à forcer.' }],
    ['no author', { by: ' ' }, undefined, { by: 'L’auteur de la décision est obligatoire.' }],
    ['an author too long', { by: 'x'.repeat(201) }, undefined, { by: 'L’auteur de la décision : 200 caractères au plus.' }],
    ['a day instead of an instant', { at: '2026-05-16' }, undefined, { at: 'Date de la décision illisible : « 2026-05-16 ».' }],
    ['an instant without zone', { at: '2026-05-16T10:12:00' }, undefined, { at: 'Date de la décision illisible : « 2026-05-16T10:12:00 ».' }],
    ['a French date', { at: '16/05/2026 10:12' }, undefined, { at: 'Date de la décision illisible : « 16/05/2026 10:12 ».' }],
  ])('refuses %s', (_label, overrides, computed, errors) => {
    expect(checkOverride(draft(overrides), computed)).toEqual({ ok: false, errors, value: null });
  });

  it('exactly 10 characters is enough', () => {
    expect(checkOverride(draft({ motivation: 'Vu le CA !' })).ok).toBe(true);
  });

  const verdict = evaluateAdmissibility({ ...CSTI_OK, received: '2026-05-18' }, CSTI_RULES);
  const override: VerdictOverride = {
    status: 'recevable',
    motivation: 'Envoyé le 15/05 à une adresse erronée, preuve d’envoi jointe.',
    by: 'Anne Roux',
    at: '2026-05-16T08:12:00.000Z',
  };

  it('without override, the computed verdict counts', () => {
    expect(applyOverride(verdict, null)).toEqual({ status: 'irrecevable', reasons: verdict.reasons, computed: 'irrecevable', override: null, overrideNote: '' });
  });

  it('with an override, its verdict counts; the rules’ reasons, the author and the date are kept and shown', () => {
    expect(applyOverride(verdict, override)).toEqual({
      status: 'recevable',
      reasons: [refused('delai', 'Reçu le 18/05/2026, après la date limite du 15/05/2026.')],
      computed: 'irrecevable',
      override,
      overrideNote:
        'Verdict forcé à « Recevable » par Anne Roux le 16/05/2026 à 10:12 (heure de Paris) : « Envoyé le 15/05 à une adresse erronée, preuve d’envoi jointe. ». Les règles donnent « Irrecevable ».',
    });
  });

  it('an override that the rules now agree with reads as a confirmation', () => {
    const now = evaluateAdmissibility(CSTI_OK, CSTI_RULES);
    expect(applyOverride(now, override).overrideNote).toBe(
      'Verdict « Recevable » confirmé par Anne Roux le 16/05/2026 à 10:12 (heure de Paris) : « Envoyé le 15/05 à une adresse erronée, preuve d’envoi jointe. ».',
    );
  });
});
