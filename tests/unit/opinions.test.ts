import { describe, expect, it } from 'vitest';
import { checkChangeReason, checkDueDate, checkOpinionDraft, isOverdue, opinionRowId, parseOpinionRowId, readAvis, routeFile } from '../../shared/domain/opinions.js';

const INSPECTORS = [
  { id: 1, disciplines: ['mathematiques'] },
  { id: 2, disciplines: ['svt', 'physique-chimie'] },
  { id: 3, disciplines: ['physique-chimie'] },
];

describe('routeFile', () => {
  it.each([
    ['the only inspector of the discipline', 'mathematiques', null, { state: 'auto', inspectorId: 1, choices: [1] }],
    ['one inspector covering several disciplines', 'svt', null, { state: 'auto', inspectorId: 2, choices: [2] }],
    ['several inspectors: to choose', 'physique-chimie', null, { state: 'a_choisir', inspectorId: null, choices: [2, 3] }],
    ['the secretariat’s choice among them', 'physique-chimie', 3, { state: 'choisi', inspectorId: 3, choices: [2, 3] }],
    ['the secretariat’s choice outside the discipline', 'mathematiques', 2, { state: 'choisi', inspectorId: 2, choices: [1] }],
    ['a choice whose inspector was removed: back to the discipline', 'mathematiques', 99, { state: 'auto', inspectorId: 1, choices: [1] }],
    ['no inspector for the discipline', 'technologie', null, { state: 'sans_inspecteur', inspectorId: null, choices: [] }],
    ['no discipline', null, null, { state: 'sans_inspecteur', inspectorId: null, choices: [] }],
  ] as const)('%s', (_label, discipline, chosen, expected) => {
    expect(routeFile(discipline, INSPECTORS, chosen)).toEqual(expected);
  });

  it('keeps a file with the inspector it was requested from when a second one joins the discipline', () => {
    expect(routeFile('physique-chimie', INSPECTORS, null, 3)).toEqual({ state: 'choisi', inspectorId: 3, choices: [2, 3] });
    expect(routeFile('mathematiques', INSPECTORS, null, 1)).toEqual({ state: 'auto', inspectorId: 1, choices: [1] });
    // The secretariat's later choice wins over the request.
    expect(routeFile('physique-chimie', INSPECTORS, 2, 3)).toEqual({ state: 'choisi', inspectorId: 2, choices: [2, 3] });
  });
});

describe('readAvis', () => {
  it.each([
    ['Très favorable', 'tres_favorable'],
    ['TRES FAVORABLE', 'tres_favorable'],
    ['  très  favorable ', 'tres_favorable'],
    ['TF', 'tres_favorable'],
    ['favorable', 'favorable'],
    ['Réservé', 'reserve'],
    ['réservée', 'reserve'],
    ['Défavorable', 'defavorable'],
    ['Excellent', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readAvis(text)).toBe(expected);
  });
});

describe('row ids', () => {
  it('round-trips and refuses anything else', () => {
    expect(parseOpinionRowId(opinionRowId(3, 42))).toEqual({ inspectorId: 3, candidateId: 42 });
    expect(parseOpinionRowId(' av-1-7 ')).toEqual({ inspectorId: 1, candidateId: 7 });
    // « AV-1-07 » would be the same file as « AV-1-7 »: refused, so that one file cannot appear twice unnoticed.
    for (const bad of ['42', 'AV-', 'AV-4', 'AV-x-2', 'XAV-4-2', 'AV-1-07', 'AV-0-3']) expect(parseOpinionRowId(bad), bad).toBeNull();
  });
});

describe('isOverdue', () => {
  it('is late the day after the due date, never once answered', () => {
    expect(isOverdue('2026-06-15', '2026-06-15', false)).toBe(false);
    expect(isOverdue('2026-06-15', '2026-06-16', false)).toBe(true);
    expect(isOverdue('2026-06-15', '2026-06-16', true)).toBe(false);
    expect(isOverdue(null, '2026-06-16', false)).toBe(false);
  });
});

describe('checkOpinionDraft', () => {
  it('accepts a label or a code, cleans the motivation, dates today when no day is given', () => {
    expect(checkOpinionDraft({ avis: 'Réservé', motivation: '  Projet   flou. ', givenOn: '' }, '2026-06-10')).toEqual({
      ok: true,
      value: { avis: 'reserve', motivation: 'Projet flou.', givenOn: '2026-06-10' },
    });
    expect(checkOpinionDraft({ avis: 'favorable', motivation: '', givenOn: '8/6/2026' }, '2026-06-10')).toEqual({
      ok: true,
      value: { avis: 'favorable', motivation: '', givenOn: '2026-06-08' },
    });
  });

  it.each([
    ['no avis', { avis: '' }, { avis: 'Choisissez l’avis : très favorable, favorable, réservé ou défavorable.' }],
    ['an unknown avis', { avis: 'Bof' }, { avis: 'Avis inconnu : « Bof ». Avis possibles : Très favorable, Favorable, Réservé, Défavorable.' }],
    ['a date in the future', { givenOn: '11/06/2026' }, { givenOn: 'La date de l’avis ne peut pas être dans le futur.' }],
    ['a date that does not exist', { givenOn: '31/06/2026' }, { givenOn: 'Le 31/06/2026 n’existe pas dans le calendrier.' }],
  ])('refuses %s', (_label, change, errors) => {
    expect(checkOpinionDraft({ avis: 'favorable', motivation: '', givenOn: '', ...change }, '2026-06-10')).toEqual({ ok: false, errors });
  });
});

describe('checkChangeReason and checkDueDate', () => {
  it('asks for a written reason', () => {
    expect(checkChangeReason(undefined)).toBe('Un avis enregistré est verrouillé : indiquez le motif de la modification.');
    expect(checkChangeReason('erreur')).toBe('Le motif doit être rédigé (10 caractères au moins).');
    expect(checkChangeReason('1234567890')).toBe('Le motif doit être rédigé (10 caractères au moins).');
    expect(checkChangeReason('Avis saisi sur le mauvais dossier.')).toBeNull();
  });

  it('wants a due date from today on', () => {
    expect(checkDueDate('20/06/2026', '2026-06-10')).toEqual({ ok: true, value: '2026-06-20' });
    expect(checkDueDate('10/06/2026', '2026-06-10')).toEqual({ ok: true, value: '2026-06-10' });
    expect(checkDueDate('09/06/2026', '2026-06-10')).toEqual({ ok: false, message: 'La date de réponse attendue ne peut pas être passée.' });
    expect(checkDueDate('', '2026-06-10')).toEqual({ ok: false, message: 'Indiquez la date à laquelle la réponse est attendue.' });
  });
});
