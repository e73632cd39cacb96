// Dates of mails: the Date header (RFC 5322, read strictly: JavaScript's Date parser accepts almost anything)
// and the dates that mail programs write in the header block of a forwarded message, in French or English,
// which carry no time zone and are read as Paris wall-clock time (the app serves French académies).
import type { IsoInstant } from '../../../shared/model/entities.js';

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_EN_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Named zones RFC 5322 knows, plus the European ones mail programs still write. Offsets in minutes. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
};

const RFC5322 =
  /^\s*(?:[a-z]{2,9}\.?\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[a-z]{1,5})?(?:\s*\(.*\))?\s*$/i;
const ISO_WITH_ZONE = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** UTC instant of a wall-clock time at `offsetMinutes` from UTC; null when a field is out of range. */
function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): IsoInstant | null {
  if (year < 1970 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  return new Date(ms).toISOString();
}

function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0; // RFC 5322: no zone means an unknown one, read as UTC
  if (/^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (hours > 23 || minutes > 59) return Number.NaN;
    return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONES[zone.toLowerCase()] ?? 0; // RFC 5322: an unknown alphabetic zone is read as UTC too
}

/**
 * The instant of a Date header: « Fri, 15 May 2026 23:30:00 +0200 » → '2026-05-15T21:30:00.000Z'.
 * Also accepts two-digit years, named zones (« CEST »), a trailing comment and, as some programs write it,
 * an ISO 8601 instant with its zone. Anything else is null: never a guess.
 */
export function parseMailDate(value: string | null | undefined): IsoInstant | null {
  return parseStrict(value, false);
}

function parseStrict(value: string | null | undefined, requireZone: boolean): IsoInstant | null {
  if (!value || value.length > 200) return null;
  const iso = ISO_WITH_ZONE.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const offset = zone!.toUpperCase() === 'Z' ? 0 : zoneOffset(zone!.replace(':', ''));
    if (Number.isNaN(offset)) return null;
    return instant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), offset);
  }
  const m = RFC5322.exec(value);
  if (!m) return null;
  const [, d, mon, y, h, mi, s, zone] = m;
  if (requireZone && !zone) return null;
  const name = mon!.toLowerCase();
  const month = (MONTHS_EN.indexOf(name) + 1) || (MONTHS_EN_FULL.indexOf(name) + 1);
  if (month === 0) return null;
  let year = Number(y);
  if (y!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (y!.length === 3) year += 1900;
  const offset = zoneOffset(zone);
  if (Number.isNaN(offset)) return null;
  return instant(year, month, Number(d), Number(h), Number(mi), Number(s ?? 0), offset);
}

// ---------------------------------------------------------------------------------------------
// Dates in a forwarded message's header block.

/** Folded month names and abbreviations, French and English, to their number. */
const MONTH_NAMES: Record<string, number> = {};
(
  [
    ['janvier', 'janv', 'january', 'jan'],
    ['fevrier', 'fevr', 'fev', 'february', 'feb'],
    ['mars', 'march', 'mar'],
    ['avril', 'avr', 'april', 'apr'],
    ['mai', 'may'],
    ['juin', 'june', 'jun'],
    ['juillet', 'juil', 'july', 'jul'],
    ['aout', 'august', 'aug'],
    ['septembre', 'sept', 'september', 'sep'],
    ['octobre', 'october', 'oct'],
    ['novembre', 'november', 'nov'],
    ['decembre', 'december', 'dec'],
  ] as const
).forEach((names, i) => names.forEach((name) => (MONTH_NAMES[name] = i + 1)));

const MONTH = '([a-z]{3,9})\\.?';
const TIME = '(\\d{1,2})\\s*[:h]\\s*(\\d{2})(?::(\\d{2}))?\\s*(am|pm)?';
/** « vendredi 15 mai 2026 23:30 », « ven. 15 mai 2026 à 23:30 », « Vendredi 15 Mai 2026 23:30:00 ». */
const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})(?:er)?\\s+${MONTH}\\s+(\\d{4})\\D{0,12}?${TIME}`, 'i');
/** « Friday, May 15, 2026 11:30 PM », « Fri, May 15, 2026 at 11:30 PM ». */
const MONTH_DAY_YEAR = new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\D{0,12}?${TIME}`, 'i');
/** « 15/05/2026 23:30 », « 15/05/2026 à 23:30 » (French order). */
const NUMERIC = new RegExp(`(\\d{1,2})/(\\d{1,2})/(\\d{4})\\D{0,12}?${TIME}`, 'i');

let parisParts: Intl.DateTimeFormat | null = null;

/** Minutes Paris is ahead of UTC at the instant `ms`. */
function parisOffsetAt(ms: number): number {
  parisParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const parts = Object.fromEntries(parisParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a Paris wall-clock time. Paris is one or two hours ahead of UTC: the offset that gives back
 * the same wall-clock time is the right one; in the autumn's repeated hour both do and summer time (the
 * first occurrence) wins; in the spring's missing hour neither does and winter time is used.
 */
function fromParis(year: number, month: number, day: number, hour: number, minute: number, second: number): IsoInstant | null {
  const asUtc = instant(year, month, day, hour, minute, second, 0);
  if (!asUtc) return null;
  const wall = Date.parse(asUtc);
  const offset = [120, 60].find((o) => parisOffsetAt(wall - o * 60_000) === o) ?? 60;
  return new Date(wall - offset * 60_000).toISOString();
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return 99;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * The date of a forwarded message as its forwarder's mail program wrote it: an RFC 5322 date with its zone,
 * or a French or English written date without zone, read as Paris time. Null when unreadable.
 */
export function parseForwardedDate(value: string): IsoInstant | null {
  const strict = parseStrict(value, true);
  if (strict) return strict;
  const text = value
    .slice(0, 200)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = MONTH_NAMES[m[2]!];
    if (month) return fromParis(Number(m[3]), month, Number(m[1]), hour24(Number(m[4]), m[7]), Number(m[5]), Number(m[6] ?? 0));
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = MONTH_NAMES[m[1]!];
    if (month) return fromParis(Number(m[3]), month, Number(m[2]), hour24(Number(m[4]), m[7]), Number(m[5]), Number(m[6] ?? 0));
  }
  m = NUMERIC.exec(text);
  if (m) return fromParis(Number(m[3]), Number(m[2]), Number(m[1]), hour24(Number(m[4]), m[7]), Number(m[5]), Number(m[6] ?? 0));
  return null;
}
