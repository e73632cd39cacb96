// The planner's documents as their readers get them: the convocation letter (.docx, read from its XML and,
// when LibreOffice Writer is installed, as LibreOffice lays it out), the mail drafts read back by the app's
// own mail reader with their invitations parsed by ical.js, and the planning workbook read back by exceljs.
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractZipEntries } from '../../electron/services/excel/zip-guard.js';
import { readMail } from '../../electron/services/mail/read-mail.js';
import {
  convocationDocx,
  convocationEml,
  convocationIcs,
  memberIcs,
  memberScheduleEml,
  type ConvocationData,
  type MemberScheduleData,
} from '../../electron/services/planner/documents.js';
import { planningWorkbook, type PlanningWorkbookData } from '../../electron/services/planner/planning-workbook.js';
import { libreOffice, SOFFICE, type LibreOffice } from '../helpers/libreoffice.js';
import { tempDir } from '../helpers/temp.js';

const NBSP = '\u00a0';
// Late on 19 May in UTC is 20 May in Paris: the letter is dated as the secretariat's calendar says.
const NOW = new Date('2026-05-19T22:30:00Z');

const CONVOCATION: ConvocationData = {
  call: {
    title: 'Professeur relais territorial CSTI — rentrée 2026',
    reference: 'IPR-CSTI-RT-2026',
    academie: 'Aix-Marseille',
    contactEmail: 'csti@ac-aix-marseille.example',
    place: 'Rectorat de l’académie d’Aix-Marseille, place Lucien Paye, Aix-en-Provence',
    presidedBy: 'Le correspondant académique sciences et technologie (CAST)',
  },
  candidate: {
    id: 7,
    nom: 'ARNAUD',
    prenom: 'Camille',
    label: 'ARNAUD Camille',
    email: 'camille.arnaud@ac-aix-marseille.example',
    postLabel: 'Professeur relais territorial CSTI — Réseau Les Écrins',
  },
  slot: { date: '2026-06-03', start: '09:00', end: '09:45', roomLabel: 'Salle 204' },
  now: NOW,
};

function withCall(call: Partial<ConvocationData['call']>, rest: Partial<ConvocationData> = {}): ConvocationData {
  return { ...CONVOCATION, ...rest, call: { ...CONVOCATION.call, ...call } };
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The document's paragraphs: their style and their text (tabs as \t). */
function paragraphs(documentXml: string): { style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join('')),
  }));
}

async function letterParts(data: ConvocationData): Promise<{ document: string; styles: string; texts: string[] }> {
  const parts = extractZipEntries(await convocationDocx(data), 'convocation.docx');
  const document = parts.get('word/document.xml')!.toString('utf8');
  return { document, styles: parts.get('word/styles.xml')!.toString('utf8'), texts: paragraphs(document).map((p) => p.text) };
}

