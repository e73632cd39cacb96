// The planner's core. Candidates flow to half-day sessions (capacity: free interview times), sessions to
// their room's day (capacity: the daily maximum), days to the sink; a day is used when its edges are open.
// Days are opened greedily, the one placing the most candidates first (exact gain, computed by augmenting
// the current flow; the gain only shrinks as days open, so stale gains are valid upper bounds), then each
// day that the others can absorb is closed again. The flow is then a maximum placement on those days.

import { fromMinutes, sessionCapacity } from './calendar.js';
import type { Context } from './context.js';
import { FlowNetwork } from './flow.js';
import { improve, SoftCost } from './improve.js';
import type { PlannerCandidate, Slot, Unplaced } from './model.js';
import { buildSchedule, type Schedule } from './sessions.js';
import { deName } from '../text.js';
import { frDay } from './text.js';

export interface SolveResult {
  slots: Slot[];
  unplaced: Unplaced[];
  daysLowerBound: number;
}

/** A small seeded PRNG (mulberry32): the plan never depends on Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCE = 0;
const SINK = 1;

class PlacementFlow {
  readonly net = new FlowNetwork();
  private readonly sourceEdge: number[] = [];
  private readonly sessionEdge: number[] = [];
  private readonly sinkEdge: number[] = [];
  /** Edges from each candidate to the sessions open to them, with the session's index. */
  readonly options: { edge: number; session: number }[][] = [];
  readonly open: Uint8Array;

  constructor(
    private readonly schedule: Schedule,
    feasible: number[][],
  ) {
    const { net } = this;
    net.addNode();
    net.addNode();
    const candidateNodes = feasible.map(() => net.addNode());
    const sessionNodes = schedule.sessions.map(() => net.addNode());
    const roomDayNodes = schedule.roomDays.map(() => net.addNode());
    feasible.forEach((sessions, c) => {
      this.sourceEdge.push(net.addEdge(SOURCE, candidateNodes[c]!, 1));
      this.options.push(sessions.map((s) => ({ edge: net.addEdge(candidateNodes[c]!, sessionNodes[s]!, 1), session: s })));
    });
    for (const s of schedule.sessions) this.sessionEdge.push(net.addEdge(sessionNodes[s.index]!, roomDayNodes[s.roomDay]!, s.positions.length));
    for (const r of schedule.roomDays) this.sinkEdge.push(net.addEdge(roomDayNodes[r.index]!, SINK, 0));
    net.freeze();
    this.open = new Uint8Array(schedule.days.length);
  }

  reset(): void {
    this.net.flow.fill(0);
    this.open.fill(0);
    for (const e of this.sinkEdge) this.net.cap[e] = 0;
  }

  setOpen(day: number, open: boolean): void {
    this.open[day] = open ? 1 : 0;
    for (const r of this.schedule.days[day]!.roomDays) this.net.cap[this.sinkEdge[r]!] = open ? this.schedule.roomDays[r]!.cap : 0;
  }

  augment(): number {
    return this.net.maxFlow(SOURCE, SINK);
  }

  /** Candidates placed on a day. */
  through(day: number): number {
    return this.schedule.days[day]!.roomDays.reduce((n, r) => n + this.net.flow[this.sinkEdge[r]!]!, 0);
  }

  /** Takes every candidate off a day (their flow cancelled), then closes it. */
  clear(day: number): void {
    this.options.forEach((list, c) => {
      for (const { edge, session } of list) {
        if (this.net.flow[edge] !== 1 || this.schedule.sessions[session]!.day !== day) continue;
        const s = this.schedule.sessions[session]!;
        this.net.push(edge, -1);
        this.net.push(this.sourceEdge[c]!, -1);
        this.net.push(this.sessionEdge[s.index]!, -1);
        this.net.push(this.sinkEdge[s.roomDay]!, -1);
      }
    });
    this.setOpen(day, false);
  }

  /** Session per candidate, −1 when unplaced. */
  assignment(): Int32Array {
    return Int32Array.from(this.options.map((list) => list.find((o) => this.net.flow[o.edge] === 1)?.session ?? -1));
  }
}

