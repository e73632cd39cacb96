import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../shared/domain/contact.js';
import { parseFrenchDate } from '../../shared/domain/dates.js';
import { cellDate, cellPhone, cellText, echelonText, splitAffectation, splitCorpsGradeEchelon } from '../../shared/domain/intake/index.js';

describe('cellText', () => {
  it('trims text and writes numbers as people do', () => {
    expect(cellText('  Durand  ')).toBe('Durand');
    expect(cellText(7)).toBe('7');
    expect(cellText(7.0)).toBe('7');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(null)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
  });

  it('writes booleans as oui / non and dates as jj/mm/aaaa', () => {
    expect(cellText(true)).toBe('oui');
    expect(cellText(false)).toBe('non');
    expect(cellText(new Date(Date.UTC(2024, 4, 15)))).toBe('15/05/2024');
  });
});

describe('cellDate', () => {
  it.each([
    [45427, '15/05/2024'],
    [45427.75, '15/05/2024'], // the fraction is a time of day
    [1, '01/01/1900'],
    [59, '28/02/1900'],
    [60, '29/02/1900'], // Excel's fake leap day, refused by the date check
    [61, '01/03/1900'],
    [30753, '12/03/1984'],
  ])('reads the Excel serial %d as %s', (serial, text) => {
    expect(cellDate(serial)).toBe(text);
  });

  it('lets the date check refuse the fake 29/02/1900 of serial 60', () => {
    expect(parseFrenchDate(cellDate(60))).toEqual({ ok: false, message: 'Le 29/02/1900 n’existe pas dans le calendrier.' });
  });

  it('reads a serial stored as text', () => {
    expect(cellDate('45427')).toBe('15/05/2024');
    expect(cellDate(' 30753 ')).toBe('12/03/1984');
  });

  it('leaves typed dates for parseFrenchDate, which reads d/m/yy', () => {
    expect(cellDate('5/3/84')).toBe('5/3/84');
    expect(parseFrenchDate(cellDate('5/3/84'), 2026)).toEqual({ ok: true, iso: '1984-03-05' });
    expect(cellDate(' 12/03/1984 ')).toBe('12/03/1984');
  });

  it('keeps only the day of a date written with a time', () => {
    expect(cellDate('15/05/2024 00:00:00')).toBe('15/05/2024');
    expect(cellDate('2024-05-15T00:00:00Z')).toBe('2024-05-15');
  });

  it('reads a Date cell as the calendar day it shows (UTC midnight), even a few ms off', () => {
    expect(cellDate(new Date(Date.UTC(1984, 2, 12)))).toBe('12/03/1984');
    expect(cellDate(new Date(Date.UTC(1984, 2, 12) - 3))).toBe('12/03/1984');
    expect(cellDate(new Date(Number.NaN))).toBe('');
  });

  it('leaves a year typed alone as is, so the report says it is not a full date', () => {
    expect(cellDate(1984)).toBe('1984');
    expect(parseFrenchDate(cellDate(1984)).ok).toBe(false);
  });

  it('gives an empty text for an empty cell and nonsense for what is not a date', () => {
    expect(cellDate(null)).toBe('');
    expect(cellDate(0)).toBe('0');
    expect(cellDate(-5)).toBe('-5');
  });
});

describe('cellPhone', () => {
  it('gives back the leading zero a spreadsheet dropped', () => {
    expect(cellPhone(612345678)).toBe('0612345678');
    expect(checkPhone(cellPhone(612345678))).toEqual({ ok: true, value: '06 12 34 56 78' });
  });

  it('gives back the plus sign of an international number stored as a number', () => {
    expect(cellPhone(33612345678)).toBe('+33612345678');
    expect(checkPhone(cellPhone(33612345678))).toEqual({ ok: true, value: '06 12 34 56 78' });
  });

  it('keeps text as typed, for checkPhone to read any French format', () => {
    for (const text of ['06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '0033612345678', '612345678']) {
      expect(checkPhone(cellPhone(text))).toEqual({ ok: true, value: '06 12 34 56 78' });
    }
  });
});

describe('cells holding several fields', () => {
  it.each([
    ['Certifié / Classe normale / 7e échelon', { corps: 'Certifié', grade: 'Classe normale', echelon: '7' }],
    ['Agrégé / Hors classe / 3', { corps: 'Agrégé', grade: 'Hors classe', echelon: '3' }],
    ['Certifié / Classe normale', { corps: 'Certifié', grade: 'Classe normale', echelon: '' }],
    ['Certifié / 8ème échelon', { corps: 'Certifié', grade: '', echelon: '8' }],
    ['Certifié, classe normale, échelon 9', { corps: 'Certifié', grade: 'classe normale', echelon: '9' }],
    ['Certifié', { corps: 'Certifié', grade: '', echelon: '' }],
    ['Certifié / CN / HEA', { corps: 'Certifié', grade: 'CN', echelon: 'HEA' }], // left for the check to refuse
  ])('splits corps / grade / échelon %j', (text, parts) => {
    expect(splitCorpsGradeEchelon(text)).toEqual(parts);
  });

  it.each([
    ['7', '7'],
    ['7e', '7'],
    ['7ème échelon', '7'],
    ['Échelon 7', '7'],
    ['éch. 11', '11'],
    ['hors échelle', 'hors échelle'],
  ])('reads the échelon %j as %j', (text, echelon) => {
    expect(echelonText(text)).toBe(echelon);
  });

  it.each([
    ['Lycée Vauvenargues / Aix-en-Provence', 'Lycée Vauvenargues', 'Aix-en-Provence'],
    ['Collège Les Écrins – Briançon', 'Collège Les Écrins', 'Briançon'],
    ['Lycée Jean-Moulin - Marseille', 'Lycée Jean-Moulin', 'Marseille'],
    ['Lycée Thiers, 5 place du Lycée, Marseille', 'Lycée Thiers, 5 place du Lycée', 'Marseille'],
    ['Rectorat', 'Rectorat', ''],
  ])('splits the affectation %j', (text, etablissement, ville) => {
    expect(splitAffectation(text)).toEqual({ etablissement, ville });
  });
});
