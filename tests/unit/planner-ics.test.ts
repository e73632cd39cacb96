// The interviews' iCalendar files (RFC 5545): line format, escaping, the Europe/Paris zone, and what an
// independent reader (ical.js) makes of them: the instant each interview starts, in summer and in winter.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, type IcsEvent } from '../../shared/domain/planner/ics.js';

const NOW = new Date('2026-05-20T10:15:30.999Z');

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'convocation-ipr-csti-rt-2026-7@commission-recrutement',
    start: { date: '2026-06-03', time: '09:00' },
    end: { date: '2026-06-03', time: '09:45' },
    summary: 'Entretien – Professeur relais territorial CSTI',
    location: 'Rectorat d’Aix-Marseille – Salle 204',
    description: 'Convocation à l’entretien.',
    ...overrides,
  };
}

const octets = (s: string) => new TextEncoder().encode(s).length;
const physicalLines = (ics: string) => ics.slice(0, -2).split('\r\n');
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** Parses with ical.js and registers the file's own VTIMEZONE (ical.js knows no zone by itself). */
function readBack(ics: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(ICAL.TimezoneService.has('Europe/Paris')).toBe(false);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

afterEach(() => {
  if (ICAL.TimezoneService.has('Europe/Paris')) ICAL.TimezoneService.remove('Europe/Paris');
});

/** The UTC instant of a Paris wall-clock time, from the machine's time-zone database (not from our file). */
function parisToUtc(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const format = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const offset of [1, 2]) {
    const instant = new Date(Date.UTC(y, m - 1, d, hh - offset, mm));
    if (format.format(instant) === time) return instant.toISOString();
  }
  throw new Error(`${date} ${time} does not exist in Paris`);
}

describe('line format', () => {
  it('ends every line with CRLF and has no bare CR or LF', () => {
    const ics = buildIcs([event({ description: 'Ligne 1\nLigne 2\r\nLigne 3' })], { now: NOW });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds at 75 octets of UTF-8, never inside a multi-byte character, and unfolds to the original', () => {
    const long = `${'é'.repeat(60)} ${'à'.repeat(3)}€${'😀'.repeat(30)} fin`;
    const ics = buildIcs([event({ summary: long, description: `Lieu : ${'Salle des Actes, rectorat, '.repeat(8)}` })], { now: NOW });
    const lines = physicalLines(ics);
    expect(lines.length).toBeGreaterThan(40);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no character was cut.
      expect(() => decoder.decode(new TextEncoder().encode(line))).not.toThrow();
    }
    const summaryLines = lines.slice(lines.findIndex((l) => l.startsWith('SUMMARY:')));
    expect(summaryLines[1]!.startsWith(' ')).toBe(true);
    expect(octets(summaryLines[0]!)).toBeGreaterThanOrEqual(73); // filled up to the limit, not folded early
    expect(unfold(ics)).toContain(`SUMMARY:${long}\r\n`);
  });

  it('folds a line of 76 octets and leaves one of 75 whole', () => {
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
    expect(foldLine(`X:${'a'.repeat(74)}`)).toBe(`X:${'a'.repeat(73)}\r\n a`);
    // 'é' is two octets: 2 + 36 × 2 = 74, the next one would make 76.
    expect(foldLine(`X:${'é'.repeat(37)}`)).toBe(`X:${'é'.repeat(36)}\r\n é`);
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const ics = buildIcs([event({ summary: 'Jury; salle 2, bâtiment A\\B', description: 'Ligne 1\nLigne 2' })], { now: NOW });
    expect(ics).toContain('SUMMARY:Jury\\; salle 2\\, bâtiment A\\\\B\r\n');
    expect(ics).toContain('DESCRIPTION:Ligne 1\\nLigne 2\r\n');
    const { events } = readBack(ics);
    expect(events[0]!.summary).toBe('Jury; salle 2, bâtiment A\\B');
    expect(events[0]!.description).toBe('Ligne 1\nLigne 2');
  });
});

