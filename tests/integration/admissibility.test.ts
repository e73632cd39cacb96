// Issue 4 through dispatch: the call's rules, the head's opinion, the secretariat's entries and overrides,
// the documents added by hand — and the verdicts the table and the file show after each of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/index.js';
import { ACTOR, NOW, expectError, makeServices, type TestServices } from '../helpers/services.js';
import { tempDir } from '../helpers/temp.js';

async function demoCsti(t: TestServices) {
  await t.call('demo-open', {});
  const csti = (await t.call('calls-list', {})).find((c) => c.reference === 'IPR-CSTI-RT-2026')!;
  const rows = await t.call('candidates-list', { callId: csti.id });
  const idOf = (nom: string) => rows.find((r) => r.nom === nom)!.id;
  return { callId: csti.id, idOf };
}

const HEAD = { avis: 'favorable', motivation: 'Professeure investie ; service aménagé.', mondayFreed: 'oui', signedBy: 'M. Rey, principal', signedOn: '04/05/2026' };

describe('rules of a call', () => {
  it('gives the demo calls the rules of their seeds', async () => {
    const t = makeServices();
    const { callId } = await demoCsti(t);
    expect(await t.call('rules-get', { callId })).toEqual({
      requiredDocuments: ['annexe2', 'avis_chef'],
      acceptedStatuses: ['titulaire'],
      requiredLevel: 'second_degre',
      requiredAcademie: 'Aix-Marseille',
      acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
      minimumDiploma: null,
      wishedDiploma: null,
      deadline: '2026-05-15',
      requireMondayFreed: true,
      requireHeadOpinion: true,
      subjectPattern: 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM',
      commissionCriteria: [],
    });
  });

  it('saves rules, changes the call’s own deadline and statuses with them, and recomputes every verdict', async () => {
    const t = makeServices();
    const { callId, idOf } = await demoCsti(t);
    const rules = await t.call('rules-get', { callId });
    const before = await t.call('candidates-list', { callId, filter: { verdict: 'irrecevable' } });
    expect(before.map((r) => r.nom)).toContain('LAMBERT'); // Monday not freed
    expect(before.map((r) => r.nom)).toContain('OLIVIER'); // late

    const saved = await t.call('rules-save', { callId, rules: { ...rules, requireMondayFreed: false, deadline: '2026-05-20', acceptedStatuses: ['titulaire', 'contractuel'] } });
    expect(saved).toMatchObject({ requireMondayFreed: false, deadline: '2026-05-20' });
    const call = await t.call('calls-get', { id: callId });
    expect(call.deadline).toBe('2026-05-20');
    expect(call.acceptedStatuses).toEqual(['titulaire', 'contractuel']);

    const after = await t.call('candidates-list', { callId, filter: { verdict: 'irrecevable' } });
    const names = after.map((r) => r.nom);
    expect(names).not.toContain('LAMBERT');
    expect(names).not.toContain('OLIVIER'); // 18 May, now on time
    expect(names).toContain('PERRIN'); // 22 May, still late
    const sanchez = (await t.call('candidates-list', { callId, filter: { search: 'sanchez' } }))[0]!;
    expect(sanchez.reasons.some((r) => r.rule === 'statut')).toBe(false);
    expect(idOf('LAMBERT')).toBeGreaterThan(0);
  });

  it('refuses unknown values with French messages on their fields, and changes nothing', async () => {
    const t = makeServices();
    const { callId } = await demoCsti(t);
    const rules = await t.call('rules-get', { callId });
    const error = await expectError(
      t.call('rules-save', {
        callId,
        rules: { ...rules, requiredAcademie: 'Atlantide', acceptedDisciplines: ['astrologie'], minimumDiploma: 6, wishedDiploma: 4, deadline: '2026-02-30' },
      }),
      'validation',
    );
    expect(error.fieldErrors).toMatchObject({
      requiredAcademie: expect.stringMatching(/^Académie inconnue : « Atlantide »/),
      acceptedDisciplines: 'Discipline inconnue : « astrologie ».',
      wishedDiploma: 'Le diplôme souhaité ne peut pas être inférieur au diplôme minimum exigé.',
      deadline: 'Date limite illisible : « 2026-02-30 ».',
    });
    expect(await t.call('rules-get', { callId })).toEqual(rules);
  });
});

