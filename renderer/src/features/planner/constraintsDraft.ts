// A person's constraints as typed in a row of the members' or candidates' table, read with the shared
// half-day list parser; what cannot be read is said in French next to its field, and nothing is saved.
import { formatHalfDayList, parseHalfDayList } from '../../../../shared/domain/planner/settings.js';
import type { Availability, HalfDayRef } from '../../../../shared/domain/planner/model.js';
import type { PersonAvailability } from '../../../../shared/model/planner.js';

export type PersonKind = 'member' | 'candidate';

export interface ConstraintDraft {
  /** Dates, periods and weekdays the person cannot attend. */
  unavailable: string;
  /** Members: the only half-days they can attend (empty: no such restriction). */
  only: string;
  /** Candidates: the half-days they would rather have. */
  preferred: string;
  note: string;
}

export type ConstraintField = 'unavailable' | 'only' | 'preferred';

export function draftOfConstraints(c: PersonAvailability): ConstraintDraft {
  return {
    unavailable: formatHalfDayList(c.availability.unavailable ?? [], c.availability.weekly ?? []),
    only: c.availability.only ? formatHalfDayList(c.availability.only) : '',
    preferred: formatHalfDayList(c.preferred),
    note: c.note,
  };
}

export type ConstraintCheck =
  | { ok: true; availability: Availability; preferred: HalfDayRef[]; note: string }
  | { ok: false; errors: Partial<Record<ConstraintField, string>> };

const DATES_ONLY = 'Indiquez ici des dates ou des périodes, pas un jour de la semaine.';

/** `year`: the year of a date typed without one (the interview window's). */
export function checkConstraints(kind: PersonKind, d: ConstraintDraft, year: number): ConstraintCheck {
  const errors: Partial<Record<ConstraintField, string>> = {};
  const unavailable = parseHalfDayList(d.unavailable, year);
  if (unavailable.problems.length) errors.unavailable = unavailable.problems.join(' ');
  const datesOf = (field: 'only' | 'preferred') => {
    const list = parseHalfDayList(d[field], year);
    if (list.problems.length) errors[field] = list.problems.join(' ');
    else if (list.weekly.length) errors[field] = DATES_ONLY;
    return list.dates;
  };
  const only = kind === 'member' && d.only.trim() ? datesOf('only') : null;
  const preferred = kind === 'candidate' ? datesOf('preferred') : [];
  if (Object.keys(errors).length) return { ok: false, errors };
  const availability: Availability = {};
  if (unavailable.dates.length) availability.unavailable = unavailable.dates;
  if (unavailable.weekly.length) availability.weekly = unavailable.weekly;
  if (only) availability.only = only;
  return { ok: true, availability, preferred, note: d.note.trim() };
}

export function sameDraft(a: ConstraintDraft, b: ConstraintDraft): boolean {
  return a.unavailable === b.unavailable && a.only === b.only && a.preferred === b.preferred && a.note === b.note;
}
