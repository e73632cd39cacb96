// The « Entretiens » tab's forms: what is typed becomes what the services store, and bad input is said in French.
import { describe, expect, it } from 'vitest';
import { defaultPlannerSettings } from '../../shared/domain/planner/settings.js';
import { checkConstraints, draftOfConstraints } from '../../renderer/src/features/planner/constraintsDraft.js';
import { diffCountsText, planStatsText } from '../../renderer/src/features/planner/plannerText.js';
import {
  blackoutFieldInError,
  draftOfSettings,
  draftProblems,
  hhmmOfTyped,
  holdingText,
  holidaysOfDraft,
  nextId,
  panelFieldInError,
  removedRoomsHolding,
  roomHolding,
  sessionFieldInError,
  settingsOfDraft,
} from '../../renderer/src/features/planner/settingsDraft.js';

const CSTI = defaultPlannerSettings({
  interviewStart: '2026-06-01',
  interviewEnd: '2026-06-30',
  interviewPlace: 'Rectorat de l’académie d’Aix-Marseille',
  deadline: '2026-05-15',
  sittingMembers: 4,
  hasPresident: true,
});

describe('settings form draft', () => {
  it('gives back the settings it was made from', () => {
    const withExtras = {
      ...CSTI,
      blackouts: [{ from: '2026-06-25', to: '2026-06-26', label: 'Brevet' }, { from: '2026-06-15', to: '2026-06-15', half: 'pm' as const, label: 'Conseil' }],
      panels: [{ id: 'jury-1', label: 'Écrins', posts: ['1'], memberIds: [1, 2], quorum: 2 }],
    };
    expect(settingsOfDraft(draftOfSettings(withExtras))).toEqual(withExtras);
    expect(draftProblems(draftOfSettings(withExtras))).toEqual({});
  });

  it('reads the dates as typed in France and calls anything else invalid', () => {
    const draft = draftOfSettings(CSTI);
    expect(draft.from).toBe('01/06/2026');
    expect(settingsOfDraft({ ...draft, to: '3/7/2026' }).to).toBe('2026-07-03');
    expect(draftProblems({ ...draft, from: '31/06/2026' }).from).toBe('Date de début invalide.');
    expect(draftProblems({ ...draft, to: '' }).to).toBe('Date de fin invalide.');
  });

  it('reads hours as people write them', () => {
    expect(['9:00', '9h', '09h30', '14 h 05', '14:00'].map(hhmmOfTyped)).toEqual(['09:00', '09:00', '09:30', '14:05', '14:00']);
    const draft = draftOfSettings(CSTI);
    expect(settingsOfDraft({ ...draft, morningStart: '8h30' }).morning).toEqual({ start: '08:30', end: '12:30' });
    expect(draftProblems({ ...draft, morningEnd: 'midi' }).morning).toMatch(/^Horaires du matin invalides/);
  });

  it('drops a session switched off but keeps its hours for when it is switched back on', () => {
    const draft = { ...draftOfSettings(CSTI), afternoonOn: false };
    expect(settingsOfDraft(draft).afternoon).toBeNull();
    expect(settingsOfDraft({ ...draft, afternoonOn: true }).afternoon).toEqual({ start: '14:00', end: '17:30' });
    expect(draftProblems({ ...draft, morningOn: false }).morning).toBe('Prévoyez au moins une demi-journée d’entretiens.');
  });

  it('refuses what is not a whole number, with the services’ messages', () => {
    const draft = draftOfSettings(CSTI);
    expect(draftProblems({ ...draft, minutes: '' }).minutes).toBe('Durée d’un entretien : de 5 à 240 minutes.');
    expect(draftProblems({ ...draft, minutes: '30,5' }).minutes).toBe('Durée d’un entretien : de 5 à 240 minutes.');
    expect(draftProblems({ ...draft, quorum: '0' }).quorum).toBe('Le quorum doit être compris entre 1 et 30.');
    expect(draftProblems({ ...draft, blackouts: [{ from: '25/06/2026', to: '24/06/2026', half: '', label: 'Brevet' }] })['blackouts.0']).toBe(
      'La période se termine avant de commencer.',
    );
    const panel = { id: 'jury-1', label: 'Écrins', posts: ['1'], memberIds: [1], quorum: 'deux' };
    expect(draftProblems({ ...draft, panels: [panel] })['panels.0']).toBe('Quorum du jury « Écrins » : de 1 à 1 (membres de ce jury).');
  });

  it('checks the quorum against the members who sit, and a panel’s quorum against its own members', () => {
    const draft = draftOfSettings(CSTI);
    expect(draftProblems({ ...draft, quorum: '5' }, 4).quorum).toBe('Le quorum doit être compris entre 1 et 4 (membres qui siègent).');
    expect(draftProblems({ ...draft, quorum: '4' }, 4).quorum).toBeUndefined();
    const panel = { id: 'jury-1', label: 'Écrins', posts: ['1'], memberIds: [1, 2], quorum: '3' };
    expect(draftProblems({ ...draft, panels: [panel] }, 4)['panels.0']).toBe('Quorum du jury « Écrins » : de 1 à 2 (membres de ce jury).');
    expect(draftProblems({ ...draft, panels: [{ ...panel, quorum: '2' }] }, 4)['panels.0']).toBeUndefined();
  });

  it('knows which field of a group an error is about, to draw it in red and focus it', () => {
    const period = { from: '10/06/2026', to: '12/06/2026', half: '' as const, label: '' };
    expect(blackoutFieldInError(period)).toBe('label');
    expect(blackoutFieldInError({ ...period, from: '31/06/2026' })).toBe('from');
    expect(blackoutFieldInError({ ...period, to: '09/06/2026' })).toBe('to');
    const draft = draftOfSettings(CSTI);
    expect(sessionFieldInError({ ...draft, morningStart: '25h' }, 'morning')).toBe('start');
    expect(sessionFieldInError({ ...draft, morningEnd: '08:00' }, 'morning')).toBe('end');
    expect(sessionFieldInError({ ...draft, afternoonStart: '12:00' }, 'afternoon')).toBe('start');
    expect(sessionFieldInError({ ...draft, morningOn: false, afternoonOn: false }, 'morning')).toBe('on');
    const panel = { id: 'jury-1', label: 'Écrins', posts: [], memberIds: [1], quorum: '' };
    expect(panelFieldInError(panel, 'Le jury « Écrins » n’entend aucun poste.')).toBe('posts');
    expect(panelFieldInError({ ...panel, label: ' ' }, 'Nom du jury manquant.')).toBe('label');
    expect(panelFieldInError({ ...panel, posts: ['1'] }, 'Quorum du jury « Écrins » : de 1 à 1 (membres de ce jury).')).toBe('quorum');
    expect(panelFieldInError({ ...panel, posts: ['1'] }, 'Le jury « Écrins » cite quelqu’un qui ne siège pas dans cette commission.')).toBe('members');
  });

  it('names a removed room that still holds interviews, with their count and days', () => {
    const rooms = [
      { id: 'salle-1', label: 'Salle 1' },
      { id: 'salle-2', label: 'Salle 2' },
    ];
    const slots = [
      { roomId: 'salle-2', date: '2026-06-02' },
      { roomId: 'salle-2', date: '2026-06-01' },
      { roomId: 'salle-2', date: '2026-06-02' },
      { roomId: 'salle-1', date: '2026-06-03' },
    ];
    const removed = removedRoomsHolding(rooms, [rooms[0]!], slots);
    expect(removed).toEqual([{ id: 'salle-2', label: 'Salle 2', count: 3, days: ['2026-06-01', '2026-06-02'] }]);
    expect(holdingText(removed[0]!)).toBe('accueille 3 entretiens (lundi 01/06/2026, mardi 02/06/2026)');
    expect(holdingText(roomHolding('salle-1', slots))).toBe('accueille un entretien (mercredi 03/06/2026)');
    expect(removedRoomsHolding(rooms, [rooms[1]!], slots)).toEqual([{ id: 'salle-1', label: 'Salle 1', count: 1, days: ['2026-06-03'] }]);
    expect(removedRoomsHolding(rooms, rooms, slots)).toEqual([]);
  });

  it('never gives a new room the id of one removed, nor of one still holding interviews', () => {
    expect(nextId('salle', ['salle-1', 'salle-2'])).toBe('salle-3');
    // salle-2 removed from the form but still used by a stored slot.
    expect(nextId('salle', ['salle-1', 'salle-2'])).not.toBe('salle-2');
    expect(nextId('salle', ['amphi', 'salle-9', 'salle-x'])).toBe('salle-10');
    expect(nextId('jury', [])).toBe('jury-1');
  });

  it('lists the public holidays of the window being typed', () => {
    expect(holidaysOfDraft(draftOfSettings(CSTI))).toEqual([]);
    const may = { ...draftOfSettings(CSTI), from: '01/05/2026', to: '31/05/2026' };
    expect(holidaysOfDraft(may)).toContainEqual({ date: '2026-05-25', label: 'Lundi de Pentecôte' });
    expect(holidaysOfDraft({ ...may, to: '01/04/2026' })).toBeNull();
    expect(holidaysOfDraft({ ...may, to: '31/05' })).toBeNull();
  });
});

