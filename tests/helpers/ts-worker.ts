// Workers for tests. The app starts its workers from compiled .js files, which only exist once the project is
// built (dist/); under vitest the sources are .ts and Node 20 cannot start a worker on them. So a worker and
// the modules it imports are transpiled (typescript's transpileModule, no type check) into a private folder
// under node_modules/.cache, from where packages (`exceljs`, `highs`) resolve as usual, and tests pass its URL.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');

/** Transpiles the import graph of `entry` (a path from the repository root); returns its URL and a cleanup function. */
export function transpileWorker(entry: string, prefix = 'worker-'): { url: URL; dispose: () => void } {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, prefix));
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const queue = [entry];
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
  return { url: pathToFileURL(join(out, entry.replace(/\.ts$/, '.js'))), dispose: () => rmSync(out, { recursive: true, force: true }) };
}
