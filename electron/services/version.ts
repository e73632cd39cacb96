import { readFileSync } from 'node:fs';

// Read once from package.json, which ships inside the app in both modes.
function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'commission-recrutement' && pkg.version) return pkg.version;
    } catch {
      // try the next location (source tree vs dist/)
    }
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
