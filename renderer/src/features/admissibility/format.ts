import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import { formatMoment, readMoment } from '../../../../shared/domain/admissibility/deadline.js';
import type { ApiError } from '../../transport/api-client.js';
// Shared by every screen; kept importable from here.
export { failureMessage } from '../../components/failure.js';

/** « 15/05/2026 à 23:30 (heure de Paris) »; the text as given when unreadable. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  const moment = readMoment(instant);
  return moment ? formatMoment(moment) : instant;
}

/** The Paris day of an instant, « 15/05/2026 ». */
export function formatDay(instant: string | null | undefined): string {
  if (!instant) return '';
  const moment = readMoment(instant);
  return moment ? formatFrenchDate(moment.date) : instant;
}

/** « 812 octets », « 34,5 Ko », « 2,3 Mo ». */
export function formatSize(bytes: number): string {
  const number = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes.toLocaleString('fr-FR')} octet${bytes > 1 ? 's' : ''}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} Ko`;
  return `${number(bytes / (1024 * 1024))} Mo`;
}

/** The services’ field errors for a form whose fields travel under `prefix` (« opinion.avis » → « avis »). */
export function formFieldErrors(error: ApiError, prefix: string): Record<string, string | undefined> {
  const errors: Record<string, string | undefined> = {};
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    errors[key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : key] = message;
  }
  return errors;
}
