import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Preferences } from '../../shared/model/entities.js';

/** Where this laptop's preferences live: electron-store in the desktop app, a JSON file in browser mode. */
export interface PreferencesStore {
  read(): Preferences;
  write(next: Preferences): void;
}

export const DEFAULT_PREFERENCES: Preferences = { whoAmI: null, lastCallId: null };

/** Keeps only known keys with the right types, so that a hand-edited or older file cannot break the app. */
export function sanitizePreferences(raw: unknown): Preferences {
  const prefs: Preferences = { ...DEFAULT_PREFERENCES };
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    const who = r.whoAmI as Record<string, unknown> | null | undefined;
    if (who && typeof who.name === 'string' && who.name.trim()) {
      prefs.whoAmI = { name: who.name, email: typeof who.email === 'string' ? who.email : '' };
    }
    if (typeof r.lastCallId === 'number' && Number.isInteger(r.lastCallId)) prefs.lastCallId = r.lastCallId;
  }
  return prefs;
}

/** Browser mode: preferences.json beside the database, written atomically. */
export function jsonFilePreferences(dataDir: string): PreferencesStore {
  const file = join(dataDir, 'preferences.json');
  return {
    read() {
      if (!existsSync(file)) return { ...DEFAULT_PREFERENCES };
      try {
        return sanitizePreferences(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        return { ...DEFAULT_PREFERENCES };
      }
    },
    write(next) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(next, null, 2), 'utf8');
      renameSync(tmp, file);
    },
  };
}
