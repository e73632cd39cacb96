// Issue 7 through dispatch, on the demo CSTI call and a real SQLite file: defaults from the call, settings and
// constraints, a run (progress), apply, moves checked by the independent checker, locks, a withdrawal and a new
// unavailability re-planned with minimal changes, convocations recorded, the constraints workbook round trip,
// and the worker's cancel and time limit.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromFile } from '../../shared/domain/candidate.js';
import { addDays, checkPlan, slotKey, toSlot } from '../../shared/domain/planner/index.js';
import type { PlannerView } from '../../shared/model/planner.js';
import { runPlanner } from '../../electron/services/planner/plan-host.js';
import { ACTOR, expectError, makeServices, type TestServices } from '../helpers/services.js';
import { transpileWorker } from '../helpers/ts-worker.js';
import { campaignInput } from '../unit/planner-fixtures.js';

async function demoCsti(t: TestServices) {
  await t.call('demo-open', {});
  const csti = (await t.call('calls-list', {})).find((c) => c.reference === 'IPR-CSTI-RT-2026')!;
  return csti.id;
}

async function planAndApply(t: TestServices, callId: number, mode: 'plan' | 'replan' = 'plan', runId = `run-${mode}-${Math.random()}`) {
  const proposal = await t.call('planner-run', { callId, mode, runId });
  const view = await t.call('planner-apply', { callId, runId, basedOnRevision: proposal.basedOnRevision, slots: proposal.plan.placed, unplaced: proposal.plan.unplaced });
  return { proposal, view };
}

function heard(view: PlannerView) {
  return view.candidates.filter((c) => c.toHear);
}

let worker: { url: URL; dispose: () => void };
beforeAll(() => {
  worker = transpileWorker('electron/services/planner/plan-worker.ts', 'plan-worker-');
});
afterAll(() => worker.dispose());

