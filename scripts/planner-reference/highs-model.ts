// The planner's model written as integer programs (CPLEX LP text) for HiGHS, on the planner's own schedule
// (shared/domain/planner/reference.ts): same sessions, juries, capacities and candidate-session pairs, so that
// HiGHS's optimum is the exact target for the planner's heuristic, not the answer to another question.
//
// Written as a flow, exact and far smaller than one binary per (candidate, session):
//   y[d]   ∈ {0,1}  day d used (forced to 1 when fixed slots already use it)
//   k[p]   ∈ {0,1}  (re-plan) the previous slot p, still valid, is kept exactly
//   f[c,g] ∈ [0,1]  candidate c goes to group g: the sessions open to exactly the same candidates (a
//                   half-day, or a whole day when candidates are away by whole days)
//   n[s]   ≥ 0      interviews held in session s
// Rows: each candidate at most once; what enters a group leaves through its sessions; a session holds at most
// its free times (plus the kept slots given up there); a room's day at most its cap (daily maximum less what
// fixed slots use), and nothing unless the day is used. With y and k fixed the rest is a network flow (the
// rows form two laminar families), whose linear relaxation has integral optima: f and n need not be declared
// integer. If HiGHS returns a fractional flow anyway (cuts can move it off a vertex), `pinned` gives the same
// program with y and k fixed and the flow declared integer, which HiGHS settles at the root.

import { fromMinutes, toMinutes } from '../../shared/domain/planner/calendar.js';
import { locateSlot } from '../../shared/domain/planner/check.js';
import type { HalfDay, IsoDate, Slot } from '../../shared/domain/planner/model.js';
import type { PlacementModel } from '../../shared/domain/planner/reference.js';

/** A column's value as HiGHS returned it (absent: 0). */
export type Values = ReadonlyMap<string, number>;

export interface Program<T> {
  lp: string;
  columns: number;
  rows: number;
  /** Whether every flow value is integral, so that `decode` can read it. */
  integral(values: Values): boolean;
  /** The same program with the day (or keep) choices of `values` fixed and the flow declared integer. */
  pinned(values: Values): Program<T>;
  decode(values: Values): T;
}

export interface DaysSolution {
  placed: number;
  /** Distinct dates of every slot, fixed ones included. */
  days: number;
  /** The fixed slots and the new ones, ready for checkPlan. */
  slots: Slot[];
}

export interface ReplanSolution {
  placed: number;
  /** Previous slots kept exactly. */
  kept: number;
  /** Candidates planned before and still to hear who lost their date, time or room (moved, or now unplaced). */
  moved: number;
  slots: Slot[];
}

/** LP text; long term lists wrapped (the LP format continues an expression on the next line). */
class LpWriter {
  private readonly lines: string[] = [];
  rows = 0;

  line(text: string): void {
    this.lines.push(text);
  }

  list(head: string, terms: string[], tail = ''): void {
    for (let i = 0; i < terms.length; i += 16) this.lines.push(`${i === 0 ? head : ' '} ${terms.slice(i, i + 16).join(' ')}`);
    if (tail) this.lines.push(` ${tail}`);
  }

