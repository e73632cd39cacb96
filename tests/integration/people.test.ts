import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callDraft } from '../helpers/fixtures.js';
import { expectError, makeServices, type TestServices } from '../helpers/services.js';

async function withCall(t: TestServices, title = 'Appel') {
  return t.call('calls-create', { call: callDraft({ title }) });
}

describe('members of the commission', () => {
  it('adds members with their roles and lists the président first', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const saved = [];
    for (const [name, role, email] of [
      ['Zoé Secrétaire', 'secretariat', ''],
      ['Bruno Membre', 'membre', 'Bruno.Membre@AC-Test.example'],
      ['Yves Expert', 'expert', 'yves.expert@ac-test.example'],
      ['Alice Présidente', 'president', 'alice.presidente@ac-test.example'],
    ] as const) {
      saved.push(await t.call('members-save', { callId: call.id, member: { name, role, email } }));
    }
    expect(saved[1]).toMatchObject({ callId: call.id, name: 'Bruno Membre', role: 'membre', email: 'bruno.membre@ac-test.example' });
    expect((await t.call('members-list', { callId: call.id })).map((m) => [m.role, m.name])).toEqual([
      ['president', 'Alice Présidente'],
      ['membre', 'Bruno Membre'],
      ['expert', 'Yves Expert'],
      ['secretariat', 'Zoé Secrétaire'],
    ]);
  });

  it('refuses a second président, naming the first, and keeps the commission unchanged', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const president = await t.call('members-save', { callId: call.id, member: { name: 'Alice Présidente', role: 'president', email: '' } });
    const member = await t.call('members-save', { callId: call.id, member: { name: 'Bruno Membre', role: 'membre', email: '' } });
    const before = await t.call('members-list', { callId: call.id });

    const error = await expectError(t.call('members-save', { callId: call.id, member: { name: 'Carl Second', role: 'president', email: '' } }), 'conflict');
    expect(error.message).toBe('La commission a déjà un président : Alice Présidente.');
    expect(error.fieldErrors).toEqual({ role: 'Alice Présidente préside déjà cette commission.' });
    // Promoting a member is refused the same way.
    await expectError(t.call('members-save', { callId: call.id, id: member.id, member: { name: 'Bruno Membre', role: 'president', email: '' } }), 'conflict');
    expect(await t.call('members-list', { callId: call.id })).toEqual(before);

    // The président can still be edited, and another call has its own président.
    await t.call('members-save', { callId: call.id, id: president.id, member: { name: 'Alice Présidente-Durand', role: 'president', email: '' } });
    const other = await withCall(t, 'Autre appel');
    await t.call('members-save', { callId: other.id, member: { name: 'Carl Second', role: 'president', email: '' } });
    // Once the président steps down, another can be named.
    await t.call('members-delete', { id: president.id });
    await t.call('members-save', { callId: call.id, id: member.id, member: { name: 'Bruno Membre', role: 'president', email: '' } });
    expect((await t.call('members-list', { callId: call.id })).map((m) => [m.name, m.role])).toEqual([['Bruno Membre', 'president']]);
  });

  it.each([
    ['an invalid e-mail', { name: 'Bruno', role: 'membre', email: 'bruno@' }, 'email', '« bruno@ » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).'],
    ['a blank name', { name: '   ', role: 'membre', email: '' }, 'name', 'Le nom est obligatoire.'],
  ] as const)('refuses %s with a message on the field', async (_label, member, field, message) => {
    const t = makeServices();
    const call = await withCall(t);
    const error = await expectError(t.call('members-save', { callId: call.id, member }), 'validation');
    expect(error.fieldErrors).toEqual({ [field]: message });
    expect(await t.call('members-list', { callId: call.id })).toEqual([]);
  });

  it('refuses an unknown role at the contract, in French', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const envelope = await t.dispatch('members-save', { callId: call.id, member: { name: 'X', role: 'roi', email: '' } }, { actor: null });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { 'member.role': expect.stringMatching(/^Option invalide/) } } });
  });

  it('does not let a member of one call be edited through another, nor a missing one deleted', async () => {
    const t = makeServices();
    const a = await withCall(t, 'A');
    const b = await withCall(t, 'B');
    const member = await t.call('members-save', { callId: a.id, member: { name: 'Bruno', role: 'membre', email: '' } });
    await expectError(t.call('members-save', { callId: b.id, id: member.id, member: { name: 'Pirate', role: 'membre', email: '' } }), 'not_found');
    expect((await t.call('members-list', { callId: a.id }))[0]!.name).toBe('Bruno');
    await expectError(t.call('members-save', { callId: 999, member: { name: 'X', role: 'membre', email: '' } }), 'not_found');
    expect(await t.call('members-delete', { id: member.id })).toEqual({ id: member.id });
    await expectError(t.call('members-delete', { id: member.id }), 'not_found');
  });
});

