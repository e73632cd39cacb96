// Properties of the planner on random small instances, judged by the independent checker: no hard
// constraint is ever broken, every candidate is placed or explained, locks hold, re-plans keep what holds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, workingDays } from '../../shared/domain/planner/calendar.js';
import { checkPlan, checkSlot } from '../../shared/domain/planner/check.js';
import type { HalfDay, HalfDayRef, Plan, PlannerInput, Weekday } from '../../shared/domain/planner/model.js';
import { plan, replan } from '../../shared/domain/planner/plan.js';

const START = '2026-06-01';
const MAX_DAYS = 12;
const POSTS = ['A', 'B', 'C'];

const half = fc.constantFrom<HalfDay | undefined>('am', 'pm', undefined);
const ref = fc.record({ day: fc.integer({ min: 0, max: MAX_DAYS - 1 }), half });
const refs = (max: number): fc.Arbitrary<{ day: number; half: HalfDay | undefined }[]> => fc.array(ref, { maxLength: max });
/** A value `weight` times for `nullWeight` times null. */
const sometimes = <T,>(arb: fc.Arbitrary<T>, weight: number, nullWeight = 1): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: arb, weight }, { arbitrary: fc.constant(null), weight: nullWeight });
const toRefs = (list: { day: number; half: HalfDay | undefined }[]): HalfDayRef[] => list.map((r) => (r.half ? { date: addDays(START, r.day), half: r.half } : { date: addDays(START, r.day) }));

