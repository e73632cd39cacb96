import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { checkScores, criteriaOf, memberTotal } from '../../../../shared/domain/scoring.js';
import type { Criterion, CriterionScore, Grid, ScoreSheet } from '../../../../shared/model/scoring.js';

/** A member's sheet as the form holds it: scores as typed ('' = not scored), by criterion key. */
export interface SheetDraft {
  values: Record<string, string>;
  comments: Record<string, string>;
  comment: string;
}

/** Scales up to 11 levels are chosen among radio buttons; longer ones (0–20) are typed. */
export const MAX_RADIO_LEVELS = 11;

export function draftOf(grid: Grid, sheet: ScoreSheet | null): SheetDraft {
  const values: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const c of criteriaOf(grid.sections)) {
    const s = sheet?.scores.find((x) => x.criterionKey === c.key);
    values[c.key] = s?.value === null || s?.value === undefined ? '' : String(s.value);
    comments[c.key] = s?.comment ?? '';
  }
  return { values, comments, comment: sheet?.comment ?? '' };
}

/** « 12 » → 12; '' → null; anything else → NaN (the check says so). */
function readScore(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(',', '.');
  return t === '' ? null : Number(t);
}

export function scoresOf(criteria: readonly Criterion[], draft: SheetDraft): CriterionScore[] {
  return criteria.map((c) => ({ criterionKey: c.key, value: readScore(draft.values[c.key]), comment: c.comment ? (draft.comments[c.key] ?? '') : '' }));
}

/** The shared check, as the services will make it: on submit, every criterion must be scored. */
export function checkDraft(criteria: readonly Criterion[], draft: SheetDraft, submit: boolean): FieldErrors {
  return checkScores(criteria, scoresOf(criteria, draft), submit);
}

const valid = (c: Criterion, v: number | null) => v !== null && Number.isInteger(v) && v >= c.min && v <= c.max;

/** The live total on 20 and the « exigé » criteria below their threshold, from the scores that can count. */
export function liveTotal(criteria: readonly Criterion[], scores: readonly CriterionScore[]) {
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  return memberTotal(
    criteria,
    scores.filter((s) => {
      const c = byKey.get(s.criterionKey);
      return c !== undefined && valid(c, s.value);
    }),
  );
}

/** « 13,5 / 20 », or « — » when nothing weighing is scored. */
export function formatTotal(total: number | null): string {
  return total === null ? '—' : `${total.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} / 20`;
}

/** A criterion's score is below its « exigé » threshold. */
export function belowThreshold(c: Criterion, text: string | undefined): boolean {
  const v = readScore(text);
  return c.eliminatory && c.threshold !== null && valid(c, v) && v! < c.threshold;
}
