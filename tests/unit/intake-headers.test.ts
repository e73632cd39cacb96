import { describe, expect, it } from 'vitest';
import {
  INTAKE_FIELD_LABELS,
  INTAKE_FIELD_SYNONYMS,
  INTAKE_FIELDS,
  detectHeaderRow,
  headerSignature,
  matchHeader,
  proposeMapping,
  type CellValue,
} from '../../shared/domain/intake/index.js';

describe('matchHeader', () => {
  it.each([
    ['Nom', 'nom'],
    ['NOM :', 'nom'],
    ['NOM de famille', 'nom'],
    ['Nom du candidat', 'nom'],
    ['Prénom', 'prenom'],
    ['PRENOM', 'prenom'],
    ['Prénom(s)', 'prenom'],
    ['Date de naissance', 'dateNaissance'],
    ['Né(e) le', 'dateNaissance'],
    ['Discipline', 'discipline'],
    ['Matière enseignée', 'discipline'],
    ['Statut', 'statut'],
    ['Corps / Grade / Echelon', 'corpsGradeEchelon'],
    ['Corps / Grade / Échelon', 'corpsGradeEchelon'],
    ['Échelon', 'echelon'],
    ['Affectation actuelle', 'affectation'],
    ['Affectation actuelle (établissement / ville)', 'affectation'],
    ['Établissement', 'etablissement'],
    ['Ville', 'ville'],
    ['Adresse personnelle (indispensable)', 'adresse'],
    ['Adresse mail académique', 'email'],
    ['Mél', 'email'],
    ['Courriel', 'email'],
    ['E-mail', 'email'],
    ['EMAIL', 'email'],
    ['Adresse électronique', 'email'],
    ['Réseau', 'wishes'],
    ['Réseau demandé', 'wishes'],
    ['Vœux', 'wishes'],
    ['Voeux', 'wishes'],
    ['Vœu 1', 'wishes'],
    ['Postes demandés', 'wishes'],
    ['Téléphone', 'telephone'],
    ['Tél.', 'telephone'],
    ['TEL', 'telephone'],
    ['Portable', 'telephone'],
    ['N° de téléphone', 'telephone'],
    ['Date de réception', 'receivedOn'],
    ['Reçu le', 'receivedOn'],
    ['Reçue le', 'receivedOn'],
    ['État', 'status'],
    ['Etat de la candidature', 'status'],
    ['Statut de la candidature', 'status'],
    ['Expérience professionnelle', 'experience'],
    ['Motivations', 'motivations'],
    ['  motivation  ', 'motivations'],
  ])('%j -> %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('reads back every header the export writes', () => {
    for (const field of INTAKE_FIELDS) expect(matchHeader(INTAKE_FIELD_LABELS[field])).toBe(field);
  });

  it('gives every synonym its own field (no synonym is shadowed by another field)', () => {
    for (const field of INTAKE_FIELDS) for (const synonym of INTAKE_FIELD_SYNONYMS[field]) expect(matchHeader(synonym), synonym).toBe(field);
  });

  it.each(['', '   ', 'Recevabilité (calculée)', 'Avis du chef d’établissement', 'Candidats', 'Appel à candidature pour une mission de professeur relais territorial', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(500)])(
    'does not recognise %j',
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );
});

describe('detectHeaderRow', () => {
  it('finds the header below title rows, notes and blank rows', () => {
    const rows: CellValue[][] = [
      ['Académie d’Aix-Marseille'],
      ['Candidatures — professeur relais territorial CSTI', null, null],
      [],
      [null, null],
      ['NOM', 'PRENOM', 'Date de naissance', 'Discipline', 'Réseau'],
      ['DURAND', 'Camille', '12/03/1984', 'SVT', 'Les Écrins'],
    ];
    expect(detectHeaderRow(rows)).toBe(4);
  });

  it('needs at least two recognised headers, within the first rows scanned', () => {
    expect(detectHeaderRow([['Nom', 'Quelque chose'], ['Durand', 'x']])).toBeNull();
    expect(detectHeaderRow([])).toBeNull();
    const late: CellValue[][] = [...Array.from({ length: 40 }, () => [null]), ['Nom', 'Prénom']];
    expect(detectHeaderRow(late)).toBeNull();
    expect(detectHeaderRow(late, 50)).toBe(40);
  });

  it('prefers the row naming the most fields, and the upper one on a tie', () => {
    expect(detectHeaderRow([['Nom', 'Prénom'], ['Nom', 'Prénom', 'Mél']])).toBe(1);
    expect(detectHeaderRow([['Nom', 'Prénom'], ['Nom', 'Prénom']])).toBe(0);
  });

  it('ignores numbers, dates and booleans in cells', () => {
    expect(detectHeaderRow([[1, new Date(0), true, 'Nom', 'Prénom']])).toBe(0);
  });
});

describe('proposeMapping', () => {
  it('maps each column, null for unknown ones, same length as the header row', () => {
    expect(proposeMapping(['NOM', 'Date de naissance', 'Discipline', 'PRENOM', 'Réseau', 'Avis', null, 'Téléphone'])).toEqual([
      'nom',
      'dateNaissance',
      'discipline',
      'prenom',
      'wishes',
      null,
      null,
      'telephone',
    ]);
  });

  it('uses a field once: a later column with the same meaning is left unmapped', () => {
    expect(proposeMapping(['Mél', 'Courriel', 'Nom', 'NOM de famille'])).toEqual(['email', null, 'nom', null]);
  });

  it('keeps several wish columns ("Vœu 1", "Vœu 2"): they add up in column order', () => {
    expect(proposeMapping(['Nom', 'Vœu 1', 'Vœu 2'])).toEqual(['nom', 'wishes', 'wishes']);
  });
});

describe('headerSignature', () => {
  it('is the same for the same headers written differently, and ignores trailing empty columns', () => {
    expect(headerSignature(['NOM ', 'Prénom', 'Mél', null, ''])).toBe(headerSignature(['nom', 'PRENOM', 'mel']));
    expect(headerSignature(['Nom', 'Prénom'])).toBe('nom|prenom');
  });

  it('differs when the columns differ or are in another order', () => {
    expect(headerSignature(['Nom', 'Prénom'])).not.toBe(headerSignature(['Prénom', 'Nom']));
    expect(headerSignature(['Nom', 'Prénom'])).not.toBe(headerSignature(['Nom', 'Prénom', 'Mél']));
  });
});
