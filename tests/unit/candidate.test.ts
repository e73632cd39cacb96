import { describe, expect, it } from 'vitest';
import { assessCandidate, checkCandidateDraft, type CandidateDraft } from '../../shared/domain/candidate.js';
import type { CandidateFile } from '../../shared/model/entities.js';
import { candidateDraft } from '../helpers/fixtures.js';

const ctx = { today: '2026-06-10', postIds: [10, 11] };

describe('checkCandidateDraft', () => {
  it('accepts a complete file and normalises it', () => {
    const result = checkCandidateDraft(
      candidateDraft({
        nom: '  de la Fontaine-Noël ',
        prenom: '  Camille   Anne ',
        telephone: '06.11.22.33.44',
        email: ' Camille.Durand@AC-Test.Example ',
        discipline: 'Sciences de la vie et de la Terre',
        dateNaissance: '12/3/84',
        echelon: ' 8 ',
        wishes: [11, 10],
        receivedOn: '2026-04-20',
        motivations: '  Ligne 1   \r\nLigne 2  ',
      }),
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({
      nom: 'DE LA FONTAINE-NOËL',
      prenom: 'Camille Anne',
      telephone: '06 11 22 33 44',
      email: 'camille.durand@ac-test.example',
      discipline: 'svt',
      dateNaissance: '1984-03-12',
      echelon: 8,
      wishes: [11, 10],
      receivedOn: '2026-04-20',
      statut: 'titulaire',
      status: 'recue',
      motivations: 'Ligne 1\nLigne 2',
    });
  });

  it('accepts an incomplete file: only nom and prénom are required', () => {
    const result = checkCandidateDraft(
      candidateDraft({
        dateNaissance: '',
        discipline: '',
        adresse: '',
        telephone: '',
        statut: '',
        corps: '',
        echelon: '',
        email: '',
        receivedOn: '',
        status: '',
      }),
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ dateNaissance: null, discipline: null, statut: null, echelon: null, email: '', receivedOn: null, status: 'recue' });
  });

  it.each<[string, Partial<CandidateDraft>, keyof CandidateDraft, string | RegExp]>([
    ['nom missing', { nom: '   ' }, 'nom', 'Le nom est obligatoire.'],
    ['prénom missing', { prenom: '' }, 'prenom', 'Le prénom est obligatoire.'],
    ['nom too long', { nom: 'X'.repeat(201) }, 'nom', 'Nom : 200 caractères au plus.'],
    ['invalid e-mail', { email: 'camille.durand@' }, 'email', '« camille.durand@ » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).'],
    ['unknown discipline', { discipline: 'Astrologie' }, 'discipline', 'Discipline inconnue : « Astrologie ». Choisissez-la dans la liste.'],
    ['birth date too recent', { dateNaissance: '12/03/2015' }, 'dateNaissance', 'Date de naissance improbable (11 ans au 10/06/2026).'],
    ['birth date too old', { dateNaissance: '01/01/1940' }, 'dateNaissance', 'Date de naissance improbable (86 ans au 10/06/2026).'],
    ['birth date impossible', { dateNaissance: '31/02/1980' }, 'dateNaissance', 'Le 31/02/1980 n’existe pas dans le calendrier.'],
    ['received in the future', { receivedOn: '11/06/2026' }, 'receivedOn', 'La date de réception ne peut pas être dans le futur.'],
    ['received garbage', { receivedOn: 'hier' }, 'receivedOn', /n’est pas une date/],
    ['echelon 0', { echelon: '0' }, 'echelon', 'L’échelon est un nombre entier de 1 à 11.'],
    ['echelon 12', { echelon: '12' }, 'echelon', 'L’échelon est un nombre entier de 1 à 11.'],
    ['echelon 3.5', { echelon: '3.5' }, 'echelon', 'L’échelon est un nombre entier de 1 à 11.'],
    ['echelon text', { echelon: 'huit' }, 'echelon', 'L’échelon est un nombre entier de 1 à 11.'],
    ['duplicate wish', { wishes: [10, 10] }, 'wishes', 'Le même poste est demandé deux fois.'],
    ['unknown post', { wishes: [10, 99] }, 'wishes', 'Un poste demandé n’existe pas dans cet appel.'],
    ['unknown statut', { statut: 'vacataire' }, 'statut', 'Statut inconnu : « vacataire ».'],
    ['unknown status', { status: 'perdue' }, 'status', 'État de candidature inconnu : « perdue ».'],
    ['phone with letters', { telephone: '06 AB' }, 'telephone', /caractères/],
  ])('refuses %s with a French message on the field', (_label, overrides, field, message) => {
    const result = checkCandidateDraft(candidateDraft(overrides), ctx);
    expect(result.ok).toBe(false);
    expect(result.value).toBeNull();
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual([field]);
      expect(result.errors[field]).toMatch(message);
    }
  });

  it.each([
    ['echelon 1', { echelon: '1' }],
    ['echelon 11', { echelon: '11' }],
    ['received today', { receivedOn: '10/06/2026' }],
    ['aged exactly 18 today', { dateNaissance: '10/06/2008' }],
    ['aged 75', { dateNaissance: '11/06/1950' }],
    ['discipline given as its code', { discipline: 'physique-chimie' }],
  ])('accepts the bound: %s', (_label, overrides) => {
    expect(checkCandidateDraft(candidateDraft(overrides), ctx).ok).toBe(true);
  });

  it('reports every wrong field at once, not only the first', () => {
    const result = checkCandidateDraft(candidateDraft({ nom: '', email: 'x', echelon: '99', discipline: 'Astrologie' }), ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['discipline', 'echelon', 'email', 'nom']);
  });
});

