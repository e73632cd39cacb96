// readWorkbook on real files: what exceljs and LibreOffice write, through the worker and in-thread.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/contract/errors.js';
import { neutraliseFormula } from '../../shared/domain/intake/formula.js';
import type { WorkbookData } from '../../shared/domain/intake/types.js';
import { ReadWorkerHost, readWorkbook } from '../../electron/services/excel/read-workbook.js';
import { writeTableWorkbook } from '../../electron/services/excel/write-workbook.js';
import { transpileReadWorker } from '../helpers/excel-worker.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const NOW = new Date('2026-06-10T08:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let worker: { url: URL; dispose: () => void };
beforeAll(() => {
  worker = transpileReadWorker();
});
afterAll(() => worker.dispose());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A workbook as a secretariat makes one: title rows, merged cells, formulas, rich text, links, several sheets. */
async function craftedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inscrits');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'Académie de Créteil — liste des candidats';
  ws.mergeCells('A2:C2');
  ws.getCell('A2').value = 'Session 2026';
  ws.getRow(4).values = ['Nom', 'Prénom', 'Naissance', 'Discipline', 'Échelon', 'Courriel'];
  ws.getRow(5).values = [
    'Durand',
    { richText: [{ text: 'Élo' }, { font: { bold: true }, text: 'die' }] },
    new Date(Date.UTC(1982, 2, 15, 13, 45)),
    'Lettres modernes',
    { formula: 'LEN(A5)+1', result: 7 },
    { text: 'elodie@ac-exemple.fr', hyperlink: 'mailto:elodie@ac-exemple.fr' },
  ];
  ws.getCell('C5').numFmt = 'dd/mm/yyyy';
  ws.getRow(6).values = ['Martin', 'Noé', new Date(Date.UTC(1975, 10, 2)), null, '07', { error: '#N/A' }];
  ws.mergeCells('D5:D6');
  ws.getCell('C6').numFmt = 'd mmmm yyyy';
  ws.getRow(7).values = ['Petit', true, 44000.75 /* 18 June 2020, 18:00 */, '', 3.5, { formula: 'DATE(1990,1,2)', result: new Date(Date.UTC(1990, 0, 2)) }];
  ws.getCell('C7').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('F7').numFmt = 'dd/mm/yyyy';
  // Formatting below the table is not data.
  ws.getCell('A20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B25').value = '';
  wb.addWorksheet('Notes').getCell('B2').value = 'à relire';
  wb.addWorksheet('Cachée', { state: 'hidden' }).getCell('A1').value = 1;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CRAFTED: WorkbookData = {
  format: 'xlsx',
  sheets: [
    {
      name: 'Inscrits',
      rows: [
        Array(6).fill('Académie de Créteil — liste des candidats'),
        ['Session 2026', 'Session 2026', 'Session 2026', null, null, null],
        [null, null, null, null, null, null],
        ['Nom', 'Prénom', 'Naissance', 'Discipline', 'Échelon', 'Courriel'],
        ['Durand', 'Élodie', day('1982-03-15'), 'Lettres modernes', 7, 'elodie@ac-exemple.fr'],
        ['Martin', 'Noé', day('1975-11-02'), 'Lettres modernes', '07', '#N/A'],
        ['Petit', true, day('2020-06-18'), null, 3.5, day('1990-01-02')],
      ],
    },
    { name: 'Notes', rows: [[null, null], [null, 'à relire']] },
    // The hidden sheet 'Cachée' is not offered: hidden sheets are not what a secretariat imports.
  ],
};

