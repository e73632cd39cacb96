// What the secretariat takes away ('candidates-export', 'intake-template'), through the real handlers: the XML
// Excel and LibreOffice rely on, the Métadonnées sheet, what LibreOffice (an independent reader) shows, formula
// neutralisation both ways, and a blank template filled in by hand that imports without a mapping step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractZipEntries } from '../../electron/services/excel/zip-guard.js';
import { callDraft, candidateDraft } from '../helpers/fixtures.js';
import {
  ADMISSIBILITY_HEADER,
  REASONS_HEADER,
  OPINION_EXPORT_HEADERS,
  COTE_BLEUE,
  ECRINS,
  EXPORT_FIELDS,
  EXPORT_HEADERS,
  commitPreview,
  createCstiLikeCall,
  filesOf,
  fromBase64,
  openDemoCsti,
  openIntake,
} from '../helpers/intake.js';
import { CSV_EXPORT_FILTER, hasSoffice, libreOffice, parseSemicolonCsv, type LibreOffice } from '../helpers/libreoffice.js';
import { makeServices } from '../helpers/services.js';
import { tempDir } from '../helpers/temp.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORTER = { name: 'Jeanne Exportatrice', email: 'jeanne.export@ac-test.example' };
/** The row of the demo's ARNAUD Camille, as every reader should show it. */
const ARNAUD = [
  'ARNAUD',
  'Camille',
  '12/03/1984',
  'Sciences de la vie et de la Terre',
  'Titulaire',
  'Certifié',
  'Classe normale',
  '8',
  'Lycée d’Altitude',
  'Briançon',
  '4 rue des Alpins, 05100 Briançon',
  '06 11 22 33 44',
  'camille.arnaud@ac-aix-marseille.example',
  ECRINS,
  '20/04/2026',
  'En instruction',
  'Coordination de projets scientifiques en établissement, accompagnement de clubs sciences, participation à la fête de la science.',
  'Porter la culture scientifique dans le réseau, fédérer les référents culture et développer la fête de la science.',
  'Recevable',
  '',
  '',
  '',
  '',
  '',
];

function xmlParts(bytes: Buffer): Map<string, string> {
  return new Map([...extractZipEntries(bytes)].map(([name, data]) => [name, data.toString('utf8')]));
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's rows as text, as far as its last used column. */
function sheetText(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v as string | number));
    }
    rows.push(cells);
  });
  return rows;
}

/** The `<dataValidation>` elements of a worksheet: column range -> its formula. */
function validations(sheetXml: string): Map<string, { formula: string; attributes: string }> {
  const found = new Map<string, { formula: string; attributes: string }>();
  for (const m of sheetXml.matchAll(/<dataValidation ([^>]*)sqref="([^"]+)"><formula1>([^<]*)<\/formula1>/g)) {
    found.set(m[2]!, { attributes: m[1]!, formula: m[3]! });
  }
  return found;
}