  row(name: string, terms: string[], tail: string): void {
    if (terms.length === 0) return;
    this.rows++;
    this.list(` ${name}:`, terms, tail);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

const f = (c: number, g: number): string => `f${c}_${g}`;
const n = (s: number): string => `n${s}`;
const y = (d: number): string => `y${d}`;
const k = (p: number): string => `k${p}`;

const value = (values: Values, name: string): number => values.get(name) ?? 0;
const isIntegral = (v: number): boolean => Math.abs(v - Math.round(v)) <= 1e-6;

/**
 * Where interviews can be held: the schedule's sessions (same indices), then, for a re-plan, the half-days
 * of a room that kept slots fill entirely (the schedule has no session there, having no free time): a kept
 * slot given up there can go to another candidate, as replan's « bump » does.
 */
interface Place {
  date: IsoDate;
  half: HalfDay;
  roomId: string;
  /** Free start times, with the members who would sit. */
  free: { start: number; memberIds: number[] }[];
  /** Indices (in model.kept) of the kept slots held here. */
  kept: number[];
  roomDay: number | null;
}

function placesOf(model: PlacementModel): Place[] {
  const places: Place[] = model.schedule.sessions.map((s) => ({
    date: s.date,
    half: s.half,
    roomId: s.roomId,
    free: s.positions.map((start) => ({ start, memberIds: s.memberIds })),
    kept: [],
    roomDay: s.roomDay,
  }));
  const byKey = new Map(places.map((p, i) => [`${p.date}|${p.half}|${p.roomId}`, i]));
  model.kept.forEach((slot, p) => {
    const where = locateSlot(model.ctx, toMinutes(slot.start), toMinutes(slot.end));
    if (!('half' in where)) return;
    const key = `${slot.date}|${where.half}|${slot.roomId}`;
    let i = byKey.get(key);
    if (i === undefined) {
      i = places.length;
      byKey.set(key, i);
      places.push({ date: slot.date, half: where.half, roomId: slot.roomId, free: [], kept: [], roomDay: null });
    }
    places[i]!.kept.push(p);
  });
  return places;
}

/** The places open to each candidate: the planner's feasible sessions, and the full ones of their pool on a half-day they are free. */
function reachOf(model: PlacementModel, places: Place[], candidateIds: number[], feasible: number[][]): number[][] {
  const { ctx, schedule } = model;
  const extra = places.map((_, i) => i).filter((i) => i >= schedule.sessions.length);
  return feasible.map((sessions, c) => {
    const candidate = ctx.candidates.get(candidateIds[c]!)!;
    const pool = ctx.poolOfPost(candidate.post);
    const free = ctx.candidateFree.get(candidate.id)!;
    const full = extra.filter((i) => {
      const place = places[i]!;
      const keptPool = ctx.poolOfPost(ctx.candidates.get(model.kept[place.kept[0]!]!.candidateId)!.post);
      return pool !== null && pool === keptPool && free(place.date, place.half);
    });
    return [...sessions, ...full];
  });
}

interface Flow {
  /** Places of each group, and the groups open to each candidate. */
  groups: number[][];
  groupsOf: number[][];
  /** Places reached by no candidate. */
  idle: Set<number>;
}

/** Groups the places open to exactly the same candidates. */
function flowOf(placeCount: number, reach: number[][]): Flow {
  const open: number[][] = Array.from({ length: placeCount }, () => []);
  reach.forEach((list, c) => {
    for (const i of list) open[i]!.push(c);
  });
  const byKey = new Map<string, number>();
  const groups: number[][] = [];
  const groupOf = new Int32Array(placeCount).fill(-1);
  const idle = new Set<number>();
  open.forEach((cs, i) => {
    if (cs.length === 0) return void idle.add(i);
    const key = cs.join(',');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push([]);
    }
    groups[g]!.push(i);
    groupOf[i] = g;
  });
  return { groups, groupsOf: reach.map((list) => [...new Set(list.map((i) => groupOf[i]!))]), idle };
}

interface Layout {
  model: PlacementModel;
  places: Place[];
  flow: Flow;
  objective: [string, number][];
  /** Extra terms of a candidate's row (its kept slot). */
  candidateExtra: (c: number) => string[];
  /** Kept slots are variables (re-plan) or not there (plan). */
  keep: boolean;
  withDays: boolean;
  binaries: string[];
  /** Columns fixed by their bounds. */
  pins: Map<string, number>;
  integerFlow: boolean;
}

function write(layout: Layout): { lp: string; columns: number; rows: number } {
  const { model, flow, places } = layout;
  const lp = new LpWriter();
  const fs: string[] = [];
  flow.groupsOf.forEach((groups, c) => groups.forEach((g) => fs.push(f(c, g))));
  const ns = places.flatMap((_, i) => (flow.idle.has(i) ? [] : [n(i)]));
  lp.line('Minimize');
  lp.list(' obj:', layout.objective.map(([name, coef]) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`));
  lp.line('Subject To');
  flow.groupsOf.forEach((groups, c) => lp.row(`c${c}`, [...groups.map((g) => `+ ${f(c, g)}`), ...layout.candidateExtra(c)], '<= 1'));
  const entering: string[][] = flow.groups.map(() => []);
  flow.groupsOf.forEach((groups, c) => groups.forEach((g) => entering[g]!.push(`+ ${f(c, g)}`)));
  flow.groups.forEach((list, g) => lp.row(`g${g}`, [...entering[g]!, ...list.map((i) => `- ${n(i)}`)], '= 0'));
  // Held in a place: new interviews, and kept slots (which count against the times they already take).
  const held = (i: number): string[] => [...(flow.idle.has(i) ? [] : [`+ ${n(i)}`]), ...(layout.keep ? places[i]!.kept.map((p) => `+ ${k(p)}`) : [])];
  const room = (i: number): number => places[i]!.free.length + (layout.keep ? places[i]!.kept.length : 0);
  places.forEach((_, i) => lp.row(`s${i}`, held(i), `<= ${room(i)}`));
  for (const roomDay of model.schedule.roomDays) {
    const terms = roomDay.sessions.flatMap(held);
    const cap = roomDay.cap + (layout.keep ? roomDay.sessions.reduce((sum, s) => sum + places[s]!.kept.length, 0) : 0);
    if (layout.withDays) lp.row(`r${roomDay.index}`, [...terms, `- ${cap} ${y(roomDay.day)}`], '<= 0');
    else lp.row(`r${roomDay.index}`, terms, `<= ${cap}`);
  }
  lp.line('Bounds');
  for (const name of fs) lp.line(` ${name} <= 1`);
  for (const [name, v] of layout.pins) lp.line(` ${name} = ${v}`);
  if (layout.integerFlow && fs.length + ns.length > 0) {
    lp.line('Generals');
    lp.list('', [...fs, ...ns]);
  }
  if (layout.binaries.length) {
    lp.line('Binaries');
    lp.list('', layout.binaries);
  }
  lp.line('End');
  return { lp: lp.text(), columns: fs.length + ns.length + layout.binaries.length, rows: lp.rows };
}

function flowIntegral(flow: Flow, values: Values): boolean {
  const fsOk = flow.groupsOf.every((groups, c) => groups.every((g) => isIntegral(value(values, f(c, g)))));
  return fsOk && flow.groups.every((list) => list.every((i) => isIntegral(value(values, n(i)))));
}

/** Each place's candidates: a group's candidates (by id) fill its places (by index) as the flow says. */
function assignment(flow: Flow, values: Values, ids: number[]): Map<number, number[]> {
  const members: number[][] = flow.groups.map(() => []);
  flow.groupsOf.forEach((groups, c) => {
    for (const g of groups) if (value(values, f(c, g)) > 0.5) members[g]!.push(ids[c]!);
  });
  const byPlace = new Map<number, number[]>();
  flow.groups.forEach((list, g) => {
    const sorted = members[g]!.sort((a, b) => a - b);
    let next = 0;
    for (const i of list) {
      const count = Math.round(value(values, n(i)));
      if (count > 0) byPlace.set(i, sorted.slice(next, next + count));
      next += count;
    }
    if (next !== sorted.length) throw new Error(`Groupe ${g} : ${sorted.length} candidats pour ${next} entretiens.`);
  });
  return byPlace;
}

/** Slots back to back on each place's free times (and the kept slots given up there, with their members). */
function slotsOf(model: PlacementModel, places: Place[], byPlace: Map<number, number[]>, givenUp: Set<number>): Slot[] {
  const slots: Slot[] = [];
  for (const [i, ids] of byPlace) {
    const place = places[i]!;
    const released = place.kept.filter((p) => givenUp.has(p)).map((p) => ({ start: toMinutes(model.kept[p]!.start), memberIds: model.kept[p]!.memberIds }));
    const times = [...place.free, ...released].sort((a, b) => a.start - b.start);
    if (ids.length > times.length) throw new Error(`${place.date} ${place.half} ${place.roomId} : ${ids.length} candidats pour ${times.length} horaires.`);
    ids.forEach((candidateId, j) => {
      const { start, memberIds } = times[j]!;
      slots.push({ candidateId, date: place.date, start: fromMinutes(start), end: fromMinutes(start + model.ctx.minutes), roomId: place.roomId, memberIds: [...memberIds] });
    });
  }
  return slots;
}

/**
 * plan(): place as many candidates as possible, then use as few days as possible. One objective:
 * −(days + 1) per candidate placed, +1 per day used, so that one more candidate outweighs every day saved.
 */
export function daysProgram(model: PlacementModel, pins = new Map<string, number>()): Program<DaysSolution> {
  const { schedule, candidates, feasible } = model;
  const places = placesOf({ ...model, kept: [] });
  const flow = flowOf(places.length, feasible);
  const weight = schedule.days.length + 1;
  const ys = schedule.days.map((d) => y(d.index));
  const fixedDays = new Map(schedule.days.filter((d) => d.fixedCount > 0).map((d) => [y(d.index), 1]));
  const layout: Layout = {
    model,
    places,
    flow,
    objective: [...ys.map((name): [string, number] => [name, 1]), ...flow.groupsOf.flatMap((groups, c) => groups.map((g): [string, number] => [f(c, g), -weight]))],
    candidateExtra: () => [],
    keep: false,
    withDays: true,
    binaries: ys,
    pins: new Map([...fixedDays, ...pins]),
    integerFlow: pins.size > 0,
  };
  return {
    ...write(layout),
    integral: (values) => flowIntegral(flow, values),
    pinned: (values) => daysProgram(model, new Map(ys.map((name) => [name, value(values, name) > 0.5 ? 1 : 0]))),
    decode(values) {
      const byPlace = assignment(flow, values, candidates.map((c) => c.id));
      const slots = [...model.locks, ...slotsOf(model, places, byPlace, new Set())];
      return { placed: slots.length - model.locks.length, days: new Set(slots.map((s) => s.date)).size, slots };
    },
  };
}

function samePlace(a: Slot, b: Slot): boolean {
  return a.date === b.date && a.start === b.start && a.end === b.end && a.roomId === b.roomId;
}

/**
 * replan(): place as many candidates as possible, then keep as many still-valid previous slots as possible.
 * A kept slot given up (k = 0) frees its time for others, and its candidate may go to any place open to
 * them. Weights: one candidate placed outweighs every slot kept.
 */
export function replanProgram(model: PlacementModel, previous: Slot[], pins = new Map<string, number>()): Program<ReplanSolution> {
  const { candidates, feasible, kept, keptFeasible, ctx } = model;
  const places = placesOf(model);
  // Kept candidates come after the others: candidate index candidates.length + p.
  const ids = [...candidates.map((c) => c.id), ...kept.map((s) => s.candidateId)];
  const flow = flowOf(places.length, reachOf(model, places, ids, [...feasible, ...keptFeasible]));
  const weight = kept.length + 1;
  const ks = kept.map((_, p) => k(p));
  const layout: Layout = {
    model,
    places,
    flow,
    objective: [...flow.groupsOf.flatMap((groups, c) => groups.map((g): [string, number] => [f(c, g), -weight])), ...ks.map((name): [string, number] => [name, -(weight + 1)])],
    candidateExtra: (c) => (c >= candidates.length ? [`+ ${k(c - candidates.length)}`] : []),
    keep: true,
    withDays: false,
    binaries: ks,
    pins,
    integerFlow: pins.size > 0,
  };
  return {
    ...write(layout),
    integral: (values) => flowIntegral(flow, values),
    pinned: (values) => replanProgram(model, previous, new Map(ks.map((name) => [name, value(values, name) > 0.5 ? 1 : 0]))),
    decode(values) {
      const keptNow = kept.filter((_, p) => value(values, k(p)) > 0.5);
      const givenUp = new Set(kept.map((_, p) => p).filter((p) => value(values, k(p)) <= 0.5));
      const byPlace = assignment(flow, values, ids);
      const slots = [...model.locks, ...keptNow, ...slotsOf(model, places, byPlace, givenUp)];
      const after = new Map(slots.map((s) => [s.candidateId, s]));
      const lockedIds = new Set(model.locks.map((s) => s.candidateId));
      const before = new Map<number, Slot>();
      for (const slot of previous) if (!before.has(slot.candidateId)) before.set(slot.candidateId, slot);
      let moved = 0;
      for (const [id, from] of before) {
        if (!ctx.candidates.has(id) || lockedIds.has(id)) continue;
        const to = after.get(id);
        if (!to || !samePlace(from, to)) moved++;
      }
      return { placed: slots.length - model.locks.length, kept: keptNow.length, moved, slots };
    },
  };
}
