import { describe, expect, it } from 'vitest';
import {
  checkFactsEntry,
  checkHeadOpinion,
  emptyStoredAdmissibility,
  factsOf,
  verdictOf,
  type FactsSource,
  type StoredAdmissibility,
} from '../../shared/domain/admissibility/application.js';
import { CSTI_RULES } from '../../shared/domain/admissibility/rules.js';

const FILE: FactsSource = {
  nom: 'ARNAUD',
  prenom: 'Camille',
  dateNaissance: '1984-03-12',
  discipline: 'svt',
  wishes: [1],
  adresse: '4 rue des Alpins',
  telephone: '06 11 22 33 44',
  statut: 'titulaire',
  corps: 'Certifié',
  etablissement: 'Lycée d’Altitude',
  email: 'camille.arnaud@ac-aix-marseille.fr',
  experience: 'Clubs sciences.',
  motivations: 'Culture scientifique.',
  receivedOn: '2026-05-15',
};

const COMPLETE: StoredAdmissibility = {
  ...emptyStoredAdmissibility(),
  documentKinds: ['annexe2', 'avis_chef'],
  headOpinion: { avis: 'favorable', motivation: 'Très bon profil.', mondayFreed: 'oui', signedBy: 'M. Rey', signedOn: '2026-05-04' },
};
const CTX = { rules: CSTI_RULES, networks: ['Réseau Les Écrins', 'Réseau Côte Bleue – La Nerthe'], postCount: 2 };

describe('factsOf', () => {
  it('reads the académie from the academic address and the level from the corps when nothing is entered', () => {
    expect(factsOf(FILE, COMPLETE, 2)).toMatchObject({ academie: 'Aix-Marseille', teachingLevel: 'second_degre', diploma: null });
  });

  it('lets the secretariat’s entry win over what is read', () => {
    const stored = { ...COMPLETE, entry: { academie: 'Nice', teachingLevel: 'premier_degre' as const, diploma: 6 as const } };
    expect(factsOf(FILE, stored, 2)).toMatchObject({ academie: 'Nice', teachingLevel: 'premier_degre', diploma: 6 });
  });

  it.each([
    ['the mail’s minute when its Paris day is the file’s day', '2026-05-15T21:30:00.000Z', '2026-05-15', '2026-05-15T21:30:00.000Z'],
    ['the file’s day when someone corrected it by hand', '2026-05-15T21:30:00.000Z', '2026-05-14', '2026-05-14'],
    ['the file’s day when no mail tells the minute', null, '2026-05-15', '2026-05-15'],
  ])('counts %s', (_label, receivedAt, receivedOn, expected) => {
    expect(factsOf({ ...FILE, receivedOn }, { ...COMPLETE, receivedAt }, 2).received).toBe(expected);
  });

  it('lists each document kind once', () => {
    expect(factsOf(FILE, { ...COMPLETE, documentKinds: ['cv', 'cv', 'annexe2'] }, 2).documents).toEqual(['cv', 'annexe2']);
  });
});

describe('verdictOf', () => {
  it('finds a complete CSTI application admissible', () => {
    expect(verdictOf(FILE, COMPLETE, CTX).verdict).toMatchObject({ status: 'recevable', reasons: [], override: null });
  });

  it('keeps the rules’ verdict under an override and says who forced what', () => {
    const stored = { ...COMPLETE, override: { status: 'irrecevable' as const, motivation: 'Dossier déposé en double.', by: 'Claire', at: '2026-06-10T08:00:00.000Z' } };
    const { verdict } = verdictOf(FILE, stored, CTX);
    expect(verdict).toMatchObject({ status: 'irrecevable', computed: 'recevable' });
    expect(verdict.overrideNote).toBe(
      'Verdict forcé à « Irrecevable » par Claire le 10/06/2026 à 10:00 (heure de Paris) : « Dossier déposé en double. ». Les règles donnent « Recevable ».',
    );
  });

  it('reads the mail’s subject against the pattern, as warnings only', () => {
    const { verdict } = verdictOf(FILE, { ...COMPLETE, subject: 'Candidature' }, CTX);
    expect(verdict.status).toBe('recevable');
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(verdict.reasons.every((r) => r.rule === 'objet' && r.kind === 'warning')).toBe(true);
  });
});

describe('checkHeadOpinion', () => {
  const draft = { avis: 'reserve', motivation: '  Bon profil,\n  charge lourde.  ', mondayFreed: '', signedBy: ' Mme  Faure ', signedOn: '9/5/2026' };

  it('normalises the opinion: Monday « non précisé » when not answered, date to ISO, spaces collapsed (line breaks kept)', () => {
    expect(checkHeadOpinion(draft, '2026-06-10')).toEqual({
      ok: true,
      value: { avis: 'reserve', motivation: 'Bon profil,\n charge lourde.', mondayFreed: 'non_precise', signedBy: 'Mme Faure', signedOn: '2026-05-09' },
    });
  });

  it.each([
    ['no avis', { avis: '' }, 'avis', 'Choisissez l’avis : favorable, réservé ou défavorable.'],
    ['an unknown avis', { avis: 'enthousiaste' }, 'avis', 'Avis inconnu : « enthousiaste ».'],
    ['an unknown Monday answer', { mondayFreed: 'peut-être' }, 'mondayFreed', 'Réponse inconnue : « peut-être ».'],
    ['a date that does not exist', { signedOn: '30/02/2026' }, 'signedOn', 'Le 30/02/2026 n’existe pas dans le calendrier.'],
    ['a date in the future', { signedOn: '11/06/2026' }, 'signedOn', 'La date de signature ne peut pas être dans le futur.'],
    ['a motivation too long', { motivation: 'x'.repeat(5001) }, 'motivation', 'La motivation : 5000 caractères au plus.'],
  ])('refuses %s', (_label, change, field, message) => {
    expect(checkHeadOpinion({ ...draft, ...change }, '2026-06-10')).toEqual({ ok: false, value: null, errors: { [field]: message } });
  });
});

describe('checkFactsEntry', () => {
  it('writes a known académie the app’s way and accepts empty values (read from the file)', () => {
    expect(checkFactsEntry({ academie: 'ac-nancy-metz', teachingLevel: 'second_degre', diploma: 7 })).toEqual({
      ok: true,
      value: { academie: 'Nancy-Metz', teachingLevel: 'second_degre', diploma: 7 },
    });
    expect(checkFactsEntry({ academie: '  ', teachingLevel: null, diploma: null })).toEqual({ ok: true, value: { academie: '', teachingLevel: null, diploma: null } });
  });

  it('refuses unknown values, each on its field', () => {
    const result = checkFactsEntry({ academie: 'Gondor', teachingLevel: 'maternelle', diploma: 9 });
    expect(result).toEqual({
      ok: false,
      value: null,
      errors: {
        academie: 'Académie inconnue : « Gondor ».',
        teachingLevel: 'Niveau d’enseignement inconnu : « maternelle ».',
        diploma: 'Niveau de diplôme inconnu : « 9 ».',
      },
    });
  });
});
