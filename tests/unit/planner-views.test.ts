// The planning screens' pure parts: which days a week shows and what closes them, where the keyboard
// target goes, the convocation status, and the live judgement of a move (the server's own helpers).
import { describe, expect, it } from 'vitest';
import { buildPlannerInput, defaultPlannerSettings, slotKey } from '../../shared/domain/planner/settings.js';
import type { PersonAvailability, PlannedSlot, PlannerSettings, PlannerView } from '../../shared/model/planner.js';
import {
  closureOf,
  convocationStatus,
  convokedNotice,
  dayStartTimes,
  defaultDate,
  readGoToDay,
  rowOf,
  slotHalf,
  stepDay,
  stepTarget,
  stepWeek,
  weekColumns,
  windowDays,
} from '../../renderer/src/features/planner/views/calendar.js';
import { evaluateMove, halfDayDrop, LOCKED_MESSAGE, placedSlots } from '../../renderer/src/features/planner/views/moveCheck.js';
import { conflictAdvice } from '../../renderer/src/features/planner/plannerText.js';
import type { Violation } from '../../shared/domain/planner/model.js';

const free: PersonAvailability = { availability: {}, preferred: [], note: '' };

function settings(patch: Partial<PlannerSettings> = {}): PlannerSettings {
  const base = defaultPlannerSettings({ interviewStart: '2026-06-01', interviewEnd: '2026-06-30', interviewPlace: 'Rectorat', deadline: null, sittingMembers: 3, hasPresident: true });
  return { ...base, rooms: [{ id: 'salle-1', label: 'Salle 1' }, { id: 'salle-2', label: 'Salle 2' }], ...patch };
}