describe('calendar', () => {
  it('declares version, product, Gregorian scale and PUBLISH, and stamps in UTC', () => {
    const ics = buildIcs([event()], { now: NOW, calendarName: 'Entretiens – CSTI' });
    const lines = physicalLines(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Commission de recrutement//Planificateur des entretiens//FR',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('X-WR-CALNAME:Entretiens – CSTI');
    expect(lines).toContain('DTSTAMP:20260520T101530Z');
    expect(lines).toContain('SEQUENCE:0');
    expect(ics).not.toContain('ATTENDEE');
  });

  it('writes local Paris times with TZID and the Europe/Paris VTIMEZONE with the EU rules', () => {
    const ics = buildIcs([event()], { now: NOW });
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20260603T090000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20260603T094500\r\n');
    const zone = /BEGIN:VTIMEZONE\r\n([\s\S]*?)END:VTIMEZONE/.exec(ics)![1]!;
    expect(zone).toContain('TZID:Europe/Paris');
    const daylight = /BEGIN:DAYLIGHT\r\n([\s\S]*?)END:DAYLIGHT/.exec(zone)![1]!.split('\r\n');
    const standard = /BEGIN:STANDARD\r\n([\s\S]*?)END:STANDARD/.exec(zone)![1]!.split('\r\n');
    expect(daylight).toEqual(expect.arrayContaining(['TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU']));
    expect(daylight.find((l) => l.startsWith('DTSTART:'))).toMatch(/T020000$/);
    expect(standard).toEqual(expect.arrayContaining(['TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU']));
    expect(standard.find((l) => l.startsWith('DTSTART:'))).toMatch(/T030000$/);
  });

  it('is read by ical.js at the right instant: 09:00 in Paris is 07:00Z in June and 08:00Z in December', () => {
    const ics = buildIcs(
      [
        event({ uid: 'a@test' }),
        event({ uid: 'b@test', start: { date: '2026-12-03', time: '09:00' }, end: { date: '2026-12-03', time: '09:45' }, summary: 'Hiver' }),
      ],
      { now: NOW },
    );
    const { calendar, events } = readBack(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => e.uid)).toEqual(['a@test', 'b@test']);
    expect(events[0]!.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-06-03T07:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-06-03T07:45:00.000Z');
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(events[0]!.location).toBe('Rectorat d’Aix-Marseille – Salle 204');
  });

  it('agrees with the time-zone database around every change of offset from 2026 to 2035', () => {
    const cases: { date: string; time: string }[] = [];
    for (let year = 2026; year <= 2035; year++) {
      for (const month of [3, 10]) {
        const last = new Date(Date.UTC(year, month, 0));
        const lastSunday = last.getUTCDate() - last.getUTCDay();
        for (const shift of [-1, 0, 1]) {
          const date = new Date(Date.UTC(year, month - 1, lastSunday + shift)).toISOString().slice(0, 10);
          cases.push({ date, time: '09:00' }, { date, time: '01:30' });
        }
      }
    }
    const events = cases.map((c, i) => event({ uid: `e${i}@test`, start: c, end: { date: c.date, time: c.time === '09:00' ? '09:45' : '01:45' } }));
    const read = readBack(buildIcs(events, { now: NOW })).events;
    read.forEach((e, i) => expect(e.startDate.toJSDate().toISOString(), `${cases[i]!.date} ${cases[i]!.time}`).toBe(parisToUtc(cases[i]!.date, cases[i]!.time)));
  });

  it('holds several events for one member, and a calendar with none is still valid', () => {
    const many = buildIcs(
      [event({ uid: 'x1@test' }), event({ uid: 'x2@test', start: { date: '2026-06-04', time: '14:00' }, end: { date: '2026-06-04', time: '14:45' } })],
      { now: NOW },
    );
    expect(many.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(readBack(many).events.map((e) => e.startDate.toString())).toEqual(['2026-06-03T09:00:00', '2026-06-04T14:00:00']);
    ICAL.TimezoneService.remove('Europe/Paris');
    expect(readBack(buildIcs([], { now: NOW })).events).toHaveLength(0);
  });

  it('names the organizer when given, quoting a name with a comma', () => {
    const ics = buildIcs([event()], { now: NOW, organizer: { name: 'Secrétariat, commission', email: 'csti@ac-test.example' } });
    expect(unfold(ics)).toContain('ORGANIZER;CN="Secrétariat, commission":mailto:csti@ac-test.example\r\n');
    expect(readBack(ics).events[0]!.organizer).toBe('mailto:csti@ac-test.example');
  });

  it('refuses what would make a wrong calendar, saying what is wrong', () => {
    expect(() => buildIcs([event({ start: { date: '03/06/2026', time: '09:00' } })], { now: NOW })).toThrow(/Date invalide.*03\/06\/2026/);
    expect(() => buildIcs([event({ end: { date: '2026-06-03', time: '9h45' } })], { now: NOW })).toThrow(/Heure invalide/);
    expect(() => buildIcs([event({ end: { date: '2026-06-03', time: '08:00' } })], { now: NOW })).toThrow(/ne suit pas son début/);
    expect(() => buildIcs([event({ uid: ' ' })], { now: NOW })).toThrow(/UID/);
    expect(() => buildIcs([event()], { now: NOW, method: 'REQUEST' })).toThrow(/organisateur/);
    expect(() => buildIcs([event()], { now: new Date('nope') })).toThrow(/invalide/);
  });
});
