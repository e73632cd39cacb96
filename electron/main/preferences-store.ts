import Store from 'electron-store';
import type { Preferences } from '../../shared/model/entities.js';
import { sanitizePreferences, type PreferencesStore } from '../services/preferences.js';

/**
 * Desktop preferences in <userData>/preferences.json through electron-store (atomic writes). The keys sit at
 * the top level, as in browser mode's file of the same name, so both modes read the same preferences.
 */
export function electronStorePreferences(): PreferencesStore {
  const store = new Store<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
  return {
    read: () => sanitizePreferences(store.store),
    write: (next: Preferences) => {
      store.store = { ...sanitizePreferences(next) };
    },
  };
}
