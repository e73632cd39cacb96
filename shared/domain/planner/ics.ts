// iCalendar (RFC 5545) for the interviews: a candidate's convocation, a member's own schedule.
//
// Times are written as Paris wall-clock times (DTSTART;TZID=Europe/Paris:20260603T090000) with the zone's
// VTIMEZONE in the file, so that a calendar shows 09:00 whatever zone it runs in and whichever side of a
// daylight-saving change the interview falls. DTSTAMP is UTC, as RFC 5545 requires.
//
// METHOD:PUBLISH by default: the file is something to add to one's calendar, not an iTIP meeting request.
// With REQUEST, Outlook and Thunderbird show « Accepter / Refuser » and mail the answer to the ORGANIZER —
// the app sends nothing and reads no mailbox, so those answers would reach the commission's address with no
// one expecting them; and a REQUEST needs an ATTENDEE per person invited. REQUEST stays possible for a caller
// that gives an organizer and attendees.
//
// Updates: an event keeps its UID (given by the caller, stable per call and candidate), so importing a
// re-sent file replaces the event instead of adding a second one. SEQUENCE is 0 unless the caller gives it;
// the convocations give one that grows with each re-sent version (documents.ts), as RFC 5545 asks when the
// time changes and as Outlook needs before it replaces an event.

export interface IcsEvent {
  /** Stable across re-sends: the same UID updates the event already in the calendar. */
  uid: string;
  /** Paris local time: 'YYYY-MM-DD' and 'HH:MM'. */
  start: { date: string; time: string };
  end: { date: string; time: string };
  summary: string;
  location: string;
  description: string;
  /** Revision number (RFC 5545 SEQUENCE); 0 when absent. */
  sequence?: number;
  /** Needed for METHOD:REQUEST only. */
  attendees?: { name: string; email: string }[];
}

export interface IcsOptions {
  /** DTSTAMP: when the file is produced. */
  now: Date;
  method?: 'PUBLISH' | 'REQUEST';
  calendarName?: string;
  organizer?: { name: string; email: string };
}

export const ICS_TIME_ZONE = 'Europe/Paris';
export const ICS_PRODID = '-//Commission de recrutement//Planificateur des entretiens//FR';

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// The EU rule since 1996 (last Sunday of March at 02:00 → CEST, last Sunday of October at 03:00 → CET). The
// DTSTARTs are the first changes under each rule, in the offset in force before them (RFC 5545 §3.6.5).
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so that no line exceeds 75 octets of UTF-8 (the CRLF excluded, the leading space of a
 * continuation included), cutting between code points only, never inside a multi-byte character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** A TEXT value (RFC 5545 §3.3.11): \ ; , escaped, line breaks as \n, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
}

/** A parameter value (CN=…): no DQUOTE is allowed inside, so it is dropped; quoted when it holds : ; or ,. */
function paramValue(value: string): string {
  const clean = value.normalize('NFC').replace(/["\p{Cc}]/gu, '').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function mailto(email: string): string {
  return `mailto:${email.trim()}`;
}

function localDateTime(point: { date: string; time: string }, what: string): string {
  const d = DATE.exec(point.date);
  const t = TIME.exec(point.time);
  if (!d) throw new Error(`Date invalide pour ${what} : « ${point.date} » (attendu AAAA-MM-JJ).`);
  if (!t) throw new Error(`Heure invalide pour ${what} : « ${point.time} » (attendu HH:MM).`);
  return `${d[1]}${d[2]}${d[3]}T${t[1]}${t[2]}00`;
}

function utcStamp(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Error('Date de production du calendrier invalide.');
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function eventLines(event: IcsEvent, stamp: string, organizer: IcsOptions['organizer']): string[] {
  const what = `l’évènement « ${event.summary} »`;
  if (!event.uid.trim() || /[\r\n]/.test(event.uid)) throw new Error(`Identifiant (UID) invalide pour ${what}.`);
  const start = localDateTime(event.start, what);
  const end = localDateTime(event.end, what);
  // Same format and zone: the strings compare as the times do.
  if (end <= start) throw new Error(`La fin de ${what} (${event.end.date} ${event.end.time}) ne suit pas son début.`);
  const sequence = event.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new Error(`Numéro de révision (SEQUENCE) invalide pour ${what}.`);
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid.trim()}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${start}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${end}`,
    `SEQUENCE:${sequence}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location.trim() ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description.trim() ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(organizer ? [`ORGANIZER;CN=${paramValue(organizer.name)}:${mailto(organizer.email)}`] : []),
    ...(event.attendees ?? []).map(
      (a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`,
    ),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A VCALENDAR of the events (possibly none: the VTIMEZONE keeps it a valid calendar), CRLF, folded. */
export function buildIcs(events: IcsEvent[], options: IcsOptions): string {
  const method = options.method ?? 'PUBLISH';
  const organizer = options.organizer && options.organizer.email.trim() ? options.organizer : undefined;
  if (method === 'REQUEST' && (!organizer || events.some((e) => !e.attendees?.length))) {
    throw new Error('Une invitation (METHOD:REQUEST) demande un organisateur et au moins un participant par évènement.');
  }
  const stamp = utcStamp(options.now);
  const name = options.calendarName?.trim();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...(name ? [`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`] : []),
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
    ...PARIS_VTIMEZONE,
    ...events.flatMap((e) => eventLines(e, stamp, organizer)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
