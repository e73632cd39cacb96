import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesBetween,
  easterSunday,
  frenchHolidays,
  halfDaySessions,
  holidaysBetween,
  isoWeekday,
  sessionCapacity,
  workingDays,
  workingHalfDays,
} from '../../shared/domain/planner/calendar.js';
import { JUNE_2026 } from './planner-fixtures.js';

describe('French public holidays', () => {
  it('lists the eleven holidays of 2026 in metropolitan France, in French, by date', () => {
    expect(frenchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('adds Good Friday and Saint Stephen’s Day in Alsace-Moselle', () => {
    const extra = frenchHolidays(2026, 'alsace-moselle').filter((h) => !frenchHolidays(2026).some((m) => m.date === h.date));
    expect(extra).toEqual([
      { date: '2026-04-03', name: 'Vendredi saint' },
      { date: '2026-12-26', name: 'Saint-Étienne' },
    ]);
  });

  it('has none when the zone is « aucune »', () => {
    expect(frenchHolidays(2026, 'aucune')).toEqual([]);
  });

  it('has no holiday in June 2026: Whit Monday falls on 25 May', () => {
    expect(frenchHolidays(2026).filter((h) => h.date.startsWith('2026-06'))).toEqual([]);
    expect(holidaysBetween('2026-05-20', '2026-06-30', 'metropole')).toEqual(new Map([['2026-05-25', 'Lundi de Pentecôte']]));
  });

  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [1818, '1818-03-22'],
  ])('computes Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('puts Ascension on a Thursday and the Easter and Whit Mondays on Mondays, every year', () => {
    for (let year = 1990; year <= 2100; year++) {
      const byName = new Map(frenchHolidays(year).map((h) => [h.name, h.date]));
      expect(isoWeekday(byName.get('Lundi de Pâques')!)).toBe(1);
      expect(isoWeekday(byName.get('Ascension')!)).toBe(4);
      expect(isoWeekday(byName.get('Lundi de Pentecôte')!)).toBe(1);
    }
  });

  it('takes the holidays of every year a window spans', () => {
    expect([...holidaysBetween('2026-12-20', '2027-01-05', 'alsace-moselle').keys()]).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
  });
});

describe('dates', () => {
  it('adds days across months and years, and tells the ISO weekday', () => {
    expect(addDays('2026-06-30', 1)).toBe('2026-07-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-06-01')).toBe(1);
    expect(isoWeekday('2026-06-07')).toBe(7);
    expect(datesBetween('2026-06-29', '2026-07-02')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']);
    expect(datesBetween('2026-07-02', '2026-06-29')).toEqual([]);
  });
});

describe('working days and half-days', () => {
  it('June 2026 has 22 working days, Monday 1 to Tuesday 30', () => {
    const days = workingDays(JUNE_2026);
    expect(days).toHaveLength(22);
    expect(days[0]).toBe('2026-06-01');
    expect(days.at(-1)).toBe('2026-06-30');
    expect(days.every((d) => isoWeekday(d) <= 5)).toBe(true);
  });

  it('leaves out Whit Monday, weekends and blackout periods', () => {
    const days = workingDays({
      ...JUNE_2026,
      from: '2026-05-22',
      to: '2026-06-05',
      blackouts: [{ from: '2026-06-02', to: '2026-06-03', label: 'Épreuves du brevet' }],
    });
    expect(days).toEqual(['2026-05-22', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-06-01', '2026-06-04', '2026-06-05']);
  });

  it('honours working days other than Monday to Friday', () => {
    expect(workingDays({ ...JUNE_2026, to: '2026-06-07', workingDays: [3, 6] })).toEqual(['2026-06-03', '2026-06-06']);
  });

  it('gives the morning and afternoon sessions, minus half-day blackouts', () => {
    const hours = { morning: { start: '08:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } };
    expect(halfDaySessions(hours)).toEqual([
      { half: 'am', start: 510, end: 720 },
      { half: 'pm', start: 810, end: 1020 },
    ]);
    expect(halfDaySessions({ morning: null, afternoon: hours.afternoon })).toEqual([{ half: 'pm', start: 810, end: 1020 }]);
    const halves = workingHalfDays({ ...JUNE_2026, to: '2026-06-02', blackouts: [{ from: '2026-06-02', to: '2026-06-02', half: 'am', label: 'Bac' }] }, hours);
    expect(halves.map((h) => `${h.date} ${h.half}`)).toEqual(['2026-06-01 am', '2026-06-01 pm', '2026-06-02 pm']);
  });

  it('fits interviews back to back with the buffer between two', () => {
    expect(sessionCapacity(240, 30, 10)).toBe(6); // 08:30 … 11:50–12:20
    expect(sessionCapacity(240, 40, 0)).toBe(6);
    expect(sessionCapacity(30, 30, 10)).toBe(1);
    expect(sessionCapacity(29, 30, 10)).toBe(0);
  });
});
