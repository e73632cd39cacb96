// Issue 5 through dispatch: route the demo CSTI files to their inspectors, request opinions (workbook + mail
// draft), fill the workbook as an inspector would, import it back, and follow the figures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMail } from '../../electron/services/mail/read-mail.js';
import { extractZipEntries } from '../../electron/services/excel/zip-guard.js';
import type { OpinionRequestFiles } from '../../shared/model/opinions.js';
import { hasSoffice, libreOffice, type LibreOffice } from '../helpers/libreoffice.js';
import { ACTOR, NOW, expectError, makeServices, type TestServices } from '../helpers/services.js';

const fromBase64 = (text: string) => Buffer.from(text, 'base64');

async function demo(t: TestServices) {
  await t.call('demo-open', {});
  const csti = (await t.call('calls-list', {})).find((c) => c.reference === 'IPR-CSTI-RT-2026')!;
  const inspectors = await t.call('inspectors-list', { callId: csti.id });
  const inspector = (name: string) => inspectors.find((i) => i.name === name)!;
  return { callId: csti.id, inspector };
}

/** Fills the request workbook as an inspector does in Excel: the Avis and Motivation cells of some rows. */
async function fill(workbook: Buffer, answers: Record<string, { avis?: string; motivation?: string; nom?: string; id?: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workbook as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Avis')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => headers.indexOf(name);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const name = `${row.getCell(col('Nom')).text} ${row.getCell(col('Prénom')).text}`;
    const answer = answers[name];
    if (!answer) return;
    if (answer.avis !== undefined) row.getCell(col('Avis')).value = answer.avis;
    if (answer.motivation !== undefined) row.getCell(col('Motivation de l’avis')).value = answer.motivation;
    if (answer.nom !== undefined) row.getCell(col('Nom')).value = answer.nom;
    if (answer.id !== undefined) row.getCell(col('Identifiant')).value = answer.id;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importWorkbook(t: TestServices, callId: number, bytes: Buffer, commit: boolean, fileName = 'avis-retour.xlsx') {
  return t.call('opinions-import', { callId, fileName, contentBase64: bytes.toString('base64'), commit });
}

async function requestFrom(t: TestServices, callId: number, inspectorId: number, dueOn = '20/06/2026', reminder = false): Promise<OpinionRequestFiles> {
  return t.call('opinions-request', { callId, inspectorId, dueOn, reminder });
}

describe('routing to the inspector of the discipline', () => {
  it('routes every admissible demo file to its discipline’s inspector, and lists what cannot be routed', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const overview = await t.call('opinions-overview', { callId });
    // The admissible demo files only (plus none requested yet).
    expect(overview.lines.every((l) => l.verdict === 'recevable')).toBe(true);
    expect(overview.totals).toMatchObject({ admissible: overview.lines.length, routed: overview.lines.length, unrouted: 0, toChoose: 0, requested: 0, received: 0 });
    const lemaire = inspector('Bernard Lemaire');
    const maths = overview.lines.filter((l) => l.discipline === 'mathematiques');
    expect(maths.length).toBeGreaterThan(0);
    expect(maths.every((l) => l.inspectorId === lemaire.id && l.routing === 'auto')).toBe(true);
    expect(overview.inspectors.find((i) => i.inspectorId === lemaire.id)).toMatchObject({ assigned: maths.length, toRequest: maths.length, requested: 0 });

    // A second maths inspector: the maths files wait for a choice; the choice sticks.
    const second = await t.call('inspectors-save', { callId, inspector: { name: 'Claire Dumont', email: 'claire.dumont@ac-aix-marseille.example', disciplines: ['mathematiques'] } });
    let lines = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.discipline === 'mathematiques');
    expect(lines.every((l) => l.routing === 'a_choisir' && l.inspectorId === null && l.choices.length === 2)).toBe(true);
    const chosen = await t.call('opinions-assign', { candidateId: lines[0]!.candidateId, inspectorId: second.id });
    expect(chosen).toMatchObject({ routing: 'choisi', inspectorId: second.id, inspectorName: 'Claire Dumont' });
    lines = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.discipline === 'mathematiques');
    expect(lines.filter((l) => l.routing === 'choisi')).toHaveLength(1);

    // No inspector for technology any more: those files are listed as unrouted.
    await t.call('inspectors-delete', { id: inspector('Patrick Honoré').id });
    const totals = (await t.call('opinions-overview', { callId })).totals;
    expect(totals.unrouted).toBeGreaterThan(0);
  });

  it('refuses an inspector of another call', async () => {
    const t = makeServices();
    const { callId } = await demo(t);
    const other = await t.call('calls-create', {
      call: { ...(await import('../helpers/fixtures.js')).callDraft() },
    });
    const stranger = await t.call('inspectors-save', { callId: other.id, inspector: { name: 'Autre IPR', email: 'autre.ipr@ac-test.example', disciplines: ['svt'] } });
    const [line] = (await t.call('opinions-overview', { callId })).lines;
    await expectError(t.call('opinions-assign', { candidateId: line!.candidateId, inspectorId: stranger.id }), 'validation');
  });
});

