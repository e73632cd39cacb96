import { emptyCallDraft, type CallDraft } from '../../shared/domain/call.js';
import { emptyDraft, type CandidateDraft } from '../../shared/domain/candidate.js';

/** A complete, valid call draft with two posts; override what a test needs. */
export function callDraft(overrides: Partial<CallDraft> = {}): CallDraft {
  return {
    ...emptyCallDraft(),
    title: 'Professeur relais territorial — test',
    reference: 'TEST-2026',
    academie: 'Aix-Marseille',
    acceptedStatuses: ['titulaire'],
    acceptedDisciplines: ['mathematiques', 'svt'],
    deadline: '15/05/2026',
    interviewStart: '01/06/2026',
    interviewEnd: '30/06/2026',
    contactEmail: 'appel@ac-test.example',
    posts: [
      { label: 'Relais territorial', site: 'Réseau Nord', places: '1' },
      { label: 'Relais territorial', site: 'Réseau Sud', places: '2' },
    ],
    ...overrides,
  };
}

/** A complete, valid candidate draft (no wishes: add them once the call's post ids are known). */
export function candidateDraft(overrides: Partial<CandidateDraft> = {}): CandidateDraft {
  return {
    ...emptyDraft(),
    nom: 'Durand',
    prenom: 'Camille',
    dateNaissance: '12/03/1984',
    discipline: 'SVT',
    adresse: '4 rue des Alpins, 05100 Briançon',
    telephone: '0611223344',
    statut: 'titulaire',
    corps: 'Certifié',
    grade: 'Classe normale',
    echelon: '8',
    etablissement: 'Lycée d’Altitude',
    ville: 'Briançon',
    email: 'camille.durand@ac-test.example',
    experience: 'Clubs sciences.',
    motivations: 'Porter la culture scientifique.',
    wishes: [],
    receivedOn: '20/04/2026',
    status: 'recue',
    ...overrides,
  };
}
