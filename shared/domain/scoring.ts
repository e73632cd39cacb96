// Pure scoring rules: grid checks, a member's total, the commission's consolidation and calibration. The same
// functions serve the services, the member's live total and the benchmark (10,000 × 10 × 12 within 200 ms).
import type { FieldErrors } from '../contract/errors.js';
import type {
  CandidateConsolidation,
  Consolidation,
  Criterion,
  CriterionScore,
  GridImpact,
  GridSection,
  MemberCalibration,
  MemberTotal,
  Phase,
  ScoreSheet,
} from '../model/scoring.js';
import { cleanMultiline, cleanText, foldText } from './text.js';

export const GRID_LIMITS = { label: 300, description: 2000, maxPoints: 100, maxWeight: 100 } as const;

/** Every criterion of a grid, in order. */
export function criteriaOf(sections: readonly GridSection[]): Criterion[] {
  return sections.flatMap((s) => s.criteria);
}

export type GridCheck = { ok: true; value: GridSection[] } | { ok: false; errors: FieldErrors };

/** Checks and cleans a grid as edited; errors are keyed `sections.<i>.criteria.<j>.<field>`. */
export function checkGrid(sections: readonly GridSection[]): GridCheck {
  const errors: FieldErrors = {};
  const keys = new Set<string>();
  const labels = new Set<string>();
  const cleaned = sections.map((section, i) => {
    const at = `sections.${i}`;
    const label = cleanText(section.label);
    if (!label) errors[`${at}.label`] = 'Le titre de la section est obligatoire.';
    const criteria = section.criteria.map((c, j) => {
      const path = `${at}.criteria.${j}`;
      const criterion: Criterion = {
        key: c.key.trim(),
        label: cleanText(c.label),
        description: cleanMultiline(c.description),
        weight: c.weight,
        min: c.min,
        max: c.max,
        levels: c.levels.map((l) => cleanText(l)),
        eliminatory: c.eliminatory,
        threshold: c.eliminatory ? c.threshold : null,
        comment: c.comment,
      };
      if (!/^[a-z0-9][a-z0-9_-]{0,59}$/i.test(criterion.key)) errors[`${path}.key`] = `Clé de critère invalide : « ${c.key} ».`;
      else if (keys.has(criterion.key)) errors[`${path}.key`] = `Clé de critère en double : « ${c.key} ».`;
      keys.add(criterion.key);
      if (!criterion.label) errors[`${path}.label`] = 'Le libellé du critère est obligatoire.';
      else if (criterion.label.length > GRID_LIMITS.label) errors[`${path}.label`] = `Le libellé : ${GRID_LIMITS.label} caractères au plus.`;
      if (criterion.description.length > GRID_LIMITS.description) errors[`${path}.description`] = `La description : ${GRID_LIMITS.description} caractères au plus.`;
      if (!(criterion.weight >= 0 && criterion.weight <= GRID_LIMITS.maxWeight)) errors[`${path}.weight`] = `Le poids va de 0 à ${GRID_LIMITS.maxWeight}.`;
      if (!Number.isInteger(criterion.min) || !Number.isInteger(criterion.max) || criterion.min < 0 || criterion.max > GRID_LIMITS.maxPoints) {
        errors[`${path}.max`] = `L’échelle va de 0 à ${GRID_LIMITS.maxPoints} points entiers.`;
      } else if (criterion.min >= criterion.max) errors[`${path}.max`] = 'La note maximale doit dépasser la note minimale.';
      if (criterion.levels.length > 0 && criterion.levels.length !== criterion.max - criterion.min + 1) {
        errors[`${path}.levels`] = `Un descripteur par niveau : ${criterion.max - criterion.min + 1} attendus, ${criterion.levels.length} donnés.`;
      }
      if (criterion.eliminatory) {
        if (criterion.threshold === null || !Number.isFinite(criterion.threshold)) errors[`${path}.threshold`] = 'Indiquez le seuil (note minimale) du critère exigé.';
        else if (criterion.threshold < criterion.min || criterion.threshold > criterion.max) errors[`${path}.threshold`] = `Le seuil doit être entre ${criterion.min} et ${criterion.max}.`;
      }
      return criterion;
    });
    if (criteria.length === 0) errors[`${at}.criteria`] = 'Une section compte au moins un critère.';
    criteria.forEach((criterion, j) => {
      const label = foldText(criterion.label);
      if (label && labels.has(label)) errors[`${at}.criteria.${j}.label`] = `Deux critères portent le libellé « ${criterion.label} » : distinguez-les (les classeurs d’évaluation les repèrent par leur libellé).`;
      labels.add(label);
    });
    return { key: section.key.trim() || `section-${i + 1}`, label, criteria };
  });
  if (Object.keys(errors).length === 0 && cleaned.length > 0 && criteriaOf(cleaned).every((c) => c.weight === 0)) {
    errors['sections.0.criteria.0.weight'] = 'Au moins un critère doit peser : sinon aucun total ne peut être calculé.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: cleaned };
}

function erased(n: number, what = ''): string {
  return n > 1 ? `${n} notes déjà données${what} seraient effacées` : `1 note déjà donnée${what} serait effacée`;
}

/**
 * What a new grid would do to what members already did: scores of a criterion removed or whose scale changes
 * (a 3 on 0–4 does not mean a 3 on 0–20: they are erased, never silently reread), and submitted sheets a new
 * criterion leaves incomplete (they go back to draft). `given`: values per criterion key.
 */
export function gridImpacts(
  previous: readonly GridSection[],
  next: readonly GridSection[],
  given: ReadonlyMap<string, readonly number[]>,
  submittedSheets = 0,
): GridImpact[] {
  const nextByKey = new Map(criteriaOf(next).map((c) => [c.key, c]));
  const previousKeys = new Set(criteriaOf(previous).map((c) => c.key));
  const impacts: GridImpact[] = [];
  for (const old of criteriaOf(previous)) {
    const values = given.get(old.key) ?? [];
    if (values.length === 0) continue;
    const now = nextByKey.get(old.key);
    if (!now) {
      impacts.push({ criterionKey: old.key, label: old.label, affectedScores: values.length, kind: 'removed', message: `« ${old.label} » est retiré : ${erased(values.length)}.` });
    } else if (now.min !== old.min || now.max !== old.max) {
      impacts.push({
        criterionKey: old.key,
        label: now.label,
        affectedScores: values.length,
        kind: 'rescaled',
        message: `« ${now.label} » passe de ${old.min}–${old.max} à ${now.min}–${now.max} : ${erased(values.length, ' sur l’ancienne échelle')}.`,
      });
    }
  }
  if (submittedSheets > 0) {
    for (const added of criteriaOf(next).filter((c) => !previousKeys.has(c.key))) {
      impacts.push({
        criterionKey: added.key,
        label: added.label,
        affectedScores: submittedSheets,
        kind: 'added',
        message: `« ${added.label} » est ajouté : ${submittedSheets > 1 ? `${submittedSheets} fiches déjà soumises reviendraient` : '1 fiche déjà soumise reviendrait'} au brouillon, à compléter.`,
      });
    }
  }
  return impacts;
}

/** Checks a member's scores against the grid; on submit, every criterion must be scored. Errors keyed `scores.<key>`. */
export function checkScores(criteria: readonly Criterion[], scores: readonly CriterionScore[], submit: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const byKey = new Map(scores.map((s) => [s.criterionKey, s]));
  const seen = new Set<string>();
  for (const s of scores) {
    if (seen.has(s.criterionKey)) errors[`scores.${s.criterionKey}`] = `Le critère « ${s.criterionKey} » est noté deux fois.`;
    seen.add(s.criterionKey);
    if (!criteria.some((c) => c.key === s.criterionKey)) errors[`scores.${s.criterionKey}`] = `Critère inconnu : « ${s.criterionKey} » (la grille a changé ?).`;
  }
  for (const c of criteria) {
    const value = byKey.get(c.key)?.value ?? null;
    if (value === null) {
      if (submit) errors[`scores.${c.key}`] = `Notez « ${c.label} » avant de soumettre.`;
      continue;
    }
    if (!Number.isInteger(value) || value < c.min || value > c.max) errors[`scores.${c.key}`] = `« ${c.label} » : une note entière de ${c.min} à ${c.max}.`;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Totals and consolidation.

/** Criteria prepared once for a phase: the hot loop only reads numbers. */
interface PreparedCriteria {
  keys: Map<string, number>;
  min: Float64Array;
  span: Float64Array;
  weight: Float64Array;
  eliminatory: Uint8Array;
  threshold: Float64Array;
  labels: string[];
}

function prepare(criteria: readonly Criterion[]): PreparedCriteria {
  const n = criteria.length;
  const p: PreparedCriteria = {
    keys: new Map(criteria.map((c, i) => [c.key, i])),
    min: new Float64Array(n),
    span: new Float64Array(n),
    weight: new Float64Array(n),
    eliminatory: new Uint8Array(n),
    threshold: new Float64Array(n),
    labels: criteria.map((c) => c.label),
  };
  criteria.forEach((c, i) => {
    p.min[i] = c.min;
    p.span[i] = c.max - c.min;
    p.weight[i] = c.weight;
    p.eliminatory[i] = c.eliminatory ? 1 : 0;
    p.threshold[i] = c.threshold ?? -Infinity;
  });
  return p;
}

/** One decimal, as shown. */
function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * A member's total on 20: each scored criterion counts for its weight, its score brought to 0–1 on its scale;
 * the weighted mean is brought to 20. Null when nothing weighing is scored. `values` is indexed like the criteria.
 */
function totalOf(p: PreparedCriteria, values: Float64Array): { total: number | null; eliminated: number[]; complete: boolean } {
  let sum = 0;
  let weights = 0;
  let complete = true;
  const eliminated: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      complete = false;
      continue;
    }
    const w = p.weight[i]!;
    sum += (w * (v - p.min[i]!)) / p.span[i]!;
    weights += w;
    if (p.eliminatory[i] === 1 && v < p.threshold[i]!) eliminated.push(i);
  }
  return { total: weights > 0 ? (sum / weights) * 20 : null, eliminated, complete };
}

function valuesOf(p: PreparedCriteria, scores: readonly CriterionScore[]): Float64Array {
  const values = new Float64Array(p.min.length).fill(Number.NaN);
  for (const s of scores) {
    const i = p.keys.get(s.criterionKey);
    if (i !== undefined && s.value !== null) values[i] = s.value;
  }
  return values;
}

/** A member's total for the live display of their sheet. */
export function memberTotal(criteria: readonly Criterion[], scores: readonly CriterionScore[]): { total: number | null; eliminatedBy: string[]; complete: boolean } {
  const p = prepare(criteria);
  const r = totalOf(p, valuesOf(p, scores));
  return { total: r.total === null ? null : round1(r.total), eliminatedBy: r.eliminated.map((i) => p.labels[i]!), complete: r.complete };
}

export interface ConsolidationInput {
  phase: Phase;
  criteria: readonly Criterion[];
  candidateIds: readonly number[];
  memberIds: readonly number[];
  /** Only submitted sheets count; drafts are ignored. */
  sheets: readonly Pick<ScoreSheet, 'candidateId' | 'memberId' | 'status' | 'scores'>[];
  /** Declared conflicts: the member is left out of the candidate's figures. */
  recusals: readonly { candidateId: number; memberId: number }[];
  /** Share of the 20-point scale beyond which the members' spread is a disagreement. */
  disagreementShare: number;
}

function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Competition ranking (1, 1, 3) by descending value; null values are not ranked. */
function rankBy<T>(items: readonly T[], value: (item: T) => number | null, decimals = 1): Map<T, number> {
  const shown = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  const ranked = items.filter((i) => value(i) !== null).sort((a, b) => value(b)! - value(a)!);
  const ranks = new Map<T, number>();
  ranked.forEach((item, i) => {
    const previous = ranked[i - 1];
    // Ties on the shown value (one decimal) share their rank.
    ranks.set(item, previous !== undefined && shown(value(previous)!) === shown(value(item)!) ? ranks.get(previous)! : i + 1);
  });
  return ranks;
}

/**
 * The commission's figures for one phase. Per candidate: the totals of the members who submitted and are not
 * recused; mean, median, min, max, spread; disagreement beyond the set share; « exigé » criteria whose mean is
 * below threshold (eliminated: not ranked); who is missing. Per member: mean and standard deviation of their
 * totals (calibration), and each candidate's mean z-score, ranked beside — never instead of — the raw mean.
 */
export function consolidate(input: ConsolidationInput): Consolidation {
  const p = prepare(input.criteria);
  const n = p.min.length;
  const recused = new Map<number, Set<number>>();
  for (const r of input.recusals) {
    let set = recused.get(r.candidateId);
    if (!set) recused.set(r.candidateId, (set = new Set()));
    set.add(r.memberId);
  }
  const memberSet = new Set(input.memberIds);
  // The sheets that count, their values in one flat array (10,000 × 10 sheets: no allocation per sheet).
  const kept: number[] = [];
  for (let s = 0; s < input.sheets.length; s++) {
    const sheet = input.sheets[s]!;
    if (sheet.status !== 'soumise' || !memberSet.has(sheet.memberId)) continue;
    if (recused.get(sheet.candidateId)?.has(sheet.memberId)) continue;
    kept.push(s);
  }
  const values = new Float64Array(kept.length * n).fill(Number.NaN);
  const totals = new Float64Array(kept.length).fill(Number.NaN);
  const complete = new Uint8Array(kept.length);
  const byCandidate = new Map<number, number[]>();
  kept.forEach((s, k) => {
    const sheet = input.sheets[s]!;
    const base = k * n;
    const scores = sheet.scores;
    for (let j = 0; j < scores.length; j++) {
      const score = scores[j]!;
      if (score.value === null) continue;
      // Scores usually come in the grid's order: no lookup needed then.
      const i = j < n && input.criteria[j]!.key === score.criterionKey ? j : p.keys.get(score.criterionKey);
      if (i !== undefined) values[base + i] = score.value;
    }
    let sum = 0;
    let weights = 0;
    let all = 1;
    for (let i = 0; i < n; i++) {
      const v = values[base + i]!;
      if (Number.isNaN(v)) {
        all = 0;
        continue;
      }
      sum += (p.weight[i]! * (v - p.min[i]!)) / p.span[i]!;
      weights += p.weight[i]!;
    }
    if (weights > 0) totals[k] = (sum / weights) * 20;
    complete[k] = all;
    let list = byCandidate.get(sheet.candidateId);
    if (!list) byCandidate.set(sheet.candidateId, (list = []));
    list.push(k);
  });
  const memberIdOf = Int32Array.from(kept, (s) => input.sheets[s]!.memberId);
  const memberOf = (k: number) => memberIdOf[k]!;
  // Usually one or two « exigé » criteria: only they are looked at for eliminations.
  const eliminatoryIndexes: number[] = [];
  for (let i = 0; i < n; i++) if (p.eliminatory[i] === 1) eliminatoryIndexes.push(i);
  // Most sheets eliminate nothing: they share one empty list rather than 100,000 of them.
  const none = Object.freeze([]) as unknown as string[];
  const eliminatedOf = (k: number) => {
    let labels: string[] | null = null;
    for (const i of eliminatoryIndexes) if (values[k * n + i]! < p.threshold[i]!) (labels ??= []).push(p.labels[i]!);
    return labels ?? none;
  };

  // Calibration: each member's totals across the phase.
  const perMember = new Map<number, { sum: number; sq: number; count: number }>();
  let allSum = 0;
  let allSq = 0;
  let allCount = 0;
  for (let k = 0; k < kept.length; k++) {
    const t = totals[k]!;
    if (Number.isNaN(t)) continue;
    const memberId = memberOf(k);
    let s = perMember.get(memberId);
    if (!s) perMember.set(memberId, (s = { sum: 0, sq: 0, count: 0 }));
    s.sum += t;
    s.sq += t * t;
    s.count++;
    allSum += t;
    allSq += t * t;
    allCount++;
  }
  const stats = (sum: number, sq: number, count: number) => {
    if (count === 0) return { mean: null, sd: null };
    const mean = sum / count;
    return { mean, sd: Math.sqrt(Math.max(0, sq / count - mean * mean)) };
  };
  const calibration: MemberCalibration[] = input.memberIds.map((memberId) => {
    const s = perMember.get(memberId);
    const { mean, sd } = s ? stats(s.sum, s.sq, s.count) : { mean: null, sd: null };
    return { memberId, count: s?.count ?? 0, mean: mean === null ? null : round1(mean), sd: sd === null ? null : round1(sd) };
  });
  const exact = new Map(input.memberIds.map((id) => [id, perMember.get(id) ? stats(perMember.get(id)!.sum, perMember.get(id)!.sq, perMember.get(id)!.count) : null]));

  const threshold = input.disagreementShare * 20;
  const none_ = Object.freeze([]) as unknown as number[];
  const candidates: CandidateConsolidation[] = input.candidateIds.map((candidateId) => {
    const list = byCandidate.get(candidateId) ?? none_;
    const recusedHere = recused.get(candidateId);
    const sorted: number[] = [];
    for (const k of list) if (!Number.isNaN(totals[k]!)) sorted.push(totals[k]!);
    sorted.sort((a, b) => a - b);
    const mean = sorted.length > 0 ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
    const min = sorted.length > 0 ? sorted[0]! : null;
    const max = sorted.length > 0 ? sorted[sorted.length - 1]! : null;
    // « Exigé » criteria judged on the members' mean for the criterion.
    const eliminatedBy: string[] = [];
    for (const i of eliminatoryIndexes) {
      let sum = 0;
      let count = 0;
      for (const k of list) {
        const v = values[k * n + i]!;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      if (count > 0 && sum / count < p.threshold[i]!) eliminatedBy.push(p.labels[i]!);
    }
    let zSum = 0;
    let zCount = 0;
    for (const k of list) {
      if (Number.isNaN(totals[k]!)) continue;
      const s = exact.get(memberOf(k));
      if (!s || s.mean === null) continue;
      zSum += s.sd && s.sd > 0 ? (totals[k]! - s.mean) / s.sd : 0;
      zCount++;
    }
    const members: MemberTotal[] = list.map((k) => ({
      memberId: memberOf(k),
      total: Number.isNaN(totals[k]!) ? null : round1(totals[k]!),
      eliminatedBy: eliminatedOf(k),
      complete: complete[k] === 1,
    }));
    return {
      candidateId,
      members,
      mean: mean === null ? null : round1(mean),
      median: sorted.length > 0 ? round1(median(sorted)!) : null,
      min: min === null ? null : round1(min),
      max: max === null ? null : round1(max),
      spread: min === null || max === null ? null : round1(max - min),
      disagreement: min !== null && max !== null && max - min > threshold,
      eliminatedBy,
      missing: input.memberIds.filter((id) => !recusedHere?.has(id) && !list.some((k) => memberOf(k) === id)),
      recused: recusedHere ? input.memberIds.filter((id) => recusedHere.has(id)) : [],
      normalized: zCount > 0 ? Math.round((zSum / zCount) * 100) / 100 : null,
      rank: null,
      normalizedRank: null,
    };
  });
  const rankable = candidates.filter((c) => c.eliminatedBy.length === 0);
  const raw = rankBy(rankable, (c) => c.mean);
  const normalized = rankBy(rankable, (c) => c.normalized, 2);
  for (const c of rankable) {
    c.rank = raw.get(c) ?? null;
    c.normalizedRank = normalized.get(c) ?? null;
  }
  const all = stats(allSum, allSq, allCount);
  return {
    phase: input.phase,
    candidates,
    calibration,
    commission: { count: allCount, mean: all.mean === null ? null : round1(all.mean), sd: all.sd === null ? null : round1(all.sd) },
  };
}
