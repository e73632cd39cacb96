import { useMemo, useState } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { emptyCriterion, emptySection, gridDraftErrors, moveItem, type CriterionDraft, type SectionDraft } from './gridDraft.js';

/**
 * The grid being edited. The shared check's errors show for the fields already left, or all of them after a
 * save attempt; the services' errors show until their field is changed. Nothing typed is ever reset by an error.
 */
export function useGridForm(initial: SectionDraft[]) {
  const [draft, setDraft] = useState<SectionDraft[]>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const liveErrors = useMemo(() => gridDraftErrors(draft), [draft]);
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(liveErrors)) if (submitted || touched.has(key)) errors[key] = message;
  for (const [key, message] of Object.entries(serverErrors)) errors[key] ??= message;

  /** A change of structure moves the indexes the errors are keyed by: the services' errors no longer apply. */
  const restructure = (next: (d: SectionDraft[]) => SectionDraft[]) => {
    setDraft(next);
    setServerErrors({});
    setTouched(new Set());
  };
  const forget = (keys: string[]) =>
    setServerErrors((e) => {
      if (!keys.some((k) => e[k])) return e;
      const next = { ...e };
      for (const k of keys) delete next[k];
      return next;
    });

  return {
    draft,
    errors,
    hasErrors: Object.keys(liveErrors).length > 0,
    replace(next: SectionDraft[]) {
      setDraft(next);
      setServerErrors({});
      setTouched(new Set());
      setSubmitted(false);
    },
    /** Keeps the edits (keys just given, say) without touching the errors. */
    setDraft,
    touch: (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key))),
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
    setSection(i: number, patch: Partial<Omit<SectionDraft, 'criteria'>>) {
      setDraft((d) => d.map((s, k) => (k === i ? { ...s, ...patch } : s)));
      forget(Object.keys(patch).map((f) => `sections.${i}.${f}`));
    },
    setCriterion(i: number, j: number, patch: Partial<CriterionDraft>) {
      setDraft((d) => d.map((s, k) => (k === i ? { ...s, criteria: s.criteria.map((c, l) => (l === j ? { ...c, ...patch } : c)) } : s)));
      const fields = Object.keys(patch);
      // The scale's error is shown under « max », the descriptors' under the scale.
      if (fields.includes('min')) fields.push('max', 'levels', 'threshold');
      if (fields.includes('max')) fields.push('levels', 'threshold');
      forget(fields.map((f) => `sections.${i}.criteria.${j}.${f}`));
    },
    addSection: () => restructure((d) => [...d, emptySection()]),
    removeSection: (i: number) => restructure((d) => d.filter((_, k) => k !== i)),
    moveSection: (i: number, delta: number) => restructure((d) => moveItem(d, i, delta)),
    addCriterion: (i: number) => restructure((d) => d.map((s, k) => (k === i ? { ...s, criteria: [...s.criteria, emptyCriterion()] } : s))),
    removeCriterion: (i: number, j: number) =>
      restructure((d) => d.map((s, k) => (k === i ? { ...s, criteria: s.criteria.filter((_, l) => l !== j) } : s))),
    moveCriterion: (i: number, j: number, delta: number) =>
      restructure((d) => d.map((s, k) => (k === i ? { ...s, criteria: moveItem(s.criteria, j, delta) } : s))),
  };
}

export type GridForm = ReturnType<typeof useGridForm>;