describe('candidates-export .xlsx: what Excel and LibreOffice rely on', () => {
  it('autofilter with its hidden sheet-local name, drop-down lists, State-blue header, frozen first row; Métadonnées names the export', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const { version } = await t.call('app-info', {});
    const exported = await t.call('candidates-export', { callId: csti.id, format: 'xlsx' }, EXPORTER);
    expect(exported.fileName).toBe('candidatures-professeur-relais-territorial-csti-rentree-2026-2026-06-10.xlsx');
    expect(exported.mimeType).toBe(XLSX_MIME);
    const bytes = fromBase64(exported.contentBase64);
    const xml = xmlParts(bytes);
    const workbook = xml.get('xl/workbook.xml')!;
    const sheet = xml.get('xl/worksheets/sheet1.xml')!;

    // 19 columns (A..S), a header and 22 files.
    expect(sheet).toContain('<autoFilter ref="A1:X23"/>');
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Candidatures!$A$1:$X$23</definedName>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml.get('xl/styles.xml')).toContain('<fgColor rgb="FF000091"/>');

    const lists = validations(sheet);
    expect([...lists.keys()].sort()).toEqual(['D2:D23', 'E2:E23', 'N2:N23', 'P2:P23', 'U2:U23']); // Discipline, Statut, Postes demandés, État, Avis IA-IPR
    expect(lists.get('U2:U23')!.formula).toBe('&quot;Très favorable,Favorable,Réservé,Défavorable&quot;');
    expect(lists.get('D2:D23')!.formula).toMatch(/^Listes!\$A\$2:\$A\$\d+$/); // too long to be inline
    expect(lists.get('E2:E23')!.formula).toBe('&quot;Titulaire,Stagiaire,Contractuel(le)&quot;');
    expect(lists.get('N2:N23')!.formula).toBe(`&quot;${ECRINS},${COTE_BLEUE}&quot;`);
    // Several posts go in one cell « A ; B »: the list warns, it does not forbid.
    expect(lists.get('N2:N23')!.attributes).toContain('errorStyle="warning"');
    expect(lists.get('P2:P23')!.formula).toBe(
      '&quot;Reçue,En instruction,Convoquée à l’entretien,Retenue,Liste complémentaire,Non retenue,Retirée par le candidat&quot;',
    );
    expect(lists.get('E2:E23')!.attributes).not.toContain('errorStyle="warning"');

    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Candidatures', 'visible'],
      ['Listes', 'hidden'],
      ['Métadonnées', 'visible'],
    ]);
    const candidatures = wb.getWorksheet('Candidatures')!;
    const header = candidatures.getRow(1);
    for (let c = 1; c <= 19; c++) {
      expect(header.getCell(c).fill, `en-tête colonne ${c}`).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000091' } });
      expect(header.getCell(c).font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    }
    const discipline = sheetText(wb.getWorksheet('Listes')!).map((r) => r[0]);
    // The call's own disciplines first.
    expect(discipline.slice(0, 5)).toEqual(['Discipline', 'Mathématiques', 'Physique-chimie', 'Sciences de la vie et de la Terre', 'Technologie']);
    expect(sheetText(wb.getWorksheet('Métadonnées')!)).toEqual([
      ['Information', 'Valeur'],
      ['Appel', 'Professeur relais territorial CSTI — rentrée 2026'],
      ['Référence', 'IPR-CSTI-RT-2026'],
      ['Académie', 'Aix-Marseille'],
      ['Exporté le', '10/06/2026 10:00'],
      ['Exporté par', 'Jeanne Exportatrice <jeanne.export@ac-test.example>'],
      ['Version de l’application', version],
      ['Filtres', 'Aucun'],
      ['Nombre de candidatures', '22'],
    ]);
  });

  it('a filtered export holds exactly the filtered files, and Métadonnées says which filter', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const exported = await t.call('candidates-export', { callId: csti.id, format: 'xlsx', filter: { reason: 'delai' } }, EXPORTER);
    const bytes = fromBase64(exported.contentBase64);
    expect(xmlParts(bytes).get('xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:X3"/>');
    const wb = await loadWorkbook(bytes);
    const rows = sheetText(wb.getWorksheet('Candidatures')!);
    expect(rows[0]).toEqual([...EXPORT_HEADERS, ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_EXPORT_HEADERS]);
    // The two files received after 15 May 2026.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[14], r[18], r[19]])).toEqual([
      ['OLIVIER', 'Margaux', '2026-05-18', 'Irrecevable', 'Reçu le 18/05/2026, après la date limite du 15/05/2026.'],
      ['PERRIN', 'Yanis', '2026-05-22', 'Irrecevable', 'Reçu le 22/05/2026, après la date limite du 15/05/2026.'],
    ]);
    const meta = new Map(sheetText(wb.getWorksheet('Métadonnées')!).map(([k, v]) => [k, v]));
    expect(meta.get('Filtres')).toBe('motif Date limite');
    expect(meta.get('Nombre de candidatures')).toBe('2');
    expect(meta.get('Exporté par')).toBe('Jeanne Exportatrice <jeanne.export@ac-test.example>');

    // Without a known actor, the export says so rather than inventing a name.
    const anonymous = await loadWorkbook(fromBase64((await t.call('candidates-export', { callId: csti.id, format: 'xlsx' }, null)).contentBase64));
    expect(new Map(sheetText(anonymous.getWorksheet('Métadonnées')!).map(([k, v]) => [k, v])).get('Exporté par')).toBe('Non renseigné');
  });
});

