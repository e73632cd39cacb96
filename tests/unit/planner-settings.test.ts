// The planner's settings as typed: defaults from the call, French field checks, half-day lists read and
// written back, the input assembled from what is stored, and the slot a manual move creates.
import { describe, expect, it } from 'vitest';
import { checkMove } from '../../shared/domain/planner/check.js';
import { slotForMove, startTimes } from '../../shared/domain/planner/moves.js';
import {
  buildPlannerInput,
  closedDaysOf,
  defaultPlannerSettings,
  formatHalfDayList,
  parseHalfDayList,
  plannerSettingsProblems,
} from '../../shared/domain/planner/settings.js';
import type { PlannerSettings } from '../../shared/model/planner.js';
import { cstiInput } from './planner-fixtures.js';

const CSTI = { interviewStart: '2026-06-01', interviewEnd: '2026-06-30', interviewPlace: 'Rectorat, Aix-en-Provence', deadline: '2026-05-15', sittingMembers: 4, hasPresident: true };

function settings(patch: Partial<PlannerSettings> = {}): PlannerSettings {
  return { ...defaultPlannerSettings(CSTI), ...patch };
}

describe('default settings', () => {
  it('take the call’s window and place, weekdays, 30 min + 10, quorum 3 with a president', () => {
    const s = defaultPlannerSettings(CSTI);
    expect(s).toMatchObject({ from: '2026-06-01', to: '2026-06-30', workingDays: [1, 2, 3, 4, 5], holidays: 'metropole', minutes: 30, bufferMinutes: 10, quorum: 3, presidentRequired: true, place: 'Rectorat, Aix-en-Provence' });
    expect(plannerSettingsProblems(s)).toEqual({});
  });

  it('fall back to the month after the deadline, to its last day, and a quorum the commission can reach', () => {
    const s = defaultPlannerSettings({ ...CSTI, interviewStart: null, interviewEnd: null, deadline: '2027-04-30', sittingMembers: 2, hasPresident: false });
    expect([s.from, s.to, s.quorum, s.presidentRequired]).toEqual(['2027-05-01', '2027-05-31', 2, false]);
    expect(defaultPlannerSettings({ ...CSTI, interviewStart: null, interviewEnd: null, deadline: '2026-12-15' })).toMatchObject({ from: '2027-01-01', to: '2027-01-31' });
    // A start without an end: to the end of that month (February has no 30th).
    expect(defaultPlannerSettings({ ...CSTI, interviewStart: '2026-02-10', interviewEnd: null })).toMatchObject({ from: '2026-02-10', to: '2026-02-28' });
  });
});

describe('settings checks', () => {
  it('name each wrong field in French', () => {
    expect(
      plannerSettingsProblems(
        settings({ from: '2026-02-30', workingDays: [], afternoon: { start: '12:00', end: '17:00' }, minutes: 300, maxPerDay: 0, quorum: 0, rooms: [{ id: 'a', label: 'Salle 1' }, { id: 'b', label: ' salle 1' }] }),
      ),
    ).toEqual({
      from: 'Date de début invalide.',
      workingDays: 'Choisissez au moins un jour de la semaine.',
      afternoon: 'L’après-midi commence avant la fin du matin.',
      minutes: 'Durée d’un entretien : de 5 à 240 minutes.',
      maxPerDay: 'Entretiens par jour : de 1 à 40.',
      quorum: 'Le quorum doit être compris entre 1 et 30.',
      'rooms.1': 'La salle « salle 1 » figure deux fois.',
    });
  });

  it('refuse an interview longer than any half-day, and a day without sessions', () => {
    expect(plannerSettingsProblems(settings({ minutes: 240 })).minutes).toBe('Un entretien de 240 min ne tient dans aucune demi-journée.');
    expect(plannerSettingsProblems(settings({ morning: null, afternoon: null })).morning).toBe('Prévoyez au moins une demi-journée d’entretiens.');
  });
});

describe('half-day lists', () => {
  it('read dates, half-days, ranges, weekdays and days without their year', () => {
    const list = parseHalfDayList('03/06/2026 matin ; du 08/06 au 10/06/2026\n12/06 après-midi, tous les mardis matin ; Jeudi ; 2026-06-30', 2026);
    expect(list.problems).toEqual([]);
    expect(list.dates).toEqual([
      { date: '2026-06-03', half: 'am' },
      { date: '2026-06-08' },
      { date: '2026-06-09' },
      { date: '2026-06-10' },
      { date: '2026-06-12', half: 'pm' },
      { date: '2026-06-30' },
    ]);
    expect(list.weekly).toEqual([{ weekday: 2, half: 'am' }, { weekday: 4 }]);
  });

  it('read days written with their weekday or their month in words', () => {
    const list = parseHalfDayList('lundi 8 juin matin ; du 10 au 12 juin ; 1er juillet 2026 après-midi ; Mercredi 17/06/2026', 2026);
    expect(list.problems).toEqual([]);
    expect(list.dates).toEqual([
      { date: '2026-06-08', half: 'am' },
      { date: '2026-06-10' },
      { date: '2026-06-11' },
      { date: '2026-06-12' },
      { date: '2026-06-17' },
      { date: '2026-07-01', half: 'pm' },
    ]);
  });

  it('merge the two halves of a day into the day', () => {
    expect(parseHalfDayList('03/06/2026 matin; 03/06/2026 après-midi', 2026).dates).toEqual([{ date: '2026-06-03' }]);
  });

  it('quote each entry not understood and say what is expected', () => {
    expect(parseHalfDayList('31/06/2026 ; du 10/06/2026 au 08/06/2026 ; 03/06/2026 soir ; mardi 03/06/2026 ; bientôt', 2026).problems).toEqual([
      '« 31/06/2026 » : le 31/06/2026 n’existe pas dans le calendrier.',
      '« du 10/06/2026 au 08/06/2026 » : la période se termine avant de commencer.',
      '« 03/06/2026 soir » : après la date, précisez « matin » ou « après-midi », ou rien pour la journée.',
      '« mardi 03/06/2026 » : le 03/06/2026 est un mercredi, pas un mardi.',
      '« bientôt » n’est pas compris : écrivez une date (03/06/2026 matin), une période (du 15/06/2026 au 19/06/2026) ou un jour de la semaine (mardi après-midi).',
    ]);
  });

  it('are written back so that reading them again gives the same', () => {
    const text = formatHalfDayList(
      [{ date: '2026-06-03', half: 'am' }, { date: '2026-06-08' }, { date: '2026-06-09' }, { date: '2026-06-10' }, { date: '2026-06-12' }, { date: '2026-06-13' }],
      [{ weekday: 2, half: 'pm' }],
    );
    expect(text).toBe('03/06/2026 matin ; du 08/06/2026 au 10/06/2026 ; 12/06/2026 ; 13/06/2026 ; mardi après-midi');
    const again = parseHalfDayList(text, 2026);
    expect(formatHalfDayList(again.dates, again.weekly)).toBe(text);
  });
});

