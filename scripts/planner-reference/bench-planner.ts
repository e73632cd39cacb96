// The interview planner's measures for `npm run bench` (issue 7): the June 2026 campaign of 300 candidates
// against HiGHS's exact optimum, the same campaign at 3,000 candidates checked by checkPlan, and the three
// disruptions against HiGHS's fewest moves. Planner and HiGHS are timed in the same run.
import { checkPlan } from '../../shared/domain/planner/check.js';
import type { PlanDiff, PlannerInput } from '../../shared/domain/planner/model.js';
import { plan, replan } from '../../shared/domain/planner/plan.js';
import { medianMs, type Recorder } from '../bench-kit.js';
import { exactPlan, exactReplan } from './exact.js';
import { campaignInput, disruptions } from './instances.js';

const SEED = 7;
/** HiGHS took about 3 s on the 300-candidate campaign; the limit only guards against a runaway. */
const HIGHS_LIMIT_S = 120;

/** Previously placed candidates still to hear who lost their date, time or room. */
export function movedCount(input: PlannerInput, diff: PlanDiff): number {
  const present = new Set(input.candidates.map((c) => c.id));
  return diff.moved.length + diff.removed.filter((r) => present.has(r.slot.candidateId)).length;
}

export async function benchPlanner(record: Recorder['record']): Promise<void> {
  const input = campaignInput(300, SEED);
  let planned = plan(input);
  const plannerMs = await medianMs(() => {
    planned = plan(input);
  }, 3);
  const violations300 = checkPlan(input, planned).length;
  if (violations300 > 0) throw new Error(`Le planning de 300 candidats enfreint ${violations300} contraintes.`);
  const exact = await exactPlan(input, { timeLimitSeconds: HIGHS_LIMIT_S });
  if (!exact.optimal || !exact.solution) throw new Error(`HiGHS n’a pas prouvé l’optimum (300 candidats) : ${exact.status}.`);
  if (exact.solution.placed !== planned.stats.placed) throw new Error(`300 candidats : ${planned.stats.placed} placés par le planificateur, ${exact.solution.placed} par HiGHS.`);
  record('planner_300_ms', plannerMs, 'ms', 1000);
  record('planner_300_days_minus_optimum', planned.stats.days - exact.solution.days, 'jours', 0);
  record('planner_highs_300_ms', exact.solveMs, 'ms', null);
  record('planner_speedup_vs_highs_300', exact.solveMs / plannerMs, '×', null);

  const moves: string[] = [];
  let worst = -Infinity;
  for (const disruption of disruptions(input, planned)) {
    const { plan: next, diff } = replan(planned, disruption.input);
    const violations = checkPlan(disruption.input, next).length;
    if (violations > 0) throw new Error(`Re-planification (${disruption.label}) : ${violations} contraintes enfreintes.`);
    const minimum = await exactReplan(planned.placed, disruption.input, { timeLimitSeconds: HIGHS_LIMIT_S });
    if (!minimum.optimal || !minimum.solution) throw new Error(`HiGHS n’a pas prouvé le minimum (${disruption.label}) : ${minimum.status}.`);
    const moved = movedCount(disruption.input, diff);
    worst = Math.max(worst, moved - minimum.solution.moved);
    moves.push(`${disruption.label} : ${moved} déplacé(s), minimum ${minimum.solution.moved}, ${next.stats.placed} placés (HiGHS ${minimum.solution.placed})`);
  }
  record('planner_replan_moved_minus_minimum', worst, 'candidats', 1);

  const large = campaignInput(3000, SEED);
  let largePlan = planned;
  const largeMs = await medianMs(() => {
    largePlan = plan(large);
  }, 1, 0);
  const violations3000 = checkPlan(large, largePlan).length;
  record('planner_3000_ms', largeMs, 'ms', 10_000);
  record('planner_3000_violations', violations3000, 'violations', 0);

  console.log('\nPlanificateur (campagne de juin 2026, 12 membres, quorum 3, 3 salles, graine 7)');
  console.log(`  300 candidats : ${Math.round(plannerMs)} ms, ${planned.stats.days} jours (optimum HiGHS ${exact.solution.days} jours en ${Math.round(exact.solveMs)} ms) — cible ≤ 1 s et jours optimaux`);
  for (const line of moves) console.log(`  ${line}`);
  console.log(`  3 000 candidats : ${Math.round(largeMs)} ms, ${largePlan.stats.placed} placés sur ${largePlan.stats.days} jours, ${violations3000} violation(s) — cible ≤ 10 s et 0 violation`);
}
