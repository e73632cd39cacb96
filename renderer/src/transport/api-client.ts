import type { CommissionBridge } from '../../../shared/contract/bridge.js';
import type { Envelope, ErrorCode, FieldErrors } from '../../../shared/contract/errors.js';
import { PUSH_EVENT_NAMES, type PushMessage } from '../../../shared/contract/events.js';
import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract/methods.js';

/** A failed call, as the screens need it: a French message and, for forms, the faulty fields. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldErrors;
  constructor(code: ErrorCode, message: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export interface ApiClient {
  readonly mode: 'desktop' | 'browser';
  invoke<K extends MethodName>(method: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  onPush(listener: (message: PushMessage) => void): () => void;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
}

declare global {
  interface Window {
    commission?: CommissionBridge;
  }
}

const TOKEN_KEY = 'commission.jeton';

/** Browser mode: the token arrives in the address (#jeton=…), is kept for the tab, and leaves the address bar. */
function takeToken(): string {
  const match = /(?:^#|&)jeton=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function desktopClient(bridge: CommissionBridge): ApiClient {
  return {
    mode: 'desktop',
    invoke: async (method, args) => unwrap((await bridge.invoke(method, args)) as Envelope<never>),
    onPush: (listener) => bridge.on(listener),
  };
}

function browserClient(): ApiClient {
  const token = takeToken();
  const listeners = new Set<(message: PushMessage) => void>();
  let source: EventSource | null = null;
  return {
    mode: 'browser',
    async invoke(method, args) {
      let response: Response;
      try {
        response = await fetch(`./api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args ?? {}),
        });
      } catch {
        throw new ApiError('internal', 'Le service local ne répond pas : vérifiez qu’il est toujours lancé.');
      }
      let envelope: Envelope<never>;
      try {
        envelope = (await response.json()) as Envelope<never>;
      } catch {
        throw new ApiError('internal', `Réponse illisible du service local (HTTP ${response.status}).`);
      }
      return unwrap(envelope);
    },
    onPush(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`./events?token=${encodeURIComponent(token)}`);
        for (const name of PUSH_EVENT_NAMES) {
          source.addEventListener(name, (event) => {
            const message = { event: name, payload: JSON.parse((event as MessageEvent<string>).data) } as PushMessage;
            for (const l of listeners) l(message);
          });
        }
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** Picks the transport once, at start-up. */
export function createApiClient(): ApiClient {
  return window.commission ? desktopClient(window.commission) : browserClient();
}
