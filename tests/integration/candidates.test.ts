import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromFile } from '../../shared/domain/candidate.js';
import { DATABASE_FILE } from '../../electron/services/index.js';
import { callDraft, candidateDraft } from '../helpers/fixtures.js';
import { expectError, makeServices, NOW, type TestServices } from '../helpers/services.js';

async function withCall(t: TestServices, title = 'Appel') {
  return t.call('calls-create', { call: callDraft({ title }) });
}

async function countCandidates(t: TestServices, callId: number): Promise<number> {
  return (await t.call('candidates-list', { callId })).length;
}

describe('candidate files', () => {
  it('refuses an invalid e-mail with a message on the field, stores nothing, then stores the corrected file normalised', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const [north, south] = call.posts;
    const draft = candidateDraft({
      nom: 'de la Fontaine',
      prenom: ' Inès ',
      email: 'ines.delafontaine@ac-test',
      telephone: '612345678',
      discipline: 'Sciences de la vie et de la Terre',
      dateNaissance: '30/6/88',
      receivedOn: '10/05/2026',
      wishes: [south!.id, north!.id],
    });
    const error = await expectError(t.call('candidates-create', { callId: call.id, candidate: draft }), 'validation');
    expect(error.message).toBe('Le dossier contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.');
    expect(error.fieldErrors).toEqual({
      email: '« ines.delafontaine@ac-test » n’est pas une adresse mail valide (exemple : prenom.nom@ac-aix-marseille.fr).',
    });
    expect(await countCandidates(t, call.id)).toBe(0);
    expect(t.events).toHaveLength(1); // the call's creation only

    const file = await t.call('candidates-create', { callId: call.id, candidate: { ...draft, email: 'Ines.DelaFontaine@AC-Test.example' } });
    expect(file).toMatchObject({
      callId: call.id,
      nom: 'DE LA FONTAINE',
      prenom: 'Inès',
      email: 'ines.delafontaine@ac-test.example',
      telephone: '06 12 34 56 78',
      discipline: 'svt',
      dateNaissance: '1988-06-30',
      receivedOn: '2026-05-10',
      wishes: [south!.id, north!.id],
      status: 'recue',
      createdAt: NOW.toISOString(),
    });
    expect(await t.call('candidates-get', { id: file.id })).toEqual(file);
    const [row] = await t.call('candidates-list', { callId: call.id });
    expect(row).toMatchObject({ id: file.id, nom: 'DE LA FONTAINE', firstWish: south!.id, verdict: 'recevable', reasons: [], documentCount: 0 });
  });

  it('updates a file: new values, new wishes, updatedAt moves, createdAt stays', async () => {
    let now = NOW;
    const t = makeServices({ now: () => now });
    const call = await withCall(t);
    const created = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ wishes: [call.posts[0]!.id] }) });
    now = new Date('2026-06-11T09:30:00Z');
    const draft = draftFromFile(created);
    draft.ville = 'Embrun';
    draft.echelon = '9';
    draft.status = 'convoquee';
    draft.wishes = [call.posts[1]!.id];
    draft.adresse = '';
    const updated = await t.call('candidates-update', { id: created.id, candidate: draft });
    expect(updated).toEqual({
      ...created,
      ville: 'Embrun',
      echelon: 9,
      status: 'convoquee',
      wishes: [call.posts[1]!.id],
      adresse: '',
      updatedAt: '2026-06-11T09:30:00.000Z',
    });
    expect(await t.call('candidates-get', { id: created.id })).toEqual(updated);
    const [row] = await t.call('candidates-list', { callId: call.id });
    expect(row).toMatchObject({ ville: 'Embrun', status: 'convoquee', firstWish: call.posts[1]!.id });
  });

  it('refuses an invalid update and keeps the file as it was', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const created = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft() });
    const error = await expectError(
      t.call('candidates-update', { id: created.id, candidate: candidateDraft({ echelon: '14', receivedOn: '01/07/2026' }) }),
      'validation',
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['echelon', 'receivedOn']);
    expect(await t.call('candidates-get', { id: created.id })).toEqual(created);
  });

  it.each([
    ['candidates-get', { id: 999 }, 'Le dossier n° 999 n’existe pas (ou plus).'],
    ['candidates-update', { id: 999, candidate: candidateDraft() }, 'Le dossier n° 999 n’existe pas (ou plus).'],
    ['candidates-delete', { id: 999 }, 'Le dossier n° 999 n’existe pas (ou plus).'],
    ['candidates-create', { callId: 999, candidate: candidateDraft() }, 'L’appel n° 999 n’existe pas (ou plus).'],
    ['candidates-list', { callId: 999 }, 'L’appel n° 999 n’existe pas (ou plus).'],
  ] as const)('%s on something missing says not_found', async (method, args, message) => {
    const t = makeServices();
    const error = await expectError(t.call(method, args as never), 'not_found');
    expect(error.message).toBe(message);
  });

  it('refuses a wish for a post of another call', async () => {
    const t = makeServices();
    const a = await withCall(t, 'A');
    const b = await withCall(t, 'B');
    const error = await expectError(t.call('candidates-create', { callId: a.id, candidate: candidateDraft({ wishes: [b.posts[0]!.id] }) }), 'validation');
    expect(error.fieldErrors).toEqual({ wishes: 'Un poste demandé n’existe pas dans cet appel.' });
  });
});

