#!/usr/bin/env node
// Browser mode: `npm run serve -- --data-dir DIR --port N`. Prints the address to open.
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract/errors.js';
import { createServices } from '../services/index.js';
import { jsonFilePreferences } from '../services/preferences.js';
import { defaultDataDir } from './data-dir.js';
import { startHttpServer } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '4780' },
      'renderer-dir': { type: 'string' },
      reason: { type: 'string' },
      // Demonstrations and end-to-end tests: the instant the app starts at (it runs on from there), so that a
      // past campaign (the seeds' June 2026) can be replayed as it was lived.
      clock: { type: 'string' },
    },
  });
  const clockStart = values.clock === undefined ? null : Date.parse(values.clock);
  if (clockStart !== null && !Number.isFinite(clockStart)) {
    console.error(`Horloge invalide : « ${values.clock} » (attendu un instant ISO 8601, par exemple 2026-05-20T10:00:00Z).`);
    process.exit(2);
  }
  const offset = clockStart === null ? 0 : clockStart - Date.now();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port invalide : « ${values.port} » (un entier de 0 à 65535 ; 0 = un port libre quelconque).`);
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir(process.platform, process.env, homedir()));
  // dist/electron/http -> dist/renderer
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(here, '../../renderer'));
  const preferences = jsonFilePreferences(dataDir);

  let services;
  try {
    services = createServices({ dataDir, preferences, mode: 'browser', ...(offset ? { now: () => new Date(Date.now() + offset) } : {}) });
  } catch (error) {
    console.error(error instanceof AppError ? error.message : error);
    process.exit(1);
  }
  const token = randomBytes(24).toString('base64url');
  const server = await startHttpServer({ services, preferences, rendererDir, token, port });
  const address = `${server.url}#jeton=${token}`;

  if (values.reason) {
    console.log(values.reason);
  }
  console.log('Commission de recrutement — mode navigateur / browser mode');
  console.log(`Données : ${dataDir}`);
  console.log(`Ouvrez cette adresse dans votre navigateur / open this address in your browser:`);
  console.log(`  ${address}`);
  console.log('Ctrl+C pour arrêter / to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