describe('requesting opinions', () => {
  it('writes a workbook with protected identity columns, a drop-down Avis and stable ids, and a mail draft with it attached', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const lemaire = inspector('Bernard Lemaire');
    const files = await requestFrom(t, callId, lemaire.id);
    expect(files.request).toMatchObject({ inspectorId: lemaire.id, dueOn: '2026-06-20', requestedAt: NOW.toISOString(), reminder: false });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fromBase64(files.workbook.contentBase64) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Avis')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Identifiant', 'Nom', 'Prénom', 'Discipline', 'Affectation', 'Statut et corps', 'Pièces du dossier', 'Motivations (extrait)', 'Avis', 'Motivation de l’avis',
    ]);
    expect(ws.rowCount - 1).toBe(files.candidateCount);
    const overview = await t.call('opinions-overview', { callId });
    const maths = overview.lines.filter((l) => l.inspectorId === lemaire.id);
    expect(files.candidateCount).toBe(maths.length);
    expect(ws.getRow(2).getCell(1).text).toMatch(new RegExp(`^AV-${lemaire.id}-\\d+$`));
    expect(ws.getRow(2).getCell(4).text).toBe('Mathématiques');
    expect(ws.getRow(2).getCell(7).text).toMatch(/annexe2-.*\.pdf ; avis-chef-etablissement-.*\.pdf/);

    const sheetXml = extractZipEntries(fromBase64(files.workbook.contentBase64)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).toContain('&quot;Très favorable,Favorable,Réservé,Défavorable&quot;');
    // Avis and Motivation are the only unlocked cells of the data rows.
    const styles = extractZipEntries(fromBase64(files.workbook.contentBase64)).get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('<protection locked="0"/>');

    const mail = await readMail(fromBase64(files.mail.contentBase64), files.mail.fileName);
    expect(mail.subject).toBe('Demande d’avis IA-IPR — Professeur relais territorial CSTI — rentrée 2026 — réponse attendue le 20/06/2026');
    expect(mail.to).toEqual(['bernard.lemaire@ac-aix-marseille.example']);
    expect(mail.bodyText).toContain('au plus tard le 20/06/2026');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.fileName).toBe(files.workbook.fileName);
    expect(Buffer.from(mail.attachments[0]!.content).equals(fromBase64(files.workbook.contentBase64))).toBe(true);
    expect(fromBase64(files.mail.contentBase64).toString('utf8')).toContain('X-Unsent: 1');

    expect(await t.call('opinions-overview', { callId })).toMatchObject({ totals: { requested: files.candidateCount, received: 0 } });
    const again = await expectError(requestFrom(t, callId, lemaire.id), 'validation');
    expect(again.message).toMatch(/^Aucune candidature à demander à Bernard Lemaire/);
  });

  it('refuses a due date in the past or unreadable, and writes nothing', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const past = await expectError(requestFrom(t, callId, inspector('Bernard Lemaire').id, '01/06/2026'), 'validation');
    expect(past.fieldErrors).toEqual({ dueOn: 'La date de réponse attendue ne peut pas être passée.' });
    await expectError(requestFrom(t, callId, inspector('Bernard Lemaire').id, '31/06/2026'), 'validation');
    expect((await t.call('opinions-overview', { callId })).totals.requested).toBe(0);
  });
});