type File = Parameters<typeof assessCandidate>[0];
type AssessCall = Parameters<typeof assessCandidate>[1];

const completeFile: File = {
  dateNaissance: '1984-03-12',
  discipline: 'svt',
  adresse: '4 rue des Alpins, 05100 Briançon',
  telephone: '06 11 22 33 44',
  statut: 'titulaire',
  corps: 'Certifié',
  etablissement: 'Lycée d’Altitude',
  email: 'camille.durand@ac-test.example',
  motivations: 'Porter la culture scientifique.',
  wishes: [1],
  receivedOn: '2026-05-02',
} satisfies Partial<CandidateFile>;

const cstiLike: AssessCall = {
  deadline: '2026-05-15',
  acceptedStatuses: ['titulaire'],
  acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
  posts: [{}, {}],
};

describe('assessCandidate', () => {
  it('finds a complete file complete', () => {
    expect(assessCandidate(completeFile, cstiLike)).toEqual({ flags: ['complet'], issues: [] });
  });

  it('lists every missing annexe 2 field of an incomplete file', () => {
    const result = assessCandidate({ ...completeFile, adresse: '', telephone: '', wishes: [], dateNaissance: null }, cstiLike);
    expect(result.flags).toEqual(['incomplet']);
    expect(result.issues).toEqual(['Dossier incomplet : date de naissance, adresse personnelle, téléphone, poste ou réseau demandé.']);
  });

  it.each<[string, Partial<File>, Partial<AssessCall>, string | null]>([
    ['discipline when the call restricts them', { discipline: null }, {}, 'discipline'],
    ['no discipline needed when the call is open to all', { discipline: null }, { acceptedDisciplines: [] }, null],
    ['a wish when the call has several posts', { wishes: [] }, {}, 'poste ou réseau demandé'],
    ['no wish needed with a single post', { wishes: [] }, { posts: [{}] }, null],
    ['received date', { receivedOn: null }, {}, 'date de réception'],
    ['academic mail', { email: '' }, {}, 'adresse mail académique'],
    ['motivations', { motivations: '' }, {}, 'motivations'],
    ['corps', { corps: '' }, {}, 'corps / grade / échelon'],
    ['affectation', { etablissement: '' }, {}, 'affectation actuelle'],
    ['statut', { statut: null }, {}, 'statut'],
  ])('missing: %s', (_label, file, call, missing) => {
    const result = assessCandidate({ ...completeFile, ...file }, { ...cstiLike, ...call });
    if (missing === null) expect(result.flags).toEqual(['complet']);
    else {
      expect(result.flags).toEqual(['incomplet']);
      expect(result.issues[0]).toBe(`Dossier incomplet : ${missing}.`);
    }
  });

  it('is not late on the deadline day itself', () => {
    expect(assessCandidate({ ...completeFile, receivedOn: '2026-05-15' }, cstiLike).flags).toEqual(['complet']);
  });

  it('is late the day after the deadline, and says so with both dates', () => {
    const result = assessCandidate({ ...completeFile, receivedOn: '2026-05-16' }, cstiLike);
    expect(result.flags).toEqual(['hors_delai']);
    expect(result.issues).toEqual(['Reçu le 16/05/2026, après la date limite du 15/05/2026.']);
  });

  it('is never late when the call has no deadline', () => {
    expect(assessCandidate({ ...completeFile, receivedOn: '2030-01-01' }, { ...cstiLike, deadline: null }).flags).toEqual(['complet']);
  });

  it('is not eligible with a status the call does not open', () => {
    const result = assessCandidate({ ...completeFile, statut: 'contractuel' }, cstiLike);
    expect(result.flags).toEqual(['non_eligible']);
    expect(result.issues).toEqual(['Statut « contractuel » non ouvert par l’appel.']);
    expect(assessCandidate({ ...completeFile, statut: 'contractuel' }, { ...cstiLike, acceptedStatuses: [] }).flags).toEqual(['complet']);
  });

  it('is not eligible with a discipline the call does not open, named by its label', () => {
    const result = assessCandidate({ ...completeFile, discipline: 'lettres-modernes' }, cstiLike);
    expect(result.flags).toEqual(['non_eligible']);
    expect(result.issues).toEqual(['Discipline « Lettres modernes » non ouverte par l’appel.']);
  });

  it('flags non_eligible once when both status and discipline are outside the call', () => {
    const result = assessCandidate({ ...completeFile, discipline: 'anglais', statut: 'stagiaire' }, cstiLike);
    expect(result.flags).toEqual(['non_eligible']);
    expect(result.issues).toHaveLength(2);
  });

  it('combines flags and never says complet alongside a problem', () => {
    const result = assessCandidate({ ...completeFile, adresse: '', receivedOn: '2026-05-20', statut: 'contractuel' }, cstiLike);
    expect(result.flags).toEqual(['incomplet', 'hors_delai', 'non_eligible']);
  });
});