describe('constraints typed in a row', () => {
  it('reads a member’s dates, periods and weekly half-days, in the window’s year', () => {
    const checked = checkConstraints('member', { unavailable: 'mardi matin ; du 15/06 au 17/06 ; 03/06 après-midi', only: '', preferred: '', note: ' cours ' }, 2026);
    expect(checked).toEqual({
      ok: true,
      availability: {
        unavailable: [{ date: '2026-06-03', half: 'pm' }, { date: '2026-06-15' }, { date: '2026-06-16' }, { date: '2026-06-17' }],
        weekly: [{ weekday: 2, half: 'am' }],
      },
      preferred: [],
      note: 'cours',
    });
  });

  it('keeps « seulement disponible » absent when empty: an empty list would mean available on no day', () => {
    const empty = checkConstraints('member', { unavailable: '', only: '  ', preferred: '', note: '' }, 2026);
    expect(empty.ok && 'only' in empty.availability).toBe(false);
    const some = checkConstraints('member', { unavailable: '', only: '02/06/2026 ; 04/06/2026 matin', preferred: '', note: '' }, 2026);
    expect(some.ok && some.availability.only).toEqual([{ date: '2026-06-02' }, { date: '2026-06-04', half: 'am' }]);
  });

  it('says in French what it cannot read, field by field', () => {
    const checked = checkConstraints('candidate', { unavailable: '31/06/2026', only: '', preferred: 'mardi', note: '' }, 2026);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    // The entry not understood is quoted back (the shared parser's wording).
    expect(checked.errors.unavailable).toMatch(/^« 31\/06\/2026 » : /);
    expect(checked.errors.preferred).toBe('Indiquez ici des dates ou des périodes, pas un jour de la semaine.');
  });

  it('shows stored constraints as they would be typed', () => {
    const draft = draftOfConstraints({
      availability: { unavailable: [{ date: '2026-06-15' }, { date: '2026-06-16' }, { date: '2026-06-17' }], weekly: [{ weekday: 2, half: 'am' }] },
      preferred: [{ date: '2026-06-03', half: 'am' }],
      note: 'Bac',
    });
    expect(draft).toEqual({ unavailable: 'du 15/06/2026 au 17/06/2026 ; mardi matin', only: '', preferred: '03/06/2026 matin', note: 'Bac' });
    const again = checkConstraints('candidate', draft, 2026);
    expect(again.ok && again.preferred).toEqual([{ date: '2026-06-03', half: 'am' }]);
  });
});

describe('proposal wording', () => {
  it('counts in French, singular and plural', () => {
    const stats = { candidates: 18, placed: 17, unplaced: 1, days: 3, dates: [], sessions: 5, daysLowerBound: 3, preferencesExpressed: 0, preferencesHonoured: 0, postSplits: 0 };
    expect(planStatsText(stats)).toBe('17 candidats placés sur 18 à entendre ; 1 non placé.');
    expect(planStatsText({ ...stats, placed: 18, unplaced: 0 })).toBe('18 candidats placés sur 18 à entendre : tous sont placés.');
    const slot = { candidateId: 1, date: '2026-06-02', start: '09:00', end: '09:30', roomId: 'salle-1', memberIds: [] };
    expect(diffCountsText({ moved: [{ candidateId: 1, from: slot, to: slot }], added: [], removed: [], panelChanged: [], unchanged: 17 })).toBe(
      '1 déplacé, 0 ajouté, 0 retiré, 0 jury modifié, 17 inchangés',
    );
  });
});