describe('one file per academic e-mail and call', () => {
  it('refuses a second file with the same e-mail in the same call, however it is typed', async () => {
    const t = makeServices();
    const call = await withCall(t);
    await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: 'Durand', prenom: 'Camille' }) });
    const error = await expectError(
      t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: 'Autre', prenom: 'Personne', email: ' CAMILLE.DURAND@ac-test.example ' }) }),
      'conflict',
    );
    expect(error.message).toBe('Un dossier existe déjà avec cette adresse mail dans cet appel (DURAND Camille).');
    expect(error.fieldErrors).toEqual({ email: 'Adresse déjà utilisée par le dossier de DURAND Camille.' });
    expect(await countCandidates(t, call.id)).toBe(1);
  });

  it('refuses an update that takes another file’s e-mail, but not one that keeps its own', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const first = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ email: 'un@ac-test.example' }) });
    const second = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ email: 'deux@ac-test.example' }) });
    await expectError(t.call('candidates-update', { id: second.id, candidate: { ...draftFromFile(second), email: 'un@ac-test.example' } }), 'conflict');
    expect(await t.call('candidates-get', { id: second.id })).toEqual(second);
    const same = await t.call('candidates-update', { id: first.id, candidate: { ...draftFromFile(first), ville: 'Gap' } });
    expect(same.email).toBe('un@ac-test.example');
  });

  it('accepts the same e-mail in another call, and several files without e-mail', async () => {
    const t = makeServices();
    const a = await withCall(t, 'A');
    const b = await withCall(t, 'B');
    await t.call('candidates-create', { callId: a.id, candidate: candidateDraft() });
    await t.call('candidates-create', { callId: b.id, candidate: candidateDraft() });
    await t.call('candidates-create', { callId: a.id, candidate: candidateDraft({ email: '', nom: 'Sans', prenom: 'Mail' }) });
    await t.call('candidates-create', { callId: a.id, candidate: candidateDraft({ email: '', nom: 'Sans', prenom: 'Adresse' }) });
    expect(await countCandidates(t, a.id)).toBe(3);
    expect(await countCandidates(t, b.id)).toBe(1);
  });
});