describe('the planner input from what is stored', () => {
  it('keeps sitting members, candidates to hear, and their locked slots only', () => {
    const none = { availability: {}, preferred: [], note: '' };
    const input = buildPlannerInput({
      settings: settings(),
      members: [
        { id: 1, name: 'Présidente', president: true, sits: true, constraints: { ...none, availability: { weekly: [{ weekday: 3 }] } } },
        { id: 2, name: 'Secrétariat', president: false, sits: false, constraints: none },
      ],
      candidates: [
        { id: 10, label: 'A', post: '1', toHear: true, constraints: { ...none, preferred: [{ date: '2026-06-02' }] } },
        { id: 11, label: 'B', post: '1', toHear: false, constraints: none },
      ],
      slots: [
        { candidateId: 10, date: '2026-06-02', start: '09:00', end: '09:30', roomId: 'salle-1', memberIds: [1], locked: true, convokedAt: null, convokedFor: null },
        { candidateId: 11, date: '2026-06-02', start: '09:40', end: '10:10', roomId: 'salle-1', memberIds: [1], locked: true, convokedAt: null, convokedFor: null },
      ],
    });
    expect(input.members).toEqual([{ id: 1, name: 'Présidente', president: true, availability: { weekly: [{ weekday: 3 }] } }]);
    expect(input.candidates).toEqual([{ id: 10, label: 'A', post: '1', preferred: [{ date: '2026-06-02' }] }]);
    expect(input.locked.map((s) => s.candidateId)).toEqual([10]);
  });

  it('lists the holidays and blackouts of the window for the calendar', () => {
    expect(closedDaysOf(settings({ from: '2026-05-20', to: '2026-06-03', blackouts: [{ from: '2026-06-02', to: '2026-06-10', label: 'Brevet', half: 'am' }] }))).toEqual([
      { date: '2026-05-25', label: 'Lundi de Pentecôte' },
      { date: '2026-06-02', label: 'Brevet (matin)' },
      { date: '2026-06-03', label: 'Brevet (matin)' },
    ]);
  });
});

describe('a manual move', () => {
  it('joins the jury already sitting in that room and half-day', () => {
    const input = cstiInput();
    const placed = [{ candidateId: 100, date: '2026-06-03', start: '08:30', end: '09:00', roomId: 'R204', memberIds: [1, 3, 4] }];
    const slot = slotForMove(input, placed, { candidateId: 101, date: '2026-06-03', start: '09:10', roomId: 'R204' });
    expect(slot).toEqual({ candidateId: 101, date: '2026-06-03', start: '09:10', end: '09:40', roomId: 'R204', memberIds: [1, 3, 4] });
    expect(checkMove(input, placed, slot)).toEqual([]);
  });

  it('calls free members, the president first, on an empty half-day; and the checker explains a clash', () => {
    const input = cstiInput();
    // Wednesday morning: M. Blanc (2) teaches. Mme Caron (3) is away on the 10th.
    const slot = slotForMove(input, [], { candidateId: 101, date: '2026-06-10', start: '08:30', roomId: 'R204' });
    expect(slot.memberIds).toEqual([1, 4, 5]);
    expect(checkMove(input, [], slot)).toEqual([]);
    const placed = [{ candidateId: 100, date: '2026-06-10', start: '08:30', end: '09:00', roomId: 'R204', memberIds: [1, 4, 5] }];
    const clash = slotForMove(input, placed, { candidateId: 101, date: '2026-06-10', start: '08:50', roomId: 'R204' });
    expect(checkMove(input, placed, clash).map((v) => v.message)).toContain(
      'La salle « Salle 204 » accueille deux entretiens qui se chevauchent le mercredi 10/06/2026 : Mme Martin (08:30–09:00) et M. Bernard (08:50–09:20).',
    );
  });

  it('offers the start times of a half-day, one interview and its deliberation after another', () => {
    expect(startTimes(cstiInput(), 'am')).toEqual(['08:30', '09:10', '09:50', '10:30', '11:10', '11:50']);
  });
});