describe('inspectors', () => {
  it('takes disciplines by code or as people write them, without duplicates', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const saved = await t.call('inspectors-save', {
      callId: call.id,
      inspector: { name: ' Nathalie   Roche ', email: 'Nathalie.Roche@AC-Test.example', disciplines: ['mathematiques', 'SVT', 'Physique chimie', 'svt'] },
    });
    expect(saved).toMatchObject({ callId: call.id, name: 'Nathalie Roche', email: 'nathalie.roche@ac-test.example', disciplines: ['mathematiques', 'svt', 'physique-chimie'] });
    expect(await t.call('inspectors-list', { callId: call.id })).toEqual([saved]);

    const updated = await t.call('inspectors-save', { callId: call.id, id: saved.id, inspector: { name: 'Nathalie Roche', email: saved.email, disciplines: ['Technologie'] } });
    expect(updated.disciplines).toEqual(['technologie']);
    expect(await t.call('inspectors-delete', { id: saved.id })).toEqual({ id: saved.id });
    expect(await t.call('inspectors-list', { callId: call.id })).toEqual([]);
  });

  it.each([
    ['an unknown discipline', { name: 'Paul', email: 'paul@ac-test.example', disciplines: ['SVT', 'Astrologie'] }, { disciplines: 'Discipline inconnue : « Astrologie ».' }],
    ['no discipline', { name: 'Paul', email: 'paul@ac-test.example', disciplines: [] }, { disciplines: 'Indiquez au moins une discipline.' }],
    ['no e-mail (opinions are asked by mail)', { name: 'Paul', email: '  ', disciplines: ['svt'] }, { email: 'Adresse mail manquante.' }],
    ['a malformed e-mail and no name', { name: '', email: 'paul', disciplines: ['svt'] }, { name: 'Le nom est obligatoire.', email: expect.stringContaining('« paul »') }],
  ] as const)('refuses %s', async (_label, inspector, fieldErrors) => {
    const t = makeServices();
    const call = await withCall(t);
    const error = await expectError(t.call('inspectors-save', { callId: call.id, inspector: { ...inspector, disciplines: [...inspector.disciplines] } }), 'validation');
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(await t.call('inspectors-list', { callId: call.id })).toEqual([]);
  });
});

describe('preferences and the actor', () => {
  it('starts with nobody and no last call', async () => {
    const t = makeServices();
    expect(await t.call('prefs-get', {})).toEqual({ whoAmI: null, lastCallId: null });
  });

  it('keeps « who am I » in preferences.json across a restart of the services', async () => {
    const first = makeServices();
    const set = await first.call('prefs-set', { whoAmI: { name: '  Marie   Curie ', email: 'Marie.Curie@AC-Test.example' } });
    expect(set).toEqual({ whoAmI: { name: 'Marie Curie', email: 'marie.curie@ac-test.example' }, lastCallId: null });
    await first.call('prefs-set', { lastCallId: 7 }); // other fields left as they are
    first.close();
    expect(existsSync(join(first.dataDir, 'preferences.json'))).toBe(true);
    expect(existsSync(join(first.dataDir, 'preferences.json.tmp'))).toBe(false);

    const second = makeServices({ dataDir: first.dataDir });
    expect(await second.call('prefs-get', {})).toEqual({ whoAmI: { name: 'Marie Curie', email: 'marie.curie@ac-test.example' }, lastCallId: 7 });
    expect(await second.call('prefs-set', { whoAmI: null })).toEqual({ whoAmI: null, lastCallId: 7 });
    expect(JSON.parse(readFileSync(join(first.dataDir, 'preferences.json'), 'utf8'))).toEqual({ whoAmI: null, lastCallId: 7 });
  });

  it.each([
    ['an invalid e-mail', { name: 'Marie Curie', email: 'marie@curie' }, 'email'],
    ['a blank name', { name: '   ', email: '' }, 'name'],
  ] as const)('refuses %s for « who am I » and keeps the previous one', async (_label, whoAmI, field) => {
    const t = makeServices();
    await t.call('prefs-set', { whoAmI: { name: 'Marie Curie', email: '' } });
    const error = await expectError(t.call('prefs-set', { whoAmI }), 'validation');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(await t.call('prefs-get', {})).toEqual({ whoAmI: { name: 'Marie Curie', email: '' }, lastCallId: null });
  });

  it('records the actor given to dispatch in the journal', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const actor = { name: 'Jeanne Actrice', email: 'jeanne.actrice@ac-test.example' };
    const member = await t.call('members-save', { callId: call.id, member: { name: 'Bruno', role: 'membre', email: '' } }, actor);
    const inspector = await t.call('inspectors-save', { callId: call.id, inspector: { name: 'Paul', email: 'paul@ac-test.example', disciplines: ['svt'] } }, actor);
    await t.call('members-delete', { id: member.id }, actor);
    const journal = await t.call('journal-list', { callId: call.id, limit: 3 });
    expect(journal.map((j) => [j.actorName, j.actorEmail, j.method, j.entity, j.entityId])).toEqual([
      ['Jeanne Actrice', 'jeanne.actrice@ac-test.example', 'members-delete', 'members', member.id],
      ['Jeanne Actrice', 'jeanne.actrice@ac-test.example', 'inspectors-save', 'inspectors', inspector.id],
      ['Jeanne Actrice', 'jeanne.actrice@ac-test.example', 'members-save', 'members', member.id],
    ]);
    expect(JSON.stringify(journal)).not.toContain('Bruno');
  });
});