describe('importing the returned workbook', () => {
  it('previews without writing, then records the accepted opinions; figures, table, file and export follow', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const lemaire = inspector('Bernard Lemaire');
    const files = await requestFrom(t, callId, lemaire.id);
    const names = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.inspectorId === lemaire.id).map((l) => `${l.nom} ${l.prenom}`);
    const [first, second] = names;
    const returned = await fill(fromBase64(files.workbook.contentBase64), {
      [first!]: { avis: 'Très favorable', motivation: 'Excellente professeure, très investie dans la fête de la science.' },
      [second!]: { avis: 'réservé', motivation: 'Projet encore flou.' },
    });

    const preview = await importWorkbook(t, callId, returned, false);
    expect(preview).toMatchObject({ committed: false, inspectorName: 'Bernard Lemaire', counts: { accepted: 2, empty: names.length - 2, refused: 0, unchanged: 0 } });
    expect(preview.rows.find((r) => r.candidateName === first)).toMatchObject({ status: 'accepted', avis: 'tres_favorable', row: 2 });
    expect((await t.call('opinions-overview', { callId })).totals.received).toBe(0);

    const done = await importWorkbook(t, callId, returned, true);
    expect(done.committed).toBe(true);
    const overview = await t.call('opinions-overview', { callId });
    expect(overview.totals.received).toBe(2);
    expect(overview.inspectors.find((i) => i.inspectorId === lemaire.id)).toMatchObject({ received: 2, requested: names.length });

    const line = overview.lines.find((l) => `${l.nom} ${l.prenom}` === first)!;
    const opinion = await t.call('opinions-get', { candidateId: line.candidateId });
    expect(opinion.opinion).toMatchObject({
      avis: 'tres_favorable',
      motivation: 'Excellente professeure, très investie dans la fête de la science.',
      inspectorName: 'Bernard Lemaire',
      source: 'classeur',
      recordedBy: ACTOR.name,
      givenOn: '2026-06-10',
    });
    expect(opinion.history).toHaveLength(1);
    const row = (await t.call('candidates-list', { callId, filter: { search: first! } }))[0]!;
    expect(row.iprAvis).toBe('tres_favorable');

    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(fromBase64((await t.call('candidates-export', { callId, format: 'xlsx' })).contentBase64) as unknown as ExcelJS.Buffer);
    const sheet = exported.getWorksheet('Candidatures')!;
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const exportedRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => `${r.getCell(1).text} ${r.getCell(2).text}` === first)!;
    expect(exportedRow.getCell(header.indexOf('Avis IA-IPR')).text).toBe('Très favorable');
    expect(exportedRow.getCell(header.indexOf('Avis donné par')).text).toBe('Bernard Lemaire');

    // The same workbook again: nothing new, the two are « inchangés ».
    const again = await importWorkbook(t, callId, returned, true);
    expect(again.counts).toMatchObject({ accepted: 0, unchanged: 2 });
    expect(again.committed).toBe(false);
  });

  it('reports tampered, unknown, duplicated and invalid rows one by one, and records only the valid ones', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const lemaire = inspector('Bernard Lemaire');
    const files = await requestFrom(t, callId, lemaire.id);
    const lines = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.inspectorId === lemaire.id);
    const names = lines.map((l) => `${l.nom} ${l.prenom}`);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = names;
    let returned = await fill(fromBase64(files.workbook.contentBase64), {
      [a!]: { avis: 'Favorable', nom: 'DUPONT' },
      [b!]: { avis: 'Excellent' },
      [c!]: { avis: 'Défavorable', motivation: 'Pas de projet pour le réseau.' },
    });
    // An extra line with an id nobody sent.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(returned as unknown as ExcelJS.Buffer);
    wb.getWorksheet('Avis')!.addRow([`AV-${lemaire.id}-99999`, 'INCONNU', 'Personne', 'Mathématiques', '', '', '', '', 'Favorable', '']);
    // And c's line copied below with another opinion: only the first is read.
    const [, cNom, cPrenom] = [null, ...c!.split(' ')];
    wb.getWorksheet('Avis')!.addRow([`AV-${lemaire.id}-${lines[2]!.candidateId}`, cNom, cPrenom, 'Mathématiques', '', '', '', '', 'Favorable', '']);
    returned = Buffer.from(await wb.xlsx.writeBuffer());

    const report = await importWorkbook(t, callId, returned, true);
    expect(report.committed).toBe(true);
    expect(report.counts).toMatchObject({ accepted: 1, refused: 4 });
    const byName = (n: string) => report.rows.find((r) => r.candidateName === n)!;
    expect(byName(a!).message).toMatch(/^Colonnes d’identité modifiées : « Nom » vaut « DUPONT » au lieu de/);
    expect(byName(b!).message).toMatch(/^Avis inconnu : « Excellent »\. Avis possibles : Très favorable, Favorable, Réservé, Défavorable\./);
    expect(report.rows.find((r) => r.id === `AV-${lemaire.id}-99999`)!.message).toBe(`Identifiant « AV-${lemaire.id}-99999 » inconnu pour cet appel : la ligne ne correspond à aucune demande envoyée.`);
    expect(report.rows.filter((r) => r.candidateName === c).map((r) => r.status)).toEqual(['accepted', 'refused']);
    expect(report.rows.filter((r) => r.candidateName === c)[1]!.message).toMatch(/figure deux fois dans le classeur/);
    expect((await t.call('opinions-overview', { callId })).totals.received).toBe(1);
    expect((await t.call('opinions-get', { candidateId: lines[2]!.candidateId })).opinion?.avis).toBe('defavorable');
  });

  it('refuses a workbook that is not a request, without writing anything', async () => {
    const t = makeServices();
    const { callId } = await demo(t);
    const export_ = fromBase64((await t.call('candidates-export', { callId, format: 'xlsx' })).contentBase64);
    const error = await expectError(importWorkbook(t, callId, export_, true, 'candidatures.xlsx'), 'validation');
    expect(error.message).toBe('Le classeur « candidatures.xlsx » n’est pas un classeur de demande d’avis : les colonnes « Identifiant » et « Avis » sont introuvables.');
    const corrupt = await expectError(importWorkbook(t, callId, Buffer.from('PK\x03\x04 pas un vrai classeur'), true, 'abime.xlsx'), 'validation');
    expect(corrupt.message).toMatch(/« abime\.xlsx »/);
  });

  describe('a copy re-saved by LibreOffice', () => {
    let lo: LibreOffice;
    let dir: string;
    beforeAll(() => {
      if (hasSoffice) lo = libreOffice();
      dir = mkdtempSync(join(tmpdir(), 'avis-lo-'));
    });
    afterAll(() => {
      if (hasSoffice) lo.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it.skipIf(!hasSoffice)('is read the same (skipped when LibreOffice is not installed)', async () => {
      const t = makeServices();
      const { callId, inspector } = await demo(t);
      const files = await requestFrom(t, callId, inspector('Nathalie Roche').id);
      const [first] = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.request !== null).map((l) => `${l.nom} ${l.prenom}`);
      const filled = await fill(fromBase64(files.workbook.contentBase64), { [first!]: { avis: 'Favorable', motivation: 'Bon dossier.' } });
      const source = join(dir, 'rempli.xlsx');
      writeFileSync(source, filled);
      const outDir = mkdtempSync(join(dir, 'out-'));
      const resaved = readFileSync(await lo.convert(source, 'xlsx:Calc MS Excel 2007 XML', outDir));
      const report = await importWorkbook(t, callId, resaved, true, 'rempli-libreoffice.xlsx');
      expect(report.counts.accepted).toBe(1);
      expect(report.rows.find((r) => r.candidateName === first)).toMatchObject({ status: 'accepted', avis: 'favorable' });
    });
  });
});

