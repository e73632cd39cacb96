import { describe, expect, it } from 'vitest';
import { formatMoment, isOnTime, readMoment, receivedParisDate } from '../../shared/domain/admissibility/deadline.js';

describe('isOnTime: the deadline is a Paris calendar day, inclusive', () => {
  it.each([
    // Summer time (CEST, UTC+02:00): the CSTI deadline, 15 May 2026.
    ['23:30 in Paris on the last day', '2026-05-15T21:30:00.000Z', '2026-05-15', true],
    ['23:59:59.999 in Paris on the last day', '2026-05-15T21:59:59.999Z', '2026-05-15', true],
    ['midnight in Paris the next day', '2026-05-15T22:00:00.000Z', '2026-05-15', false],
    ['00:30 in Paris the next day (22:30Z)', '2026-05-15T22:30:00.000Z', '2026-05-15', false],
    ['the same instant written with its Paris offset', '2026-05-15T23:30:00+02:00', '2026-05-15', true],
    ['00:30 written with its Paris offset', '2026-05-16T00:30:00+02:00', '2026-05-15', false],
    ['sent from Montréal at 18:30 (22:30Z)', '2026-05-15T18:30:00-04:00', '2026-05-15', false],
    ['sent from Montréal at 17:30 (21:30Z)', '2026-05-15T17:30:00-04:00', '2026-05-15', true],
    ['sent from Nouméa early on the 16th (still the 15th in Paris)', '2026-05-16T06:00:00+11:00', '2026-05-15', true],
    ['01:00Z on the last day, 03:00 in Paris', '2026-05-15T01:00:00Z', '2026-05-15', true],
    ['the evening before the last day, UTC', '2026-05-14T23:00:00Z', '2026-05-15', true],
    // Winter time (CET, UTC+01:00).
    ['23:59 in Paris in winter', '2026-01-15T22:59:00Z', '2026-01-15', true],
    ['midnight in Paris in winter', '2026-01-15T23:00:00Z', '2026-01-15', false],
    ['23:30 in Paris in winter, with its offset', '2026-01-15T23:30:00+01:00', '2026-01-15', true],
    ['22:30Z in winter is 23:30 in Paris', '2026-01-15T22:30:00Z', '2026-01-15', true],
    // The days the clocks change (29 March and 25 October 2026).
    ['spring forward: 23:59 CET the day before', '2026-03-28T22:59:00Z', '2026-03-28', true],
    ['spring forward: 00:00 CET the day of', '2026-03-28T23:00:00Z', '2026-03-28', false],
    ['spring forward day: 23:59 CEST', '2026-03-29T21:59:00Z', '2026-03-29', true],
    ['spring forward day: 00:00 CEST the next day', '2026-03-29T22:00:00Z', '2026-03-29', false],
    ['fall back: 23:59 CEST the day before', '2026-10-24T21:59:00Z', '2026-10-24', true],
    ['fall back: 00:00 CEST the day of', '2026-10-24T22:00:00Z', '2026-10-24', false],
    ['fall back day: 23:59 CET', '2026-10-25T22:59:00Z', '2026-10-25', true],
    ['fall back day: 00:00 CET the next day', '2026-10-25T23:00:00Z', '2026-10-25', false],
    // ASTERIE: 31 August 2025, summer time.
    ['ASTERIE: 23:45 in Paris on 31 August', '2025-08-31T21:45:00Z', '2025-08-31', true],
    ['ASTERIE: 00:15 in Paris on 1 September', '2025-08-31T22:15:00Z', '2025-08-31', false],
    // Days only: already Paris days.
    ['the day itself', '2026-05-15', '2026-05-15', true],
    ['the day before', '2026-05-14', '2026-05-15', true],
    ['the day after', '2026-05-16', '2026-05-15', false],
    ['a year earlier', '2025-05-16', '2026-05-15', true],
    // Date-times without zone: Paris wall-clock time, never the machine's.
    ['no zone, 23:59 on the last day', '2026-05-15T23:59', '2026-05-15', true],
    ['no zone, 00:01 the next day', '2026-05-16T00:01:00', '2026-05-15', false],
  ])('%s', (_label, received, deadline, expected) => {
    expect(isOnTime(received, deadline)).toBe(expected);
  });

  it.each([
    ['hier', '2026-05-15'],
    ['2026-02-30', '2026-05-15'],
    ['2026-05-15T24:00:00Z', '2026-05-15'],
    ['2026-05-15T21:30:00+25:00', '2026-05-15'],
    ['2026-05-15', '15/05/2026'],
    ['2026-05-15', '2026-13-01'],
  ])('refuses malformed values: %s / %s', (received, deadline) => {
    expect(() => isOnTime(received, deadline)).toThrow(RangeError);
  });

  it('names the malformed value in French', () => {
    expect(() => receivedParisDate('hier')).toThrow('Date de réception illisible : « hier ».');
  });
});

describe('readMoment / formatMoment', () => {
  it.each([
    ['2026-05-15T21:30:00.000Z', { date: '2026-05-15', time: '23:30' }, '15/05/2026 à 23:30 (heure de Paris)'],
    ['2026-05-15T22:30:00Z', { date: '2026-05-16', time: '00:30' }, '16/05/2026 à 00:30 (heure de Paris)'],
    ['2026-01-15T22:30:00Z', { date: '2026-01-15', time: '23:30' }, '15/01/2026 à 23:30 (heure de Paris)'],
    ['2026-05-15T21:30:00.123456789Z', { date: '2026-05-15', time: '23:30' }, '15/05/2026 à 23:30 (heure de Paris)'],
    ['2026-05-15 09:05:00+0200', { date: '2026-05-15', time: '09:05' }, '15/05/2026 à 09:05 (heure de Paris)'],
    ['2026-05-15T09:05', { date: '2026-05-15', time: '09:05' }, '15/05/2026 à 09:05 (heure de Paris)'],
    ['2026-05-15', { date: '2026-05-15', time: null }, '15/05/2026'],
    [' 2026-05-15 ', { date: '2026-05-15', time: null }, '15/05/2026'],
  ])('%s', (value, moment, text) => {
    expect(readMoment(value)).toEqual(moment);
    expect(formatMoment(moment)).toBe(text);
  });

  it.each(['', '15/05/2026', '2026-5-15', '2026-05-15T9:05Z', '2026-05-15T23:60Z', '2026-02-29'])('null for %j', (value) => {
    expect(readMoment(value)).toBeNull();
  });
});
