// French wording shared by the checker and the planner. Sentences avoid past participles that would
// have to agree with a person whose gender the app does not know (« n’est pas disponible », « a deux »).

import { formatFrenchDate } from '../dates.js';
import { isoWeekday } from './calendar.js';
import type { HalfDay, IsoDate } from './model.js';

/** Index 0 = lundi: ISO weekday − 1. */
export const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export const WEEKDAY_SHORT_NAMES = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'] as const;

/** '2026-06-10' → 'mercredi'. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[isoWeekday(date) - 1]!;
}

/** 'am' → 'matin', 'pm' → 'après-midi'. */
export function halfDayName(half: HalfDay): string {
  return half === 'am' ? 'matin' : 'après-midi';
}

/** '2026-06-10' → 'mercredi 10/06/2026'. */
export function frDay(date: IsoDate): string {
  return `${weekdayName(date)} ${formatFrenchDate(date)}`;
}

/** '2026-06-10', 'am' → 'mercredi 10/06/2026 matin'. */
export function frHalfDay(date: IsoDate, half: HalfDay): string {
  return `${frDay(date)} ${halfDayName(half)}`;
}

/** 3, 'membre' → '3 membres'. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count > 1 ? pluralWord : word}`;
}


/** « Salle 204 », keeping the label as typed. */
export function quoted(text: string): string {
  return `« ${text} »`;
}
