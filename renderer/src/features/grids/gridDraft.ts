import { slugOf } from '../../../../shared/domain/text.js';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { checkGrid, criteriaOf } from '../../../../shared/domain/scoring.js';
import type { Criterion, GridSection } from '../../../../shared/model/scoring.js';

/** A criterion as the form holds it: numbers as typed; `key` is '' until the criterion is first saved. */
export interface CriterionDraft {
  key: string;
  label: string;
  description: string;
  weight: string;
  min: string;
  max: string;
  /** Descriptors from min upwards; only the first (max − min + 1) are kept. */
  levels: string[];
  eliminatory: boolean;
  threshold: string;
  comment: boolean;
}

export interface SectionDraft {
  key: string;
  label: string;
  criteria: CriterionDraft[];
}

/** Descriptors are typed one per level only for short scales (0–4, 1–10…); a 0–20 scale has none. */
export const MAX_DESCRIBED_SPAN = 10;

export function criterionDraft(c: Criterion): CriterionDraft {
  return {
    key: c.key,
    label: c.label,
    description: c.description,
    weight: String(c.weight),
    min: String(c.min),
    max: String(c.max),
    levels: [...c.levels],
    eliminatory: c.eliminatory,
    threshold: c.threshold === null ? '' : String(c.threshold),
    comment: c.comment,
  };
}

export function sectionsDraft(sections: readonly GridSection[]): SectionDraft[] {
  return sections.map((s) => ({ key: s.key, label: s.label, criteria: s.criteria.map(criterionDraft) }));
}

export function emptyCriterion(): CriterionDraft {
  return { key: '', label: '', description: '', weight: '1', min: '0', max: '4', levels: [], eliminatory: false, threshold: '', comment: false };
}

export function emptySection(): SectionDraft {
  return { key: '', label: '', criteria: [emptyCriterion()] };
}

/** « 2,5 » or « 2.5 »; NaN when not a number (the check says so). */
export function readNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

/** The number of levels a scale has when it is described level by level, else 0. */
export function describedLevels(minText: string, maxText: string): number {
  const min = readNumber(minText);
  const max = readNumber(maxText);
  if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min || max - min > MAX_DESCRIBED_SPAN) return 0;
  return max - min + 1;
}

function criterionOf(d: CriterionDraft, key: string): Criterion {
  const count = describedLevels(d.min, d.max);
  const levels = d.levels.slice(0, count);
  const described = levels.some((l) => l.trim() !== '');
  return {
    key,
    label: d.label,
    description: d.description,
    weight: readNumber(d.weight),
    min: readNumber(d.min),
    max: readNumber(d.max),
    levels: described ? Array.from({ length: count }, (_, i) => levels[i] ?? '') : [],
    eliminatory: d.eliminatory,
    threshold: d.eliminatory ? readNumber(d.threshold) : null,
    comment: d.comment,
  };
}

/** The grid as the services take it; criteria not yet saved get a provisional key (see `withKeys`). */
export function sectionsOf(draft: readonly SectionDraft[]): GridSection[] {
  return draft.map((s, i) => ({
    key: s.key,
    label: s.label,
    criteria: s.criteria.map((c, j) => criterionOf(c, c.key || `nouveau-${i}-${j}`)),
  }));
}

/** The shared check of a grid, as typed, keyed `sections.<i>.criteria.<j>.<field>`; keys are the app's business. */
export function gridDraftErrors(draft: readonly SectionDraft[]): FieldErrors {
  const checked = checkGrid(sectionsOf(draft));
  const errors: FieldErrors = {};
  if (!checked.ok) for (const [k, message] of Object.entries(checked.errors)) if (!k.endsWith('.key')) errors[k] = message;
  return errors;
}

/** « Prise de contact » → « prise-de-contact »: readable keys in exported workbooks. */
/** Keys of criteria and sections come from their labels. */
export const slug = (text: string): string => slugOf(text);

function newKey(label: string, fallback: string, taken: Set<string>): string {
  for (;;) {
    const key = `${slug(label) || fallback}-${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}

/**
 * Gives each new section and criterion its stable key (slug of its label and a short random suffix). A key once
 * given is never changed: the scores refer to it.
 */
export function withKeys(draft: readonly SectionDraft[]): SectionDraft[] {
  const taken = new Set([...draft.map((s) => s.key), ...draft.flatMap((s) => s.criteria.map((c) => c.key))].filter(Boolean));
  if (draft.every((s) => s.key && s.criteria.every((c) => c.key))) return [...draft];
  return draft.map((s) => ({
    key: s.key || newKey(s.label, 'section', taken),
    label: s.label,
    criteria: s.criteria.map((c) => (c.key ? c : { ...c, key: newKey(c.label, 'critere', taken) })),
  }));
}

/** The weights as typed (unreadable ones count for nothing) and each criterion's share of the 20 points. */
export function weightShares(draft: readonly SectionDraft[]): { total: number; shares: { label: string; weight: number; points: number }[] } {
  const criteria = criteriaOf(sectionsOf(draft));
  const weight = (w: number) => (Number.isFinite(w) && w > 0 ? w : 0);
  const total = criteria.reduce((sum, c) => sum + weight(c.weight), 0);
  return {
    total,
    shares: criteria.map((c) => ({ label: c.label, weight: weight(c.weight), points: total > 0 ? (weight(c.weight) / total) * 20 : 0 })),
  };
}

export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const next = [...items];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/** « 2,5 », « 13,3 »: numbers as the French read them. */
export function formatPoints(n: number, digits = 1): string {
  return n.toLocaleString('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}
