// French wording shared by the checker and the planner. Sentences avoid past participles that would
// have to agree with a person whose gender the app does not know (« n’est pas disponible », « a deux »).

import { formatFrenchDate } from '../dates.js';
import { isoWeekday } from './calendar.js';
import type { HalfDay, IsoDate } from './model.js';

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** '2026-06-10' → 'mercredi 10/06/2026'. */
export function frDay(date: IsoDate): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${formatFrenchDate(date)}`;
}

/** '2026-06-10', 'am' → 'mercredi 10/06/2026 matin'. */
export function frHalfDay(date: IsoDate, half: HalfDay): string {
  return `${frDay(date)} ${half === 'am' ? 'matin' : 'après-midi'}`;
}

/** 3, 'membre' → '3 membres'. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count > 1 ? pluralWord : word}`;
}

/** « de ARNAUD » → « d’ARNAUD »: elided before a vowel or an h (names in capitals included). */
export function deName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜ]/.test(name) ? `d’${name}` : `de ${name}`;
}

/** « Salle 204 », keeping the label as typed. */
export function quoted(text: string): string {
  return `« ${text} »`;
}
