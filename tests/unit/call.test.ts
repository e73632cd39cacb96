import { describe, expect, it } from 'vitest';
import { checkCallDraft, draftFromCall, type CallDraft } from '../../shared/domain/call.js';
import type { Call } from '../../shared/model/entities.js';
import { callDraft } from '../helpers/fixtures.js';

describe('checkCallDraft', () => {
  it('accepts a complete call and normalises dates, numbers and text', () => {
    const result = checkCallDraft(
      callDraft({ title: '  Relais   CSTI  ', panelSize: ' 3 ', contactEmail: 'CSTI@AC-Test.Example', posts: [{ id: 7, label: ' Poste A ', site: ' Réseau Les Écrins ', places: ' 2 ' }] }),
    );
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({
      title: 'Relais CSTI',
      deadline: '2026-05-15',
      interviewStart: '2026-06-01',
      interviewEnd: '2026-06-30',
      panelSize: 3,
      contactEmail: 'csti@ac-test.example',
      acceptedStatuses: ['titulaire'],
      acceptedDisciplines: ['mathematiques', 'svt'],
      posts: [{ id: 7, label: 'Poste A', site: 'Réseau Les Écrins', places: 2 }],
    });
  });

  it('accepts a call without dates (they are optional)', () => {
    const result = checkCallDraft(callDraft({ deadline: '', interviewStart: '', interviewEnd: '' }));
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ deadline: null, interviewStart: null, interviewEnd: null, panelSize: null });
  });

  it.each<[string, Partial<CallDraft>, string, string]>([
    ['title missing', { title: '   ' }, 'title', 'L’intitulé de l’appel est obligatoire.'],
    ['title too long', { title: 'T'.repeat(301) }, 'title', 'L’intitulé : 300 caractères au plus.'],
    ['interview end before start', { interviewStart: '20/06/2026', interviewEnd: '10/06/2026' }, 'interviewEnd', 'La fin des entretiens précède leur début.'],
    ['interviews before the deadline', { deadline: '15/06/2026', interviewStart: '01/06/2026' }, 'interviewStart', 'Les entretiens commencent avant la date limite de dépôt.'],
    ['impossible deadline', { deadline: '31/02/2026' }, 'deadline', 'Date limite : Le 31/02/2026 n’existe pas dans le calendrier.'],
    ['panel of 0', { panelSize: '0' }, 'panelSize', 'La taille du jury est un nombre entier de 1 à 50.'],
    ['panel of 2.5', { panelSize: '2.5' }, 'panelSize', 'La taille du jury est un nombre entier de 1 à 50.'],
    ['bad contact mail', { contactEmail: 'csti@' }, 'contactEmail', '« csti@ » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).'],
    ['unknown status', { acceptedStatuses: ['vacataire'] }, 'acceptedStatuses', 'Statut inconnu : « vacataire ».'],
    ['unknown discipline', { acceptedDisciplines: ['astrologie'] }, 'acceptedDisciplines', 'Discipline inconnue : « astrologie ».'],
    ['no post', { posts: [] }, 'posts', 'Un appel compte au moins un poste.'],
    ['post without label', { posts: [{ label: ' ', site: '', places: '1' }] }, 'posts.0.label', 'Poste 1 : l’intitulé est obligatoire.'],
  ])('refuses %s', (_label, overrides, field, message) => {
    const result = checkCallDraft(callDraft(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: message });
  });

  it.each(['', '0', '-1', '1.5', '1000', 'deux'])('refuses %j places, keyed by the post index', (places) => {
    const result = checkCallDraft(callDraft({ posts: [{ label: 'A', site: '', places: '1' }, { label: 'B', site: '', places }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ 'posts.1.places': 'Poste 2 : le nombre de places est un entier de 1 à 999.' });
  });

  it.each(['1', '999'])('accepts %j places', (places) => {
    expect(checkCallDraft(callDraft({ posts: [{ label: 'A', site: '', places }] })).ok).toBe(true);
  });

  it('accepts interviews starting on the deadline day and ending the day they start', () => {
    expect(checkCallDraft(callDraft({ deadline: '01/06/2026', interviewStart: '01/06/2026', interviewEnd: '01/06/2026' })).ok).toBe(true);
  });

  it('draftFromCall gives back a draft that checks to the same call', () => {
    const first = checkCallDraft(callDraft({ panelSize: '3' }));
    if (!first.ok) throw new Error('fixture invalide');
    const call: Call = {
      ...first.value,
      id: 1,
      archivedAt: null,
      createdAt: '',
      updatedAt: '',
      posts: first.value.posts.map((p, i) => ({ ...p, id: i + 1, callId: 1, position: i })),
    };
    const again = checkCallDraft(draftFromCall(call));
    expect(again.ok).toBe(true);
    expect(again.value).toEqual({ ...first.value, posts: first.value.posts.map((p, i) => ({ ...p, id: i + 1 })) });
  });
});
