import { useMemo, useState } from 'react';
import type { FieldErrors } from '../../../shared/contract/errors.js';

/**
 * Holds a form's draft and shows the shared checker's errors for the fields already left (on blur) or
 * all of them after a save attempt. The draft is never reset by an error: nothing typed is lost.
 */
export function useDraftForm<D>(initial: D, check: (draft: D) => { ok: boolean; errors?: FieldErrors }) {
  const [draft, setDraft] = useState<D>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const liveErrors = useMemo(() => {
    const result = check(draft);
    return result.ok ? {} : (result.errors ?? {});
  }, [draft, check]);

  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(liveErrors)) {
    if (submitted || touched.has(key) || touched.has(key.split('.').slice(0, 2).join('.'))) errors[key] = message;
  }
  for (const [key, message] of Object.entries(serverErrors)) errors[key] ??= message;

  return {
    draft,
    errors,
    hasErrors: Object.keys(liveErrors).length > 0,
    set<K extends keyof D>(key: K, value: D[K]) {
      setDraft((d) => ({ ...d, [key]: value }));
      setServerErrors((e) => {
        if (!e[key as string]) return e;
        const next = { ...e };
        delete next[key as string];
        return next;
      });
    },
    replace: setDraft,
    touch: (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key))),
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
  };
}

/** After a refused save, take the person to the first field in error rather than leaving them to search. */
export type DraftForm<D> = ReturnType<typeof useDraftForm<D>>;

export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('.fr-input--error, .fr-select--error, .fr-input-group--error input, .fr-fieldset--error input');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  });
}

export function errorProps(errors: FieldErrors, key: string) {
  return errors[key] ? ({ state: 'error', stateRelatedMessage: errors[key] } as const) : ({ state: 'default' } as const);
}

/**
 * For a form's action bar: pressing a button does not take the focus from the field being typed in. Otherwise the
 * field's blur shows its error first, the layout moves under the pointer between press and release, and the
 * click is lost. The save then shows every error itself; keyboard use is unchanged.
 */
export function keepFocusOnPress(event: { target: EventTarget | null; preventDefault(): void }): void {
  const target = event.target as { closest?: (selector: string) => unknown } | null;
  if (target?.closest?.('button')) event.preventDefault();
}