describe('requests that outlive a change of inspector', () => {
  it('keeps requested files with their inspector, credits a late answer to the one who gave it, and keeps the record of who was asked', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const lemaire = inspector('Bernard Lemaire');
    const files = await requestFrom(t, callId, lemaire.id);
    // A second maths inspector joins: the files already requested stay with Lemaire.
    const dumont = await t.call('inspectors-save', { callId, inspector: { name: 'Claire Dumont', email: 'claire.dumont@ac-aix-marseille.example', disciplines: ['mathematiques'] } });
    const lines = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.request?.inspectorId === lemaire.id);
    expect(lines.every((l) => l.inspectorId === lemaire.id)).toBe(true);
    // The secretariat moves one to Dumont and asks her; Lemaire's reminder no longer lists it.
    const moved = lines[0]!;
    await t.call('opinions-assign', { candidateId: moved.candidateId, inspectorId: dumont.id });
    await requestFrom(t, callId, dumont.id);
    const reminder = await t.call('opinions-request', { callId, inspectorId: lemaire.id, dueOn: '25/06/2026', reminder: true });
    expect(reminder.candidateCount).toBe(lines.length - 1);
    // Lemaire's first workbook comes back late with an opinion on the moved file: it is his, not Dumont's.
    const name = `${moved.nom} ${moved.prenom}`;
    const returned = await fill(fromBase64(files.workbook.contentBase64), { [name]: { avis: 'Favorable', motivation: 'Avis de M. Lemaire.' } });
    await importWorkbook(t, callId, returned, true);
    expect((await t.call('opinions-get', { candidateId: moved.candidateId })).opinion).toMatchObject({ inspectorName: 'Bernard Lemaire', inspectorId: lemaire.id });
    // Lemaire was asked: he cannot be removed; Dumont neither.
    const kept = await expectError(t.call('inspectors-delete', { id: lemaire.id }), 'conflict');
    expect(kept.message).toBe('Des avis ont été demandés à Bernard Lemaire : il ne peut pas être retiré, ses demandes et leurs dates font partie du dossier de la commission.');
  });

  it('records the answers of a workbook only under a named person', async () => {
    const t = makeServices();
    const { callId, inspector } = await demo(t);
    const files = await requestFrom(t, callId, inspector('Nathalie Roche').id);
    const [first] = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.request !== null);
    const returned = await fill(fromBase64(files.workbook.contentBase64), { [`${first!.nom} ${first!.prenom}`]: { avis: 'Favorable' } });
    const error = await expectError(t.call('opinions-import', { callId, fileName: 'a.xlsx', contentBase64: returned.toString('base64'), commit: true }, null), 'forbidden');
    expect(error.message).toMatch(/^Indiquez qui vous êtes/);
    expect((await t.call('opinions-overview', { callId })).totals.received).toBe(0);
  });
});

