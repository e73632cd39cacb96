// Hostile and broken files: every one ends in a typed AppError with a French message, never a crash, and
// zip bombs are stopped before they cost memory.
import fc from 'fast-check';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors.js';
import type { WorkbookData } from '../../shared/domain/intake/types.js';
import { MAX_FILE_BYTES, readWorkbook, sniffFormat, type ReadWorkbookOptions } from '../../electron/services/excel/read-workbook.js';
import { writeTableWorkbook } from '../../electron/services/excel/write-workbook.js';
import { cellElementCount, extractZipEntries, MAX_ZIP_ENTRIES, mergedCellCount } from '../../electron/services/excel/zip-guard.js';
import { transpileReadWorker } from '../helpers/excel-worker.js';
import { buildZip, type RawZipEntry } from '../helpers/zip.js';

const MIB = 1024 * 1024;
const CORRUPT = (file: string) => `Le fichier « ${file} » est endommagé ou n’est pas un classeur Excel lisible.`;

let worker: { url: URL; dispose: () => void };
/** The parts of a small valid workbook, to build hostile variants from. */
let valid: Buffer;
let parts: Map<string, Buffer>;

beforeAll(async () => {
  worker = transpileReadWorker();
  valid = await writeTableWorkbook({
    sheets: [
      {
        name: 'Candidatures',
        columns: [
          { header: 'Nom', kind: 'text' },
          { header: 'Né le', kind: 'date' },
          { header: 'Échelon', kind: 'number' },
        ],
        rows: [
          ['Durand', '1982-03-15', 7],
          ['Martin', null, 3],
        ],
      },
    ],
    metadata: [],
    creator: 'Test',
    now: new Date('2026-06-10T08:00:00Z'),
  });
  parts = extractZipEntries(valid);
});
afterAll(() => worker.dispose());

/** The valid workbook with some parts replaced or added. */
function variant(replace: Record<string, Partial<RawZipEntry>>): Buffer {
  const entries: RawZipEntry[] = [...parts].map(([name, data]) => ({ name, data, ...replace[name] }));
  for (const [name, entry] of Object.entries(replace)) if (!parts.has(name)) entries.push({ name, ...entry });
  return buildZip(entries);
}

async function refusal(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions = { inThread: true }): Promise<AppError> {
  const error = await readWorkbook(bytes, fileName, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** `total` bytes of repeated sheet XML, deflated as a stream (never held inflated). */
async function deflatedRepeat(total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const chunk = Buffer.alloc(MIB, '<row><c t="s"><v>0</v></c></row>');
  for (let written = 0; written < total; written += MIB) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

describe('readWorkbook: what is not an .xlsx or a CSV', () => {
  it('refuses .xls by its magic bytes, whatever the extension', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]);
    expect(sniffFormat(xls)).toBe('xls');
    expect((await refusal(xls, 'candidats.xlsx')).toData()).toEqual({
      code: 'validation',
      message: 'Le fichier « candidats.xlsx » est au format .xls (Excel 97-2003), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.',
    });
  });

  it('recognises a password-protected .xlsx (an OLE container holding an EncryptedPackage stream)', async () => {
    const encrypted = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1000), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1000)]);
    expect((await refusal(encrypted, 'protégé.xlsx')).toData()).toEqual({
      code: 'validation',
      message: 'Le classeur « protégé.xlsx » est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.',
    });
  });

  it('refuses a truncated workbook, a zip of garbage, random bytes, an empty file', async () => {
    expect((await refusal(valid.subarray(0, Math.floor(valid.length / 2)), 'coupé.xlsx')).message).toBe(CORRUPT('coupé.xlsx'));
    expect((await refusal(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]), 'faux.xlsx')).message).toBe(CORRUPT('faux.xlsx'));
    const random = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await refusal(random, 'bruit.bin')).toData()).toEqual({
      code: 'validation',
      message: 'Le fichier « bruit.bin » n’est ni un classeur Excel (.xlsx) ni un fichier CSV : il ne peut pas être importé.',
    });
    expect((await refusal(Buffer.alloc(0), 'vide.csv')).message).toBe('Le fichier « vide.csv » est vide.');
  });

  it('says what to do with .ods, .xlsb, UTF-16 text and web pages saved as .xls', async () => {
    const ods = buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    expect((await refusal(ods, 'a.ods')).message).toBe('Le fichier « a.ods » est au format OpenDocument (.ods), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.');
    const xlsb = buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.alloc(10) }]);
    expect((await refusal(xlsb, 'a.xlsb')).message).toBe('Le fichier « a.xlsb » est un classeur binaire .xlsb, qui n’est pas pris en charge : enregistrez-le au format .xlsx ou .csv.');
    const docx = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]);
    expect((await refusal(docx, 'lettre.docx')).message).toBe(CORRUPT('lettre.docx'));
    expect((await refusal(Buffer.from('\ufeffNom;Prénom\n', 'utf16le'), 'unicode.txt')).message).toMatch(/UTF-16/);
    expect((await refusal(Buffer.from('\ufeffNom\tPrénom\n', 'utf16le').subarray(2), 'sans-bom.txt')).message).toMatch(/ni un classeur Excel/);
    expect((await refusal(Buffer.from('<html><body><table><tr><td>Nom</td></tr></table></body></html>'), 'export.xls')).message).toMatch(/page web ou un fichier XML/);
  });

  it('refuses a file over 50 Mo before reading anything', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1);
    big.write('PK\x03\x04');
    const started = performance.now();
    const error = await refusal(big, 'énorme.xlsx', { workerUrl: worker.url });
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.toData()).toEqual({ code: 'too_large', message: 'Le fichier « énorme.xlsx » pèse 50 Mo : la taille maximale acceptée est de 50 Mo.' });
  });
});

