import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../shared/contract/methods.js';
import { exampleArgs, RESULT_TYPES, renderApiDoc } from '../../scripts/api-doc.js';

const names = Object.keys(methods) as MethodName[];
const docFile = fileURLToPath(new URL('../../docs/api.md', import.meta.url));
const contractFile = fileURLToPath(new URL('../../shared/contract/methods.ts', import.meta.url));

describe('docs/api.md', () => {
  it('is exactly what the contract renders today', () => {
    const written = existsSync(docFile) ? readFileSync(docFile, 'utf8').replace(/\r\n/g, '\n') : '(absent)';
    expect(written, 'docs/api.md n’est pas à jour avec le contrat : lancez `npm run docs:api`.').toBe(renderApiDoc());
  });

  it('has one section per method of the contract', () => {
    const doc = renderApiDoc();
    for (const name of names) {
      expect(doc, `section manquante pour ${name}`).toContain(`\n### \`${name}\`\n`);
      expect(doc).toContain(`/api/${name} `);
    }
    expect(doc.match(/^### `/gm)?.length).toBe(names.length);
  });

  it('names the result types written in the contract', () => {
    // `'calls-get': method<Call>()({` -> calls-get = Call
    const source = readFileSync(contractFile, 'utf8');
    const declared = Object.fromEntries(
      [...source.matchAll(/'([a-z-]+)': method<([\s\S]+?)>\(\)\(/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]),
    );
    expect(RESULT_TYPES, 'RESULT_TYPES (scripts/api-doc.ts) ne suit plus les types de shared/contract/methods.ts').toEqual(declared);
  });

  it('gives curl examples the contract accepts', () => {
    for (const name of names) {
      const parsed = methods[name].args.safeParse(exampleArgs(name));
      expect(parsed.success, `exemple invalide pour ${name} : ${parsed.error?.message}`).toBe(true);
    }
  });
});