describe('the planning of a call', () => {
  it('starts from the call: its window, its place, its admissible candidates to hear, nothing planned', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const view = await t.call('planner-get', { callId });
    expect(view.settingsAreDefault).toBe(true);
    expect(view.settings.from).toBe('2026-06-01');
    expect(view.settings.to).toBe('2026-06-30');
    expect(view.settings.place).toMatch(/rectorat/i);
    const rows = await t.call('candidates-list', { callId });
    const recevables = rows.filter((r) => r.verdict === 'recevable' && r.status !== 'retiree' && r.status !== 'non_retenue').map((r) => r.id).sort((a, b) => a - b);
    expect(recevables.length).toBeGreaterThan(3);
    expect(heard(view).map((c) => c.id).sort((a, b) => a - b)).toEqual(recevables);
    // The others are listed with why they are not heard.
    for (const c of view.candidates.filter((x) => !x.toHear)) expect(c.notHeardBecause).toMatch(/Dossier (incomplet|irrecevable)|retirée|non retenue/);
    expect(view.slots).toEqual([]);
    expect(view.unplaced.map((u) => u.candidateId).sort((a, b) => a - b)).toEqual(recevables);
    expect(view.unplaced[0]!.reason).toMatch(/Pas encore placé/);
    // Sitting members: the secretariat does not sit; the president may chair.
    expect(view.input.members.length).toBe(view.members.filter((m) => m.role !== 'secretariat').length);
    expect(view.input.members.some((m) => m.president)).toBe(true);
  });

  it('refuses wrong settings field by field, in French, and stores nothing', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const before = await t.call('planner-get', { callId });
    const error = await expectError(
      t.call('planner-settings-save', {
        callId,
        settings: { ...before.settings, from: '2026-06-31', morning: { start: '12:00', end: '09:00' }, rooms: [], blackouts: [{ from: '2026-06-20', to: '2026-06-10', label: 'Bac' }] },
      }),
      'validation',
    );
    expect(error.fieldErrors).toMatchObject({
      from: 'Date de début invalide.',
      morning: 'Le matin doit finir après son début.',
      rooms: 'Prévoyez au moins une salle.',
      'blackouts.0': 'La période se termine avant de commencer.',
    });
    const after = await t.call('planner-get', { callId });
    expect(after.revision).toBe(before.revision);
    expect(after.settingsAreDefault).toBe(true);
  });

  it('refuses a quorum the commission cannot reach and the removal of a room still holding interviews', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const start = await t.call('planner-get', { callId });
    const sitting = start.members.filter((m) => m.sits).length;
    const quorum = await expectError(t.call('planner-settings-save', { callId, settings: { ...start.settings, quorum: sitting + 1 } }), 'validation');
    expect(quorum.fieldErrors?.quorum).toBe(`Le quorum doit être compris entre 1 et ${sitting} (membres qui siègent).`);
    const twoRooms = await t.call('planner-settings-save', { callId, settings: { ...start.settings, rooms: [...start.settings.rooms, { id: 'salle-2', label: 'Salle 2' }] } });
    const { view } = await planAndApply(t, callId);
    const used = [...new Set(view.slots.map((s) => s.roomId))][0]!;
    const label = twoRooms.settings.rooms.find((r) => r.id === used)!.label;
    const count = view.slots.filter((s) => s.roomId === used).length;
    const removal = await expectError(
      t.call('planner-settings-save', { callId, settings: { ...view.settings, rooms: view.settings.rooms.filter((r) => r.id !== used) } }),
      'validation',
    );
    expect(removal.fieldErrors?.rooms).toMatch(new RegExp(`^La salle « ${label} » accueille encore ${count} entretiens \\(.+\\) : déplacez-les avant de la retirer\\.$`));
    expect((await t.call('planner-get', { callId })).settings.rooms).toHaveLength(2);
  });

  it('plans every candidate to hear, reports progress, applies, and refuses a stale proposal', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const start = await t.call('planner-get', { callId });
    await t.call('planner-settings-save', { callId, settings: { ...start.settings, blackouts: [{ from: '2026-06-15', to: '2026-06-19', label: 'Baccalauréat' }] } });
    const proposal = await t.call('planner-run', { callId, mode: 'plan', runId: 'r1' });
    expect(proposal.violations).toEqual([]);
    expect(proposal.plan.unplaced).toEqual([]);
    expect(proposal.plan.placed.map((s) => s.candidateId).sort((a, b) => a - b)).toEqual(heard(start).map((c) => c.id).sort((a, b) => a - b));
    expect(proposal.plan.placed.every((s) => s.date < '2026-06-15' || s.date > '2026-06-19')).toBe(true);
    expect(proposal.plan.stats.days).toBe(proposal.plan.stats.daysLowerBound);
    const progress = t.events.filter((e) => e.event === 'progress' && e.payload.id === 'r1').map((e) => (e.payload as { fraction: number }).fraction);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    // Nothing is stored before applying.
    expect((await t.call('planner-get', { callId })).slots).toEqual([]);
    const applied = await t.call('planner-apply', { callId, runId: 'r1', basedOnRevision: proposal.basedOnRevision, slots: proposal.plan.placed, unplaced: proposal.plan.unplaced });
    expect(applied.slots.map(toSlot)).toEqual(proposal.plan.placed);
    expect(applied.violations).toEqual([]);
    expect(applied.unplaced).toEqual([]);
    expect(applied.plannedAt).not.toBeNull();
    const again = await expectError(
      t.call('planner-apply', { callId, runId: 'r1', basedOnRevision: proposal.basedOnRevision, slots: proposal.plan.placed, unplaced: [] }),
      'conflict',
    );
    expect(again.message).toMatch(/Le planning a changé/);
  });

  it('refuses a forged proposal that breaks a constraint', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const proposal = await t.call('planner-run', { callId, mode: 'plan', runId: 'r' });
    const [a, b] = proposal.plan.placed;
    const forged = proposal.plan.placed.map((s) => (s === b ? { ...b!, date: a!.date, start: a!.start, end: a!.end, roomId: a!.roomId } : s));
    const error = await expectError(t.call('planner-apply', { callId, runId: 'r', basedOnRevision: proposal.basedOnRevision, slots: forged, unplaced: [] }), 'conflict');
    expect(error.message).toMatch(/deux entretiens qui se chevauchent/);
    expect((await t.call('planner-get', { callId })).slots).toEqual([]);
  });

  it('moves a slot only where nothing breaks, explains why not otherwise, and keeps locked slots', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const [first, second] = view.slots;
    // Onto the time of another interview in the same room: refused, explained, nothing moved.
    const clash = await expectError(
      t.call('planner-slot-move', { callId, candidateId: second!.candidateId, date: first!.date, start: first!.start, roomId: first!.roomId, basedOnRevision: view.revision }),
      'conflict',
    );
    expect(clash.message).toMatch(/^Déplacement impossible : La salle « Salle 1 » accueille deux entretiens qui se chevauchent/);
    // A Sunday; a day already past (the tests' clock says 10 June 2026).
    const sunday = await expectError(
      t.call('planner-slot-move', { callId, candidateId: second!.candidateId, date: '2026-06-14', start: '09:00', roomId: 'salle-1', basedOnRevision: view.revision }),
      'conflict',
    );
    expect(sunday.message).toMatch(/dimanche 14\/06\/2026 n’est pas un jour ouvré/);
    const past = await expectError(
      t.call('planner-slot-move', { callId, candidateId: second!.candidateId, date: '2026-06-09', start: '09:00', roomId: 'salle-1', basedOnRevision: view.revision }),
      'conflict',
    );
    expect(past.message).toBe('Le mardi 09/06/2026 est passé : choisissez un jour à partir du jeudi 11/06/2026.');
    expect((await t.call('planner-get', { callId })).slots).toEqual(view.slots);
    // A free afternoon late in the window: accepted.
    const moved = await t.call('planner-slot-move', { callId, candidateId: second!.candidateId, date: '2026-06-26', start: '16:00', roomId: 'salle-1', basedOnRevision: view.revision });
    const now = moved.slots.find((s) => s.candidateId === second!.candidateId)!;
    expect([now.date, now.start, now.end]).toEqual(['2026-06-26', '16:00', '16:30']);
    expect(now.memberIds.length).toBeGreaterThanOrEqual(moved.settings.quorum);
    expect(moved.violations).toEqual([]);
    // Locked: a move is refused, and a fresh plan keeps it.
    const locked = await t.call('planner-slot-lock', { callId, candidateId: second!.candidateId, locked: true });
    await expectError(t.call('planner-slot-move', { callId, candidateId: second!.candidateId, date: '2026-06-25', start: '16:00', roomId: 'salle-1', basedOnRevision: locked.revision }), 'forbidden');
    const { view: replanned } = await planAndApply(t, callId, 'plan');
    expect(replanned.slots.find((s) => s.candidateId === second!.candidateId)).toMatchObject({ date: '2026-06-26', start: '16:00', locked: true });
  });

  it('after a withdrawal, re-plans without moving anyone else; after a new unavailability, moves only that candidate', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const leaving = view.slots[1]!.candidateId;
    const file = await t.call('candidates-get', { id: leaving });
    await t.call('candidates-update', { id: leaving, candidate: { ...draftFromFile(file), status: 'retiree' } });
    const stale = await t.call('planner-get', { callId });
    // The stored slot of a withdrawn candidate is reported until the planning is updated.
    expect(stale.violations.some((v) => v.candidateIds.includes(leaving))).toBe(true);
    const { proposal, view: after } = await planAndApply(t, callId, 'replan');
    expect(proposal.diff.moved).toEqual([]);
    expect(proposal.diff.removed.map((r) => r.slot.candidateId)).toEqual([leaving]);
    expect(proposal.diff.unchanged).toBe(view.slots.length - 1);
    expect(after.slots.some((s) => s.candidateId === leaving)).toBe(false);

    const target = after.slots[0]!;
    await t.call('planner-constraints-save', {
      callId,
      kind: 'candidate',
      personId: target.candidateId,
      availability: { unavailable: [{ date: target.date }] },
      preferred: [],
      note: 'Convoqué au jury du bac ce jour-là',
    });
    const conflicted = await t.call('planner-get', { callId });
    expect(conflicted.violations.map((v) => v.code)).toContain('candidate-unavailable');
    const second = await planAndApply(t, callId, 'replan');
    expect(second.proposal.diff.moved.map((m) => m.candidateId)).toEqual([target.candidateId]);
    expect(second.proposal.diff.unchanged).toBe(after.slots.length - 1);
    expect(second.view.slots.find((s) => s.candidateId === target.candidateId)!.date).not.toBe(target.date);
    expect(second.view.violations).toEqual([]);
  });

  it('records a convocation and flags it when the slot moves afterwards', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const slot = view.slots[0]!;
    const docx = await t.call('planner-convocation', { callId, candidateId: slot.candidateId, format: 'docx' });
    expect(docx.fileName).toMatch(/^convocation-.+\.docx$/);
    expect(Buffer.from(docx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const eml = Buffer.from((await t.call('planner-convocation', { callId, candidateId: slot.candidateId, format: 'eml' })).contentBase64, 'base64').toString();
    expect(eml).toMatch(/X-Unsent: 1/);
    expect(eml).toMatch(/text\/calendar/);
    const convoked = (await t.call('planner-get', { callId })).slots[0]!;
    expect(convoked.convokedFor).toBe(slotKey(slot));
    expect(convoked.convokedAt).not.toBeNull();
    // Moved after the convocation: a re-plan lists them to convoke again.
    const moved = await t.call('planner-slot-move', { callId, candidateId: slot.candidateId, date: '2026-06-29', start: '14:00', roomId: 'salle-1', basedOnRevision: (await t.call('planner-get', { callId })).revision });
    const now = moved.slots.find((s) => s.candidateId === slot.candidateId)!;
    expect(now.convokedFor).toBe(slotKey(slot));
    expect(slotKey(now)).not.toBe(now.convokedFor);
    // A convocation is refused while the slot is in conflict.
    await t.call('planner-constraints-save', { callId, kind: 'candidate', personId: slot.candidateId, availability: { unavailable: [{ date: '2026-06-29' }] }, preferred: [], note: '' });
    const refused = await expectError(t.call('planner-convocation', { callId, candidateId: slot.candidateId, format: 'docx' }), 'conflict');
    expect(refused.message).toMatch(/est en conflit/);
    // Re-planned, the candidate may go back to the very slot announced: nothing to send again then.
    const back = await t.call('planner-run', { callId, mode: 'replan', runId: 'back' });
    const placedBack = back.plan.placed.find((s) => s.candidateId === slot.candidateId)!;
    expect(back.reconvoke).toEqual(slotKey(placedBack) === slotKey(slot) ? [] : [slot.candidateId]);
    // Away on the announced day too: the new slot must be announced again.
    await t.call('planner-constraints-save', { callId, kind: 'candidate', personId: slot.candidateId, availability: { unavailable: [{ date: '2026-06-29' }, { date: slot.date }] }, preferred: [], note: '' });
    const proposal = await t.call('planner-run', { callId, mode: 'replan', runId: 'again' });
    expect(proposal.reconvoke).toEqual([slot.candidateId]);
  });

  it('reads candidates’ constraints from the template workbook: preview writes nothing, bad cells named by row and column', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const template = await t.call('planner-constraints-template', { callId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contraintes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Identifiant', 'Nom', 'Prénom', 'E-mail', 'Poste', 'Indisponibilités', 'Préférences', 'Note']);
    const ids = [2, 3, 4].map((r) => Number(String(sheet.getCell(r, 1).value).slice(4)));
    sheet.getCell(2, 6).value = '03/06/2026 ; du 08/06/2026 au 10/06/2026 ; mardi matin';
    sheet.getCell(2, 7).value = '22/06/2026 après-midi';
    sheet.getCell(3, 6).value = '31/06/2026';
    sheet.getCell(4, 8).value = 'Préfère le matin';
    // A date typed alone in a cell, which Excel stores as a date.
    sheet.getCell(4, 6).value = new Date(Date.UTC(2026, 5, 5));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const args = { callId, fileName: 'contraintes.xlsx', contentBase64: bytes.toString('base64') };
    const preview = await t.call('planner-constraints-import', { ...args, commit: false });
    expect(preview.committed).toBe(false);
    expect(preview.rows.find((r) => r.row === 2)).toMatchObject({ candidateId: ids[0], status: 'new', unavailable: '03/06/2026 ; du 08/06/2026 au 10/06/2026 ; mardi matin', preferred: '22/06/2026 après-midi' });
    expect(preview.rows.find((r) => r.row === 3)).toMatchObject({ status: 'refused', problem: 'Ligne 3 : colonne « Indisponibilités » : « 31/06/2026 » : le 31/06/2026 n’existe pas dans le calendrier.' });
    expect(preview.rows.find((r) => r.row === 4)).toMatchObject({ status: 'new', unavailable: '05/06/2026' });
    expect(preview.accepted).toBe(2);
    expect((await t.call('planner-get', { callId })).candidates.find((c) => c.id === ids[0])!.constraints.availability).toEqual({});
    const done = await t.call('planner-constraints-import', { ...args, commit: true });
    expect(done.committed).toBe(true);
    const view = await t.call('planner-get', { callId });
    const first = view.candidates.find((c) => c.id === ids[0])!;
    expect(first.constraints.availability.unavailable).toEqual([{ date: '2026-06-03' }, { date: '2026-06-08' }, { date: '2026-06-09' }, { date: '2026-06-10' }]);
    expect(first.constraints.availability.weekly).toEqual([{ weekday: 2, half: 'am' }]);
    expect(first.constraints.preferred).toEqual([{ date: '2026-06-22', half: 'pm' }]);
    expect(view.candidates.find((c) => c.id === ids[1])!.constraints.availability).toEqual({});
    expect(view.candidates.find((c) => c.id === ids[2])!.constraints.note).toBe('Préfère le matin');
    expect(preview.rows.find((r) => r.row === 4)!.note).toBe('Préfère le matin');
    // The planner honours them.
    const proposal = await t.call('planner-run', { callId, mode: 'plan', runId: 'c' });
    const slot = proposal.plan.placed.find((s) => s.candidateId === ids[0])!;
    expect(['2026-06-03', '2026-06-08', '2026-06-09', '2026-06-10']).not.toContain(slot.date);
    // Imported again unchanged: nothing to write.
    const twice = await t.call('planner-constraints-import', { ...args, commit: false });
    expect(twice.rows.find((r) => r.row === 2)!.status).toBe('unchanged');
  });

  it('keeps the planning to the presidency and the secretariat', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const member = (await t.call('members-list', { callId })).find((m) => m.role === 'membre')!;
    const error = await expectError(t.call('planner-run', { callId, mode: 'plan', runId: 'm' }, { name: member.name, email: member.email }), 'forbidden');
    expect(error.message).toBe('Seuls la présidence et le secrétariat peuvent modifier le planning des entretiens.');
    // Reading is open: members see when they sit.
    await t.call('planner-get', { callId }, { name: member.name, email: member.email });
    await t.call('planner-run', { callId, mode: 'plan', runId: 's' }, ACTOR);
  });

  it('exports the planning and each member’s schedule', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const file = await t.call('planner-export', { callId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(new Set(view.slots.map((s) => s.date)).size + view.input.members.length);
    const president = view.members.find((m) => m.president)!;
    const ics = Buffer.from((await t.call('planner-member-schedule', { callId, memberId: president.id, format: 'ics' })).contentBase64, 'base64').toString();
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBe(view.slots.filter((s) => s.memberIds.includes(president.id)).length);
  });
  it('lists a convocation to call off when its interview goes, until the secretariat says the candidate knows', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const slot = view.slots[0]!;
    await t.call('planner-convocation', { callId, candidateId: slot.candidateId, format: 'eml' });
    // The application moved on to « convoquée ».
    expect((await t.call('candidates-get', { id: slot.candidateId })).status).toBe('convoquee');
    const file = await t.call('candidates-get', { id: slot.candidateId });
    await t.call('candidates-update', { id: slot.candidateId, candidate: { ...draftFromFile(file), status: 'retiree' } });
    const stale = await t.call('planner-get', { callId });
    expect(stale.violations.find((v) => v.candidateIds.includes(slot.candidateId))!.message).toMatch(/n’est plus à entendre \(candidature retirée\) : son entretien du .+ est à retirer du planning\./);
    // Withdrawn: out of the members' calendars at once.
    const president = stale.members.find((m) => m.president)!;
    const ics = Buffer.from((await t.call('planner-member-schedule', { callId, memberId: president.id, format: 'ics' })).contentBase64, 'base64').toString();
    expect(ics.match(/BEGIN:VEVENT/g)?.length ?? 0).toBe(stale.slots.filter((s) => s.memberIds.includes(president.id) && s.candidateId !== slot.candidateId).length);
    const { view: after } = await planAndApply(t, callId, 'replan');
    expect(after.toCallOff).toEqual([{ candidateId: slot.candidateId, label: expect.any(String), announced: expect.stringMatching(/à \d\d:\d\d$/), convokedAt: expect.any(String) }]);
    const done = await t.call('planner-call-off-done', { callId, candidateId: slot.candidateId });
    expect(done.toCallOff).toEqual([]);
  });

  it('takes a member who leaves off the juries they sat on, so the others’ slots still hold', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const leaving = view.members.find((m) => m.sits && !m.president && view.slots.some((s) => s.memberIds.includes(m.id)))!;
    await t.call('members-delete', { id: leaving.id });
    const after = await t.call('planner-get', { callId });
    expect(after.revision).toBeGreaterThan(view.revision);
    expect(after.slots.some((s) => s.memberIds.includes(leaving.id))).toBe(false);
    expect(after.violations.every((v) => v.code === 'quorum')).toBe(true);
  });

  it('refuses to run while a locked slot no longer holds, naming it', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const slot = view.slots[0]!;
    await t.call('planner-slot-lock', { callId, candidateId: slot.candidateId, locked: true });
    await t.call('planner-constraints-save', { callId, kind: 'candidate', personId: slot.candidateId, availability: { unavailable: [{ date: slot.date }] }, preferred: [], note: '' });
    const error = await expectError(t.call('planner-run', { callId, mode: 'replan', runId: 'x' }), 'conflict');
    expect(error.message).toMatch(/^Un créneau verrouillé ne tient plus : .+ Déverrouillez-le/);
  });

  it('keeps interviews already held where they were and places nobody on a past day', async () => {
    let now = new Date('2026-06-01T08:00:00Z');
    const t = makeServices({ now: () => now });
    const callId = await demoCsti(t);
    const defaults = await t.call('planner-get', { callId });
    await t.call('planner-settings-save', { callId, settings: { ...defaults.settings, maxPerDay: 3 } });
    const { view } = await planAndApply(t, callId);
    // The evening of the first interview day: its interviews are held.
    const firstDay = view.slots[0]!.date;
    const held = view.slots.filter((s) => s.date === firstDay);
    now = new Date(`${firstDay}T16:00:00Z`);
    // The president away on the next two days: a fresh plan keeps what was held and moves the rest later.
    const president = view.members.find((m) => m.president)!;
    const away = [addDays(firstDay, 1), addDays(firstDay, 2)];
    await t.call('planner-constraints-save', { callId, kind: 'member', personId: president.id, availability: { unavailable: away.map((date) => ({ date })) }, preferred: [], note: '' });
    const { proposal, view: after } = await planAndApply(t, callId, 'plan');
    for (const s of held) expect(after.slots.find((x) => x.candidateId === s.candidateId)).toMatchObject({ date: s.date, start: s.start });
    const others = proposal.plan.placed.filter((s) => !held.some((h) => h.candidateId === s.candidateId));
    expect(held.length).toBe(3);
    expect(others.length).toBe(view.slots.length - 3);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s) => s.date > firstDay && !away.includes(s.date))).toBe(true);
    // A window entirely past: said before anything is computed.
    now = new Date('2026-07-01T08:00:00Z');
    const late = await expectError(t.call('planner-run', { callId, mode: 'replan', runId: 'late' }), 'validation');
    expect(late.message).toBe('La période des entretiens (jusqu’au mardi 30/06/2026) est passée : indiquez de nouvelles dates dans les réglages, puis relancez le calcul.');
    now = new Date(`${firstDay}T16:00:00Z`);
    expect(after.warnings[0]).toMatch(/^Les jours jusqu’à aujourd’hui \(\p{L}+ \d\d\/06\/2026\) ne reçoivent plus de nouvel entretien\.$/u);
    await expectError(t.call('planner-convocation', { callId, candidateId: held[0]!.candidateId, format: 'docx' }), 'conflict');
  });

  it('refuses a convocation to a plain member, and a panel citing the secretariat', async () => {
    const t = makeServices();
    const callId = await demoCsti(t);
    const { view } = await planAndApply(t, callId);
    const members = await t.call('members-list', { callId });
    const plain = members.find((m) => m.role === 'membre')!;
    await expectError(t.call('planner-convocation', { callId, candidateId: view.slots[0]!.candidateId, format: 'docx' }, { name: plain.name, email: plain.email }), 'forbidden');
    const secretariat = members.find((m) => m.role === 'secretariat')!;
    const call = await t.call('calls-get', { id: callId });
    const error = await expectError(
      t.call('planner-settings-save', { callId, settings: { ...view.settings, panels: [{ id: 'j1', label: 'Jury Écrins', posts: [String(call.posts[0]!.id)], memberIds: [secretariat.id] }] } }),
      'validation',
    );
    expect(error.fieldErrors?.['panels.0']).toMatch(/le secrétariat ne siège pas/);
  });
});

describe('the planner’s worker', () => {
  it('reports progress, returns the same plan as in-thread, and stops on cancel or time limit without leaving a thread', async () => {
    const input = campaignInput(1500, 7);
    const request = { mode: 'plan' as const, input, previous: [], seed: 1 };
    const fractions: number[] = [];
    const threaded = await runPlanner(request, { workerUrl: worker.url, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(checkPlan(input, threaded.plan)).toEqual([]);
    const inThread = await runPlanner({ ...request, input: campaignInput(1500, 7) }, { workerUrl: null });
    expect(JSON.stringify(threaded.plan)).toBe(JSON.stringify(inThread.plan));

    const controller = new AbortController();
    const cancelled = runPlanner(request, { workerUrl: worker.url, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toThrow('Calcul annulé : rien n’a été modifié.');
    await expect(runPlanner(request, { workerUrl: worker.url, timeoutMs: 20 })).rejects.toThrow(/a dépassé 0 s et a été arrêté/);
  }, 60_000);
});
