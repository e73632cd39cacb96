import { describe, expect, it } from 'vitest';
import { checkMove, checkPlan, checkSlot } from '../../shared/domain/planner/check.js';
import type { PlannerInput, Slot, ViolationCode } from '../../shared/domain/planner/model.js';
import { cstiInput } from './planner-fixtures.js';

// Thursday 4 June 2026: every member is free, and so is candidate 100 (away on 1 and 2 June).
const ok: Slot = { candidateId: 100, date: '2026-06-04', start: '08:30', end: '09:00', roomId: 'R204', memberIds: [1, 2, 3] };

function input(change: (i: PlannerInput) => void = () => {}): PlannerInput {
  const i = cstiInput();
  i.rooms.push({ id: 'R205', label: 'Salle 205', unavailable: [{ date: '2026-06-05', half: 'pm' }] });
  change(i);
  return i;
}

function codes(i: PlannerInput, placed: Slot[]): ViolationCode[] {
  return checkPlan(i, { placed }).map((v) => v.code);
}

describe('checkPlan', () => {
  it('accepts a plan that keeps every rule', () => {
    const next: Slot = { ...ok, candidateId: 101, start: '09:10', end: '09:40' };
    expect(checkPlan(input(), { placed: [ok, next] })).toEqual([]);
  });

  it('finds a candidate placed twice', () => {
    const v = checkPlan(input(), { placed: [ok, { ...ok, date: '2026-06-05' }] });
    expect(v).toEqual([
      { code: 'candidate-twice', message: 'Mme Martin a deux créneaux : jeudi 04/06/2026 08:30 et vendredi 05/06/2026 08:30.', candidateIds: [100], date: '2026-06-05' },
    ]);
  });

  it('finds a room booked twice, and two interviews closer than the deliberation time', () => {
    const overlap = checkPlan(input(), { placed: [ok, { ...ok, candidateId: 101, start: '08:45', end: '09:15', memberIds: [4, 5, 1] }] });
    expect(overlap.map((v) => v.code)).toEqual(['room-double-booked', 'member-double-booked']);
    expect(overlap[0]!.message).toBe(
      'La salle « Salle 204 » accueille deux entretiens qui se chevauchent le jeudi 04/06/2026 : Mme Martin (08:30–09:00) et M. Bernard (08:45–09:15).',
    );
    expect(overlap[0]!.candidateIds).toEqual([100, 101]);
    const tight = checkPlan(input(), { placed: [ok, { ...ok, candidateId: 101, start: '09:05', end: '09:35' }] });
    expect(tight[0]!.message).toContain('deux entretiens trop rapprochés (10 min entre deux entretiens)');
  });

  it('finds a member sitting in two rooms at once', () => {
    const v = checkPlan(input(), { placed: [ok, { ...ok, candidateId: 101, roomId: 'R205', memberIds: [1, 4, 5] }] });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: 'member-double-booked', memberId: 1 });
    expect(v[0]!.message).toBe('Mme Arnaud siège à deux entretiens qui se chevauchent le jeudi 04/06/2026 : Mme Martin (08:30–09:00) et M. Bernard (08:30–09:00).');
  });

  it('finds unavailable candidates, members and rooms', () => {
    expect(checkPlan(input(), { placed: [{ ...ok, date: '2026-06-01' }] })[0]!.message).toBe('Mme Martin n’est pas disponible le lundi 01/06/2026 matin.');
    // M. Blanc teaches on Wednesday mornings; the quorum still holds with the others.
    const wednesday = checkPlan(input(), { placed: [{ ...ok, date: '2026-06-03', memberIds: [1, 2, 3, 4] }] });
    expect(wednesday.map((v) => v.message)).toEqual(['M. Blanc n’est pas disponible le mercredi 03/06/2026 matin : l’entretien de Mme Martin (mercredi 03/06/2026, 08:30–09:00).']);
    const room = checkPlan(input(), { placed: [{ ...ok, date: '2026-06-05', start: '14:00', end: '14:30', roomId: 'R205', memberIds: [1, 2, 3] }] });
    expect(room.map((v) => v.message)).toEqual(['La salle « Salle 205 » n’est pas disponible le vendredi 05/06/2026 après-midi.']);
  });

  it('counts the quorum on members actually free, and requires a president', () => {
    const sick = checkPlan(input(), { placed: [{ ...ok, date: '2026-06-15', memberIds: [1, 2, 3] }] });
    expect(sick.map((v) => v.code)).toEqual(['member-unavailable', 'quorum', 'president']);
    expect(sick[1]!.message).toBe('L’entretien de Mme Martin (lundi 15/06/2026, 08:30–09:00) réunit 2 membres disponibles : le quorum est de 3.');
    expect(sick[2]!.message).toBe('Aucun membre pouvant présider n’assiste à l’entretien de Mme Martin (lundi 15/06/2026, 08:30–09:00).');
    expect(codes(input(), [{ ...ok, memberIds: [2, 3, 4] }])).toEqual(['president']);
    expect(codes(input(), [{ ...ok, memberIds: [1, 2] }])).toEqual(['quorum']);
  });

  it('finds interviews outside the hours, over the lunch break, or of the wrong length', () => {
    expect(checkPlan(input(), { placed: [{ ...ok, start: '18:00', end: '18:30' }] })[0]!.message).toBe(
      'L’entretien de Mme Martin (jeudi 04/06/2026, 18:00–18:30) sort des horaires (08:30–12:30, 13:30–17:30).',
    );
    expect(checkPlan(input(), { placed: [{ ...ok, start: '12:20', end: '12:50' }] })[0]!.message).toBe(
      'L’entretien de Mme Martin (jeudi 04/06/2026, 12:20–12:50) empiète sur la pause déjeuner.',
    );
    expect(codes(input(), [{ ...ok, start: '08:30', end: '08:55' }])).toEqual(['wrong-length']);
  });

  it('finds days outside the window, weekends, holidays and blackouts', () => {
    expect(codes(input(), [{ ...ok, date: '2026-07-02' }])).toEqual(['outside-window']);
    expect(checkPlan(input(), { placed: [{ ...ok, date: '2026-06-06' }] })[0]!.message).toBe(
      'Le samedi 06/06/2026 n’est pas un jour ouvré : l’entretien de Mme Martin (samedi 06/06/2026, 08:30–09:00).',
    );
    const may = input((i) => (i.calendar.from = '2026-05-18'));
    expect(checkPlan(may, { placed: [{ ...ok, date: '2026-05-25' }] })[0]!.message).toBe(
      'Le lundi 25/05/2026 est férié (Lundi de Pentecôte) : l’entretien de Mme Martin (lundi 25/05/2026, 08:30–09:00).',
    );
    const bac = input((i) => i.calendar.blackouts.push({ from: '2026-06-04', to: '2026-06-04', half: 'am', label: 'Épreuve de philosophie' }));
    expect(checkPlan(bac, { placed: [ok] })[0]!.message).toBe(
      'Le jeudi 04/06/2026 matin est exclu (Épreuve de philosophie) : l’entretien de Mme Martin (jeudi 04/06/2026, 08:30–09:00).',
    );
    expect(codes(bac, [{ ...ok, start: '14:00', end: '14:30' }])).toEqual([]);
  });

  it('finds a room or a member over the daily maximum, once each', () => {
    const tight = input((i) => (i.interview.maxPerDay = 2));
    const three = [ok, { ...ok, candidateId: 101, start: '09:10', end: '09:40' }, { ...ok, candidateId: 102, start: '09:50', end: '10:20' }];
    const v = checkPlan(tight, { placed: three });
    expect(v.map((x) => x.code)).toEqual(['room-max-per-day', 'member-max-per-day', 'member-max-per-day', 'member-max-per-day']);
    expect(v[0]!.message).toBe('La salle « Salle 204 » accueille 3 entretiens le jeudi 04/06/2026 : au plus 2 par jour.');
    expect(v[1]!.message).toBe('Mme Arnaud siège à 3 entretiens le jeudi 04/06/2026 : au plus 2 par jour.');
    expect(v[0]!.candidateIds).toEqual([100, 101, 102]);
  });

  it('finds a locked slot moved or dropped', () => {
    const locked = input((i) => i.locked.push(ok));
    expect(codes(locked, [ok])).toEqual([]);
    expect(checkPlan(locked, { placed: [{ ...ok, start: '09:10', end: '09:40' }] }).map((v) => v.message)).toEqual([
      'Le créneau verrouillé de Mme Martin (jeudi 04/06/2026, 08:30–09:00, la salle « Salle 204 ») a été modifié.',
    ]);
    expect(codes(locked, [])).toEqual(['locked-moved']);
    // The same members in another order is the same slot.
    expect(codes(locked, [{ ...ok, memberIds: [3, 1, 2] }])).toEqual([]);
  });

  it('finds unknown candidates, members and rooms, and malformed dates and times', () => {
    expect(codes(input(), [{ ...ok, candidateId: 999 }])).toEqual(['unknown-candidate']);
    expect(codes(input(), [{ ...ok, memberIds: [1, 2, 3, 77] }])).toEqual(['unknown-member']);
    expect(codes(input(), [{ ...ok, roomId: 'X' }])).toEqual(['unknown-room']);
    expect(codes(input(), [{ ...ok, date: '2026-02-30' }])).toEqual(['bad-date']);
    expect(codes(input(), [{ ...ok, start: '9h', end: '09:30' }])).toEqual(['bad-time']);
    expect(codes(input(), [{ ...ok, start: '10:00', end: '09:30' }])).toEqual(['bad-time']);
  });

  it('checks per-post panels: members outside the panel and posts without one', () => {
    const panels = input((i) => {
      i.jury.quorum = 2;
      i.jury.panels = [{ id: 'P1', label: 'Jury numérique', posts: ['Conseiller pédagogique numérique'], memberIds: [1, 2, 3] }];
    });
    expect(codes(panels, [{ ...ok, memberIds: [1, 2] }])).toEqual([]);
    const v = checkPlan(panels, { placed: [{ ...ok, memberIds: [1, 4] }] });
    expect(v.map((x) => x.message)).toEqual([
      'M. Dumas ne fait pas partie du jury « Jury numérique » : l’entretien de Mme Martin (jeudi 04/06/2026, 08:30–09:00).',
      'L’entretien de Mme Martin (jeudi 04/06/2026, 08:30–09:00) réunit 1 membre disponible : le quorum est de 2.',
    ]);
    expect(codes(panels, [{ ...ok, candidateId: 110, memberIds: [1, 2] }])).toEqual(['no-panel']);
  });
});

describe('checkSlot and checkMove', () => {
  it('explain a slot on its own, and a move against the rest of the plan', () => {
    expect(checkSlot(input(), ok)).toEqual([]);
    expect(checkSlot(input(), { ...ok, date: '2026-06-01' }).map((v) => v.code)).toEqual(['candidate-unavailable']);
    const plan = [ok, { ...ok, candidateId: 101, start: '09:10', end: '09:40' }, { ...ok, candidateId: 102, date: '2026-06-05' }];
    // Moving candidate 102 onto 101's time: only the clash involving 102 is reported.
    const v = checkMove(input(), plan, { ...ok, candidateId: 102, start: '09:10', end: '09:40' });
    expect(v.map((x) => x.code)).toEqual(['room-double-booked', 'member-double-booked', 'member-double-booked', 'member-double-booked']);
    expect(v.every((x) => x.candidateIds.includes(102))).toBe(true);
    expect(checkMove(input(), plan, { ...ok, candidateId: 102, start: '09:50', end: '10:20' })).toEqual([]);
  });
});