describe('readWorkbook: .xlsx written by exceljs', () => {
  it('reads every sheet; merged areas, formulas, rich text, links, dates and numbers as a person sees them', async () => {
    expect(await readWorkbook(await craftedWorkbook(), 'inscrits.xlsx', { inThread: true })).toEqual(CRAFTED);
  });

  it('gives the same data through the worker thread (dates survive the transfer) and leaves the caller’s bytes intact', async () => {
    const bytes = await craftedWorkbook();
    const copy = Buffer.from(bytes);
    const fractions: number[] = [];
    const data = await readWorkbook(bytes, 'inscrits.xlsx', { workerUrl: worker.url, onProgress: (f) => fractions.push(f) });
    expect(data).toEqual(CRAFTED);
    expect(data.sheets[0]!.rows[4]![2]).toBeInstanceOf(Date);
    expect(bytes.equals(copy)).toBe(true);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('reads back what writeTableWorkbook wrote: values, real dates, numbers, neutralised texts, sheet names', async () => {
    const disciplines = Array.from({ length: 40 }, (_, i) => `Discipline numéro ${i + 1}`);
    const bytes = await writeTableWorkbook({
      sheets: [
        {
          name: 'Candidatures',
          columns: [
            { header: 'Nom', kind: 'text' },
            { header: 'Prénom', kind: 'text' },
            { header: 'Date de naissance', kind: 'date' },
            { header: 'Discipline', kind: 'text', list: disciplines },
            { header: 'Échelon', kind: 'number' },
            { header: 'Statut', kind: 'text', list: ['Titulaire', 'Contractuel'] },
            { header: 'Remarque', kind: 'text' },
          ],
          rows: [
            ['Durand', 'Élodie', '1982-03-15', 'Discipline numéro 3', 7, 'Titulaire', '=SOMME(A1:A3)'],
            ['N’Guessan', 'Aïssatou', new Date(Date.UTC(1990, 11, 1, 15)), 'Discipline numéro 40', null, 'Contractuel', '+33 6 12 34 56 78'],
            ['@admin', '-moins', '', null, 3.5, null, "'=déjà neutralisé"],
            ['Texte', 'sur\ndeux lignes', '31/02/1980', 'Autre', 0, '', 'fin'],
          ],
        },
        { name: 'Résumé', columns: [{ header: 'Total', kind: 'number' }], rows: [[4]] },
      ],
      metadata: [
        ['Appel', 'Professeurs — Créteil'],
        ['Filtres', '=HACK()'],
      ],
      creator: 'Claire Secrétariat',
      now: NOW,
    });
    const data = await readWorkbook(bytes, 'export.xlsx', { workerUrl: worker.url });
    // Our own hidden drop-down lists are not offered for import.
    expect(data.sheets.map((s) => s.name)).toEqual(['Candidatures', 'Résumé', 'Métadonnées']);
    expect(data.sheets[0]!.rows).toEqual([
      ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Échelon', 'Statut', 'Remarque'],
      ['Durand', 'Élodie', day('1982-03-15'), 'Discipline numéro 3', 7, 'Titulaire', neutraliseFormula('=SOMME(A1:A3)')],
      ['N’Guessan', 'Aïssatou', day('1990-12-01'), 'Discipline numéro 40', null, 'Contractuel', neutraliseFormula('+33 6 12 34 56 78')],
      [neutraliseFormula('@admin'), neutraliseFormula('-moins'), null, null, 3.5, null, neutraliseFormula("'=déjà neutralisé")],
      ['Texte', 'sur\ndeux lignes', '31/02/1980', 'Autre', 0, null, 'fin'],
    ]);
    expect(data.sheets[0]!.rows[1]![6]).toBe("'=SOMME(A1:A3)");
    expect(data.sheets[1]!.rows).toEqual([['Total'], [4]]);
    expect(data.sheets[2]!.rows).toEqual([
      ['Information', 'Valeur'],
      ['Appel', 'Professeurs — Créteil'],
      ['Filtres', "'=HACK()"],
    ]);
  });
});

describe('readWorkbook: .xlsx written by LibreOffice (tests/fixtures, see scripts/make-fixtures.sh)', () => {
  it('a messy CSV saved as .xlsx: title line, accents, real dates, numbers kept as text, decimal comma', async () => {
    const data = await readWorkbook(readFileSync(join(FIXTURES, 'libreoffice-candidats.xlsx')), 'libreoffice-candidats.xlsx', { workerUrl: worker.url });
    expect(data).toEqual({
      format: 'xlsx',
      sheets: [
        {
          name: 'libreoffice-candidats',
          rows: [
            ['Liste des candidatures reçues — session 2026', null, null, null, null, null, null],
            ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Échelon', 'Téléphone', 'Ancienneté (ans)'],
            ['Durand', 'Élodie', day('1982-03-15'), 'Lettres modernes', '07', '06 12 34 56 78', 12.5],
            ['N\'Guessan', 'Aïssatou', day('1990-12-01'), 'Mathématiques', '03', '0712345678', 4],
            ['Lefèvre-Müller', 'François, dit « Fanfan »', day('1988-02-29'), 'Éducation physique et sportive', '10', '+33 6 98 76 54 32', 20],
          ],
        },
      ],
    });
  });

  it('a workbook with a notes sheet, a merged title, a vertical merge, formulas, rich text, a link and a hidden sheet', async () => {
    const data = await readWorkbook(readFileSync(join(FIXTURES, 'libreoffice-classeur.xlsx')), 'libreoffice-classeur.xlsx', { inThread: true });
    // 'Paramètres' is hidden in the file: not offered.
    expect(data.sheets.map((s) => s.name)).toEqual(['Notes', 'Candidatures']);
    expect(data.sheets[0]!.rows).toEqual([['Fichier reçu du rectorat le 2 juin.'], ['Les candidatures sont sur la deuxième feuille.']]);
    expect(data.sheets[1]!.rows).toEqual([
      Array(7).fill('Commission de recrutement — candidatures 2026'),
      Array(7).fill(null),
      ['Nom', 'Prénom', 'Date de naissance', 'Discipline', 'Échelon', 'Courriel', 'Longueur du nom'],
      ['Durand', 'Élodie', day('1982-03-15'), 'Lettres modernes', '07', 'elodie.durand@ac-exemple.fr', 6],
      ['Martin', 'Noé (prioritaire)', day('1975-11-02'), 'Lettres modernes', 11, null, 6],
    ]);
  });
});

describe('readWorkbook: CSV', () => {
  it('routes text to the CSV parser, by content and not by extension, in the worker too', async () => {
    const bytes = Buffer.from('\ufeffNom;Prénom;Né le\nDurand;Élodie;15/03/1982\n\n', 'utf8');
    const inThread = await readWorkbook(bytes, 'candidats.xlsx', { inThread: true });
    expect(inThread).toEqual({
      format: 'csv',
      sheets: [{ name: 'CSV', rows: [['Nom', 'Prénom', 'Né le'], ['Durand', 'Élodie', '15/03/1982']] }],
      csv: { encoding: 'utf-8', separator: ';' },
    });
    expect(await readWorkbook(bytes, 'candidats.csv', { workerUrl: worker.url })).toEqual(inThread);
  });

  it('reads Windows-1252 as Excel writes “CSV (séparateur : point-virgule)”', async () => {
    const data = await readWorkbook(Buffer.from('Nom;Prénom\r\nLefèvre;Zoé\r\n', 'latin1'), 'export.csv', { inThread: true });
    expect(data.csv?.encoding).toBe('windows-1252');
    expect(data.sheets[0]!.rows).toEqual([
      ['Nom', 'Prénom'],
      ['Lefèvre', 'Zoé'],
    ]);
  });

  it('turns the CSV parser’s refusals into AppErrors naming the file', async () => {
    const error = await rejection(readWorkbook(Buffer.from(`a;b\n"${'x'.repeat(1_100_000)}`), 'long.csv', { inThread: true }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('« long.csv »');
  });
});

describe('readWorkbook: the worker', () => {
  it('stops the worker when the import is cancelled', async () => {
    const controller = new AbortController();
    const reading = readWorkbook(await craftedWorkbook(), 'inscrits.xlsx', { workerUrl: worker.url, signal: controller.signal });
    controller.abort();
    const error = await rejection(reading);
    expect(error.toData()).toEqual({ code: 'validation', message: 'Import annulé.' });
    const already = await rejection(readWorkbook(await craftedWorkbook(), 'inscrits.xlsx', { workerUrl: worker.url, signal: controller.signal }));
    expect(already.message).toBe('Import annulé.');
  });

  it('stops a worker that takes too long: too_large, « trop complexe »', async () => {
    const error = await rejection(readWorkbook(await craftedWorkbook(), 'lent.xlsx', { workerUrl: worker.url, timeoutMs: 1 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^Le fichier « lent\.xlsx » est trop complexe pour être lu en sécurité/);
  });

  it('maps a worker that dies without answering to too_large, and one that crashes to internal', async () => {
    const died = await rejection(readWorkbook(Buffer.from('a;b\n'), 'x.csv', { workerUrl: new URL('data:text/javascript,process.exit(3)') }));
    expect(died.code).toBe('too_large');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crashed = await rejection(readWorkbook(Buffer.from('a;b\n'), 'x.csv', { workerUrl: new URL('data:text/javascript,throw new Error("boom")') }));
    expect(crashed.code).toBe('internal');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('the long-lived reading worker', () => {
  it('reuses one worker from file to file, and survives a worker that fails between two files', async () => {
    const bytes = await craftedWorkbook();
    const host = new ReadWorkerHost();
    try {
      const first = await readWorkbook(bytes, 'a.xlsx', { workerUrl: worker.url, host });
      expect(first).toEqual(CRAFTED);
      expect(await readWorkbook(bytes, 'b.xlsx', { workerUrl: worker.url, host })).toEqual(CRAFTED);

      // A worker that answers, then throws while idle: the process must not crash, and the next file gets
      // a fresh worker instead of waiting for the dead one until the time-out.
      const dir = mkdtempSync(join(tmpdir(), 'late-failure-'));
      const lateFailure = join(dir, 'late-failure.mjs');
      writeFileSync(
        lateFailure,
        `import { parentPort } from 'node:worker_threads';
         parentPort.on('message', (r) => {
           parentPort.postMessage({ id: r.id, type: 'done', data: { format: 'xlsx', sheets: [] } });
           setTimeout(() => { throw new Error('échec tardif simulé'); }, 20);
         });`,
      );
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(await readWorkbook(bytes, 'c.xlsx', { workerUrl: pathToFileURL(lateFailure), host })).toEqual({ format: 'xlsx', sheets: [] });
        await vi.waitFor(() => expect(errors).toHaveBeenCalled(), { timeout: 2000 });
      } finally {
        errors.mockRestore();
        rmSync(dir, { recursive: true, force: true });
      }
      const started = Date.now();
      expect(await readWorkbook(bytes, 'd.xlsx', { workerUrl: worker.url, host, timeoutMs: 20_000 })).toEqual(CRAFTED);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      host.close();
    }
  });
});
