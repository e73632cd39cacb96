// The soft goals, once the days are chosen: moves and swaps between sessions that never break a hard
// constraint (each candidate only goes where the flow model allows, capacities are kept) and lower a cost:
// a day used, a preference missed, a session opened, a post heard on several days or panels. Grouping
// also rewards every pair of same-post candidates sharing a day (or a panel): without that gradient, a
// swap seldom empties a (post, day) pair at once and the search would stall on a plateau.

import type { Context } from './context.js';
import type { PlannerCandidate } from './model.js';
import type { Schedule } from './sessions.js';

// Integers, so that sums are exact and a no-op never looks like a gain.
const WEIGHT = { day: 100_000, preference: 400, session: 300, postDay: 20, postDayPair: 4, postPanel: 10, postPanelPair: 1 };
/** Bounds the swap search on large campaigns; counted, not timed, so the result stays deterministic. */
const SWAP_BUDGET = 2_000_000;
const MAX_PASSES = 6;

export class SoftCost {
  readonly load: Int32Array;
  readonly roomDayLoad: Int32Array;
  private readonly dayLoad: Int32Array;
  private readonly postOf: Int32Array;
  private readonly postDay: Int32Array;
  private readonly postPanel: Int32Array;
  total = 0;

  constructor(
    private readonly ctx: Context,
    private readonly schedule: Schedule & { panelCount: number },
    private readonly candidates: PlannerCandidate[],
    fixedPostDays: { post: string; day: number }[],
  ) {
    const posts = new Map<string, number>();
    const postIndex = (post: string): number => {
      if (!posts.has(post)) posts.set(post, posts.size);
      return posts.get(post)!;
    };
    this.postOf = Int32Array.from(candidates.map((c) => postIndex(c.post)));
    for (const f of fixedPostDays) postIndex(f.post);
    const days = schedule.days.length;
    this.load = new Int32Array(schedule.sessions.length);
    this.roomDayLoad = new Int32Array(schedule.roomDays.length);
    this.dayLoad = new Int32Array(days);
    this.postDay = new Int32Array(posts.size * days);
    this.postPanel = new Int32Array(posts.size * Math.max(1, schedule.panelCount));
    // Posts already heard on a day (fixed slots) draw their other candidates to that day.
    for (const f of fixedPostDays) this.postDay[postIndex(f.post) * days + f.day]! += 1;
  }

  prefers(c: number, s: number): boolean {
    const test = this.ctx.preferred.get(this.candidates[c]!.id);
    const session = this.schedule.sessions[s]!;
    return !test || test(session.date, session.half);
  }

  add(c: number, s: number): number {
    const session = this.schedule.sessions[s]!;
    const day = this.schedule.days[session.day]!;
    const post = this.postOf[c]!;
    let delta = 0;
    if (this.load[s]! + session.fixedCount === 0) delta += WEIGHT.session;
    this.load[s]! += 1;
    this.roomDayLoad[session.roomDay]! += 1;
    if (this.dayLoad[day.index]! + day.fixedCount === 0) delta += WEIGHT.day;
    this.dayLoad[day.index]! += 1;
    const pd = post * this.schedule.days.length + day.index;
    delta += this.postDay[pd] === 0 ? WEIGHT.postDay : -WEIGHT.postDayPair * this.postDay[pd]!;
    this.postDay[pd]! += 1;
    const pp = post * this.schedule.panelCount + session.panelKey;
    delta += this.postPanel[pp] === 0 ? WEIGHT.postPanel : -WEIGHT.postPanelPair * this.postPanel[pp]!;
    this.postPanel[pp]! += 1;
    if (!this.prefers(c, s)) delta += WEIGHT.preference;
    this.total += delta;
    return delta;
  }

  remove(c: number, s: number): number {
    const session = this.schedule.sessions[s]!;
    const day = this.schedule.days[session.day]!;
    const post = this.postOf[c]!;
    let delta = 0;
    this.load[s]! -= 1;
    if (this.load[s]! + session.fixedCount === 0) delta -= WEIGHT.session;
    this.roomDayLoad[session.roomDay]! -= 1;
    this.dayLoad[day.index]! -= 1;
    if (this.dayLoad[day.index]! + day.fixedCount === 0) delta -= WEIGHT.day;
    const pd = post * this.schedule.days.length + day.index;
    this.postDay[pd]! -= 1;
    delta -= this.postDay[pd] === 0 ? WEIGHT.postDay : -WEIGHT.postDayPair * this.postDay[pd]!;
    const pp = post * this.schedule.panelCount + session.panelKey;
    this.postPanel[pp]! -= 1;
    delta -= this.postPanel[pp] === 0 ? WEIGHT.postPanel : -WEIGHT.postPanelPair * this.postPanel[pp]!;
    if (!this.prefers(c, s)) delta -= WEIGHT.preference;
    this.total += delta;
    return delta;
  }
}

/** Improves `assign` (session per candidate, −1 when unplaced) in place; `feasible[c]`: sessions open to c. */
export function improve(schedule: Schedule, cost: SoftCost, feasible: number[][], assign: Int32Array, order: number[]): void {
  const members: number[][] = schedule.sessions.map(() => []);
  const allowed = feasible.map((list) => new Set(list));
  order.forEach((c) => {
    if (assign[c]! >= 0) {
      cost.add(c, assign[c]!);
      members[assign[c]!]!.push(c);
    }
  });
  const hasRoom = (from: number, to: number): boolean => {
    const target = schedule.sessions[to]!;
    if (cost.load[to]! >= target.positions.length) return false;
    const sameRoomDay = schedule.sessions[from]!.roomDay === target.roomDay;
    return sameRoomDay || cost.roomDayLoad[target.roomDay]! < schedule.roomDays[target.roomDay]!.cap;
  };
  const relocate = (c: number, from: number, to: number): void => {
    assign[c] = to;
    const list = members[from]!;
    list.splice(list.indexOf(c), 1);
    members[to]!.push(c);
  };
  let swaps = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (const c of order) {
      const from = assign[c]!;
      if (from < 0) continue;
      let best = 0;
      let bestTo = -1;
      for (const to of feasible[c]!) {
        if (to === from || !hasRoom(from, to)) continue;
        const delta = cost.remove(c, from) + cost.add(c, to);
        cost.remove(c, to);
        cost.add(c, from);
        if (delta < best) {
          best = delta;
          bestTo = to;
        }
      }
      if (bestTo >= 0) {
        cost.remove(c, from);
        cost.add(c, bestTo);
        relocate(c, from, bestTo);
        improved = true;
      }
    }
    for (const c of order) {
      const from = assign[c]!;
      if (from < 0) continue;
      for (const to of feasible[c]!) {
        if (to === from || swaps > SWAP_BUDGET) continue;
        for (const other of members[to]!) {
          swaps++;
          if (!allowed[other]!.has(from)) continue;
          const delta = cost.remove(c, from) + cost.remove(other, to) + cost.add(c, to) + cost.add(other, from);
          if (delta < 0) {
            relocate(c, from, to);
            relocate(other, to, from);
            improved = true;
            break;
          }
          cost.remove(c, to);
          cost.remove(other, from);
          cost.add(c, from);
          cost.add(other, to);
        }
        if (assign[c] !== from) break;
      }
    }
    if (!improved) break;
  }
}