describe('deleting a file', () => {
  it('removes the file and its wishes, after which the wished post can be removed from the call', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const south = call.posts[1]!;
    const file = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ wishes: [south.id, call.posts[0]!.id] }) });
    expect(await t.call('candidates-delete', { id: file.id })).toEqual({ id: file.id });
    await expectError(t.call('candidates-get', { id: file.id }), 'not_found');
    expect(t.services.db.prepare('SELECT COUNT(*) AS n FROM candidate_wishes WHERE candidate_id = ?').get(file.id)).toEqual({ n: 0 });
    expect(await countCandidates(t, call.id)).toBe(0);
    const updated = await t.call('calls-update', { id: call.id, call: { ...callDraft(), posts: [{ id: call.posts[0]!.id, label: 'Relais territorial', site: 'Réseau Nord', places: '1' }] } });
    expect(updated.posts.map((p) => p.id)).toEqual([call.posts[0]!.id]);
    await expectError(t.call('candidates-delete', { id: file.id }), 'not_found');
  });

  const NAME = 'Qzxwkvbrtplmnj';
  const MAIL = 'qzxwkvbrtplmnj.ylgfdsaheu@ac-test.example';

  /** Whether any file of the data dir (database, -wal, -shm) still holds the string. */
  function onDisk(dataDir: string, text: string): string[] {
    return readdirSync(dataDir)
      .filter((f) => f.startsWith(DATABASE_FILE))
      .filter((f) => readFileSync(join(dataDir, f)).includes(Buffer.from(text, 'utf8')));
  }

  it('leaves no trace of the person in the database files right after the deletion, app still open (secure_delete + WAL truncate)', async () => {
    const t = makeServices();
    const call = await withCall(t);
    // Other files around it, so that its page is not simply dropped whole.
    for (let i = 0; i < 5; i++) {
      await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: `Voisin${i}`, email: `voisin${i}@ac-test.example` }) });
    }
    const file = await t.call('candidates-create', {
      callId: call.id,
      candidate: candidateDraft({ nom: NAME, prenom: 'Ylgfdsaheu', email: MAIL, wishes: [call.posts[0]!.id] }),
    });
    t.services.db.pragma('wal_checkpoint(TRUNCATE)');
    // The check can see the person when they are there.
    expect(onDisk(t.dataDir, NAME.toUpperCase())).toEqual([DATABASE_FILE]);
    expect(onDisk(t.dataDir, MAIL)).toEqual([DATABASE_FILE]);

    await t.call('candidates-delete', { id: file.id });
    // No manual checkpoint here: the deletion itself must leave nothing readable, while the app stays open.
    expect(onDisk(t.dataDir, NAME.toUpperCase())).toEqual([]);
    expect(onDisk(t.dataDir, MAIL)).toEqual([]);
    expect(await countCandidates(t, call.id)).toBe(5);
  });

  it('leaves no trace of the person once the app is closed, without any explicit checkpoint', async () => {
    const t = makeServices();
    const call = await withCall(t);
    const file = await t.call('candidates-create', { callId: call.id, candidate: candidateDraft({ nom: NAME, email: MAIL }) });
    t.services.db.pragma('wal_checkpoint(TRUNCATE)');
    await t.call('candidates-delete', { id: file.id });
    t.close();
    expect(onDisk(t.dataDir, NAME.toUpperCase())).toEqual([]);
    expect(onDisk(t.dataDir, MAIL)).toEqual([]);
  });
});

