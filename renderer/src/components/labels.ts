import type { ReasonKind, VerdictStatus } from '../../../shared/model/admissibility.js';

export const VERDICT_SEVERITY: Record<VerdictStatus, 'success' | 'warning' | 'error'> = {
  recevable: 'success',
  incomplet: 'warning',
  irrecevable: 'error',
};

/** Headings of the reasons, by kind, in the file. */
export const REASON_KIND_HEADINGS: Record<ReasonKind, string> = {
  refused: 'Motifs d’irrecevabilité',
  missing: 'À compléter',
  warning: 'Points d’attention (sans effet sur la recevabilité)',
};

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}
