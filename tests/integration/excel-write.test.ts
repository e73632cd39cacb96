// writeTableWorkbook: the XML it produces, and what LibreOffice (an independent reader) makes of it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTableWorkbook, type TableWorkbookSpec } from '../../electron/services/excel/write-workbook.js';
import { extractZipEntries } from '../../electron/services/excel/zip-guard.js';
import { CSV_EXPORT_FILTER, hasSoffice, libreOffice, parseSemicolonCsv, type LibreOffice } from '../helpers/libreoffice.js';
import { buildZip } from '../helpers/zip.js';

const NOW = new Date('2026-06-10T08:00:00Z');
const DISCIPLINES = Array.from({ length: 30 }, (_, i) => `Discipline de l’académie n° ${i + 1}`);

const EXPORT: TableWorkbookSpec = {
  sheets: [
    {
      name: 'Candidatures',
      columns: [
        { header: 'Nom', kind: 'text' },
        { header: 'Prénom', kind: 'text' },
        { header: 'Date de naissance', kind: 'date' },
        { header: 'Discipline', kind: 'text', list: DISCIPLINES },
        { header: 'Statut', kind: 'text', list: ['Titulaire', 'Contractuel'] },
        { header: 'Échelon', kind: 'number' },
        { header: 'Motivations', kind: 'text' },
      ],
      rows: [
        ['Durand', 'Élodie', '1982-03-15', DISCIPLINES[2]!, 'Titulaire', 7, 'Vingt ans d’enseignement en collège, puis au lycée.'],
        ['N’Guessan', 'Aïssatou', '1990-12-01', DISCIPLINES[29]!, 'Contractuel', null, '=HYPERLINK("http://exemple.invalid")'],
        ['@Martin', '-Noé', null, null, null, 3.5, 'x'.repeat(200)],
      ],
    },
  ],
  metadata: [
    ['Appel', 'Professeurs — Créteil'],
    ['Exporté par', 'Claire Secrétariat'],
  ],
  creator: 'Claire Secrétariat',
  now: NOW,
};

const TEMPLATE: TableWorkbookSpec = {
  ...EXPORT,
  sheets: [{ ...EXPORT.sheets[0]!, name: 'Modèle', rows: [], validationRows: 1000 }],
};

function parts(bytes: Buffer): Map<string, string> {
  return new Map([...extractZipEntries(bytes)].map(([name, data]) => [name, data.toString('utf8')]));
}

describe('writeTableWorkbook: the XML', () => {
  it('writes the header style, the frozen row, the autofilter and its hidden sheet-local name, widths, dates and lists', async () => {
    const xml = parts(await writeTableWorkbook(EXPORT));
    const workbook = xml.get('xl/workbook.xml')!;
    const sheet = xml.get('xl/worksheets/sheet1.xml')!;
    const styles = xml.get('xl/styles.xml')!;
    const core = xml.get('docProps/core.xml')!;

    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Candidatures!$A$1:$G$4</definedName>');
    expect(workbook).toMatch(/<sheet sheetId="\d+" name="Listes" state="hidden"/);
    expect(workbook.indexOf('name="Candidatures"')).toBeLessThan(workbook.indexOf('name="Listes"'));
    expect(workbook.indexOf('name="Listes"')).toBeLessThan(workbook.indexOf('name="Métadonnées"'));

    expect(sheet).toContain('<autoFilter ref="A1:G4"/>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // The long list points at the hidden sheet; the short one is inline.
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*showErrorMessage="1"[^>]*errorTitle="Valeur non prévue" error="Choisissez une valeur dans la liste\." sqref="D2:D4"><formula1>Listes!\$A\$2:\$A\$31<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="E2:E4"><formula1>&quot;Titulaire,Contractuel&quot;<\/formula1>/);
    // Widths: from the content, between 8 and 60.
    expect(sheet).toContain('<col min="1" max="1" width="11" customWidth="1"/>'); // "N’Guessan" + 2, header "Nom" + 4
    expect(sheet).toMatch(/<col min="3" max="3" width="21" style="\d+" customWidth="1"\/>/); // "Date de naissance" + 4
    expect(sheet).toContain('<col min="7" max="7" width="60" customWidth="1"/>');
    // Dates are numbers (serials) with the dd/mm/yyyy format; 1982-03-15 is serial 30025.
    expect(sheet).toMatch(/<c r="C2" s="\d+"><v>30025<\/v><\/c>/);
    expect(styles).toMatch(/<numFmt numFmtId="\d+" formatCode="dd\/mm\/yyyy"\/>/);
    // Header: bold white on State blue.
    expect(styles).toContain('<fgColor rgb="FF000091"/>');
    const headerFont = /<font><b\/>(.*?)<\/font>/.exec(styles)?.[1] ?? '';
    expect(headerFont).toContain('<color rgb="FFFFFFFF"/>');
    expect(headerFont).toContain('<sz val="11"/>');
    expect(headerFont).toContain('<name val="Calibri"/>');
    expect(core).toContain('<dc:creator>Claire Secrétariat</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-10T08:00:00Z</dcterms:created>');

    const lists = xml.get('xl/worksheets/sheet2.xml')!;
    const strings = xml.get('xl/sharedStrings.xml')!;
    expect(lists).toContain('<dimension ref="A1:A31"/>');
    expect(strings).toContain('Discipline de l’académie n° 30');
    expect(strings).toContain('<t>&apos;=HYPERLINK(&quot;http://exemple.invalid&quot;)</t>');
    expect(strings).toContain('<t>&apos;@Martin</t>');
  });

  it('a blank template: the filter on the header row alone, the lists down to row 1001', async () => {
    const xml = parts(await writeTableWorkbook(TEMPLATE));
    const sheet = xml.get('xl/worksheets/sheet1.xml')!;
    expect(xml.get('xl/workbook.xml')).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Modèle&apos;!$A$1:$G$1</definedName>');
    expect(sheet).toContain('<autoFilter ref="A1:G1"/>');
    expect(sheet).toContain('sqref="D2:D1001"');
    expect(sheet).toContain('sqref="E2:E1001"');
  });

  it('no Listes sheet when every list is short; one filter name per table sheet, with its own localSheetId', async () => {
    const xml = parts(
      await writeTableWorkbook({
        sheets: [
          { name: 'Une', columns: [{ header: 'A', kind: 'text', list: ['oui', 'non'] }], rows: [['oui']] },
          { name: 'Deux feuilles', columns: [{ header: 'B', kind: 'number' }], rows: [[1], [2]] },
        ],
        metadata: [],
        creator: 'Test',
        now: NOW,
      }),
    );
    const workbook = xml.get('xl/workbook.xml')!;
    expect(workbook).not.toContain('Listes');
    expect(workbook).not.toContain('Métadonnées');
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Une!$A$1:$A$2</definedName>');
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&apos;Deux feuilles&apos;!$A$1:$A$3</definedName>');
  });

  it('refuses sheet names Excel would refuse', async () => {
    const sheet = { columns: [{ header: 'A', kind: 'text' as const }], rows: [] };
    await expect(writeTableWorkbook({ ...EXPORT, sheets: [{ ...sheet, name: 'a/b' }] })).rejects.toThrow(/sheet name/);
    await expect(writeTableWorkbook({ ...EXPORT, sheets: [{ ...sheet, name: 'Listes' }] })).rejects.toThrow(/sheet name/);
    await expect(writeTableWorkbook({ ...EXPORT, sheets: [{ ...sheet, name: 'x'.repeat(32) }] })).rejects.toThrow(/sheet name/);
  });
});