describe('the head of school’s opinion', () => {
  it('flags a CSTI file whose head did not confirm Monday, and clears the flag when the opinion says so', async () => {
    const t = makeServices();
    const { callId, idOf } = await demoCsti(t);
    const imbert = idOf('IMBERT'); // annexe 2 only, no opinion yet
    let panel = await t.call('admissibility-get', { candidateId: imbert });
    expect(panel.verdict.status).toBe('incomplet');
    expect(panel.headOpinion).toBeNull();

    panel = await t.call('head-opinion-save', { candidateId: imbert, opinion: { ...HEAD, mondayFreed: 'non' } });
    expect(panel.verdict.status).toBe('irrecevable');
    expect(panel.verdict.reasons).toContainEqual({ rule: 'lundi_libere', kind: 'refused', message: 'L’avis du chef d’établissement ne confirme pas la libération du lundi.' });
    expect(panel.headOpinion).toEqual({ avis: 'favorable', motivation: HEAD.motivation, mondayFreed: 'non', signedBy: 'M. Rey, principal', signedOn: '2026-05-04', enteredBy: ACTOR.name, enteredAt: NOW.toISOString() });
    expect((await t.call('candidates-list', { callId, filter: { reason: 'lundi_libere' } })).map((r) => r.nom)).toContain('IMBERT');

    panel = await t.call('head-opinion-save', { candidateId: imbert, opinion: { ...HEAD, mondayFreed: 'non_precise' } });
    expect(panel.verdict.status).toBe('incomplet');
    panel = await t.call('head-opinion-save', { candidateId: imbert, opinion: HEAD });
    expect(panel.verdict).toMatchObject({ status: 'recevable', reasons: [] });

    panel = await t.call('head-opinion-save', { candidateId: imbert, opinion: null });
    expect(panel.headOpinion).toBeNull();
    expect(panel.verdict.status).toBe('incomplet');
  });

  it('refuses an opinion without avis, with an unreadable or future date, and keeps the stored one', async () => {
    const t = makeServices();
    const { idOf } = await demoCsti(t);
    const arnaud = idOf('ARNAUD');
    const stored = (await t.call('admissibility-get', { candidateId: arnaud })).headOpinion;
    const error = await expectError(t.call('head-opinion-save', { candidateId: arnaud, opinion: { ...HEAD, avis: '', signedOn: '31/02/2026' } }), 'validation');
    expect(error.fieldErrors).toEqual({ avis: 'Choisissez l’avis : favorable, réservé ou défavorable.', signedOn: 'Le 31/02/2026 n’existe pas dans le calendrier.' });
    const future = await expectError(t.call('head-opinion-save', { candidateId: arnaud, opinion: { ...HEAD, signedOn: '11/06/2026' } }), 'validation');
    expect(future.fieldErrors).toEqual({ signedOn: 'La date de signature ne peut pas être dans le futur.' });
    expect((await t.call('admissibility-get', { candidateId: arnaud })).headOpinion).toEqual(stored);
  });
});