function dayCapacity(schedule: Schedule, day: number): number {
  return schedule.days[day]!.roomDays.reduce((n, r) => {
    const rd = schedule.roomDays[r]!;
    const positions = rd.sessions.reduce((m, s) => m + schedule.sessions[s]!.positions.length, 0);
    return n + Math.min(rd.cap, positions);
  }, 0);
}

/** How many candidates asked for a half-day of this day. */
function preferencesFor(ctx: Context, schedule: Schedule, candidates: PlannerCandidate[], day: number): number {
  const { date, halves } = schedule.days[day]!;
  return candidates.filter((c) => {
    const wish = ctx.preferred.get(c.id);
    return !!wish && halves.some((h) => wish(date, h.half));
  }).length;
}

/** Opens days greedily (largest exact gain, then capacity, then preferences, then the tie order) until none adds. */
function openDays(ctx: Context, flow: PlacementFlow, schedule: Schedule, candidates: PlannerCandidate[], feasible: number[][], tie: number[]): void {
  const days = schedule.days;
  const reach = new Int32Array(days.length);
  for (const sessions of feasible) for (const d of new Set(sessions.map((s) => schedule.sessions[s]!.day))) reach[d]! += 1;
  const bound = days.map((d) => Math.min(dayCapacity(schedule, d.index), reach[d.index]!));
  const capacity = days.map((d) => dayCapacity(schedule, d.index));
  const wished = days.map((d) => preferencesFor(ctx, schedule, candidates, d.index));
  const rank = (a: number, b: number): number => bound[b]! - bound[a]! || capacity[b]! - capacity[a]! || wished[b]! - wished[a]! || tie[a]! - tie[b]!;
  for (;;) {
    const waiting = days.filter((d) => !flow.open[d.index] && bound[d.index]! > 0).map((d) => d.index).sort(rank);
    const top = waiting[0];
    if (top === undefined) return;
    const saved = flow.net.snapshot();
    flow.setOpen(top, true);
    bound[top] = flow.augment();
    const next = waiting[1];
    const keep = bound[top]! > 0 && (next === undefined || bound[top]! >= bound[next]!);
    if (!keep) {
      flow.net.restore(saved);
      flow.setOpen(top, false);
    }
  }
}

/** Closes each day whose candidates fit elsewhere, emptiest first. Days with fixed slots stay. */
function closeDays(flow: PlacementFlow, schedule: Schedule): void {
  const open = schedule.days.filter((d) => flow.open[d.index] && d.fixedCount === 0).map((d) => d.index);
  const load = new Map(open.map((d) => [d, flow.through(d)]));
  open.sort((a, b) => load.get(a)! - load.get(b)! || b - a);
  for (const day of open) {
    const placed = flow.through(day);
    const saved = flow.net.snapshot();
    flow.clear(day);
    if (placed === 0 || flow.augment() === placed) continue;
    flow.net.restore(saved);
    flow.setOpen(day, true);
  }
}

function countPlaced(assign: Int32Array): number {
  return assign.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0);
}

function dayIndexes(schedule: Schedule, assign: Int32Array): Set<number> {
  const days = new Set(schedule.days.filter((d) => d.fixedCount > 0).map((d) => d.index));
  for (const s of assign) if (s >= 0) days.add(schedule.sessions[s]!.day);
  return days;
}

function usedDays(schedule: Schedule, assign: Int32Array): number {
  return dayIndexes(schedule, assign).size;
}

/** Working days from the first interview day to the last: a commission would rather sit 2 and 3 June than 1 and 30. */
function daySpan(schedule: Schedule, assign: Int32Array): number {
  const days = [...dayIndexes(schedule, assign)];
  return days.length ? Math.max(...days) - Math.min(...days) : 0;
}