describe('writeTableWorkbook: read by LibreOffice', () => {
  let lo: LibreOffice;
  let dir: string;
  beforeAll(() => {
    if (!hasSoffice) return;
    lo = libreOffice();
    dir = mkdtempSync(join(tmpdir(), 'excel-write-lo-'));
  });
  afterAll(() => {
    if (!hasSoffice) return;
    lo.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasSoffice)('shows the headers, values and dates dd/mm/yyyy (skipped when LibreOffice is not installed)', async () => {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, await writeTableWorkbook(EXPORT));
    const csv = parseSemicolonCsv(readFileSync(await lo.convert(file, CSV_EXPORT_FILTER, dir), 'utf8'));
    expect(csv).toEqual([
      ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Statut', 'Échelon', 'Motivations'],
      ['Durand', 'Élodie', '15/03/1982', DISCIPLINES[2], 'Titulaire', '7', 'Vingt ans d’enseignement en collège, puis au lycée.'],
      ['N’Guessan', 'Aïssatou', '01/12/1990', DISCIPLINES[29], 'Contractuel', '', '\'=HYPERLINK("http://exemple.invalid")'],
      ["'@Martin", "'-Noé", '', '', '', '3.5', 'x'.repeat(200)],
    ]);
  });

  it.skipIf(!hasSoffice)('shows the autofilter, the drop-down lists and the hidden Listes sheet (skipped when LibreOffice is not installed)', async () => {
    const file = join(dir, 'filtre.xlsx');
    writeFileSync(file, await writeTableWorkbook(EXPORT));
    const fods = readFileSync(await lo.convert(file, 'fods', dir), 'utf8');
    expect(fods).toMatch(/<table:database-range [^>]*table:target-range-address="Candidatures\.A1:Candidatures\.G4" table:display-filter-buttons="true"/);
    expect(fods).toContain('table:condition="of:cell-content-is-in-list([$Listes.$A$2:.$A$31])"');
    expect(fods).toContain('table:condition="of:cell-content-is-in-list(&quot;Titulaire&quot;;&quot;Contractuel&quot;)"');
    expect(fods).toMatch(/<table:table table:name="Listes" table:style-name="(ta\d+)"/);
    const style = /<table:table table:name="Listes" table:style-name="(ta\d+)"/.exec(fods)![1];
    expect(fods).toMatch(new RegExp(`<style:style style:name="${style}" style:family="table"[^>]*>\\s*<style:table-properties table:display="false"`));
  });

  it.skipIf(!hasSoffice)('control: without the _xlnm._FilterDatabase name LibreOffice shows no filter (skipped when LibreOffice is not installed)', async () => {
    const entries = extractZipEntries(await writeTableWorkbook(EXPORT));
    const workbook = entries.get('xl/workbook.xml')!.toString('utf8').replace(/<definedNames>.*<\/definedNames>/, '');
    const file = join(dir, 'sans-nom.xlsx');
    writeFileSync(file, buildZip([...entries].map(([name, data]) => ({ name, data: name === 'xl/workbook.xml' ? Buffer.from(workbook) : data }))));
    const fods = readFileSync(await lo.convert(file, 'fods', dir), 'utf8');
    expect(fods).not.toContain('table:display-filter-buttons="true"');
  });
});
