import type {
  CandidateConsolidation,
  EvaluationOverview,
  MergeState,
  ScoreMergeReport,
} from '../../../../shared/model/scoring.js';
import { plural } from '../../components/labels.js';

/** « 12,5 » (one decimal), « — » when there is nothing to show. */
export function score(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A signed number, « +1,2 » / « −0,4 », for z-scores and gaps to the commission. */
export function signed(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (rounded === 0) return text;
  return `${rounded < 0 ? '−' : '+'}${text}`;
}

/** « 10,0–15,5 », « — » when nobody scored. */
export function range(min: number | null, max: number | null): string {
  if (min === null || max === null) return '—';
  return `${score(min)}–${score(max)}`;
}

export function rank(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('fr-FR');
}

export type Candidate = EvaluationOverview['candidates'][number];

export function candidateName(c: Pick<Candidate, 'nom' | 'prenom'>): string {
  return [c.nom, c.prenom].filter(Boolean).join(' ');
}

/** One line of the commission table: the candidate and their consolidation (absent when nothing was computed). */
export interface CommissionRow {
  candidate: Candidate;
  name: string;
  consolidation: CandidateConsolidation | null;
}

export function commissionRows(overview: EvaluationOverview): CommissionRow[] {
  const byId = new Map(overview.consolidation.candidates.map((c) => [c.candidateId, c]));
  return overview.candidates.map((candidate) => ({ candidate, name: candidateName(candidate), consolidation: byId.get(candidate.id) ?? null }));
}

/** Sheets submitted (members not recused) and sheets expected: « 3/4 ». */
export function completeness(c: CandidateConsolidation | null): { submitted: number; expected: number } {
  if (!c) return { submitted: 0, expected: 0 };
  return { submitted: c.members.length, expected: c.members.length + c.missing.length };
}

export const SORT_KEYS = ['nom', 'moyenne', 'mediane', 'ecart', 'rang', 'rangNormalise'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** The direction of a first click: the best first (highest mean, rank 1), names from A. */
export const FIRST_DIRECTION: Record<SortKey, Sort['direction']> = {
  nom: 'asc',
  moyenne: 'desc',
  mediane: 'desc',
  ecart: 'desc',
  rang: 'asc',
  rangNormalise: 'asc',
};

function sortValue(row: CommissionRow, key: Exclude<SortKey, 'nom'>): number | null {
  const c = row.consolidation;
  if (!c) return null;
  switch (key) {
    case 'moyenne':
      return c.mean;
    case 'mediane':
      return c.median;
    case 'ecart':
      return c.spread;
    case 'rang':
      return c.rank;
    case 'rangNormalise':
      return c.normalizedRank;
  }
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sorted copy; candidates without a value always come last, ties by name. */
export function sortRows(rows: readonly CommissionRow[], sort: Sort): CommissionRow[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: CommissionRow, b: CommissionRow) => collator.compare(a.name, b.name) || a.candidate.id - b.candidate.id;
  return [...rows].sort((a, b) => {
    if (sort.key === 'nom') return factor * byName(a, b);
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return factor * (va - vb) || byName(a, b);
  });
}

/** The figures above the table. */
export function summaryOf(overview: EvaluationOverview) {
  let submitted = 0;
  let expected = 0;
  let disagreements = 0;
  let eliminated = 0;
  for (const c of overview.consolidation.candidates) {
    const done = completeness(c);
    submitted += done.submitted;
    expected += done.expected;
    if (c.disagreement) disagreements++;
    if (c.eliminatedBy.length > 0) eliminated++;
  }
  return { candidates: overview.candidates.length, members: overview.members.length, submitted, expected, disagreements, eliminated };
}

export function summaryText(s: ReturnType<typeof summaryOf>): string {
  return [
    plural(s.candidates, 'candidat', 'candidats'),
    plural(s.members, 'membre', 'membres'),
    `${s.submitted.toLocaleString('fr-FR')} ${s.submitted > 1 ? 'fiches soumises' : 'fiche soumise'} sur ${s.expected.toLocaleString('fr-FR')} attendues`,
    plural(s.disagreements, 'divergence', 'divergences'),
    plural(s.eliminated, 'éliminé', 'éliminés'),
  ].join(' · ');
}

export const MERGE_STATES: readonly MergeState[] = ['nouveau', 'identique', 'modifie', 'conflit', 'refuse'];

export const MERGE_STATE_LABELS: Record<MergeState, string> = {
  nouveau: 'Nouveau',
  identique: 'Identique',
  modifie: 'Modifié',
  conflit: 'Conflit',
  refuse: 'Refusé',
};

export const MERGE_STATE_SEVERITY: Record<MergeState, 'success' | 'info' | 'warning' | 'error' | undefined> = {
  nouveau: 'success',
  identique: undefined,
  modifie: 'info',
  conflit: 'warning',
  refuse: 'error',
};

export type MergeChoice = 'fichier' | 'application';

/** The conflicts still to settle: their keys. */
export function conflictKeys(report: ScoreMergeReport): string[] {
  const keys = report.lines.filter((l) => l.state === 'conflit' && l.conflictKey).map((l) => l.conflictKey!);
  return [...new Set(keys)];
}

/** « 4 notes nouvelles, 1 modifiée, 2 conflits tranchés, 1 ligne refusée ». */
export function mergeDoneText(report: ScoreMergeReport): string {
  const { counts } = report;
  return [
    plural(counts.nouveau, 'note nouvelle', 'notes nouvelles'),
    plural(counts.modifie, 'note modifiée', 'notes modifiées'),
    plural(counts.conflit, 'conflit tranché', 'conflits tranchés'),
    plural(counts.identique, 'note identique', 'notes identiques'),
    plural(counts.refuse, 'ligne refusée', 'lignes refusées'),
  ].join(', ');
}

export { deName } from '../../../../shared/domain/text.js';