function better(schedule: Schedule, a: Int32Array, b: Int32Array): boolean {
  const placed = countPlaced(a) - countPlaced(b);
  if (placed !== 0) return placed > 0;
  const days = usedDays(schedule, a) - usedDays(schedule, b);
  if (days !== 0) return days < 0;
  const span = daySpan(schedule, a) - daySpan(schedule, b);
  if (span !== 0) return span < 0;
  // Then the earliest: the window's first days, before the end-of-year duties pile up.
  return Math.min(...dayIndexes(schedule, a)) < Math.min(...dayIndexes(schedule, b));
}

/** Several seeded runs (the first breaks ties by date): most placed, then fewest days, then the closest days, wins. */
function bestAssignment(ctx: Context, flow: PlacementFlow, schedule: Schedule, candidates: PlannerCandidate[], feasible: number[][], random: () => number, restarts: number, onProgress?: (fraction: number) => void): Int32Array {
  let best: Int32Array | null = null;
  const runs = Math.max(1, restarts);
  for (let run = 0; run < runs; run++) {
    onProgress?.(0.1 + (0.7 * run) / runs);
    const tie = schedule.days.map((d) => (run === 0 ? d.index : random()));
    flow.reset();
    for (const d of schedule.days) if (d.fixedCount > 0) flow.setOpen(d.index, true);
    flow.augment();
    openDays(ctx, flow, schedule, candidates, feasible, tie);
    closeDays(flow, schedule);
    const assign = flow.assignment();
    if (!best || better(schedule, assign, best)) best = assign;
  }
  return best!;
}