const instance = fc
  .record({
    length: fc.integer({ min: 3, max: MAX_DAYS }),
    // Mostly Monday to Friday, so that most instances place someone; sometimes any weekdays.
    workingDays: fc.oneof({ arbitrary: fc.constant<Weekday[]>([1, 2, 3, 4, 5]), weight: 3 }, { arbitrary: fc.subarray<Weekday>([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), weight: 1 }),
    holidays: fc.constantFrom('metropole' as const, 'alsace-moselle' as const, 'aucune' as const),
    blackouts: fc.array(fc.record({ day: fc.integer({ min: 0, max: MAX_DAYS - 1 }), span: fc.integer({ min: 0, max: 2 }), half }), { maxLength: 2 }),
    morning: sometimes(fc.constantFrom(['08:00', '12:00'], ['08:30', '12:30'], ['09:00', '10:00']), 5),
    afternoon: sometimes(fc.constantFrom(['12:30', '17:00'], ['13:30', '17:30'], ['14:00', '15:00']), 5),
    minutes: fc.constantFrom(20, 30, 45, 60),
    buffer: fc.integer({ min: 0, max: 15 }),
    maxPerDay: fc.integer({ min: 1, max: 8 }),
    quorum: fc.integer({ min: 1, max: 3 }),
    presidentRequired: fc.boolean(),
    panels: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    members: fc.array(
      fc.record({
        president: fc.boolean(),
        unavailable: refs(4),
        weekly: fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), half }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    rooms: fc.array(fc.record({ unavailable: refs(3) }), { minLength: 1, maxLength: 3 }),
    candidates: fc.array(
      fc.record({
        post: fc.constantFrom(...POSTS),
        unavailable: refs(3),
        only: sometimes(fc.array(ref, { minLength: 1, maxLength: 4 }), 1, 4),
        preferred: refs(2),
      }),
      { maxLength: 25 },
    ),
  })
  .map((g): PlannerInput => ({
    calendar: {
      from: START,
      to: addDays(START, g.length - 1),
      workingDays: g.workingDays,
      holidays: g.holidays,
      blackouts: g.blackouts.map((b, i) => ({ from: addDays(START, b.day), to: addDays(START, b.day + b.span), half: b.half, label: `Examen ${i + 1}` })),
    },
    hours: {
      morning: g.morning && { start: g.morning[0]!, end: g.morning[1]! },
      afternoon: g.afternoon && { start: g.afternoon[0]!, end: g.afternoon[1]! },
    },
    interview: { minutes: g.minutes, bufferMinutes: g.buffer, maxPerDay: g.maxPerDay },
    jury: {
      quorum: g.quorum,
      presidentRequired: g.presidentRequired,
      panels: g.panels
        ? [
            { id: 'pa', label: 'Jury A', posts: ['A'], memberIds: g.members.map((_, i) => i + 1).filter((id) => id % 2 === 1) },
            { id: 'pb', label: 'Jury B', posts: ['B'], memberIds: g.members.map((_, i) => i + 1).filter((id) => id % 2 === 0) },
          ]
        : undefined,
    },
    rooms: g.rooms.map((r, i) => ({ id: `S${i + 1}`, label: `Salle ${i + 1}`, unavailable: toRefs(r.unavailable) })),
    members: g.members.map((m, i) => ({
      id: i + 1,
      name: `Membre ${i + 1}`,
      president: m.president || i === 0,
      availability: { unavailable: toRefs(m.unavailable), weekly: m.weekly.map((w) => ({ weekday: w.weekday as Weekday, half: w.half })) },
    })),
    candidates: g.candidates.map((c, i) => ({
      id: 100 + i,
      label: `${i % 2 ? 'M.' : 'Mme'} Candidat ${i + 1}`,
      post: c.post,
      availability: { unavailable: toRefs(c.unavailable), ...(c.only ? { only: toRefs(c.only) } : {}) },
      preferred: toRefs(c.preferred),
    })),
    locked: [],
  }));

function expectSound(input: PlannerInput, result: Plan): void {
  expect(checkPlan(input, result)).toEqual([]);
  const placed = result.placed.map((s) => s.candidateId);
  const unplaced = result.unplaced.map((u) => u.candidateId);
  expect([...placed, ...unplaced].sort((a, b) => a - b)).toEqual(input.candidates.map((c) => c.id));
  for (const u of result.unplaced) expect(u.reason.length).toBeGreaterThan(10);
}

const RUNS = { numRuns: 150 };

describe('planner properties', () => {
  it('never breaks a hard constraint, and places or explains every candidate, deterministically', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const result = plan(input, { seed });
        expectSound(input, result);
        expect(JSON.stringify(plan(input, { seed }))).toBe(JSON.stringify(result));
      }),
      RUNS,
    );
  });

  it('keeps locked slots exactly and plans the others around them', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const first = plan(input);
        const locked = first.placed.filter((_, i) => i % 2 === 0);
        const withLocks = { ...input, locked };
        const result = plan(withLocks, { seed: 9 });
        expectSound(withLocks, result);
        for (const lock of locked) expect(result.placed).toContainEqual(lock);
        expect(result.warnings.filter((w) => w.startsWith('Créneau verrouillé'))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('re-plans after a disruption without breaking a rule, moving a slot that still holds only to place someone', () => {
    const disruption = fc.record({ kind: fc.constantFrom('withdraw', 'member-ill', 'room-lost', 'newcomer'), pick: fc.nat(), day: fc.integer({ min: 0, max: MAX_DAYS - 1 }), half });
    fc.assert(
      fc.property(instance, disruption, (input, d) => {
        const before = plan(input);
        const after = structuredClone(input);
        if (d.kind === 'withdraw' && after.candidates.length) after.candidates.splice(d.pick % after.candidates.length, 1);
        if (d.kind === 'member-ill' && after.members.length) after.members[d.pick % after.members.length]!.availability!.unavailable!.push({ date: addDays(START, d.day) });
        if (d.kind === 'room-lost' && after.rooms.length) after.rooms[d.pick % after.rooms.length]!.unavailable!.push({ date: addDays(START, d.day), half: d.half });
        if (d.kind === 'newcomer') after.candidates.push({ id: 999, label: 'M. Nouveau', post: POSTS[d.pick % 3]! });
        const { plan: next, diff } = replan(before, after);
        expectSound(after, next);
        const stillValid = (id: number): boolean => {
          const slot = before.placed.find((s) => s.candidateId === id)!;
          return checkSlot(after, slot).length === 0;
        };
        const movedValid = diff.moved.filter((m) => stillValid(m.candidateId)).length;
        const movedInvalid = diff.moved.length - movedValid;
        // Each slot that still held and moved made room for someone placed (a newcomer or a displaced one).
        expect(movedValid).toBeLessThanOrEqual(diff.added.length + movedInvalid);
        if (d.kind === 'withdraw' && before.unplaced.length === 0) expect(diff.moved).toEqual([]);
        expect(diff.unchanged + diff.panelChanged.length + diff.moved.length + diff.removed.length).toBe(before.placed.length);
      }),
      RUNS,
    );
  });

  it('the checker flags any interview moved onto another one in the same room', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = plan(input);
        const [a, b] = result.placed;
        if (!a || !b || a.roomId !== b.roomId || a.date !== b.date) return;
        const clash = { ...b, start: a.start, end: a.end };
        const codes = checkPlan(input, { placed: [a, clash] }).map((v) => v.code);
        expect(codes).toContain('room-double-booked');
      }),
      RUNS,
    );
  });

  it('uses the fewest days possible, as found by trying every subset of days (small instances)', () => {
    const subsets = <T,>(items: T[], k: number): T[][] => {
      if (k === 0) return [[]];
      const [head, ...tail] = items;
      return items.length < k ? [] : [...subsets(tail, k - 1).map((s) => [head!, ...s]), ...subsets(tail, k)];
    };
    fc.assert(
      fc.property(instance, (input) => {
        const days = workingDays(input.calendar);
        fc.pre(!input.jury.panels && days.length <= 6);
        const result = plan(input);
        fc.pre(result.placed.length > 0);
        // Only the days in `keep` left open (the others blacked out): does everyone placed still fit?
        const fitsOn = (keep: string[]): boolean => {
          const closed = days.filter((d) => !keep.includes(d)).map((d) => ({ from: d, to: d, label: 'fermé' }));
          const trial = plan({ ...input, calendar: { ...input.calendar, blackouts: [...input.calendar.blackouts, ...closed] } }, { restarts: 1 });
          expect(trial.placed.length).toBeLessThanOrEqual(result.placed.length);
          return trial.placed.length === result.placed.length;
        };
        let fewest = 1;
        while (!subsets(days, fewest).some(fitsOn)) fewest++;
        expect(result.stats.days).toBe(fewest);
      }),
      { numRuns: 60 },
    );
  });
});