describe('candidates-export read by LibreOffice', () => {
  let lo: LibreOffice;
  beforeAll(() => {
    if (hasSoffice) lo = libreOffice();
  });
  afterAll(() => {
    if (hasSoffice) lo.dispose();
  });

  it.skipIf(!hasSoffice)('shows the headers, every value of a file and its dates as dd/mm/yyyy (skipped when LibreOffice is not installed)', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const dir = tempDir();
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, fromBase64((await t.call('candidates-export', { callId: csti.id, format: 'xlsx' })).contentBase64));
    const csv = parseSemicolonCsv(readFileSync(await lo.convert(file, CSV_EXPORT_FILTER, dir), 'utf8'));
    expect(csv[0]).toEqual([...EXPORT_HEADERS, ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_EXPORT_HEADERS]);
    expect(csv).toHaveLength(23);
    expect(csv.find((r) => r[0] === 'ARNAUD')).toEqual(ARNAUD);
    // A file with two wishes, first wish first; and one without date of birth.
    expect(csv.find((r) => r[0] === 'ESTIENNE')![13]).toBe(`${COTE_BLEUE} ; ${ECRINS}`);
    expect(csv.find((r) => r[0] === 'NOËL')!.slice(2, 3)).toEqual(['']);
    for (const row of csv.slice(1)) expect(row[14], row[0]).toMatch(/^\d{2}\/\d{2}\/2026$/);
  });
});

describe('formula neutralisation', () => {
  it('text that a spreadsheet would run is exported behind a single quote (.xlsx and .csv) and imported back exactly', async () => {
    const t = makeServices();
    const call = await t.call('calls-create', { call: callDraft() });
    const draft = candidateDraft({
      motivations: '=HYPERLINK("http://x")',
      ville: '@Marseille',
      // Typed with a quote already: must survive as typed.
      etablissement: "'+Lycée",
      wishes: [call.posts[0]!.id],
    });
    const stored = await t.call('candidates-create', { callId: call.id, candidate: draft });
    expect(stored).toMatchObject({ motivations: '=HYPERLINK("http://x")', ville: '@Marseille', etablissement: "'+Lycée" });

    const xlsx = fromBase64((await t.call('candidates-export', { callId: call.id, format: 'xlsx' })).contentBase64);
    const sheetXml = xmlParts(xlsx).get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).not.toContain('<f>'); // no formula anywhere
    const row = (await loadWorkbook(xlsx)).getWorksheet('Candidatures')!.getRow(2);
    expect(row.getCell(EXPORT_HEADERS.indexOf('Motivations') + 1).value).toBe('\'=HYPERLINK("http://x")');
    expect(row.getCell(EXPORT_HEADERS.indexOf('Ville') + 1).value).toBe("'@Marseille");
    expect(row.getCell(EXPORT_HEADERS.indexOf('Établissement') + 1).value).toBe("''+Lycée");

    const csvBytes = fromBase64((await t.call('candidates-export', { callId: call.id, format: 'csv' })).contentBase64);
    const line = csvBytes.toString('utf8').split('\r\n')[1]!;
    const cells = parseSemicolonCsv(line)[0]!;
    expect(cells[EXPORT_HEADERS.indexOf('Motivations')]).toBe('\'=HYPERLINK("http://x")');
    expect(cells[EXPORT_HEADERS.indexOf('Ville')]).toBe("'@Marseille");
    expect(cells[EXPORT_HEADERS.indexOf('Établissement')]).toBe("''+Lycée");
    expect(line).toContain(';"\'=HYPERLINK(""http://x"")";');

    const journalOfCall = async () => (await t.call('journal-list', { callId: call.id, limit: 1000 })).length;
    const journal = await journalOfCall();
    for (const [name, bytes] of [
      ['export.xlsx', xlsx],
      ['export.csv', csvBytes],
    ] as const) {
      // Into its own call: the quote is taken off again, so the file reads as unchanged.
      const same = await openIntake(t, call.id, name, bytes);
      expect(same.totals, name).toEqual({ new: 0, updated: 0, unchanged: 1, rejected: 0 });
      expect(await commitPreview(t, same)).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
      // Into another call: the stored text is exactly the original.
      const other = await t.call('calls-create', { call: callDraft({ title: `Copie ${name}` }) });
      await commitPreview(t, await openIntake(t, other.id, name, bytes));
      const [copy] = await filesOf(t, other.id);
      expect(copy, name).toMatchObject({ motivations: '=HYPERLINK("http://x")', ville: '@Marseille', etablissement: "'+Lycée" });
    }
    expect(await filesOf(t, call.id)).toEqual([stored]);
    // The unchanged re-imports wrote nothing in this call's journal.
    expect(await journalOfCall()).toBe(journal);
  });
});