/** Sessions of each candidate's pool, on a half-day the candidate is free. */
export function feasibleSessions(ctx: Context, schedule: Schedule, candidates: PlannerCandidate[]): number[][] {
  return candidates.map((c) => {
    const pool = ctx.poolOfPost(c.post);
    const free = ctx.candidateFree.get(c.id)!;
    if (!pool) return [];
    return schedule.sessions.filter((s) => s.pool === pool && free(s.date, s.half)).map((s) => s.index);
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Times within each session: back to back from its first free time, candidates of a post together. */
function toSlots(schedule: Schedule, candidates: PlannerCandidate[], assign: Int32Array, minutes: number): Slot[] {
  const bySession = new Map<number, PlannerCandidate[]>();
  assign.forEach((s, c) => {
    if (s < 0) return;
    const list = bySession.get(s) ?? [];
    list.push(candidates[c]!);
    bySession.set(s, list);
  });
  const slots: Slot[] = [];
  for (const [s, list] of bySession) {
    const session = schedule.sessions[s]!;
    // Code-unit order, not localeCompare: ICU versions differ between Node and Electron, the plan must not.
    list.sort((a, b) => compare(a.post, b.post) || compare(a.label, b.label) || a.id - b.id);
    list.forEach((c, i) => {
      const start = session.positions[i]!;
      slots.push({ candidateId: c.id, date: session.date, start: fromMinutes(start), end: fromMinutes(start + minutes), roomId: session.roomId, memberIds: [...session.memberIds] });
    });
  }
  return slots;
}

function lowerBound(schedule: Schedule, total: number): number {
  const capacities = schedule.days.map((d) => dayCapacity(schedule, d.index) + d.fixedCount).sort((a, b) => b - a);
  let days = 0;
  for (let sum = 0; sum < total && days < capacities.length; days++) sum += capacities[days]!;
  return days;
}

export function solve(ctx: Context, candidates: PlannerCandidate[], fixed: Slot[], seed: number, restarts: number, onProgress?: (fraction: number) => void): SolveResult {
  onProgress?.(0.02);
  const schedule = buildSchedule(ctx, fixed);
  const feasible = feasibleSessions(ctx, schedule, candidates);
  const random = seededRandom(seed);
  const flow = new PlacementFlow(schedule, feasible);
  const assign = bestAssignment(ctx, flow, schedule, candidates, feasible, random, restarts, onProgress);
  onProgress?.(0.8);
  const used = new Set<number>();
  for (const s of assign) if (s >= 0) used.add(schedule.sessions[s]!.day);
  for (const d of schedule.days) if (d.fixedCount > 0) used.add(d.index);
  // Soft goals only among the chosen days: they never add one.
  const onUsedDays = feasible.map((list) => list.filter((s) => used.has(schedule.sessions[s]!.day)));
  const fixedPostDays = fixedOnDays(ctx, schedule, fixed);
  const order = shuffled(candidates.map((_, i) => i), random);
  improve(schedule, new SoftCost(ctx, schedule, candidates, fixedPostDays), onUsedDays, assign, order);
  const slots = toSlots(schedule, candidates, assign, ctx.minutes);
  const unplaced = candidates.filter((_, c) => assign[c]! < 0).map((c) => explain(ctx, schedule, c));
  const fixedOnWorkingDays = schedule.days.reduce((n, d) => n + d.fixedCount, 0);
  return { slots, unplaced, daysLowerBound: lowerBound(schedule, slots.length + fixedOnWorkingDays) };
}

function fixedOnDays(ctx: Context, schedule: Schedule, fixed: Slot[]): { post: string; day: number }[] {
  const dayOf = new Map(schedule.days.map((d) => [d.date, d.index]));
  const out: { post: string; day: number }[] = [];
  for (const slot of fixed) {
    const candidate = ctx.candidates.get(slot.candidateId);
    const day = dayOf.get(slot.date);
    if (candidate && day !== undefined) out.push({ post: candidate.post, day });
  }
  return out;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The first resource missing on the candidate's half-days, in French. */
export function explain(ctx: Context, schedule: Schedule, candidate: PlannerCandidate): Unplaced {
  const name = candidate.label;
  const result = (code: Unplaced['code'], reason: string): Unplaced => ({ candidateId: candidate.id, code, reason });
  const pool = ctx.poolOfPost(candidate.post);
  if (!pool) return result('no-panel', `Aucun jury n’est prévu pour le poste « ${candidate.post} » ${deName(name)}.`);
  if (schedule.halves.length === 0) return result('no-day', 'La période des entretiens ne compte aucune demi-journée ouvrée.');
  const free = ctx.candidateFree.get(candidate.id)!;
  const available = schedule.halves.filter((h) => free(h.date, h.half));
  if (available.length === 0) return result('unavailable', `${name} n’est disponible aucun jour de la période des entretiens.`);
  const present = (h: { date: string; half: 'am' | 'pm' }): number[] => pool.memberIds.filter((id) => ctx.members.has(id) && ctx.memberFree.get(id)!(h.date, h.half));
  const quorate = available.filter((h) => present(h).length >= pool.quorum);
  if (quorate.length === 0) return result('no-quorum', `${name} n’est disponible aucun jour où le quorum est réuni.`);
  const chaired = ctx.input.jury.presidentRequired ? quorate.filter((h) => present(h).some((id) => ctx.members.get(id)!.president)) : quorate;
  if (chaired.length === 0) return result('no-president', `${name} n’est disponible aucun jour où un membre pouvant présider est présent.`);
  const roomed = chaired.filter((h) => [...ctx.rooms.keys()].some((r) => ctx.roomFree.get(r)!(h.date, h.half)));
  if (roomed.length === 0) return result('no-room', `${name} n’est disponible aucun jour où une salle est libre.`);
  if (roomed.every((h) => sessionCapacity(h.end - h.start, ctx.minutes, ctx.buffer) === 0)) {
    return result('too-long', `Un entretien de ${ctx.minutes} min ne tient dans aucune demi-journée où ${name} est disponible.`);
  }
  if (available.length === schedule.halves.length) return result('full', 'Plus aucun créneau libre dans la période des entretiens : élargissez la période, ajoutez une salle ou augmentez le nombre d’entretiens par jour.');
  const dates = [...new Set(available.map((h) => h.date))];
  const when = dates.length <= 3 ? ` (${dates.map(frDay).join(', ')})` : '';
  return result('full', `Plus aucun créneau libre les jours où ${name} est disponible${when}.`);
}