describe('readWorkbook: hostile archives', () => {
  it('refuses ZIP64, encrypted entries and archives with too many entries', async () => {
    const zip64 = buildZip([...parts].map(([name, data]) => ({ name, data })), { zip64Locator: true });
    expect((await refusal(zip64, 'z64.xlsx')).message).toMatch(/ZIP64/);
    const encrypted = variant({});
    encrypted.writeUInt16LE(1 | 0x0800, encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect((await refusal(encrypted, 'chiffré.xlsx')).message).toBe('Le classeur « chiffré.xlsx » est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.');
    const many = variant(Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => [`xl/media/image${i}.png`, { data: Buffer.from('x'), method: 0 as const }])));
    const error = await refusal(many, 'multiple.xlsx');
    expect(error.toData()).toEqual({
      code: 'too_large',
      message: `Le fichier « multiple.xlsx » contient trop d’éléments internes (plus de 2 000) pour être un classeur ordinaire : il n’a pas été lu.`.replace('2 000', (2000).toLocaleString('fr-FR')),
    });
  });

  it('zip bombs: honest huge sizes, suspicious ratios, lying headers — refused with RSS growing < 200 MB', async () => {
    const d200 = await deflatedRepeat(200 * MIB);
    const d90 = await deflatedRepeat(90 * MIB);
    const sheet = 'xl/worksheets/sheet1.xml';
    const cases: { file: string; bytes: Buffer; message: RegExp }[] = [
      // What it says: 200 MB in one part.
      { file: 'gros.xlsx', bytes: variant({ [sheet]: { deflated: d200, uncompressedSize: 200 * MIB } }), message: /trop volumineux une fois décompressé \(plus de 100 Mo\)/ },
      // 90 MB from 90 KB: no spreadsheet compresses 1000 to 1.
      { file: 'ratio.xlsx', bytes: variant({ [sheet]: { deflated: d90, uncompressedSize: 90 * MIB } }), message: /compressé de façon anormale/ },
      // 3 × 90 MB declared: over the 250 MB budget.
      {
        file: 'total.xlsx',
        bytes: variant({ [sheet]: { deflated: d90, uncompressedSize: 90 * MIB }, 'xl/media/a.bin': { deflated: d90, uncompressedSize: 90 * MIB }, 'xl/media/b.bin': { deflated: d90, uncompressedSize: 90 * MIB } }),
        message: /plus de 250 Mo/,
      },
      // It lies: 900 KB declared (under the ratio check), 200 MB inside. Only inflating tells.
      { file: 'menteur.xlsx', bytes: variant({ [sheet]: { deflated: d200, uncompressedSize: 900 * 1024 } }), message: /compressé de façon anormale/ },
    ];
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (const { file, bytes, message } of cases) {
        for (const options of [{ inThread: true }, { workerUrl: worker.url }]) {
          const error = await refusal(bytes, file, options);
          expect(error.code, `${file} ${JSON.stringify(options)}`).toBe('too_large');
          expect(error.message).toMatch(message);
          expect(error.message).toContain(`« ${file} »`);
          peak = Math.max(peak, process.memoryUsage().rss);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const grown = (peak - baseline) / MIB;
    console.info(`[excel-guard] zip bombs: RSS ${Math.round(baseline / MIB)} MB before, peak +${Math.round(grown)} MB`);
    expect(grown).toBeLessThan(200);
  });

  it('refuses DTDs and entity declarations (billion laughs) in any part', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst><si><t>&lol3;</t></si></sst>';
    for (const [name, text] of [
      ['xl/sharedStrings.xml', laughs],
      ['xl/worksheets/sheet1.xml', parts.get('xl/worksheets/sheet1.xml')!.toString('utf8').replace('?>', '?><!doctype worksheet>')],
      ['docProps/core.xml', '<!ENTITY x SYSTEM "file:///etc/passwd">'],
    ] as const) {
      const error = await refusal(variant({ [name]: { data: Buffer.from(text) } }), 'rires.xlsx', { workerUrl: worker.url });
      expect(error.toData()).toEqual({
        code: 'validation',
        message: 'Le fichier « rires.xlsx » contient des déclarations XML interdites (DOCTYPE ou ENTITY) : il n’a pas été lu, par sécurité.',
      });
    }
  });

  it('refuses merged areas exceljs would expand cell by cell; ignores data validations over the whole sheet', async () => {
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(mergedCellCount(Buffer.from('<mergeCells count="3"><mergeCell ref="A1:C2"/><x:mergeCell ref="$D$4"/><mergeCell\n\tref="B1:B3"/></mergeCells>'))).toBe(10);
    expect(cellElementCount(Buffer.from('<row><c r="A1"/><c>x</c><x:c\nr="B1"/><col/><cols/></row>'))).toBe(3);
    const merged = variant({ 'xl/worksheets/sheet1.xml': { data: Buffer.from(sheetXml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')) } });
    expect((await refusal(merged, 'fusion.xlsx')).message).toMatch(/^Le fichier « fusion\.xlsx » contient des fusions de cellules trop étendues/);
    // exceljs matches worksheet paths without anchors: so does the guard.
    const hidden = variant({ 'evil/xl/worksheets/sheet1.xml': { data: Buffer.from('<worksheet><mergeCells><mergeCell ref="A1:ZZ99999"/></mergeCells></worksheet>') } });
    expect((await refusal(hidden, 'fusion.xlsx')).message).toMatch(/fusions de cellules trop étendues/);

    const validation =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const validatedXml = sheetXml.replace(/(?=<pageMargins)/, validation);
    expect(validatedXml).toContain('sqref="A1:XFD1048576"');
    const validated = variant({ 'xl/worksheets/sheet1.xml': { data: Buffer.from(validatedXml) } });
    const started = performance.now();
    const data = await readWorkbook(validated, 'validé.xlsx', { workerUrl: worker.url });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(data.sheets[0]!.rows[1]).toEqual(['Durand', new Date(Date.UTC(1982, 2, 15)), 7]);
  });
});

describe('readWorkbook: size limits of a sheet', () => {
  const withCells = (cells: string) =>
    variant({ 'xl/worksheets/sheet1.xml': { data: Buffer.from(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8').replace('</sheetData>', `${cells}</sheetData>`)) } });

  it('rows: a value below row 100 000', async () => {
    const error = await refusal(withCells('<row r="100001"><c r="A100001"><v>1</v></c></row>'), 'long.xlsx', { workerUrl: worker.url });
    expect(error.toData()).toEqual({
      code: 'too_large',
      message: `La feuille « Candidatures » du fichier « long.xlsx » dépasse ${(100_000).toLocaleString('fr-FR')} lignes : découpez le fichier ou supprimez les lignes inutiles.`,
    });
  });

  it('columns: a value beyond column 500 (SF)', async () => {
    expect(await readWorkbook(withCells('<row r="9"><c r="SF9"><v>1</v></c></row>'), 'large.xlsx', { inThread: true })).toMatchObject({ sheets: [{ rows: { length: 9 } }] });
    const error = await refusal(withCells('<row r="9"><c r="SG9"><v>1</v></c></row>'), 'large.xlsx');
    expect(error.message).toMatch(/^La feuille « Candidatures » du fichier « large\.xlsx » dépasse 500 colonnes/);
  });

  it('cells: the dense table (rows × columns) and the cell elements exceljs would load', async () => {
    const sparse = await refusal(withCells('<row r="99999"><c r="BH99999"><v>1</v></c></row>'), 'creux.xlsx');
    expect(sparse.message).toMatch(/^Le fichier « creux\.xlsx » contient trop de cellules \(plus de 5.000.000\)/);
    // 25,001 rows of 20 formatted, empty cells: nothing to read, yet half a million cells for exceljs.
    const letters = Array.from({ length: 20 }, (_, i) => String.fromCharCode(65 + i));
    const rows = Array.from({ length: 25_001 }, (_, i) => `<row r="${i + 10}">${letters.map((l) => `<c r="${l}${i + 10}" s="1"/>`).join('')}</row>`);
    const formatted = await refusal(withCells(rows.join('')), 'formaté.xlsx', { workerUrl: worker.url });
    expect(formatted.message).toMatch(/^Le fichier « formaté\.xlsx » contient trop de cellules \(plus de 500.000, cellules mises en forme comprises\)/);
  });
});

describe('readWorkbook: fuzzing (fast-check)', () => {
  const outcome = async (bytes: Uint8Array): Promise<'data' | AppError['code']> => {
    try {
      const data: WorkbookData = await readWorkbook(bytes, 'fuzz.xlsx', { inThread: true });
      expect(['xlsx', 'csv']).toContain(data.format);
      expect(Array.isArray(data.sheets)).toBe(true);
      return 'data';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // 'internal' would be a bug of ours, not a bad file.
      expect(['validation', 'too_large']).toContain(error.code);
      return error.code;
    }
  };

  const mutation = fc.record({
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    truncate: fc.option(fc.nat(), { nil: undefined }),
  });
  const mutate = (base: Buffer, { flips, truncate }: { flips: [number, number][]; truncate: number | undefined }) => {
    const bytes = Buffer.from(base);
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    return truncate === undefined ? bytes : bytes.subarray(0, truncate % bytes.length);
  };

  it('random bytes, with or without a zip signature, random text: WorkbookData or AppError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.uint8Array({ maxLength: 2048 }).map((random) => Buffer.concat([Buffer.from('PK\x03\x04'), random])),
          fc.string({ unit: 'binary', maxLength: 500 }).map((text) => Buffer.from(text, 'utf8')),
          fc.array(fc.constantFrom('a', 'é', ';', ',', '\t', '"', '\n', '\r', '='), { maxLength: 300 }).map((chars) => Buffer.from(chars.join(''), 'latin1')),
        ),
        async (bytes) => {
          await outcome(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('byte flips and truncations of a valid deflated workbook', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        await outcome(mutate(valid, m));
      }),
      { numRuns: 150 },
    );
  });

  it('byte flips of the same workbook stored uncompressed (the flips land in the XML exceljs parses)', async () => {
    const stored = buildZip([...parts].map(([name, data]) => ({ name, data, method: 0 as const })));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        seen.add(await outcome(mutate(stored, { ...m, truncate: undefined })));
      }),
      { numRuns: 200 },
    );
    // Both outcomes happen: most flips are harmless text changes, some break the XML or the zip.
    expect(seen.has('data')).toBe(true);
    expect(seen.has('validation')).toBe(true);
  });
});