function slot(candidateId: number, date: string, start: string, roomId: string, extra: Partial<PlannedSlot> = {}): PlannedSlot {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = `${String(h + Math.floor((m + 30) / 60)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
  return { candidateId, date, start, end, roomId, memberIds: [1, 2, 3], locked: false, convokedAt: null, convokedFor: null, ...extra };
}

/** Three members (Mme Vasseur may chair; M. Granet away on 02/06), three candidates, two interviews on 01/06 in Salle 1. */
function planningView(slots: PlannedSlot[] = [slot(11, '2026-06-01', '09:00', 'salle-1'), slot(12, '2026-06-01', '09:40', 'salle-1')]): PlannerView {
  const s = settings();
  const members = [
    { id: 1, name: 'Mme Vasseur', email: '', role: 'president', president: true, sits: true, constraints: free },
    { id: 2, name: 'M. Granet', email: '', role: 'membre', president: false, sits: true, constraints: { ...free, availability: { unavailable: [{ date: '2026-06-02' }] } } },
    { id: 3, name: 'Mme Belkacem', email: '', role: 'membre', president: false, sits: true, constraints: free },
  ];
  const candidates = [11, 12, 13].map((id, i) => ({
    id,
    label: ['ARNAUD Camille', 'BLANC Julien', 'CHABERT Inès'][i]!,
    email: '',
    post: '1',
    postLabel: 'Professeur relais',
    toHear: true,
    notHeardBecause: null,
    constraints: free,
  }));
  return {
    callId: 1,
    callTitle: 'CSTI',
    settings: s,
    settingsAreDefault: false,
    revision: 4,
    members,
    candidates,
    slots,
    unplaced: [{ candidateId: 13, code: 'full', reason: 'Plus de place.' }],
    violations: [],
    input: buildPlannerInput({ settings: s, members, candidates, slots }),
    closedDays: [],
    warnings: [],
    plannedAt: null,
    today: '2026-05-20',
    toCallOff: [],
  };
}

describe('week construction and closures', () => {
  const window = settings({ from: '2026-05-11', to: '2026-06-30', blackouts: [{ from: '2026-06-18', to: '2026-06-18', half: 'pm', label: 'Brevet' }, { from: '2026-06-15', to: '2026-06-16', label: 'Baccalauréat' }] });

  it('shows the working weekdays of the week, Monday first, whatever the day asked', () => {
    expect(weekColumns(window, '2026-06-04').map((c) => c.date)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05']);
    expect(weekColumns({ ...window, workingDays: [6, 2] }, '2026-06-07').map((c) => c.date)).toEqual(['2026-06-02', '2026-06-06']);
  });

  it('says why a day or a half-day holds no interview', () => {
    expect(closureOf(window, '2026-05-14').day).toBe('Férié : Ascension');
    expect(closureOf(window, '2026-05-25').day).toBe('Férié : Lundi de Pentecôte');
    expect(closureOf(window, '2026-06-16').day).toBe('Baccalauréat');
    expect(closureOf(window, '2026-06-18')).toEqual({ day: null, am: null, pm: 'Brevet' });
    expect(closureOf(window, '2026-06-06').day).toBe('Jour non ouvré');
    expect(closureOf(window, '2026-07-01').day).toBe('Hors de la période des entretiens');
    expect(closureOf(window, '2026-06-03')).toEqual({ day: null, am: null, pm: null });
  });

  it('opens on the first interview day, else the first open day of the window', () => {
    expect(defaultDate(window, [{ date: '2026-06-10' }, { date: '2026-06-03' }])).toBe('2026-06-03');
    expect(defaultDate({ ...window, from: '2026-05-14' }, [])).toBe('2026-05-15');
  });

  it('steps by working day and by week within the window only', () => {
    expect(stepDay(window, '2026-06-05', 1)).toBe('2026-06-08');
    expect(stepDay(window, '2026-06-08', -1)).toBe('2026-06-05');
    expect(stepDay(window, '2026-06-30', 1)).toBeNull();
    expect(stepWeek(window, '2026-06-03', 1)).toBe('2026-06-08');
    expect(stepWeek(window, '2026-05-13', -1)).toBeNull();
    expect(stepWeek(window, '2026-06-30', 1)).toBeNull();
    expect(windowDays(window)).toHaveLength(37);
  });
});

describe('keyboard target', () => {
  const view = planningView();
  const s = view.settings;
  const at = { candidateId: 11, date: '2026-06-05', start: '11:40', roomId: 'salle-1' };

  it('goes through the start times of the day, over the lunch break, and stops at the ends', () => {
    expect(dayStartTimes(view.input).map((t) => t.start)).toEqual(['09:00', '09:40', '10:20', '11:00', '11:40', '14:00', '14:40', '15:20', '16:00', '16:40']);
    expect(stepTarget(s, view.input, at, 'ArrowDown', 'day').start).toBe('14:00');
    expect(stepTarget(s, view.input, { ...at, start: '14:00' }, 'ArrowUp', 'day').start).toBe('11:40');
    expect(stepTarget(s, view.input, { ...at, start: '09:00' }, 'ArrowUp', 'day')).toEqual({ ...at, start: '09:00' });
    expect(stepTarget(s, view.input, at, 'End', 'day').start).toBe('16:40');
    // A stored slot off the grid (after a settings change) steps to the nearest start time.
    expect(stepTarget(s, view.input, { ...at, start: '10:00' }, 'ArrowDown', 'day').start).toBe('10:20');
  });

  it('changes room in the day view and day in the week view, skipping the weekend', () => {
    expect(stepTarget(s, view.input, at, 'ArrowRight', 'day').roomId).toBe('salle-2');
    expect(stepTarget(s, view.input, { ...at, roomId: 'salle-2' }, 'ArrowRight', 'day').roomId).toBe('salle-2');
    expect(stepTarget(s, view.input, at, 'ArrowLeft', 'day').roomId).toBe('salle-1');
    expect(stepTarget(s, view.input, at, 'ArrowRight', 'week')).toEqual({ ...at, date: '2026-06-08' });
    expect(stepTarget(s, view.input, at, 'PageUp', 'day').date).toBe('2026-06-04');
    expect(stepTarget(s, view.input, { ...at, date: '2026-06-30' }, 'PageDown', 'week').date).toBe('2026-06-30');
  });

  it('draws each slot in its half-day and on the row of its start time', () => {
    const times = dayStartTimes(view.input);
    expect(slotHalf(view.input, { start: '12:40' })).toBe('am');
    expect(slotHalf(view.input, { start: '14:40' })).toBe('pm');
    expect(rowOf(times.filter((t) => t.half === 'am'), '10:00')).toBe('09:40');
  });
});

describe('convocation status', () => {
  const base = slot(11, '2026-06-01', '09:00', 'salle-1');
  it('is « à convoquer » before any convocation, dated after, « à reconvoquer » once the slot moved', () => {
    expect(convocationStatus(base).text).toBe('à convoquer');
    const convoked = { ...base, convokedAt: '2026-05-28T21:30:00.000Z', convokedFor: slotKey(base) };
    // 23:30 in Paris: the Paris day counts.
    expect(convocationStatus(convoked)).toEqual({ kind: 'done', text: 'convoqué(e) le 28/05/2026' });
    expect(convocationStatus({ ...convoked, start: '09:40' })).toEqual({ kind: 'redo', text: 'à reconvoquer' });
  });
});

describe('« Aller au jour »', () => {
  const s = settings();
  it('reads a day typed jj/mm/aaaa within the window, and says in French why not otherwise', () => {
    expect(readGoToDay(s, '03/06/2026')).toEqual({ iso: '2026-06-03' });
    expect(readGoToDay(s, ' 3/6/2026 ')).toEqual({ iso: '2026-06-03' });
    expect(readGoToDay(s, '06/07/2026')).toEqual({ problem: 'Le 06/07/2026 est hors de la période des entretiens (du 01/06/2026 au 30/06/2026).' });
    expect(readGoToDay(s, 'juin')).toEqual({ problem: '« juin » n’est pas une date : écrivez-la jj/mm/aaaa (du 01/06/2026 au 30/06/2026).' });
    expect(readGoToDay(s, '')).toEqual({ problem: 'Indiquez un jour jj/mm/aaaa (du 01/06/2026 au 30/06/2026).' });
  });
});

describe('warnings before changing a convoked interview', () => {
  const base = slot(11, '2026-06-02', '09:00', 'salle-1');
  it('says nothing before any convocation', () => {
    expect(convokedNotice(base, 'ARNAUD Camille', 'move')).toBeNull();
  });
  it('names the day and time announced, and what the change will require', () => {
    const convoked = { ...base, convokedAt: '2026-05-20T08:00:00.000Z', convokedFor: slotKey(base) };
    expect(convokedNotice(convoked, 'ARNAUD Camille', 'move')).toBe(
      'ARNAUD Camille a déjà reçu une convocation pour le mardi 02/06/2026 à 09:00 : après ce déplacement, il faudra lui en envoyer une nouvelle.',
    );
    // Moved since: the convocation still announces the old time.
    expect(convokedNotice({ ...convoked, date: '2026-06-04' }, 'ARNAUD Camille', 'remove')).toBe(
      'ARNAUD Camille a déjà reçu une convocation pour le mardi 02/06/2026 à 09:00 : il faudra l’avertir que cet entretien n’a plus lieu.',
    );
  });
});

describe('advice under the conflicts of the stored planning', () => {
  const violation = (code: Violation['code'], candidateIds: number[]): Violation => ({ code, message: '…', candidateIds });
  it('asks to unlock a locked slot, to find members or change the quorum for a short jury, to move the others', () => {
    const view = planningView([slot(11, '2026-06-01', '09:00', 'salle-1', { locked: true }), slot(12, '2026-06-02', '09:00', 'salle-1')]);
    const advice = conflictAdvice({ ...view, violations: [violation('candidate-unavailable', [11]), violation('quorum', [12])] });
    expect(advice).toHaveLength(2);
    expect(advice[0]).toMatch(/^Créneau verrouillé en conflit \(ARNAUD Camille\) : déverrouillez-le/);
    expect(advice[1]).toMatch(/^Jury incomplet \(BLANC Julien\) : .*ajoutez des membres.*changez le quorum/);
    expect(conflictAdvice({ ...view, violations: [violation('room-double-booked', [12])] })).toEqual([
      'Déplacez les entretiens concernés, ou recalculez en gardant les créneaux : seuls ceux-là bougeront.',
    ]);
    expect(conflictAdvice({ ...view, violations: [violation('president', [12])] })[0]).toContain('un membre pouvant présider');
    // A member away from an interview short of its quorum: one problem, one piece of advice.
    expect(conflictAdvice({ ...view, violations: [violation('member-unavailable', [12]), violation('quorum', [12])] })).toHaveLength(1);
  });
});

describe('live judgement of a move', () => {
  it('explains a drop onto a time the room already holds, in French', () => {
    const view = planningView();
    const check = evaluateMove(view, placedSlots(view), { candidateId: 11, date: '2026-06-01', start: '09:40', roomId: 'salle-1' });
    expect(check.same).toBe(false);
    expect(check.problems.join(' ')).toMatch(/« Salle 1 » accueille deux entretiens qui se chevauchent le lundi 01\/06\/2026/);
  });

  it('explains a day a member is away: the jury falls below the quorum', () => {
    const view = planningView();
    const check = evaluateMove(view, placedSlots(view), { candidateId: 11, date: '2026-06-02', start: '09:00', roomId: 'salle-1' });
    expect(check.slot.memberIds).toEqual([1, 3]);
    expect(check.problems.join(' ')).toContain('le quorum est de 3');
  });

  it('accepts a free time with the jury already sitting in the room', () => {
    const view = planningView();
    const check = evaluateMove(view, placedSlots(view), { candidateId: 13, date: '2026-06-01', start: '10:20', roomId: 'salle-1' });
    expect(check.problems).toEqual([]);
    expect(check.slot).toMatchObject({ end: '10:50', memberIds: [1, 2, 3] });
  });

  it('never moves a locked slot, and knows the current slot', () => {
    const view = planningView([slot(11, '2026-06-01', '09:00', 'salle-1', { locked: true })]);
    expect(evaluateMove(view, placedSlots(view), { candidateId: 11, date: '2026-06-03', start: '09:00', roomId: 'salle-1' }).problems).toEqual([LOCKED_MESSAGE]);
    expect(evaluateMove(view, placedSlots(view), { candidateId: 11, date: '2026-06-01', start: '09:00', roomId: 'salle-1' }).same).toBe(true);
  });

  it('refuses, as the services do, a day already past and an interview already held', () => {
    const view = { ...planningView(), today: '2026-06-01' };
    expect(evaluateMove(view, placedSlots(view), { candidateId: 13, date: '2026-06-01', start: '10:20', roomId: 'salle-1' }).problems).toEqual([
      'Le lundi 01/06/2026 est passé : choisissez un jour à partir du mardi 02/06/2026.',
    ]);
    expect(evaluateMove(view, placedSlots(view), { candidateId: 11, date: '2026-06-03', start: '09:00', roomId: 'salle-1' }).problems[0]).toMatch(/a déjà eu lieu : il ne se déplace plus\.$/);
  });

  it('drops on a half-day at its first start time that breaks nothing', () => {
    const view = planningView();
    const check = halfDayDrop(view, placedSlots(view), 13, '2026-06-01', 'am');
    expect(check?.target).toEqual({ candidateId: 13, date: '2026-06-01', start: '10:20', roomId: 'salle-1' });
    expect(check?.problems).toEqual([]);
    // Every time of the day breaks something (M. Granet away, quorum 3): the least bad one explains why.
    const away = halfDayDrop(view, placedSlots(view), 13, '2026-06-02', 'pm');
    expect(away?.problems.join(' ')).toContain('le quorum est de 3');
  });
});
