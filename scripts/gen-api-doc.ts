// `npm run docs:api`: writes docs/api.md from the contract. The rendering lives in api-doc.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiDoc } from './api-doc.js';

// dist/scripts -> repository root
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = resolve(root, 'docs/api.md');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, renderApiDoc());
console.log(`Documentation de l’API écrite dans ${file}.`);