function readIcs(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

afterEach(() => {
  if (ICAL.TimezoneService.has('Europe/Paris')) ICAL.TimezoneService.remove('Europe/Paris');
});

describe('convocation letter (.docx)', () => {
  it('says who, when, where and what to bring, in French, on A4', async () => {
    const { document, texts } = await letterParts(CONVOCATION);
    expect(texts.slice(0, 5)).toEqual([
      'Académie d’Aix-Marseille',
      'Commission de recrutement',
      'Professeur relais territorial CSTI — rentrée 2026',
      'Réf. : IPR-CSTI-RT-2026',
      'Contact : csti@ac-aix-marseille.example',
    ]);
    expect(texts).toContain('Aix-en-Provence, le 20 mai 2026');
    expect(texts).toContain('Camille ARNAUD');
    expect(texts).toContain('Objet : convocation à l’entretien');
    expect(texts).toContain('Madame, Monsieur,');
    expect(texts).toContain(
      `Dans le cadre de votre candidature au poste de Professeur relais territorial CSTI — Réseau Les Écrins (appel «${NBSP}Professeur relais territorial CSTI — rentrée 2026${NBSP}», réf. IPR-CSTI-RT-2026), la commission de recrutement vous recevra en entretien :`,
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        'Date :\tmercredi 3 juin 2026',
        `Heure :\tde 9${NBSP}h${NBSP}00 à 9${NBSP}h${NBSP}45`,
        'Lieu :\tRectorat de l’académie d’Aix-Marseille, place Lucien Paye, Aix-en-Provence',
        'Salle :\tSalle 204',
      ]),
    );
    expect(texts.some((t) => t.includes('pièce d’identité'))).toBe(true);
    expect(texts.some((t) => t.includes('écrivez sans délai à csti@ac-aix-marseille.example'))).toBe(true);
    expect(texts.slice(-2)).toEqual(['Pour la commission de recrutement,', 'Le correspondant académique sciences et technologie (CAST)']);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('gives every paragraph a named style the secretariat can change in Word or LibreOffice', async () => {
    const { document, styles } = await letterParts(CONVOCATION);
    const used = new Set(paragraphs(document).map((p) => p.style));
    expect(used.has(null)).toBe(false);
    for (const [id, name] of [
      ['Academie', 'En-tête académie'],
      ['Objet', 'Objet'],
      ['Corps', 'Corps de la lettre'],
      ['Modalites', 'Modalités de l’entretien'],
      ['Signature', 'Signature'],
    ] as const) {
      expect(used.has(id)).toBe(true);
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*><w:name w:val="${name}"/>`));
    }
    expect(styles).toContain('<w:lang w:val="fr-FR"/>');
  });

  it('dates the letter from the académie’s city, or « Le … » when there is none to name', async () => {
    expect((await letterParts(withCall({ academie: 'Académie d’Orléans-Tours' }))).texts).toContain('Orléans, le 20 mai 2026');
    expect((await letterParts(withCall({ academie: 'Nancy-Metz' }))).texts[0]).toBe('Académie de Nancy-Metz');
    const normandie = (await letterParts(withCall({ academie: 'Normandie' }))).texts;
    expect(normandie[0]).toBe('Académie de Normandie');
    expect(normandie).toContain('Le 20 mai 2026');
    const unknown = (await letterParts(withCall({ academie: 'Wallis-et-Futuna' }))).texts;
    expect(unknown[0]).toBe('Académie de Wallis-et-Futuna');
    expect(unknown).toContain('Le 20 mai 2026');
  });

  it('writes the first of the month « 1er » and leaves a visible gap where the place is missing', async () => {
    const { texts } = await letterParts(withCall({ place: '' }, { slot: { date: '2026-06-01', start: '14:30', end: '15:15', roomLabel: '' } }));
    expect(texts).toContain('Date :\tlundi 1er juin 2026');
    expect(texts).toContain(`Heure :\tde 14${NBSP}h${NBSP}30 à 15${NBSP}h${NBSP}15`);
    expect(texts).toContain('Lieu :\t[lieu à compléter]');
    expect(texts.some((t) => t.startsWith('Salle'))).toBe(false);
  });

  describe('as LibreOffice Writer lays it out', () => {
    // The Debian package libreoffice-calc alone has no Writer: it cannot open a .docx.
    const hasWriter = SOFFICE !== null && existsSync(join(dirname(realpathSync(SOFFICE)), 'libswlo.so'));
    let lo: LibreOffice;
    beforeAll(() => {
      if (hasWriter) lo = libreOffice();
    });
    afterAll(() => {
      if (hasWriter) lo.dispose();
    });

    it.skipIf(!hasWriter)('opens it, shows the same text and fits it on one A4 page (skipped when LibreOffice Writer is not installed)', async () => {
      const dir = tempDir();
      const file = join(dir, 'convocation.docx');
      writeFileSync(file, await convocationDocx(CONVOCATION));
      const text = readFileSync(await lo.convert(file, 'txt:Text (encoded):UTF8', dir), 'utf8').replace(/^\ufeff/, '');
      const lines = text.split(/\r?\n/);
      expect(lines).toEqual(
        expect.arrayContaining([
          'Académie d’Aix-Marseille',
          'Aix-en-Provence, le 20 mai 2026',
          'Camille ARNAUD',
          'Objet : convocation à l’entretien',
          'Date :\tmercredi 3 juin 2026',
          `Heure :\tde 9${NBSP}h${NBSP}00 à 9${NBSP}h${NBSP}45`,
          'Salle :\tSalle 204',
          'Le correspondant académique sciences et technologie (CAST)',
        ]),
      );
      const pdf = readFileSync(await lo.convert(file, 'pdf', dir)).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf)!;
      expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([595, 842]);
    });
  });
});

describe('convocation mail (.eml) and invitation (.ics)', () => {
  it('is a draft to the candidate with the subject, the details and the invitation attached', async () => {
    const bytes = convocationEml(CONVOCATION);
    const raw = Buffer.from(bytes).toString('utf8');
    expect(raw).toContain('X-Unsent: 1');
    expect(raw).toMatch(/Content-Type: text\/calendar; method=PUBLISH; charset=utf-8; name="convocation.ics"/);
    const mail = await readMail(bytes, 'convocation.eml');
    expect(mail.subject).toBe('Convocation à l’entretien – Professeur relais territorial CSTI — rentrée 2026 – ARNAUD Camille');
    expect(mail.to).toEqual(['camille.arnaud@ac-aix-marseille.example']);
    expect(mail.bodyText).toContain('Madame, Monsieur,');
    expect(mail.bodyText).toContain('Date : mercredi 3 juin 2026');
    // The app's reader shows no-break spaces as spaces.
    expect(mail.bodyText).toContain('Heure : de 9 h 00 à 9 h 45');
    expect(mail.bodyText).toContain('Lieu : Rectorat de l’académie d’Aix-Marseille, place Lucien Paye, Aix-en-Provence');
    expect(mail.bodyText).toContain('Salle : Salle 204');
    expect(mail.bodyText).toContain('pièce d’identité');
    expect(mail.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([['convocation.ics', 'text/calendar']]);

    // The file as sent keeps its CRLF line ends (postal-mime turns a calendar's into LF when reading).
    const sent = /name="convocation\.ics"[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(raw)![1]!;
    expect(Buffer.from(sent.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(convocationIcs(CONVOCATION));
    const ics = Buffer.from(mail.attachments[0]!.content).toString('utf8');
    expect(ics).toBe(convocationIcs(CONVOCATION).replace(/\r\n/g, '\n'));
    const [event] = readIcs(ics);
    expect(event!.uid).toBe('convocation-ipr-csti-rt-2026-7@commission-recrutement');
    expect(event!.summary).toBe('Entretien – Professeur relais territorial CSTI — rentrée 2026');
    expect(event!.location).toBe('Rectorat de l’académie d’Aix-Marseille, place Lucien Paye, Aix-en-Provence – Salle 204');
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-06-03T07:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-06-03T07:45:00.000Z');
    expect(event!.organizer).toBe('mailto:csti@ac-aix-marseille.example');
    expect(event!.description).toContain('Poste : Professeur relais territorial CSTI — Réseau Les Écrins');
  });

  it('keeps the same UID when the interview moves, with a higher SEQUENCE and a later stamp, so a calendar replaces the event', () => {
    const first = readIcs(convocationIcs(CONVOCATION))[0]!;
    ICAL.TimezoneService.remove('Europe/Paris');
    const moved = readIcs(
      convocationIcs({ ...CONVOCATION, slot: { date: '2026-06-10', start: '11:00', end: '11:45', roomLabel: 'Salle 12' }, now: new Date('2026-05-25T08:00:00Z') }),
    )[0]!;
    expect(moved.uid).toBe(first.uid);
    expect(moved.startDate.toJSDate().toISOString()).toBe('2026-06-10T09:00:00.000Z');
    expect(moved.component.getFirstPropertyValue('dtstamp')!.toString() > first.component.getFirstPropertyValue('dtstamp')!.toString()).toBe(true);
    expect(Number(moved.component.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(first.component.getFirstPropertyValue('sequence')));
    // Another candidate of the same call, or the same candidate of another call: another event.
    expect(convocationIcs({ ...CONVOCATION, candidate: { ...CONVOCATION.candidate, id: 8 } })).not.toContain(first.uid);
    expect(convocationIcs(withCall({ reference: '', title: 'Directeur(trice) — ASTERIE' }))).toContain('UID:convocation-directeur-trice-asterie-7@commission-recrutement');
  });

  it('leaves the recipient to fill in when the candidate has no address', async () => {
    const mail = await readMail(convocationEml({ ...CONVOCATION, candidate: { ...CONVOCATION.candidate, email: '' } }), 'convocation.eml');
    expect(mail.to).toEqual([]);
    expect(mail.attachments).toHaveLength(1);
  });
});

describe('member’s schedule', () => {
  const SCHEDULE: MemberScheduleData = {
    call: CONVOCATION.call,
    member: { id: 3, name: 'Hélène Martin', email: 'helene.martin@ac-aix-marseille.example' },
    interviews: [
      { candidateId: 9, date: '2026-06-04', start: '14:00', end: '14:45', roomLabel: 'Salle 12', candidateLabel: 'CHAUVIN Élie', postLabel: 'Réseau Les Écrins' },
      { candidateId: 7, date: '2026-06-03', start: '09:00', end: '09:45', roomLabel: 'Salle 204', candidateLabel: 'ARNAUD Camille', postLabel: 'Réseau Les Écrins' },
      { candidateId: 8, date: '2026-06-03', start: '10:00', end: '10:45', roomLabel: 'Salle 204', candidateLabel: 'BLANC Léa', postLabel: 'Réseau Côte Bleue – La Nerthe' },
    ],
    now: NOW,
  };

  it('is one calendar of their interviews, in order, each with a stable UID', () => {
    const events = readIcs(memberIcs(SCHEDULE));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ['Entretien – ARNAUD Camille', '2026-06-03T07:00:00.000Z'],
      ['Entretien – BLANC Léa', '2026-06-03T08:00:00.000Z'],
      ['Entretien – CHAUVIN Élie', '2026-06-04T12:00:00.000Z'],
    ]);
    expect(events.map((e) => e.uid)).toEqual([
      'entretien-ipr-csti-rt-2026-7@commission-recrutement',
      'entretien-ipr-csti-rt-2026-8@commission-recrutement',
      'entretien-ipr-csti-rt-2026-9@commission-recrutement',
    ]);
    expect(events[1]!.description).toContain('Poste : Réseau Côte Bleue – La Nerthe');
  });

  it('comes as a draft to the member listing each day, the calendar attached', async () => {
    const mail = await readMail(memberScheduleEml(SCHEDULE), 'planning.eml');
    expect(mail.subject).toBe('Vos entretiens – Professeur relais territorial CSTI — rentrée 2026');
    expect(mail.to).toEqual(['helene.martin@ac-aix-marseille.example']);
    const body = mail.bodyText;
    expect(body).toContain('Bonjour Hélène Martin,');
    expect(body).toContain('Voici vos 3 entretiens pour la commission « Professeur relais territorial CSTI — rentrée 2026 (réf. IPR-CSTI-RT-2026) » :');
    const order = ['mercredi 3 juin 2026', 'ARNAUD Camille', 'BLANC Léa', 'jeudi 4 juin 2026', 'de 14 h 00 à 14 h 45, Salle 12 : CHAUVIN Élie (Réseau Les Écrins)'];
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['entretiens.ics']);
    expect(readIcs(Buffer.from(mail.attachments[0]!.content).toString('utf8'))).toHaveLength(3);
  });

  it('says so when the member has no interview yet', async () => {
    const mail = await readMail(memberScheduleEml({ ...SCHEDULE, interviews: [] }), 'planning.eml');
    expect(mail.bodyText).toContain('Aucun entretien ne vous est attribué pour l’instant');
    expect(readIcs(Buffer.from(mail.attachments[0]!.content).toString('utf8'))).toHaveLength(0);
  });
});

describe('planning workbook', () => {
  const LONG = 'Jean-Baptiste de La Rochefoucauld-Montmorency';
  const PLANNING: PlanningWorkbookData = {
    callTitle: CONVOCATION.call.title,
    rooms: [
      { id: 'r1', label: 'Salle 204' },
      { id: 'r2', label: 'Salle 12' },
    ],
    members: [
      { id: 1, name: 'Hélène Martin' },
      { id: 2, name: LONG },
      { id: 3, name: LONG },
      { id: 4, name: 'Dupont / Martin [CAST]' },
      { id: 5, name: 'Non placés' },
    ],
    candidates: [
      { id: 7, label: 'ARNAUD Camille', email: 'camille.arnaud@ac-aix-marseille.example', postLabel: 'Réseau Les Écrins' },
      { id: 8, label: 'BLANC Léa', email: 'lea.blanc@ac-aix-marseille.example', postLabel: 'Réseau Côte Bleue – La Nerthe' },
      { id: 9, label: 'CHAUVIN Élie', email: 'elie.chauvin@ac-aix-marseille.example', postLabel: 'Réseau Les Écrins' },
      { id: 10, label: 'DURAND Zoé', email: 'zoe.durand@ac-aix-marseille.example', postLabel: 'Réseau Les Écrins' },
      { id: 11, label: '=HYPERLINK("x")', email: 'x@example.test', postLabel: 'Réseau Les Écrins' },
    ],
    // Deliberately out of order: the workbook sorts by day, time and room.
    slots: [
      { candidateId: 9, date: '2026-06-04', start: '14:00', end: '14:45', roomId: 'r2', memberIds: [1, 3], locked: false, convokedAt: null },
      { candidateId: 8, date: '2026-06-03', start: '10:00', end: '10:45', roomId: 'r1', memberIds: [1, 2, 4], locked: false, convokedAt: null },
      { candidateId: 7, date: '2026-06-03', start: '09:00', end: '09:45', roomId: 'r1', memberIds: [1, 2], locked: true, convokedAt: '2026-05-19T22:30:00.000Z' },
    ],
    unplaced: [
      { candidateId: 11, reason: 'Aucun membre disponible en même temps que la candidature.' },
      { candidateId: 10, reason: 'Indisponible sur toute la période (du 01/06/2026 au 30/06/2026).' },
    ],
    now: NOW,
  };

  async function workbook(data: PlanningWorkbookData): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await planningWorkbook(data)) as unknown as ArrayBuffer);
    return wb;
  }

  function values(ws: ExcelJS.Worksheet): unknown[][] {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  it('has one sheet per day, « Non placés », one per member (names fitted and told apart), then Métadonnées', async () => {
    const wb = await workbook(PLANNING);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      'mer. 03-06-2026',
      'jeu. 04-06-2026',
      'Non placés',
      'Dupont - Martin -CAST-',
      'Hélène Martin',
      'Jean-Baptiste de La Rochefoucau',
      'Jean-Baptiste de La Rochefo (2)',
      'Non placés (2)',
      'Métadonnées',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(wb.getWorksheet('mer. 03-06-2026')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists each day’s interviews by time with room, candidate, post, members, lock and convocation date', async () => {
    const day = values((await workbook(PLANNING)).getWorksheet('mer. 03-06-2026')!);
    expect(day[0]).toEqual(['Date', 'Début', 'Fin', 'Salle', 'Candidat', 'Poste', 'Membres', 'Verrouillé', 'Convoqué le']);
    expect(day.slice(1)).toEqual([
      [new Date(Date.UTC(2026, 5, 3)), '09:00', '09:45', 'Salle 204', 'ARNAUD Camille', 'Réseau Les Écrins', `Hélène Martin ; ${LONG}`, 'Oui', new Date(Date.UTC(2026, 4, 20))],
      [new Date(Date.UTC(2026, 5, 3)), '10:00', '10:45', 'Salle 204', 'BLANC Léa', 'Réseau Côte Bleue – La Nerthe', `Hélène Martin ; ${LONG} ; Dupont / Martin [CAST]`, 'Non'],
    ]);
  });

  it('gives each member their own interviews, with the others sitting with them', async () => {
    const wb = await workbook(PLANNING);
    const helene = values(wb.getWorksheet('Hélène Martin')!);
    expect(helene[0]).toEqual(['Date', 'Jour', 'Début', 'Fin', 'Salle', 'Candidat', 'Poste', 'Autres membres']);
    expect(helene.slice(1).map((r) => [r[1], r[2], r[5], r[7]])).toEqual([
      ['mercredi', '09:00', 'ARNAUD Camille', LONG],
      ['mercredi', '10:00', 'BLANC Léa', `${LONG} ; Dupont / Martin [CAST]`],
      ['jeudi', '14:00', 'CHAUVIN Élie', LONG],
    ]);
    expect(values(wb.getWorksheet('Jean-Baptiste de La Rochefo (2)')!).slice(1).map((r) => r[5])).toEqual(['CHAUVIN Élie']);
    expect(values(wb.getWorksheet('Non placés (2)')!)).toHaveLength(1); // a member without interviews: headers only
  });

  it('lists the candidates not placed with their reason, formulas neutralised', async () => {
    const wb = await workbook(PLANNING);
    expect(values(wb.getWorksheet('Non placés')!)).toEqual([
      ['Candidat', 'Courriel', 'Poste', 'Motif'],
      ["'=HYPERLINK(\"x\")", 'x@example.test', 'Réseau Les Écrins', 'Aucun membre disponible en même temps que la candidature.'],
      ['DURAND Zoé', 'zoe.durand@ac-aix-marseille.example', 'Réseau Les Écrins', 'Indisponible sur toute la période (du 01/06/2026 au 30/06/2026).'],
    ]);
    const meta = Object.fromEntries(values(wb.getWorksheet('Métadonnées')!).slice(1) as [string, string][]);
    expect(meta).toMatchObject({ Appel: CONVOCATION.call.title, 'Exporté le': '20/05/2026', 'Entretiens placés': '3', 'Jours d’entretiens': '2', 'Candidats non placés': '2' });
  });

  it('is still a valid workbook when nothing is planned yet', async () => {
    const wb = await workbook({ ...PLANNING, slots: [], unplaced: [], members: [] });
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Non placés', 'Métadonnées']);
  });
});
