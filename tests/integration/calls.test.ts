import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../shared/contract/events.js';
import { draftFromCall } from '../../shared/domain/call.js';
import { callDraft, candidateDraft } from '../helpers/fixtures.js';
import { ACTOR, expectError, makeServices, NOW, type TestServices } from '../helpers/services.js';

async function createCall(t: TestServices, overrides: Parameters<typeof callDraft>[0] = {}) {
  return t.call('calls-create', { call: callDraft(overrides) });
}

describe('calls', () => {
  it('creates a call with its posts and gives it back', async () => {
    const t = makeServices();
    const created = await createCall(t);
    expect(created).toMatchObject({
      title: 'Professeur relais territorial — test',
      reference: 'TEST-2026',
      deadline: '2026-05-15',
      interviewStart: '2026-06-01',
      interviewEnd: '2026-06-30',
      acceptedStatuses: ['titulaire'],
      acceptedDisciplines: ['mathematiques', 'svt'],
      contactEmail: 'appel@ac-test.example',
      archivedAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(created.posts.map((p) => [p.site, p.places, p.position, p.callId])).toEqual([
      ['Réseau Nord', 1, 0, created.id],
      ['Réseau Sud', 2, 1, created.id],
    ]);
    expect(await t.call('calls-get', { id: created.id })).toEqual(created);
  });

  it('lists calls with their post, place and candidate counts', async () => {
    const t = makeServices();
    const a = await createCall(t, { title: 'Appel A', deadline: '15/05/2026' });
    const b = await createCall(t, { title: 'Appel B', deadline: '01/03/2026', interviewStart: '', interviewEnd: '', posts: [{ label: 'Seul', site: '', places: '4' }] });
    await t.call('candidates-create', { callId: a.id, candidate: candidateDraft({ wishes: [a.posts[0]!.id] }) });
    const list = await t.call('calls-list', {});
    // Latest deadline first.
    expect(list.map((c) => [c.title, c.postCount, c.placeCount, c.candidateCount])).toEqual([
      ['Appel A', 2, 3, 1],
      ['Appel B', 1, 4, 0],
    ]);
    expect(list[1]).toMatchObject({ id: b.id, deadline: '2026-03-01', archivedAt: null });
  });

  it('updates a call: renames a post, adds one, removes an unwished one', async () => {
    const t = makeServices();
    const created = await createCall(t);
    const [north, south] = created.posts;
    const draft = draftFromCall(created);
    draft.title = 'Intitulé corrigé';
    draft.posts = [
      { id: north!.id, label: 'Relais territorial', site: 'Réseau Nord-Ouest', places: '2' },
      { label: 'Relais territorial', site: 'Réseau Est', places: '1' },
    ];
    const updated = await t.call('calls-update', { id: created.id, call: draft });
    expect(updated.title).toBe('Intitulé corrigé');
    expect(updated.posts.map((p) => [p.site, p.places, p.position])).toEqual([
      ['Réseau Nord-Ouest', 2, 0],
      ['Réseau Est', 1, 1],
    ]);
    expect(updated.posts[0]!.id).toBe(north!.id); // renamed in place: wishes keep pointing at it
    expect(updated.posts.map((p) => p.id)).not.toContain(south!.id);
    expect(await t.call('calls-get', { id: created.id })).toEqual(updated);
  });

  it('refuses to remove a post a candidate wished, and changes nothing at all', async () => {
    const t = makeServices();
    const created = await createCall(t);
    const south = created.posts[1]!;
    await t.call('candidates-create', { callId: created.id, candidate: candidateDraft({ wishes: [south.id] }) });
    const journalBefore = await t.call('journal-list', {});
    const eventsBefore = t.events.length;

    const draft = draftFromCall(created);
    draft.title = 'Ce titre ne doit pas être enregistré';
    draft.posts = [draft.posts[0]!];
    const error = await expectError(t.call('calls-update', { id: created.id, call: draft }), 'conflict');
    expect(error.message).toContain('« Relais territorial »');
    expect(error.message).toContain('demandé par 1 candidat(s)');

    expect(await t.call('calls-get', { id: created.id })).toEqual(created);
    expect(await t.call('journal-list', {})).toEqual(journalBefore);
    expect(t.events.length).toBe(eventsBefore);
  });

  it('refuses a post id that belongs to another call', async () => {
    const t = makeServices();
    const a = await createCall(t, { title: 'A' });
    const b = await createCall(t, { title: 'B' });
    const draft = draftFromCall(a);
    draft.posts[0]!.id = b.posts[0]!.id;
    await expectError(t.call('calls-update', { id: a.id, call: draft }), 'not_found');
    expect(await t.call('calls-get', { id: a.id })).toEqual(a);
    expect(await t.call('calls-get', { id: b.id })).toEqual(b);
  });

  it('sends validation errors back keyed by field, and stores nothing', async () => {
    const t = makeServices();
    const error = await expectError(
      t.call('calls-create', {
        call: callDraft({ title: ' ', interviewStart: '20/06/2026', interviewEnd: '10/06/2026', posts: [{ label: '', site: '', places: '0' }] }),
      }),
      'validation',
    );
    expect(error.message).toBe('L’appel contient des erreurs : corrigez les champs signalés.');
    expect(error.fieldErrors).toEqual({
      title: 'L’intitulé de l’appel est obligatoire.',
      interviewEnd: 'La fin des entretiens précède leur début.',
      'posts.0.label': 'Poste 1 : l’intitulé est obligatoire.',
      'posts.0.places': 'Poste 1 : le nombre de places est un entier de 1 à 999.',
    });
    expect(await t.call('calls-list', { includeArchived: true })).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it.each([
    ['calls-get', { id: 404 }],
    ['calls-update', { id: 404, call: callDraft() }],
    ['calls-archive', { id: 404, archived: true }],
  ] as const)('%s on a missing call says not_found in French', async (method, args) => {
    const t = makeServices();
    const error = await expectError(t.call(method, args as never), 'not_found');
    expect(error.message).toBe('L’appel n° 404 n’existe pas (ou plus).');
  });

  it('archives a call out of the default list, shows it on request, and unarchives it', async () => {
    const t = makeServices();
    const kept = await createCall(t, { title: 'En cours' });
    const old = await createCall(t, { title: 'Ancien' });

    const archived = await t.call('calls-archive', { id: old.id, archived: true });
    expect(archived.archivedAt).toBe(NOW.toISOString());
    expect(archived.posts).toEqual(old.posts); // nothing deleted
    expect((await t.call('calls-list', {})).map((c) => c.title)).toEqual(['En cours']);
    const all = await t.call('calls-list', { includeArchived: true });
    expect(all.map((c) => [c.title, c.archivedAt])).toEqual([
      ['En cours', null],
      ['Ancien', NOW.toISOString()], // archived ones come last
    ]);

    const back = await t.call('calls-archive', { id: old.id, archived: false });
    expect(back.archivedAt).toBeNull();
    expect((await t.call('calls-list', {})).map((c) => c.id).sort()).toEqual([kept.id, old.id].sort());
  });
});

describe('journal', () => {
  it('records who did what after each change, most recent first, without the values themselves', async () => {
    const t = makeServices();
    const created = await createCall(t, { title: 'Appel au titre confidentiel' });
    const candidate = await t.call('candidates-create', {
      callId: created.id,
      candidate: candidateDraft({ nom: 'Zyxwvutsky', email: 'secret.person@ac-test.example' }),
    });
    await t.call('calls-archive', { id: created.id, archived: true }, { name: 'Paul Autre', email: 'paul.autre@ac-test.example' });
    await t.call('calls-get', { id: created.id }); // reads are not journaled

    const journal = await t.call('journal-list', {});
    expect(journal.map(({ actorName, actorEmail, method, entity, entityId, callId, at }) => ({ actorName, actorEmail, method, entity, entityId, callId, at }))).toEqual([
      { actorName: 'Paul Autre', actorEmail: 'paul.autre@ac-test.example', method: 'calls-archive', entity: 'calls', entityId: created.id, callId: created.id, at: NOW.toISOString() },
      { actorName: ACTOR.name, actorEmail: ACTOR.email, method: 'candidates-create', entity: 'candidates', entityId: candidate.id, callId: created.id, at: NOW.toISOString() },
      { actorName: ACTOR.name, actorEmail: ACTOR.email, method: 'calls-create', entity: 'calls', entityId: created.id, callId: created.id, at: NOW.toISOString() },
    ]);
    const text = JSON.stringify(journal);
    for (const personal of ['confidentiel', 'ZYXWVUTSKY', 'Zyxwvutsky', 'secret.person', 'Camille', 'Briançon', 'Réseau Nord']) {
      expect(text).not.toContain(personal);
    }
  });

  it('records an anonymous change under « Personne non identifiée », filters by call and honours the limit', async () => {
    const t = makeServices({ actor: null });
    const a = await createCall(t, { title: 'A' });
    const b = await createCall(t, { title: 'B' });
    await t.call('calls-archive', { id: a.id, archived: true });
    expect((await t.call('journal-list', { callId: a.id })).map((j) => [j.method, j.actorName])).toEqual([
      ['calls-archive', 'Personne non identifiée'],
      ['calls-create', 'Personne non identifiée'],
    ]);
    expect((await t.call('journal-list', { callId: b.id })).map((j) => j.method)).toEqual(['calls-create']);
    expect(await t.call('journal-list', { limit: 1 })).toHaveLength(1);
  });
});

describe('push events', () => {
  it('announces a change once it is committed, never a failed one', async () => {
    const t = makeServices();
    const seen: { message: PushMessage; inTransaction: boolean; stored: unknown }[] = [];
    t.services.subscribe((message) => {
      if (message.event !== 'changed') return;
      seen.push({
        message,
        inTransaction: t.services.db.inTransaction,
        stored: t.services.db.prepare('SELECT title FROM calls WHERE id = ?').get(message.payload.callId),
      });
    });
    const created = await createCall(t, { title: 'Annoncé' });
    expect(seen).toEqual([
      { message: { event: 'changed', payload: { entity: 'calls', callId: created.id } }, inTransaction: false, stored: { title: 'Annoncé' } },
    ]);

    await expectError(t.call('calls-create', { call: callDraft({ title: '' }) }), 'validation');
    await t.call('calls-list', {});
    expect(seen).toHaveLength(1);

    await t.call('candidates-create', { callId: created.id, candidate: candidateDraft() });
    expect(seen.map((s) => s.message.payload)).toEqual([
      { entity: 'calls', callId: created.id },
      { entity: 'candidates', callId: created.id },
    ]);
  });

  it('stops announcing to a listener that unsubscribed, and one failing listener does not stop the others', async () => {
    const t = makeServices();
    const first: PushMessage[] = [];
    const unsubscribe = t.services.subscribe((m) => first.push(m));
    t.services.subscribe(() => {
      throw new Error('fenêtre cassée');
    });
    const afterBroken: PushMessage[] = [];
    t.services.subscribe((m) => afterBroken.push(m));
    await createCall(t);
    unsubscribe();
    await createCall(t);
    expect(first).toHaveLength(1);
    expect(afterBroken).toHaveLength(2);
  });
});
