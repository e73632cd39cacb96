import type { Call } from '../../../../shared/model/entities.js';

/** The commission view of the evaluations (placeholder: replaced by the real screen). */
export function EvaluationsTab({ call }: { call: Call }) {
  return <p>Évaluations de « {call.title} » : écran en préparation.</p>;
}
