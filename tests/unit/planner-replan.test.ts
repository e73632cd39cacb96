import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../shared/domain/planner/check.js';
import type { PlannerInput } from '../../shared/domain/planner/model.js';
import { plan, replan } from '../../shared/domain/planner/plan.js';
import { cstiInput } from './planner-fixtures.js';

const base = plan(cstiInput());
const [firstDay, secondDay] = base.stats.dates as [string, string];
const onFirstDay = base.placed.filter((s) => s.date === firstDay);

function changed(change: (input: PlannerInput) => void): PlannerInput {
  const input = cstiInput();
  change(input);
  return input;
}

describe('replan', () => {
  it('starts from a full two-day plan', () => {
    expect(base.stats.days).toBe(2);
    expect(onFirstDay).toHaveLength(10);
  });

  it('changes nothing when nothing changed', () => {
    const { plan: next, diff } = replan(base, cstiInput());
    expect(diff).toEqual({ moved: [], added: [], removed: [], panelChanged: [], unchanged: 20 });
    expect(next.placed).toEqual(base.placed);
  });

  it('after a withdrawal, moves nothing and only drops that slot', () => {
    const gone = base.placed[4]!;
    const input = changed((i) => (i.candidates = i.candidates.filter((c) => c.id !== gone.candidateId)));
    const { plan: next, diff } = replan(base, input);
    expect(diff).toEqual({
      moved: [],
      added: [],
      removed: [{ slot: gone, reason: 'Ne figure plus parmi les candidats à entendre.' }],
      panelChanged: [],
      unchanged: 19,
    });
    expect(next.placed).toEqual(base.placed.filter((s) => s !== gone));
    expect(checkPlan(input, next)).toEqual([]);
  });

  it('when the only president falls ill for a day, moves exactly that day’s interviews, to one new day', () => {
    const input = changed((i) => i.members[0]!.availability!.unavailable!.push({ date: firstDay }));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(diff.moved.map((m) => m.candidateId).sort()).toEqual(onFirstDay.map((s) => s.candidateId).sort());
    expect(diff.moved.every((m) => m.to.date !== firstDay)).toBe(true);
    expect(diff).toMatchObject({ added: [], removed: [], panelChanged: [], unchanged: 10 });
    expect(next.stats.days).toBe(2);
    expect(next.stats.dates).toContain(secondDay);
  });

  it('when an ordinary member falls ill and the quorum still holds, moves nobody: only the panels change', () => {
    const input = changed((i) => (i.members[3]!.availability = { unavailable: [{ date: firstDay }] }));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(diff.moved).toEqual([]);
    expect(diff.panelChanged.map((p) => p.candidateId).sort()).toEqual(onFirstDay.map((s) => s.candidateId).sort());
    expect(diff.panelChanged.every((p) => p.from.includes(4) && !p.to.includes(4))).toBe(true);
    expect(diff.unchanged).toBe(10);
  });

  it('when the room is lost for an afternoon, moves only that afternoon’s interviews', () => {
    const afternoon = onFirstDay.filter((s) => s.start >= '13:30');
    const input = changed((i) => (i.rooms[0]!.unavailable = [{ date: firstDay, half: 'pm' }]));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(diff.moved.map((m) => m.candidateId).sort()).toEqual(afternoon.map((s) => s.candidateId).sort());
    expect(diff.unchanged).toBe(20 - afternoon.length);
  });

  it('places a new candidate without moving anyone', () => {
    const input = changed((i) => i.candidates.push({ id: 300, label: 'M. Nouveau', post: 'Chargé de mission sciences' }));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(diff.added.map((s) => s.candidateId)).toEqual([300]);
    expect(diff).toMatchObject({ moved: [], removed: [], unchanged: 20 });
  });

  it('moves one convoked candidate, to free an exact slot, for a newcomer free only on a full day', () => {
    const input = changed((i) => i.candidates.push({ id: 300, label: 'M. Nouveau', post: 'Chargé de mission sciences', availability: { only: [{ date: firstDay }] } }));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(next.unplaced).toEqual([]);
    expect(diff.moved).toHaveLength(1);
    const newcomer = diff.added.find((s) => s.candidateId === 300)!;
    expect(newcomer).toEqual({ ...diff.moved[0]!.from, candidateId: 300 });
    expect(diff.unchanged).toBe(19);
  });

  it('follows a slot the secretariat locked elsewhere', () => {
    const mover = onFirstDay[0]!;
    const lock = { ...mover, date: secondDay === '2026-06-26' ? '2026-06-25' : '2026-06-26', memberIds: [1, 2, 3, 4] };
    const input = changed((i) => (i.locked = [lock]));
    const { plan: next, diff } = replan(base, input);
    expect(checkPlan(input, next)).toEqual([]);
    expect(diff.moved).toEqual([{ candidateId: mover.candidateId, from: mover, to: lock }]);
    expect(diff.unchanged).toBe(19);
  });

  it('is deterministic', () => {
    const input = changed((i) => i.members[0]!.availability!.unavailable!.push({ date: firstDay }));
    expect(JSON.stringify(replan(base, input, { seed: 5 }))).toBe(JSON.stringify(replan(structuredClone(base), structuredClone(input), { seed: 5 })));
  });

  it('reports every slot removed when the input is invalid', () => {
    const input = changed((i) => (i.interview.minutes = 0));
    const { plan: next, diff } = replan(base, input);
    expect(next.placed).toEqual([]);
    expect(diff.removed).toHaveLength(20);
    expect(diff.removed[0]!.reason).toBe('Le planning ne peut pas être calculé : La durée d’un entretien doit être un nombre entier de minutes positif.');
  });
});