describe('overriding a verdict', () => {
  it('needs a named author and a written motivation; the override, its author and date are kept, shown and filterable', async () => {
    const t = makeServices();
    const { callId, idOf } = await demoCsti(t);
    const olivier = idOf('OLIVIER'); // late: irrecevable
    const anonymous = await expectError(
      t.call('verdict-override', { candidateId: olivier, override: { status: 'recevable', motivation: 'Retard dû à une panne de la messagerie académique.' } }, null),
      'forbidden',
    );
    expect(anonymous.message).toBe('Indiquez qui vous êtes (Réglages › Qui suis-je) pour forcer un verdict : la décision est signée.');
    const short = await expectError(t.call('verdict-override', { candidateId: olivier, override: { status: 'recevable', motivation: 'ok' } }), 'validation');
    expect(short.fieldErrors).toEqual({ motivation: 'La motivation doit être rédigée (10 caractères au moins).' });
    const same = await expectError(t.call('verdict-override', { candidateId: olivier, override: { status: 'irrecevable', motivation: 'Motivation suffisante.' } }), 'validation');
    expect(same.fieldErrors?.status).toBe('Le verdict des règles est déjà « Irrecevable » : il n’y a rien à forcer.');

    const panel = await t.call('verdict-override', {
      candidateId: olivier,
      override: { status: 'recevable', motivation: 'Retard dû à une panne de la messagerie académique le 15/05.' },
    });
    expect(panel.verdict).toMatchObject({
      status: 'recevable',
      computed: 'irrecevable',
      override: { status: 'recevable', by: ACTOR.name, at: NOW.toISOString(), motivation: 'Retard dû à une panne de la messagerie académique le 15/05.' },
    });
    expect(panel.verdict.overrideNote).toBe(
      'Verdict forcé à « Recevable » par Claire Secrétariat le 10/06/2026 à 10:00 (heure de Paris) : « Retard dû à une panne de la messagerie académique le 15/05. ». Les règles donnent « Irrecevable ».',
    );
    // The rules' reason is still shown.
    expect(panel.verdict.reasons.map((r) => r.rule)).toEqual(['delai']);
    const row = (await t.call('candidates-list', { callId, filter: { verdict: 'recevable', search: 'olivier' } }))[0]!;
    expect(row).toMatchObject({ verdict: 'recevable', computedVerdict: 'irrecevable', overrideNote: panel.verdict.overrideNote });
    expect((await t.call('candidates-list', { callId, filter: { verdict: 'irrecevable' } })).map((r) => r.nom)).not.toContain('OLIVIER');
    // Journaled under its author, without the motivation (ids only).
    const [entry] = await t.call('journal-list', { callId, limit: 1 });
    expect(entry).toMatchObject({ actorName: ACTOR.name, method: 'verdict-override', entity: 'candidates', entityId: olivier });
    expect(JSON.stringify(entry)).not.toContain('panne');

    const restored = await t.call('verdict-override', { candidateId: olivier, override: null });
    expect(restored.verdict).toMatchObject({ status: 'irrecevable', override: null, overrideNote: '' });
  });
});

describe('facts entered by the secretariat', () => {
  it('overrides the académie read from the address and the level read from the corps', async () => {
    const t = makeServices();
    const { idOf } = await demoCsti(t);
    const arnaud = idOf('ARNAUD');
    let panel = await t.call('admissibility-get', { candidateId: arnaud });
    expect(panel.facts).toMatchObject({ academie: 'Aix-Marseille', teachingLevel: 'second_degre' });
    panel = await t.call('facts-save', { candidateId: arnaud, entry: { academie: 'académie de nancy-metz', teachingLevel: 'premier_degre', diploma: 7 } });
    expect(panel.entry).toEqual({ academie: 'Nancy-Metz', teachingLevel: 'premier_degre', diploma: 7 });
    expect(panel.verdict.status).toBe('irrecevable');
    expect(panel.verdict.reasons.filter((r) => r.kind === 'refused').map((r) => r.rule)).toEqual(['niveau', 'academie']);
    const error = await expectError(t.call('facts-save', { candidateId: arnaud, entry: { academie: 'Gondor', teachingLevel: 'maternelle', diploma: 12 } }), 'validation');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['academie', 'diploma', 'teachingLevel']);
    panel = await t.call('facts-save', { candidateId: arnaud, entry: { academie: '', teachingLevel: null, diploma: null } });
    expect(panel.verdict.status).toBe('recevable');
  });
});

