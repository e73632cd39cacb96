import { describe, expect, it } from 'vitest';
import {
  CSV_LIMITS,
  decodeText,
  neutraliseFormula,
  parseCsv,
  restoreNeutralised,
  toCsv,
  type CellValue,
  type CsvParse,
  type WorkbookData,
} from '../../shared/domain/intake/index.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
/** Latin-1 bytes for text made of U+0000-U+00FF (what Excel writes on a French Windows, minus € and œ). */
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function workbook(result: CsvParse): WorkbookData {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.workbook;
}
const rowsOf = (bytes: Uint8Array): CellValue[][] => workbook(parseCsv(bytes)).sheets[0]!.rows;

describe('decodeText', () => {
  it('reads UTF-8 with its BOM stripped, and without one', () => {
    expect(decodeText(withBom('Prénom;Nom'))).toEqual({ text: 'Prénom;Nom', encoding: 'utf-8' });
    expect(decodeText(utf8('Prénom;Nom'))).toEqual({ text: 'Prénom;Nom', encoding: 'utf-8' });
  });

  it('reads an Excel "CSV" saved on a French Windows (Windows-1252: é is the byte 0xE9)', () => {
    expect(decodeText(new Uint8Array([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d]))).toEqual({ text: 'Prénom', encoding: 'windows-1252' });
    // 0x80 is € and 0x9C is œ in Windows-1252 (not C1 controls as in Latin-1).
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x76, 0x9c, 0x75]))).toEqual({ text: '€ vœu', encoding: 'windows-1252' });
  });

  it('keeps a file that declares UTF-8 with a BOM in UTF-8, a damaged byte aside', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xff]))).toEqual({ text: 'é\ufffd', encoding: 'utf-8' });
  });

  it('keeps a second BOM that belongs to the content (only the encoding mark is stripped)', () => {
    expect(decodeText(withBom('\ufeffA')).text).toBe('\ufeffA');
  });
});

