// The planner's building blocks: for each working day, which jury sits in which room, and for each
// half-day the session it holds (members present, free interview times). Slots fixed beforehand (locked,
// or kept by a re-plan) are worked around: their times are taken, their members stay in their room.

import { toMinutes, workingHalfDays, type WorkingHalfDay } from './calendar.js';
import { locateSlot } from './check.js';
import type { Context, Pool } from './context.js';
import type { HalfDay, IsoDate, Slot } from './model.js';

export interface Day {
  index: number;
  date: IsoDate;
  halves: WorkingHalfDay[];
  /** Fixed slots on that date: a day already used. */
  fixedCount: number;
  roomDays: number[];
}

/** One jury in one room for one day; it holds at most `cap` more interviews that day. */
export interface RoomDay {
  index: number;
  day: number;
  roomId: string;
  pool: Pool;
  cap: number;
  sessions: number[];
}

export interface Session {
  index: number;
  day: number;
  roomDay: number;
  date: IsoDate;
  half: HalfDay;
  roomId: string;
  pool: Pool;
  /** Members sitting, sorted. */
  memberIds: number[];
  /** Same members, same pool: the same panel (fairness between candidates of a post). */
  panelKey: number;
  /** Start times (minutes) still free, in order. */
  positions: number[];
  /** Fixed slots held in this room during this half-day. */
  fixedCount: number;
}

export interface Schedule {
  days: Day[];
  roomDays: RoomDay[];
  sessions: Session[];
  /** Every working half-day of the window, for explaining what could not be placed. */
  halves: WorkingHalfDay[];
}

interface Interval {
  start: number;
  end: number;
}

/** What the fixed slots take: times per room, rooms per member and half-day, counts per day. */
class FixedLoad {
  readonly roomTimes = new Map<string, Interval[]>();
  readonly memberRooms = new Map<string, Set<string>>();
  readonly roomDayCount = new Map<string, number>();
  readonly memberDayCount = new Map<string, number>();
  readonly sessionCount = new Map<string, number>();
  readonly dateCount = new Map<IsoDate, number>();
  /** The room a member sits in on a date, from their first fixed slot that day. */
  readonly pinned = new Map<string, string>();

  constructor(ctx: Context, fixed: Slot[]) {
    const sorted = [...fixed].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const slot of sorted) {
      const start = toMinutes(slot.start);
      const end = toMinutes(slot.end);
      add(this.roomTimes, `${slot.roomId}|${slot.date}`, { start, end });
      bump(this.roomDayCount, `${slot.roomId}|${slot.date}`);
      bump(this.dateCount, slot.date);
      const where = locateSlot(ctx, start, end);
      if ('half' in where) bump(this.sessionCount, `${slot.roomId}|${slot.date}|${where.half}`);
      for (const id of new Set(slot.memberIds)) {
        bump(this.memberDayCount, `${id}|${slot.date}`);
        if (!this.pinned.has(`${id}|${slot.date}`)) this.pinned.set(`${id}|${slot.date}`, slot.roomId);
        // Conservative: a member is taken for every session the slot (with its buffer) touches.
        for (const s of ctx.sessions) {
          if (start < s.end + ctx.buffer && s.start < end + ctx.buffer) {
            const key = `${id}|${slot.date}|${s.half}`;
            const rooms = this.memberRooms.get(key) ?? new Set<string>();
            rooms.add(slot.roomId);
            this.memberRooms.set(key, rooms);
          }
        }
      }
    }
  }

  /** A member already sits in another room during this half-day. */
  busyElsewhere(memberId: number, date: IsoDate, half: HalfDay, roomId: string): boolean {
    const rooms = this.memberRooms.get(`${memberId}|${date}|${half}`);
    return !!rooms && [...rooms].some((r) => r !== roomId);
  }
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

interface Jury {
  roomId: string;
  pool: Pool;
  memberIds: number[];
}

function freeHalves(ctx: Context, memberId: number, day: Day): HalfDay[] {
  const free = ctx.memberFree.get(memberId)!;
  return day.halves.filter((h) => free(day.date, h.half)).map((h) => h.half);
}

