/** Lower-case, accents removed, punctuation folded to single spaces: for matching what people type. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim();
}

/** « de Nancy-Metz », « d’Aix-Marseille », « d’ARNAUD Camille », « d’Hélène »: de, elided before a vowel or an h. */
export function deName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüÿœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** « Hélène Vasseur (CAST) » → « helene-vasseur-cast »: for file names and identifiers; '' when nothing is left. */
export function slugOf(value: string, max = 40): string {
  return foldText(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Trim and collapse inner whitespace; empty becomes ''. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** Like cleanText but keeps line breaks (for long free text such as motivations). */
export function cleanMultiline(value: string | null | undefined): string {
  if (!value) return '';
  // One line (most cells of an import): the same result without splitting.
  if (!/[\r\n]/.test(value)) return value.replace(/[ \t]+/g, ' ').trim();
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
}
