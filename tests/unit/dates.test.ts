import { describe, expect, it } from 'vitest';
import { formatFrenchDate, isIsoDate, parisDateOf, parseFrenchDate, yearsBetween } from '../../shared/domain/dates.js';

describe('parseFrenchDate', () => {
  it.each([
    ['05/03/1982', '1982-03-05'],
    ['5/3/82', '1982-03-05'],
    ['1982-03-05', '1982-03-05'],
    ['05.03.1982', '1982-03-05'],
    ['5-3-1982', '1982-03-05'],
    ['  05/03/1982  ', '1982-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/1999', '1999-12-31'],
    // Two-digit years stay at most 20 years after the pivot (2026): 30 -> 2030, 47 -> 1947.
    ['01/01/30', '2030-01-01'],
    ['01/01/47', '1947-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseFrenchDate(text)).toEqual({ ok: true, iso });
  });

  it.each([
    ['31/02/1980', 'Le 31/02/1980 n’existe pas dans le calendrier.'],
    ['29/02/2023', 'Le 29/02/2023 n’existe pas dans le calendrier.'],
    ['12/13/2020', 'Le 12/13/2020 n’existe pas dans le calendrier.'],
    ['00/01/2020', 'Le 00/01/2020 n’existe pas dans le calendrier.'],
    ['2024-02-30', 'Le 30/02/2024 n’existe pas dans le calendrier.'],
  ])('refuses the impossible date %s in French', (text, message) => {
    expect(parseFrenchDate(text)).toEqual({ ok: false, message });
  });

  it.each(['demain', '5 mars 1982', '1982/03/05', '05/03/198', '05/03', '12345', '05//03/1982'])(
    'refuses garbage %j with a French message naming the format',
    (text) => {
      const result = parseFrenchDate(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toBe(`« ${text.trim()} » n’est pas une date au format jj/mm/aaaa.`);
    },
  );

  it('says a date is missing when nothing is typed', () => {
    expect(parseFrenchDate('   ')).toEqual({ ok: false, message: 'Date manquante.' });
  });

  it('places two-digit years with the pivot it is given', () => {
    expect(parseFrenchDate('01/01/30', 2000)).toEqual({ ok: true, iso: '1930-01-01' });
    expect(parseFrenchDate('01/01/15', 2000)).toEqual({ ok: true, iso: '2015-01-01' });
  });
});

describe('formatFrenchDate / isIsoDate', () => {
  it.each([
    ['2026-05-15', '15/05/2026'],
    ['1982-03-05', '05/03/1982'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('formats %j as %j', (iso, text) => {
    expect(formatFrenchDate(iso)).toBe(text);
  });

  it('round-trips with parseFrenchDate', () => {
    for (const iso of ['2024-02-29', '1970-01-01', '2026-12-31']) {
      expect(parseFrenchDate(formatFrenchDate(iso))).toEqual({ ok: true, iso });
    }
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-5-15', false],
    ['15/05/2026', false],
  ])('isIsoDate(%j) is %j', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('parisDateOf', () => {
  it.each([
    // Summer time (UTC+2): 23:30 in Paris is still the 15th, 00:30 is the 16th.
    ['2026-05-15T21:30:00Z', '2026-05-15'],
    ['2026-05-15T22:30:00Z', '2026-05-16'],
    // Winter time (UTC+1).
    ['2026-01-15T22:59:00Z', '2026-01-15'],
    ['2026-01-15T23:00:00Z', '2026-01-16'],
    ['2026-06-10T08:00:00Z', '2026-06-10'],
  ])('%s is %s in Paris', (instant, date) => {
    expect(parisDateOf(new Date(instant))).toBe(date);
  });
});

describe('yearsBetween', () => {
  it.each([
    ['1982-03-05', '2026-03-05', 44], // birthday counted on the day
    ['1982-03-05', '2026-03-04', 43],
    ['1982-03-05', '2026-02-28', 43],
    ['1982-03-05', '2026-12-31', 44],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-06-10', '2026-06-10', 0],
  ])('from %s to %s is %i years', (from, to, years) => {
    expect(yearsBetween(from, to)).toBe(years);
  });
});
