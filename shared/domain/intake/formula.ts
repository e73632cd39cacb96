// CSV / formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or a tab or
// carriage return some programs strip first) as a formula. Every text cell the app exports goes
// through neutraliseFormula; every text cell the app imports goes through restoreNeutralised, so
// that a file exported then imported again gives back exactly what was stored.

const TRIGGERS = /^[=+\-@\t\r]/;
// A run of quotes before a trigger: "'=x" typed by someone must survive the round trip too, so it
// is exported as "''=x" and the import removes exactly one quote.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Prefixes a single quote when the text would be read as a formula ("=SOMME(A1)" -> "'=SOMME(A1)"). */
export function neutraliseFormula(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

/** The reverse of neutraliseFormula: removes one leading quote only when a trigger follows it. */
export function restoreNeutralised(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Whether a text would be taken for a formula by a spreadsheet (for callers that mark such cells). */
export function looksLikeFormula(text: string): boolean {
  return TRIGGERS.test(text);
}