function roomsOfDay(ctx: Context, day: Day): string[] {
  return [...ctx.rooms.values()].filter((r) => day.halves.some((h) => ctx.roomFree.get(r.id)!(day.date, h.half))).map((r) => r.id);
}

/**
 * Splits the members free on a day into juries, one per room, when there are no per-post panels.
 * As many juries as quorum, presidents and rooms allow (more juries, fewer days); each member keeps one
 * room all day, so nobody hears more than the daily maximum.
 */
function splitPool(ctx: Context, day: Day, pool: Pool, fixed: FixedLoad): Jury[] {
  const present = pool.memberIds.filter((id) => ctx.members.has(id) && freeHalves(ctx, id, day).length > 0);
  const pinnedRoom = (id: number): string | undefined => fixed.pinned.get(`${id}|${day.date}`);
  const freeRooms = roomsOfDay(ctx, day);
  const pinnedRooms = freeRooms.filter((r) => present.some((id) => pinnedRoom(id) === r));
  const rooms = [...pinnedRooms, ...freeRooms.filter((r) => !pinnedRooms.includes(r))];
  const presidents = present.filter((id) => ctx.members.get(id)!.president);
  let count = Math.min(rooms.length, Math.max(1, Math.floor(present.length / pool.quorum)));
  if (ctx.input.jury.presidentRequired) count = Math.min(count, Math.max(1, presidents.length));
  count = Math.min(rooms.length, Math.max(count, pinnedRooms.length));
  const juries: Jury[] = rooms.slice(0, count).map((roomId) => ({ roomId, pool, memberIds: [] }));
  if (juries.length === 0) return [];
  const placed = new Set<number>();
  for (const id of present) {
    const jury = juries.find((j) => j.roomId === pinnedRoom(id));
    if (jury) {
      jury.memberIds.push(id);
      placed.add(id);
    }
  }
  // Widest availability first: they anchor a jury for the whole day.
  const byBreadth = (ids: number[]): number[] => [...ids].sort((a, b) => freeHalves(ctx, b, day).length - freeHalves(ctx, a, day).length || a - b);
  for (const id of byBreadth(presidents.filter((p) => !placed.has(p)))) {
    const jury = juries.find((j) => !j.memberIds.some((m) => ctx.members.get(m)!.president));
    if (!jury) break;
    jury.memberIds.push(id);
    placed.add(id);
  }
  for (const id of byBreadth(present.filter((m) => !placed.has(m)))) {
    const halves = freeHalves(ctx, id, day);
    const load = (j: Jury): number => j.memberIds.reduce((n, m) => n + freeHalves(ctx, m, day).filter((h) => halves.includes(h)).length, 0);
    let best = juries[0]!;
    for (const jury of juries) if (load(jury) < load(best)) best = jury;
    best.memberIds.push(id);
  }
  return juries;
}

/** With per-post panels each panel sits in its own room; the order turns with the days so none starves. */
function panelJuries(ctx: Context, day: Day, fixed: FixedLoad): Jury[] {
  const rooms = roomsOfDay(ctx, day);
  const taken = new Set<number>();
  const usedRooms = new Set<string>();
  const juries: Jury[] = [];
  const count = ctx.pools.length;
  for (let i = 0; i < count; i++) {
    const pool = ctx.pools[(i + day.index) % count]!;
    const memberIds = pool.memberIds.filter((id) => ctx.members.has(id) && !taken.has(id) && freeHalves(ctx, id, day).length > 0);
    if (memberIds.length < pool.quorum) continue;
    const pinned = memberIds.map((id) => fixed.pinned.get(`${id}|${day.date}`)).find((r) => r !== undefined && rooms.includes(r) && !usedRooms.has(r));
    const roomId = pinned ?? rooms.find((r) => !usedRooms.has(r));
    if (!roomId) break;
    usedRooms.add(roomId);
    for (const id of memberIds) taken.add(id);
    juries.push({ roomId, pool, memberIds });
  }
  return juries;
}

/**
 * Start times of the back-to-back grid that no fixed slot in the room (with its buffer) takes. When the
 * lunch break is shorter than the buffer, the afternoon starts late enough to keep it.
 */
