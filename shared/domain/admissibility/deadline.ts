// When an application arrived, in the only time that counts for a French deadline: Paris's calendar.
import type { IsoDate, IsoInstant } from '../../model/entities.js';
import { formatFrenchDate, isIsoDate, isRealDate, parisDateOf } from '../dates.js';

/**
 * A reception as the app holds it, read: its Paris calendar date, and its Paris wall-clock time when known.
 * - 'YYYY-MM-DD': a day, already a Paris day (time unknown);
 * - 'YYYY-MM-DDTHH:MM[:SS[.fff]]' followed by 'Z' or '±HH:MM': an instant, converted to Paris;
 * - the same without a zone: read as Paris wall-clock time (never as the machine's local time).
 */
export interface ParisMoment {
  date: IsoDate;
  /** 'HH:MM' in Paris, null for a day only. */
  time: string | null;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

// Built once, like dates.ts's: a formatter with a time zone is costly to create.
let parisTimeFormatter: Intl.DateTimeFormat | null = null;

function parisTimeOf(instant: Date): string {
  parisTimeFormatter ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return parisTimeFormatter.format(instant);
}

/** Reads a reception (or any date or instant of the app: an override's date); null when malformed. */
export function readMoment(value: string): ParisMoment | null {
  const m = MOMENT.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, fraction, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDate(year, month, day)) return null;
  const date = `${y}-${mo}-${d}`;
  if (hh === undefined || mi === undefined) return { date, time: null };
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss ?? '0');
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (!zone) return { date, time: `${hh}:${mi}` };
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const millis = Number((fraction ?? '0').padEnd(3, '0').slice(0, 3));
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
  return { date: parisDateOf(instant), time: parisTimeOf(instant) };
}

/** The Paris calendar date of a reception (day or instant); throws RangeError when malformed. */
export function receivedParisDate(received: IsoInstant | IsoDate): IsoDate {
  const moment = readMoment(received);
  if (!moment) throw new RangeError(`Date de réception illisible : « ${received} ».`);
  return moment.date;
}

/**
 * Whether an application arrived on time: the deadline is a Paris calendar day, inclusive. A mail sent at
 * 23:30 in Paris on the last day (21:30Z in summer, 22:30Z in winter) is on time; one minute after midnight
 * in Paris is late. Throws RangeError when either value is malformed.
 */
export function isOnTime(received: IsoInstant | IsoDate, deadline: IsoDate): boolean {
  if (!isIsoDate(deadline)) throw new RangeError(`Date limite illisible : « ${deadline} ».`);
  return receivedParisDate(received) <= deadline;
}

/** « 16/05/2026 à 00:30 (heure de Paris) », or « 16/05/2026 » for a day only. */
export function formatMoment(moment: ParisMoment): string {
  return moment.time ? `${formatFrenchDate(moment.date)} à ${moment.time} (heure de Paris)` : formatFrenchDate(moment.date);
}
