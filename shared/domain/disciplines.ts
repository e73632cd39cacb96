import { DISCIPLINES } from '../model/referential.js';
import { foldText } from './text.js';

const LOOKUP = new Map<string, string>();
for (const d of DISCIPLINES) {
  LOOKUP.set(foldText(d.code.replace(/-/g, ' ')), d.code);
  LOOKUP.set(foldText(d.label), d.code);
  for (const s of d.synonyms) LOOKUP.set(foldText(s), d.code);
}

/** Finds the discipline code for what a person or a spreadsheet wrote ("SVT", "Physique chimie"…); null if unknown. */
export function matchDiscipline(written: string): string | null {
  const folded = foldText(written);
  if (!folded) return null;
  return LOOKUP.get(folded) ?? null;
}