function freePositions(ctx: Context, half: WorkingHalfDay, taken: Interval[]): number[] {
  const out: number[] = [];
  const step = ctx.minutes + ctx.buffer;
  const morning = ctx.sessions.find((s) => s.half === 'am');
  const first = half.half === 'pm' && morning ? Math.max(half.start, morning.end + ctx.buffer) : half.start;
  for (let start = first; start + ctx.minutes <= half.end; start += step) {
    const end = start + ctx.minutes;
    if (!taken.some((t) => start < t.end + ctx.buffer && t.start < end + ctx.buffer)) out.push(start);
  }
  return out;
}

function groupDays(ctx: Context, halves: WorkingHalfDay[], fixed: FixedLoad): Day[] {
  const days: Day[] = [];
  for (const half of halves) {
    const last = days[days.length - 1];
    if (last && last.date === half.date) last.halves.push(half);
    else days.push({ index: days.length, date: half.date, halves: [half], fixedCount: fixed.dateCount.get(half.date) ?? 0, roomDays: [] });
  }
  return days;
}

class PanelKeys {
  private readonly keys = new Map<string, number>();
  of(pool: Pool, memberIds: number[]): number {
    const key = `${pool.id}|${memberIds.join(',')}`;
    let index = this.keys.get(key);
    if (index === undefined) {
      index = this.keys.size;
      this.keys.set(key, index);
    }
    return index;
  }
  get size(): number {
    return this.keys.size;
  }
}

export function buildSchedule(ctx: Context, fixed: Slot[]): Schedule & { panelCount: number } {
  const load = new FixedLoad(ctx, fixed);
  const halves = ctx.sessions.length && ctx.input.calendar.from <= ctx.input.calendar.to ? workingHalfDays(ctx.input.calendar, ctx.input.hours) : [];
  const days = groupDays(ctx, halves, load);
  const roomDays: RoomDay[] = [];
  const sessions: Session[] = [];
  const panels = new PanelKeys();
  for (const day of days) {
    const juries = ctx.pools[0]!.isPanel ? panelJuries(ctx, day, load) : splitPool(ctx, day, ctx.pools[0]!, load);
    for (const jury of juries) {
      const roomDay: RoomDay = { index: roomDays.length, day: day.index, roomId: jury.roomId, pool: jury.pool, cap: 0, sessions: [] };
      const used = Math.max(load.roomDayCount.get(`${jury.roomId}|${day.date}`) ?? 0, ...jury.memberIds.map((id) => load.memberDayCount.get(`${id}|${day.date}`) ?? 0));
      let room = 0;
      for (const half of day.halves) {
        const session = buildSession(ctx, load, day, half, jury, sessions.length, roomDay.index, panels);
        if (!session) continue;
        sessions.push(session);
        roomDay.sessions.push(session.index);
        room += session.positions.length;
      }
      roomDay.cap = Math.max(0, Math.min(room, ctx.maxPerDay - used));
      if (roomDay.sessions.length === 0) continue;
      roomDays.push(roomDay);
      day.roomDays.push(roomDay.index);
    }
  }
  return { days, roomDays, sessions, halves, panelCount: panels.size };
}

function buildSession(ctx: Context, load: FixedLoad, day: Day, half: WorkingHalfDay, jury: Jury, index: number, roomDay: number, panels: PanelKeys): Session | null {
  if (!ctx.roomFree.get(jury.roomId)!(day.date, half.half)) return null;
  const memberIds = jury.memberIds
    .filter((id) => ctx.memberFree.get(id)!(day.date, half.half) && !load.busyElsewhere(id, day.date, half.half, jury.roomId))
    .sort((a, b) => a - b);
  if (memberIds.length < jury.pool.quorum) return null;
  if (ctx.input.jury.presidentRequired && !memberIds.some((id) => ctx.members.get(id)!.president)) return null;
  const positions = freePositions(ctx, half, load.roomTimes.get(`${jury.roomId}|${day.date}`) ?? []);
  if (positions.length === 0) return null;
  return {
    index,
    day: day.index,
    roomDay,
    date: day.date,
    half: half.half,
    roomId: jury.roomId,
    pool: jury.pool,
    memberIds,
    panelKey: panels.of(jury.pool, memberIds),
    positions,
    fixedCount: load.sessionCount.get(`${jury.roomId}|${day.date}|${half.half}`) ?? 0,
  };
}

