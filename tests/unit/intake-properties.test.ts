// Properties a secretariat relies on without thinking about them: no file, however odd, crashes the
// import; what the app exports it reads back; the report always accounts for every row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCandidateDraft } from '../../shared/domain/candidate.js';
import {
  INTAKE_FIELDS,
  analyseSheet,
  cellText,
  parseCsv,
  restoreNeutralised,
  toCsv,
  type CellValue,
  type ColumnMapping,
  type ExistingFile,
} from '../../shared/domain/intake/index.js';
import { candidateDraft } from '../helpers/fixtures.js';

const today = '2026-06-10';
const posts = [
  { id: 10, label: 'Professeur relais territorial', site: 'Réseau Les Écrins' },
  { id: 11, label: 'Professeur relais territorial', site: 'Réseau Côte Bleue – La Nerthe' },
];

/** Characters that stress CSV and formulas, mixed with any other (no NUL, no lone surrogate). */
const tricky = fc.constantFrom(';', ',', '\t', '"', '\r', '\n', "'", '=', '+', '-', '@', ' ', 'é', 'œ', '€', '\ufeff', '\u00a0', '😀');
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0' && !/[\ud800-\udfff]/.test(c));
const text = fc.string({ unit: fc.oneof(tricky, anyChar), maxLength: 12 });

describe('parseCsv on arbitrary bytes', () => {
  it('never throws: a workbook or a typed refusal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parseCsv(bytes);
        if (result.ok) {
          expect(result.workbook.format).toBe('csv');
          expect(result.workbook.sheets).toHaveLength(1);
          for (const row of result.workbook.sheets[0]!.rows) for (const cell of row) expect(cell === null || typeof cell === 'string').toBe(true);
        } else {
          expect(['line_too_long', 'too_many_columns']).toContain(result.code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on text made of separators, quotes and line breaks', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(';', ',', '\t', '"', '\r', '\n', 'a', 'é'), maxLength: 300 }), (s) => {
        expect(() => parseCsv(new TextEncoder().encode(s))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('toCsv then parseCsv', () => {
  it('gives back any table of strings, formulas restored', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (table) => {
        const parsed = parseCsv(toCsv(table));
        if (!parsed.ok) throw new Error(parsed.message);
        const back = parsed.workbook.sheets[0]!.rows.map((row) => row.map((cell) => restoreNeutralised(cell === null ? '' : String(cell))));
        expect(back).toEqual(table);
        expect(parsed.workbook.csv).toEqual({ encoding: 'utf-8', separator: ';' });
      }),
      { numRuns: 400 },
    );
  });
});

describe('analyseSheet on arbitrary grids', () => {
  const check = checkCandidateDraft(candidateDraft({ wishes: [10] }), { today, postIds: [10, 11] });
  if (!check.ok) throw new Error('fixture');
  const existing: ExistingFile[] = [
    { ...check.value, id: 1 },
    { ...check.value, id: 2, nom: 'MARTIN', prenom: 'Léa', email: '', dateNaissance: null },
  ];
  // Values a secretariat's file holds, and values nobody expects.
  const realistic = fc.constantFrom<CellValue>(
    'Durand',
    'Camille',
    'MARTIN',
    'Léa',
    '12/03/1984',
    '31/02/1980',
    '45427',
    'SVT',
    'Chimie orga',
    'Les Écrins',
    'COTE BLEUE - LA NERTHE',
    'Durance',
    'camille.durand@ac-test.example',
    'CAMILLE.DURAND@AC-TEST.EXAMPLE',
    'pas un mail',
    'Titulaire',
    'Reçue',
    'Certifié / Classe normale / 7e échelon',
    'Lycée X / Gap',
    '=1+1',
    "'=1+1",
    '__proto__',
    'constructor',
  );
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 4, arbitrary: realistic },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.date() },
  );
  const field = fc.option(fc.constantFrom(...INTAKE_FIELDS), { nil: null });

  it('never throws, and its totals account for every non-empty data row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 }),
        fc.nat(4),
        fc.array(field, { maxLength: 8 }),
        fc.boolean(),
        (rows, headerRowIndex, mapping: ColumnMapping, withExisting) => {
          const analysis = analyseSheet({ name: 'S', rows }, headerRowIndex, mapping, { today, posts, existing: withExisting ? existing : [] });
          const nonEmpty = rows.slice(headerRowIndex + 1).filter((row) => row.some((c) => cellText(c) !== '')).length;
          const { totals } = analysis;
          expect(totals.new + totals.updated + totals.unchanged + totals.rejected).toBe(nonEmpty);
          expect(analysis.rows).toHaveLength(nonEmpty);
          for (const row of analysis.rows) {
            expect(row.row).toBeGreaterThan(headerRowIndex + 1);
            expect(row.outcome === 'rejected').toBe(row.input === null);
            expect(row.matchId !== null).toBe(row.outcome === 'updated' || row.outcome === 'unchanged');
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
