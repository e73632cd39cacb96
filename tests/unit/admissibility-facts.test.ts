import { describe, expect, it } from 'vitest';
import { academieFromEmail, annexe2FieldsFilled, findAcademie, sameAcademie, teachingLevelOf } from '../../shared/domain/admissibility/facts.js';
import {
  ACADEMIES,
  ANNEXE2_FIELDS,
  DIPLOMA_LEVELS,
  DIPLOMA_LEVEL_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  RULE_IDS,
  RULE_LABELS,
  type TeachingLevel,
} from '../../shared/model/admissibility.js';
import type { CandidateFile } from '../../shared/model/entities.js';

describe('académies', () => {
  it.each([
    ['Aix-Marseille', 'Aix-Marseille'],
    ['académie d’Aix-Marseille', 'Aix-Marseille'],
    ["Academie d'aix marseille", 'Aix-Marseille'],
    ['AIX MARSEILLE', 'Aix-Marseille'],
    ['ac-aix-marseille', 'Aix-Marseille'],
    ['Académie de Nancy-Metz', 'Nancy-Metz'],
    ['ac-caen', 'Normandie'],
    ['besancon', 'Besançon'],
    ['La Réunion', 'La Réunion'],
  ])('findAcademie(%j) = %s', (written, name) => {
    expect(findAcademie(written)?.name).toBe(name);
  });

  it.each(['', '  ', 'Atlantide', 'académie'])('findAcademie(%j) = null', (written) => {
    expect(findAcademie(written)).toBeNull();
  });

  it('compares unknown names folded', () => {
    expect(sameAcademie('Nouvelle-Calédonie', 'nouvelle caledonie')).toBe(true);
    expect(sameAcademie('Nice', 'Aix-Marseille')).toBe(false);
  });

  it.each([
    ['camille.durand@ac-aix-marseille.fr', 'Aix-Marseille'],
    ['Camille.Durand@AC-NANCY-METZ.FR', 'Nancy-Metz'],
    ['csti@ac-aix-marseille.example', 'Aix-Marseille'],
    ['x@ac-rouen.fr', 'Normandie'],
    ['camille@gmail.com', null],
    ['sans-arobase', null],
    ['', null],
  ])('academieFromEmail(%j) = %s', (email, name) => {
    expect(academieFromEmail(email)).toBe(name);
  });

  it('have unique names and mail domains', () => {
    expect(new Set(ACADEMIES.map((a) => a.name)).size).toBe(ACADEMIES.length);
    const domains = ACADEMIES.flatMap((a) => a.mailDomains);
    expect(new Set(domains).size).toBe(domains.length);
  });
});

describe('teachingLevelOf', () => {
  it.each<[string, string | null, TeachingLevel | null]>([
    ['Certifié', 'svt', 'second_degre'],
    ['Agrégée hors classe', 'mathematiques', 'second_degre'],
    ['PLP', 'technologie', 'second_degre'],
    ['Professeur de lycée professionnel', null, 'second_degre'],
    ['Professeure des écoles', null, 'premier_degre'],
    ['', 'premier-degre', 'premier_degre'],
    ['Maître de conférences', null, 'superieur'],
    ['CPE', null, 'non_enseignant'],
    ['Attachée d’administration', 'sans-objet', 'non_enseignant'],
    ['Professeur contractuel', 'svt', null],
    ['', 'svt', null],
  ])('%j (%s) = %s', (corps, discipline, level) => {
    expect(teachingLevelOf({ corps, discipline })).toBe(level);
  });
});

describe('annexe2FieldsFilled', () => {
  const file: Parameters<typeof annexe2FieldsFilled>[0] = {
    nom: 'DURAND',
    prenom: 'Camille',
    dateNaissance: '1984-03-12',
    discipline: 'svt',
    wishes: [10],
    adresse: '4 rue des Alpins, 05100 Briançon',
    telephone: '06 11 22 33 44',
    corps: 'Certifié',
    etablissement: 'Lycée d’Altitude',
    email: 'camille.durand@ac-aix-marseille.fr',
    experience: 'Clubs sciences.',
    motivations: 'Porter la culture scientifique.',
  } satisfies Partial<CandidateFile>;

  it('lists every field of a complete file', () => {
    expect(annexe2FieldsFilled(file, 2)).toEqual([...ANNEXE2_FIELDS]);
  });

  it('leaves out the empty ones; the réseau is given when the call has one post', () => {
    const partial = { ...file, adresse: ' ', telephone: '', wishes: [] };
    expect(annexe2FieldsFilled(partial, 2)).toEqual(ANNEXE2_FIELDS.filter((f) => !['adresse', 'telephone', 'reseau'].includes(f)));
    expect(annexe2FieldsFilled(partial, 1)).toContain('reseau');
  });
});

describe('labels', () => {
  it('every code has a French label', () => {
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_KIND_LABELS[kind]).toBeTruthy();
    for (const id of RULE_IDS) expect(RULE_LABELS[id]).toBeTruthy();
    expect(DIPLOMA_LEVELS.map((l) => DIPLOMA_LEVEL_LABELS[l])).toEqual([
      'Niveau 3 — CAP, BEP',
      'Niveau 4 — Baccalauréat',
      'Niveau 5 — Bac+2 (BTS, DEUST)',
      'Niveau 6 — Licence (Bac+3)',
      'Niveau 7 — Master (Bac+5)',
      'Niveau 8 — Doctorat (Bac+8)',
    ]);
  });
});