describe('documents added by hand', () => {
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

  it('adds, classifies, reclassifies and removes a document; the verdict follows; the file is erased with the last reference', async () => {
    const t = makeServices();
    const { idOf } = await demoCsti(t);
    const imbert = idOf('IMBERT'); // the opinion is missing
    const added = await t.call('documents-add', { candidateId: imbert, fileName: 'scan 0042.pdf', contentBase64: pdf('avis signé') });
    expect(added).toMatchObject({ kind: 'autre', fileName: 'scan 0042.pdf', mimeType: 'application/pdf', mailId: null, unsafe: false });
    expect((await t.call('admissibility-get', { candidateId: imbert })).verdict.status).toBe('incomplet');

    const typed = await t.call('documents-update', { id: added.id, kind: 'avis_chef' });
    expect(typed.kind).toBe('avis_chef');
    const panel = await t.call('admissibility-get', { candidateId: imbert });
    // The document is there; its content must still be entered.
    expect(panel.verdict.reasons).toContainEqual({ rule: 'avis_chef', kind: 'missing', message: 'Avis du chef d’établissement joint mais non saisi : renseignez-le dans le dossier.' });

    const duplicate = await expectError(t.call('documents-add', { candidateId: imbert, fileName: 'encore.pdf', contentBase64: pdf('avis signé') }), 'conflict');
    expect(duplicate.message).toBe('Cette pièce est déjà dans le dossier, sous le nom « scan 0042.pdf » : elle n’a pas été ajoutée une seconde fois.');

    const stored = join(t.dataDir, 'pieces', added.sha256.slice(0, 2), added.sha256);
    expect(existsSync(stored)).toBe(true);
    await t.call('documents-delete', { id: added.id });
    expect(existsSync(stored)).toBe(false);
    await expectError(t.call('documents-download', { id: added.id }), 'not_found');
  });

  it('refuses an empty or oversized document with its name', async () => {
    const t = makeServices();
    const { idOf } = await demoCsti(t);
    const empty = await expectError(t.call('documents-add', { candidateId: idOf('IMBERT'), fileName: 'vide.pdf', contentBase64: '' }), 'validation');
    expect(empty.message).toBe('Le fichier « vide.pdf » est vide : il n’a pas été ajouté.');
    const big = await expectError(
      t.call('documents-add', { candidateId: idOf('IMBERT'), fileName: 'scan.pdf', contentBase64: Buffer.alloc(21 * 1024 * 1024).toString('base64') }),
      'too_large',
    );
    expect(big.message).toBe('Le fichier « scan.pdf » pèse 21 Mo : une pièce ne peut pas dépasser 20 Mo.');
  });

  it('says when a stored document was altered on the disk instead of handing it out', async () => {
    const t = makeServices();
    const { idOf } = await demoCsti(t);
    const [doc] = (await t.call('admissibility-get', { candidateId: idOf('ARNAUD') })).documents;
    const path = join(t.dataDir, 'pieces', doc!.sha256.slice(0, 2), doc!.sha256);
    const bytes = readFileSync(path);
    bytes[10] = bytes[10]! ^ 0xff;
    (await import('node:fs')).writeFileSync(path, bytes);
    const error = await expectError(t.call('documents-download', { id: doc!.id }), 'internal');
    expect(error.message).toMatch(/endommagée/);
  });

  it('in the desktop app, opens a copy under the document’s name, never a program, and clears the copies at close', async () => {
    const dataDir = tempDir();
    const opened: string[] = [];
    // The system's « open with » is the one part not ours: recorded here instead of launching a viewer.
    const services = createServices({ dataDir, now: () => new Date(NOW), mode: 'desktop', openPath: async (path) => void opened.push(path) });
    try {
      const call = async <T>(method: string, args: unknown): Promise<T> => {
        const envelope = await services.dispatch(method, args, { actor: ACTOR });
        if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
        return envelope.result as T;
      };
      await call('demo-open', {});
      const calls = await call<{ id: number; reference: string }[]>('calls-list', {});
      const csti = calls.find((c) => c.reference === 'IPR-CSTI-RT-2026')!;
      const [row] = await call<{ id: number }[]>('candidates-list', { callId: csti.id });
      const added = await call<{ id: number; sha256: string }>('documents-add', { candidateId: row!.id, fileName: 'Avis du proviseur.pdf', contentBase64: pdf('avis') });
      expect(await call('documents-open', { id: added.id })).toEqual({ opened: true });
      expect(opened).toHaveLength(1);
      expect(opened[0]!.endsWith('Avis du proviseur.pdf')).toBe(true);
      expect(readFileSync(opened[0]!).toString()).toContain('% avis');

      const exe = await call<{ id: number }>('documents-add', { candidateId: row!.id, fileName: 'facture.pdf.exe', contentBase64: Buffer.from('MZ').toString('base64') });
      const envelope = await services.dispatch('documents-open', { id: exe.id }, { actor: ACTOR });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/programme ou un script : l’application ne l’ouvre pas/) } });
      expect(opened).toHaveLength(1);
    } finally {
      services.close();
    }
    expect(existsSync(join(dataDir, 'ouverts')) ? readdirSync(join(dataDir, 'ouverts')) : []).toEqual([]);
  });
});