describe('candidates-list on the demonstration', () => {
  async function demo() {
    const t = makeServices();
    await t.call('demo-open', {});
    const cstiId = (await t.call('calls-list', {})).find((c) => c.reference === 'IPR-CSTI-RT-2026')!.id;
    return { t, cstiId };
  }
  const names = (rows: { nom: string; prenom: string }[]) => rows.map((r) => `${r.nom} ${r.prenom}`);

  it.each([
    ['late files', { reason: 'delai' }, ['OLIVIER Margaux', 'PERRIN Yanis']],
    ['incomplete files', { verdict: 'incomplet' }, ['GARNIER Lucie', 'IMBERT Claire', 'MARTIN Élodie', 'NOËL Baptiste']],
    [
      'inadmissible files',
      { verdict: 'irrecevable' },
      ['LAMBERT Hugo', 'OLIVIER Margaux', 'PERRIN Yanis', 'QUILICI Laura', 'ROUX Damien', 'SANCHEZ Mélanie', 'TESTUD Romain'],
    ],
    ['files where Monday is not confirmed (no opinion yet, not said, or refused)', { reason: 'lundi_libere' }, ['GARNIER Lucie', 'IMBERT Claire', 'LAMBERT Hugo', 'NOËL Baptiste']],
    ['admissible files', { verdict: 'recevable', discipline: 'svt' }, ['ARNAUD Camille', 'ESTIENNE Sophie']],
    ['one discipline', { discipline: 'svt' }, ['ARNAUD Camille', 'ESTIENNE Sophie', 'IMBERT Claire', 'MARTIN Élodie', 'SANCHEZ Mélanie']],
    ['an accent-free search on a first name', { search: 'elodie' }, ['MARTIN Élodie']],
    ['a search on a town', { search: 'briancon' }, ['ARNAUD Camille', 'CHABERT Inès', 'FABRE Nicolas', 'LAMBERT Hugo', 'OLIVIER Margaux', 'TESTUD Romain']],
    ['a search combined with a verdict', { search: 'martigues', verdict: 'irrecevable' }, ['QUILICI Laura']],
    ['a withdrawn file', { status: 'retiree' }, ['VIDAL Aurélie']],
  ] as const)('filters %s', async (_label, filter, expected) => {
    const { t, cstiId } = await demo();
    expect(names(await t.call('candidates-list', { callId: cstiId, filter }))).toEqual(expected);
  });

  it('filters by first wish and sorts descending', async () => {
    const { t, cstiId } = await demo();
    const call = await t.call('calls-get', { id: cstiId });
    const ecrins = call.posts.find((p) => p.site === 'Réseau Les Écrins')!;
    const rows = await t.call('candidates-list', { callId: cstiId, filter: { postId: ecrins.id, discipline: 'mathematiques', sort: { key: 'nom', direction: 'desc' } } });
    expect(names(rows)).toEqual(['JOUVE Thomas', 'CHABERT Inès']);
  });

  it('says why a file is not admissible', async () => {
    const { t, cstiId } = await demo();
    const [late] = await t.call('candidates-list', { callId: cstiId, filter: { search: 'olivier margaux' } });
    expect(late!.reasons).toEqual([{ rule: 'delai', kind: 'refused', message: 'Reçu le 18/05/2026, après la date limite du 15/05/2026.' }]);
    const [onTheDay] = await t.call('candidates-list', { callId: cstiId, filter: { search: 'estienne' } });
    expect(onTheDay).toMatchObject({ receivedOn: '2026-05-15', verdict: 'recevable', reasons: [] });
  });
});

describe('the contract at the door', () => {
  it('answers unknown_method for a method that does not exist', async () => {
    const t = makeServices();
    expect(await t.dispatch('candidates-explode', {}, { actor: null })).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'Méthode inconnue : « candidates-explode ».' },
    });
    // Not fooled by inherited object keys.
    expect(await t.dispatch('toString', {}, { actor: null })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await t.dispatch('__proto__', {}, { actor: null })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it.each([
    ['a text for a number', 'candidates-create', { callId: 'abc', candidate: candidateDraft() }, 'callId', 'Entrée invalide : nombre attendu, chaîne de caractères reçu'],
    ['no arguments at all', 'candidates-get', null, 'id', 'Entrée invalide : nombre attendu, indéfini reçu'],
    ['a string instead of an object', 'candidates-get', 'zut', '(arguments)', 'Entrée invalide : objet attendu, chaîne de caractères reçu'],
    ['a negative id', 'candidates-get', { id: -3 }, 'id', /^Trop petit/],
    ['an unknown verdict', 'candidates-list', { callId: 1, filter: { verdict: 'douteux' } }, 'filter.verdict', /^Option invalide/],
    ['a field missing from the draft', 'candidates-create', { callId: 1, candidate: { ...candidateDraft(), nom: undefined } }, 'candidate.nom', /^Entrée invalide/],
    ['an absurdly long text', 'candidates-create', { callId: 1, candidate: candidateDraft({ motivations: 'x'.repeat(50_001) }) }, 'candidate.motivations', /^Trop grand/],
  ])('refuses %s with a French validation error', async (_label, method, args, path, message) => {
    const t = makeServices();
    const envelope = await t.dispatch(method, args, { actor: null });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('validation');
    expect(envelope.error.message).toMatch(new RegExp(`^Arguments invalides pour « ${method} » : `));
    expect(envelope.error.fieldErrors?.[path]).toMatch(message);
    expect(await t.call('calls-list', { includeArchived: true })).toEqual([]);
  });
});
