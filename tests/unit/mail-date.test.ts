import { describe, expect, it } from 'vitest';
import { parseForwardedDate, parseMailDate } from '../../electron/services/mail/mail-date.js';

describe('parseMailDate (Date header, RFC 5322)', () => {
  it.each([
    ['Fri, 15 May 2026 23:30:00 +0200', '2026-05-15T21:30:00.000Z'],
    ['15 May 2026 23:30:00 +0200', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 2026 23:30 +0200', '2026-05-15T21:30:00.000Z'],
    ['Fri,15 May 2026 23:30:00 +0200', '2026-05-15T21:30:00.000Z'],
    ['Mon, 18 May 2026 08:10:12 +0200 (CEST)', '2026-05-18T06:10:12.000Z'],
    ['Sat, 16 May 2026 00:30:00 +0000', '2026-05-16T00:30:00.000Z'],
    ['Fri, 15 May 2026 17:30:00 -0400', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 2026 21:30:00 GMT', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 2026 23:30:00 CEST', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 2026 17:30:00 EDT', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 2026 21:30:00', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 May 26 23:30:00 +0200', '2026-05-15T21:30:00.000Z'],
    ['Friday, 15 May 2026 23:30:00 +0200', '2026-05-15T21:30:00.000Z'],
    ['Fri, 15 August 2026 23:30:00 +0200', '2026-08-15T21:30:00.000Z'],
    ['  Fri, 5 Dec 2025 09:05:07 +0100  ', '2025-12-05T08:05:07.000Z'],
    ['Thu, 31 Dec 2026 23:59:60 +0000', '2026-12-31T23:59:59.000Z'],
    ['2026-05-15T23:30:00+02:00', '2026-05-15T21:30:00.000Z'],
    ['2026-05-15 21:30:00Z', '2026-05-15T21:30:00.000Z'],
  ])('%s → %s', (header, iso) => {
    expect(parseMailDate(header)).toBe(iso);
  });

  it.each([
    [''],
    ['1'],
    ['hier soir'],
    ['Fri, 31 Feb 2026 10:00:00 +0200'],
    ['Fri, 15 Foo 2026 10:00:00 +0200'],
    ['dim., 29 mars 2026 10:00:00 +0200'],
    ['Fri, 15 Mayo 2026 10:00:00 +0200'],
    ['Fri, 15 May 2026 24:00:00 +0200'],
    ['Fri, 15 May 2026 10:61:00 +0200'],
    ['Fri, 15 May 2026 10:00:00 +2599'],
    ['Fri, 15 May 1066 10:00:00 +0000'],
    ['2026-05-15'],
    ['2026-05-15T23:30:00'],
    ['x'.repeat(500)],
  ])('%j → null (never a guess)', (header) => {
    expect(parseMailDate(header)).toBeNull();
  });

  it('is null for an absent header', () => {
    expect(parseMailDate(undefined)).toBeNull();
    expect(parseMailDate(null)).toBeNull();
  });
});

describe('parseForwardedDate (header block of a forwarded message, Paris time)', () => {
  it.each([
    // Zimbra (académie webmails), Outlook FR, Gmail FR, Thunderbird FR
    ['Vendredi 15 Mai 2026 23:30:00', '2026-05-15T21:30:00.000Z'],
    ['vendredi 15 mai 2026 23:30', '2026-05-15T21:30:00.000Z'],
    ['ven. 15 mai 2026 à 23:30', '2026-05-15T21:30:00.000Z'],
    ['15/05/2026 à 23:30', '2026-05-15T21:30:00.000Z'],
    ['1er décembre 2025 10h15', '2025-12-01T09:15:00.000Z'],
    ['lundi 2 février 2026 08:00', '2026-02-02T07:00:00.000Z'],
    ['jeudi 13 août 2026 12:00', '2026-08-13T10:00:00.000Z'],
    // English
    ['Friday, May 15, 2026 11:30 PM', '2026-05-15T21:30:00.000Z'],
    ['Fri, May 15, 2026 at 11:30 AM', '2026-05-15T09:30:00.000Z'],
    ['Fri, May 15, 2026 at 12:05 AM', '2026-05-14T22:05:00.000Z'],
    // RFC 5322 (Thunderbird EN): its own zone wins
    ['Fri, 15 May 2026 23:30:00 +0100', '2026-05-15T22:30:00.000Z'],
    // without a zone, Paris time
    ['Fri, 15 May 2026 23:30:00', '2026-05-15T21:30:00.000Z'],
    // Daylight saving time changes: the missing hour is read as winter time, the repeated hour as summer time
    ['dimanche 29 mars 2026 01:30', '2026-03-29T00:30:00.000Z'],
    ['dimanche 29 mars 2026 02:30', '2026-03-29T01:30:00.000Z'],
    ['dimanche 29 mars 2026 03:30', '2026-03-29T01:30:00.000Z'],
    ['dimanche 25 octobre 2026 02:30', '2026-10-25T00:30:00.000Z'],
    ['dimanche 25 octobre 2026 03:30', '2026-10-25T02:30:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseForwardedDate(text)).toBe(iso);
  });

  it.each([['la semaine dernière'], ['15 mai'], ['vendredi 15 truc 2026 23:30'], ['31/02/2026 10:00'], ['15/05/2026 25:00'], ['May 15, 2026 13:00 PM']])(
    '%j → null',
    (text) => {
      expect(parseForwardedDate(text)).toBeNull();
    },
  );
});
