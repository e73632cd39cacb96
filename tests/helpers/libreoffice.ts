// LibreOffice as an independent spreadsheet client: converts files headless, each test file with its own
// profile (-env:UserInstallation) so that parallel runs do not clash.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
export const hasSoffice = SOFFICE !== null;

/** CSV export: ';' separated, '"' quoted, UTF-8, from line 1, cells as shown (dates dd/mm/yyyy). */
export const CSV_EXPORT_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1';

export interface LibreOffice {
  /** Converts `file` with `--convert-to filter` into `outDir`; returns the produced file's path. */
  convert(file: string, filter: string, outDir: string, inFilter?: string): Promise<string>;
  dispose(): void;
}

export function libreOffice(): LibreOffice {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  return {
    async convert(file, filter, outDir, inFilter) {
      const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore'];
      if (inFilter) args.push(`--infilter=${inFilter}`);
      args.push('--convert-to', filter, '--outdir', outDir, file);
      await run(SOFFICE!, args, { timeout: 120_000 });
      const stem = basename(file, extname(file));
      const ext = filter.split(':')[0]!;
      const produced = readdirSync(outDir).find((f) => f === `${stem}.${ext}`);
      if (!produced) throw new Error(`LibreOffice produced nothing for ${file}`);
      return join(outDir, produced);
    },
    dispose() {
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A ';'-separated CSV as LibreOffice writes it (quotes only where needed), into rows of strings. */
export function parseSemicolonCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
