// The read worker for tests. readWorkbook starts `read-worker.js`, which only exists once the project is built
// (dist/); under vitest the sources are .ts and Node 20 cannot start a worker on them. So the worker and the
// modules it imports are transpiled (typescript's transpileModule, no type check) into a private folder under
// node_modules/.cache, from where `exceljs` resolves as usual, and tests pass its URL as `workerUrl`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = 'electron/services/excel/read-worker.ts';

/** Transpiles the worker's import graph; returns its URL and a cleanup function. */
export function transpileReadWorker(): { url: URL; dispose: () => void } {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'excel-worker-'));
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const queue = [ENTRY];
  const done = new Set<string>();
  while (queue.length > 0) {
    const rel = queue.pop()!;
    if (done.has(rel)) continue;
    done.add(rel);
    const source = readFileSync(join(ROOT, rel), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, isolatedModules: true },
      fileName: rel,
    }).outputText;
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
    // Type-only imports are gone from the output: what is left is what the worker loads.
    for (const m of js.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(rel), `${m[1]}.ts`)));
    }
  }
  return { url: pathToFileURL(join(out, ENTRY.replace(/\.ts$/, '.js'))), dispose: () => rmSync(out, { recursive: true, force: true }) };
}
