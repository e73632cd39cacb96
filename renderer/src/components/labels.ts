import type { AdmissibilityFlag } from '../../../shared/model/entities.js';

export const FLAG_SEVERITY: Record<AdmissibilityFlag, 'success' | 'warning' | 'error' | 'info'> = {
  complet: 'success',
  incomplet: 'warning',
  hors_delai: 'error',
  non_eligible: 'error',
};

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}
