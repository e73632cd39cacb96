export * from './errors.js';
export * from './events.js';
export * from './methods.js';

import type { Actor } from '../model/entities.js';

/** Who is calling: every dispatch carries it so that the journal can say who changed what. */
export interface CallContext {
  actor: Actor | null;
}