describe('parseCsv', () => {
  it('gives a one-sheet workbook named CSV and says what it detected', () => {
    const book = workbook(parseCsv(withBom('Nom;Prénom\r\nDurand;Camille\r\n')));
    expect(book).toEqual({
      format: 'csv',
      sheets: [{ name: 'CSV', rows: [['Nom', 'Prénom'], ['Durand', 'Camille']] }],
      csv: { encoding: 'utf-8', separator: ';' },
    });
  });

  it.each([
    [';', 'Nom;Prénom;Mél\nDurand;Camille;c@x.fr\n'],
    [',', 'Nom,Prénom,Mél\nDurand,Camille,c@x.fr\n'],
    ['\t', 'Nom\tPrénom\tMél\nDurand\tCamille\tc@x.fr\n'],
  ])('detects the separator %j', (separator, text) => {
    const book = workbook(parseCsv(utf8(text)));
    expect(book.csv?.separator).toBe(separator);
    expect(book.sheets[0]!.rows).toEqual([
      ['Nom', 'Prénom', 'Mél'],
      ['Durand', 'Camille', 'c@x.fr'],
    ]);
  });

  it('is not misled by commas in addresses of a ; file, nor by a title line above the header', () => {
    const text = 'Candidatures, relais CSTI\nNom;Prénom;Adresse\nDurand;Camille;4, rue des Alpins, Briançon\nMartin;Léa;12, bd National, Marseille\n';
    const book = workbook(parseCsv(utf8(text)));
    expect(book.csv?.separator).toBe(';');
    expect(book.sheets[0]!.rows[2]).toEqual(['Durand', 'Camille', '4, rue des Alpins, Briançon']);
  });

  it('reads a Windows-1252 file from French Excel with ; and CRLF', () => {
    const book = workbook(parseCsv(latin1('NOM;PRENOM;Téléphone\r\nLefèvre;Hélène;0612345678\r\n')));
    expect(book.csv).toEqual({ encoding: 'windows-1252', separator: ';' });
    expect(book.sheets[0]!.rows).toEqual([
      ['NOM', 'PRENOM', 'Téléphone'],
      ['Lefèvre', 'Hélène', '0612345678'],
    ]);
  });

  it('respects RFC 4180 quoting: separators, line breaks and doubled quotes inside quotes', () => {
    const text = 'Nom;Motivations;Affectation\r\n"Durand";"Ligne 1\r\nLigne 2 ; suite";"Lycée ""Les Écrins"", Briançon"\r\n';
    expect(rowsOf(utf8(text))).toEqual([
      ['Nom', 'Motivations', 'Affectation'],
      ['Durand', 'Ligne 1\r\nLigne 2 ; suite', 'Lycée "Les Écrins", Briançon'],
    ]);
  });

  it('keeps empty cells as null, blank lines in the middle (row numbers stay right), and drops trailing blank lines', () => {
    expect(rowsOf(utf8('Nom;Prénom;Mél\n\nDurand;;x@y.fr\n\n\r\n'))).toEqual([['Nom', 'Prénom', 'Mél'], [null], ['Durand', null, 'x@y.fr']]);
  });

  it('accepts LF, CRLF and lone CR line ends, and a file without a final line end', () => {
    expect(rowsOf(utf8('a;b\rc;d\ne;f\r\ng;h'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('is lenient with a stray quote: text after a closing quote stays in the field, an unclosed quote runs to the end', () => {
    expect(rowsOf(utf8('"Lycée" Vauban;x\n'))).toEqual([['Lycée Vauban', 'x']]);
    expect(rowsOf(utf8('a;"b\nc'))).toEqual([['a', 'b\nc']]);
    expect(rowsOf(utf8('12" écran;x'))).toEqual([['12" écran', 'x']]);
  });

  it('gives an empty sheet for an empty file', () => {
    expect(rowsOf(new Uint8Array())).toEqual([]);
    expect(rowsOf(withBom(''))).toEqual([]);
  });

  it('refuses, with a typed result and a French message, a line over 1 MB or more than 500 columns', () => {
    const long = parseCsv(utf8(`Nom;Prénom\n"${'x'.repeat(CSV_LIMITS.maxRecordChars + 10)}`));
    expect(long).toMatchObject({ ok: false, code: 'line_too_long', row: 2 });
    if (!long.ok) expect(long.message).toContain('dépasse 1 Mo');
    const wide = parseCsv(utf8(`Nom;Prénom\n${'x;'.repeat(CSV_LIMITS.maxColumns)}x\n`));
    expect(wide).toMatchObject({ ok: false, code: 'too_many_columns', row: 2 });
    if (!wide.ok) expect(wide.message).toContain('plus de 500 colonnes');
    expect(parseCsv(utf8(`${'x;'.repeat(CSV_LIMITS.maxColumns - 1)}x\n`)).ok).toBe(true);
  });
});

describe('toCsv', () => {
  const decoded = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('writes for French Excel: UTF-8 with BOM, ; separator, CRLF, quotes only where needed', () => {
    const bytes = toCsv([
      ['Nom', 'Adresse', 'Échelon'],
      ['Durand', '4, rue des "Alpins"; Briançon', 7],
      ['Martin', 'Ligne 1\nLigne 2', null],
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoded(bytes)).toBe('\ufeffNom;Adresse;Échelon\r\nDurand;"4, rue des ""Alpins""; Briançon";7\r\nMartin;"Ligne 1\nLigne 2";\r\n');
  });

  it('writes decimals with a comma, as French Excel reads them', () => {
    expect(decoded(toCsv([[3.5, -2, 0]]))).toBe('\ufeff"3,5";-2;0\r\n');
  });

  it('neutralises every text cell a spreadsheet would run as a formula', () => {
    const bytes = toCsv([['=HYPERLINK("http://x","clic")', '+33 6 12 34 56 78', '-5', '@SOMME(A1)', '\tx', '\rx', 'ok']]);
    expect(decoded(bytes)).toBe('\ufeff"\'=HYPERLINK(""http://x"",""clic"")";\'+33 6 12 34 56 78;\'-5;\'@SOMME(A1);"\'\tx";"\'\rx";ok\r\n');
  });

  it('round-trips: toCsv then parseCsv gives the same table once neutralised formulas are restored', () => {
    const table = [
      ['Nom', 'Prénom', 'Motivations', 'Téléphone'],
      ['=1+1', 'a;b,c\td', 'ligne "1"\r\nligne 2', '+33 6 12 34 56 78'],
      ["'=déjà cité", '', '  espaces  ', '@x'],
      [''],
      ['fin', 'Œuvre – “citation” €', '-', '\r'],
    ];
    const back = workbook(parseCsv(toCsv(table))).sheets[0]!.rows.map((row) => row.map((c) => restoreNeutralised((c ?? '') as string)));
    expect(back).toEqual(table);
  });
});

describe('neutraliseFormula / restoreNeutralised', () => {
  it.each(['=A1', '+1', '-1', '@x', '\tx', '\rx'])('prefixes %j with one quote and restores it', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });

  it('leaves ordinary text alone, and a quote not followed by a trigger', () => {
    for (const text of ['Durand', '', "'Durand", "l'Arbois", ' =x', '06 12']) {
      expect(neutraliseFormula(text)).toBe(text);
      expect(restoreNeutralised(text)).toBe(text);
    }
  });

  it('round-trips text that already starts with quotes before a trigger', () => {
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(restoreNeutralised("''=x")).toBe("'=x");
    expect(restoreNeutralised(neutraliseFormula("''+x"))).toBe("''+x");
  });
});