describe('tracking, reminders and the locked opinion', () => {
  it('counts overdue requests after the due date and drafts a reminder of what is still missing', async () => {
    let now = new Date(NOW);
    const t = makeServices({ now: () => now });
    const { callId, inspector } = await demo(t);
    const roche = inspector('Nathalie Roche');
    const files = await requestFrom(t, callId, roche.id, '15/06/2026');
    const requested = (await t.call('opinions-overview', { callId })).lines.filter((l) => l.request?.inspectorId === roche.id);
    const [answered] = requested;
    await importWorkbook(t, callId, await fill(fromBase64(files.workbook.contentBase64), { [`${answered!.nom} ${answered!.prenom}`]: { avis: 'Favorable' } }), true);

    now = new Date('2026-06-15T21:00:00Z'); // 23:00 in Paris on the due date: not late yet
    expect((await t.call('opinions-overview', { callId })).totals.overdue).toBe(0);
    now = new Date('2026-06-15T22:30:00Z'); // 00:30 in Paris the day after
    const overview = await t.call('opinions-overview', { callId });
    expect(overview.totals.overdue).toBe(requested.length - 1);
    expect(overview.inspectors.find((i) => i.inspectorId === roche.id)).toMatchObject({ received: 1, requested: requested.length, overdue: requested.length - 1 });

    const reminder = await t.call('opinions-request', { callId, inspectorId: roche.id, dueOn: '20/06/2026', reminder: true });
    expect(reminder.candidateCount).toBe(requested.length - 1);
    const mail = await readMail(fromBase64(reminder.mail.contentBase64), reminder.mail.fileName);
    expect(mail.subject).toMatch(/^Relance — Demande d’avis IA-IPR/);
    expect(mail.bodyText).not.toContain(`${answered!.nom} ${answered!.prenom}`);
    // The reminder moved the due date: not overdue any more.
    expect((await t.call('opinions-overview', { callId })).totals.overdue).toBe(0);
  });

  it('locks a recorded opinion: a change needs a signed author and a reason; history keeps before and after', async () => {
    const t = makeServices();
    const { callId } = await demo(t);
    const [line] = (await t.call('opinions-overview', { callId })).lines;
    const id = line!.candidateId;
    await expectError(t.call('opinions-save', { candidateId: id, opinion: { avis: 'favorable', motivation: '', givenOn: '' } }, null), 'forbidden');
    const first = await t.call('opinions-save', { candidateId: id, opinion: { avis: 'favorable', motivation: 'Avis transmis par téléphone.', givenOn: '08/06/2026' } });
    expect(first.opinion).toMatchObject({ avis: 'favorable', givenOn: '2026-06-08', source: 'saisie', recordedBy: ACTOR.name });

    const noReason = await expectError(t.call('opinions-save', { candidateId: id, opinion: { avis: 'reserve', motivation: '', givenOn: '' } }), 'validation');
    expect(noReason.fieldErrors).toEqual({ reason: 'Un avis enregistré est verrouillé : indiquez le motif de la modification.' });
    expect((await t.call('opinions-get', { candidateId: id })).opinion?.avis).toBe('favorable');

    const changed = await t.call('opinions-save', { candidateId: id, opinion: { avis: 'reserve', motivation: 'Avis écrit reçu le 09/06.', givenOn: '09/06/2026' }, reason: 'L’avis écrit remplace l’avis téléphonique.' });
    expect(changed.history.map((h) => [h.reason, h.before?.avis ?? null, h.after?.avis ?? null])).toEqual([
      ['L’avis écrit remplace l’avis téléphonique.', 'favorable', 'reserve'],
      ['Saisie de l’avis.', null, 'favorable'],
    ]);
    const erased = await t.call('opinions-save', { candidateId: id, opinion: null, reason: 'Avis saisi sur le mauvais dossier.' });
    expect(erased.opinion).toBeNull();
    expect(erased.history[0]).toMatchObject({ before: { avis: 'reserve' }, after: null });
    // Journaled without the opinion's text.
    const [entry] = await t.call('journal-list', { callId, limit: 1 });
    expect(entry).toMatchObject({ method: 'opinions-save', entityId: id });
    expect(JSON.stringify(entry)).not.toContain('mauvais dossier');
  });
});

describe('inspectors reused across calls', () => {
  it('copies another call’s inspectors once, with their disciplines', async () => {
    const t = makeServices();
    const { callId } = await demo(t);
    const other = await t.call('calls-create', { call: (await import('../helpers/fixtures.js')).callDraft() });
    const first = await t.call('inspectors-copy', { callId: other.id, fromCallId: callId });
    expect(first.added).toBe(4);
    expect(first.inspectors.find((i) => i.name === 'Patrick Honoré')?.disciplines).toEqual(['technologie', 'sii']);
    expect((await t.call('inspectors-copy', { callId: other.id, fromCallId: callId })).added).toBe(0);
    await expectError(t.call('inspectors-copy', { callId, fromCallId: callId }), 'validation');
  });
});
