import type { Envelope } from './errors.js';
import type { PushMessage } from './events.js';

/**
 * What the desktop preload exposes as `window.commission`, and nothing more. Browser mode has no bridge: the
 * renderer then talks HTTP to the same dispatch.
 */
export interface CommissionBridge {
  /** Calls one contract method; errors come back as `{ ok: false }`, never as a rejection. */
  invoke(method: string, args: unknown): Promise<Envelope<unknown>>;
  /** Receives every push message (`changed`…); returns the function that stops listening. */
  on(listener: (message: PushMessage) => void): () => void;
}

export const BRIDGE_KEY = 'commission';