describe('intake-template', () => {
  it('has the export’s importable columns and its drop-down lists; filled in by hand, it imports with no mapping step', async () => {
    const t = makeServices();
    const csti = await openDemoCsti(t);
    const template = await t.call('intake-template', { callId: csti.id });
    expect(template.fileName).toBe('modele-import-professeur-relais-territorial-csti-rentree-2026-2026-06-10.xlsx');
    expect(template.mimeType).toBe(XLSX_MIME);
    const bytes = fromBase64(template.contentBase64);

    const sheet = xmlParts(bytes).get('xl/worksheets/sheet1.xml')!;
    expect([...validations(sheet).keys()].sort()).toEqual(['D2:D1001', 'E2:E1001', 'N2:N1001', 'P2:P1001']);
    expect(sheet).toContain('<autoFilter ref="A1:R1"/>');

    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet('Candidatures')!;
    const headers = sheetText(ws)[0];
    expect(headers).toEqual(EXPORT_HEADERS);
    expect(ws.rowCount).toBe(1);
    // The same columns as the export, without the computed one.
    const exported = await loadWorkbook(fromBase64((await t.call('candidates-export', { callId: csti.id, format: 'xlsx' })).contentBase64));
    expect(sheetText(exported.getWorksheet('Candidatures')!)[0]).toEqual([...headers!, ADMISSIBILITY_HEADER, REASONS_HEADER, ...OPINION_EXPORT_HEADERS]);

    // A secretariat fills two rows: one with real dates and two posts, one typed as text.
    const filled: (string | number | Date)[][] = [
      [
        'Lemoine',
        'Agathe',
        new Date(Date.UTC(1986, 3, 3)),
        'Physique-chimie',
        'Titulaire',
        'Certifié',
        'Classe normale',
        6,
        'Lycée Paul Langevin',
        'Martigues',
        '3 rue des Salins, 13500 Martigues',
        '06 44 55 66 77',
        'agathe.lemoine@ac-aix-marseille.example',
        `${ECRINS} ; ${COTE_BLEUE}`,
        new Date(Date.UTC(2026, 4, 12)),
        'Reçue',
        'Clubs sciences depuis 2015.',
        'Faire vivre la culture scientifique.',
      ],
      [
        'Sauvage',
        'Rémi',
        '07/09/1979',
        'Technologie',
        'Titulaire',
        'Agrégé',
        'Hors classe',
        '4',
        'Collège Jean Giono',
        'Le Rove',
        '9 rue du Vallon, 13740 Le Rove',
        '0655667788',
        'remi.sauvage@ac-aix-marseille.example',
        COTE_BLEUE,
        '14/05/2026',
        'En instruction',
        'Fablab du collège.',
        'Ouvrir le réseau aux industriels.',
      ],
    ];
    filled.forEach((values, r) => values.forEach((value, c) => (ws.getRow(r + 2).getCell(c + 1).value = value)));
    const copy = Buffer.from(await wb.xlsx.writeBuffer());

    const call = await createCstiLikeCall(t);
    const [ecrins, coteBleue] = call.posts;
    const preview = await openIntake(t, call.id, 'modele-rempli.xlsx', copy);
    expect(preview.sheets).toEqual(['Candidatures', 'Métadonnées']);
    expect(preview.mappingFromSaved).toBe(false);
    expect(preview.mapping).toEqual(EXPORT_FIELDS);
    expect(preview.mapping).not.toContain(null);
    expect(preview.totals).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await commitPreview(t, preview)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });

    const files = await filesOf(t, call.id);
    expect(files.map((f) => [f.nom, f.prenom, f.dateNaissance, f.discipline, f.statut, f.echelon, f.telephone, f.wishes, f.receivedOn, f.status])).toEqual([
      ['LEMOINE', 'Agathe', '1986-04-03', 'physique-chimie', 'titulaire', 6, '06 44 55 66 77', [ecrins!.id, coteBleue!.id], '2026-05-12', 'recue'],
      ['SAUVAGE', 'Rémi', '1979-09-07', 'technologie', 'titulaire', 4, '06 55 66 77 88', [coteBleue!.id], '2026-05-14', 'en_instruction'],
    ]);
    expect(files[0]).toMatchObject({
      corps: 'Certifié',
      grade: 'Classe normale',
      etablissement: 'Lycée Paul Langevin',
      ville: 'Martigues',
      adresse: '3 rue des Salins, 13500 Martigues',
      email: 'agathe.lemoine@ac-aix-marseille.example',
      experience: 'Clubs sciences depuis 2015.',
      motivations: 'Faire vivre la culture scientifique.',
    });
  });
});
