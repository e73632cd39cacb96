import { describe, expect, it } from 'vitest';
import { checkCandidateDraft, type CandidateDraft } from '../../shared/domain/candidate.js';
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

