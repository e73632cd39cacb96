import { ApiError } from '../transport/api-client.js';

/** What to tell the person when a call fails: the services' French message, or a plain fallback for anything else. */
export function failureMessage(error: unknown, fallback = 'Erreur inattendue : rien n’a été enregistré.'): string {
  return error instanceof ApiError ? error.message : fallback;
}
