import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { useDraftForm } from '../../components/useDraftForm.js';

function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A draft form over a stored value. When the stored value changes (a save, another window), the form follows
 * it only if nothing was typed since: what the person typed is never thrown away.
 */
export function useStoredDraft<D>(stored: D, check: (draft: D) => { ok: boolean; errors?: FieldErrors }) {
  const form = useDraftForm<D>(stored, check);
  const [baseline, setBaseline] = useState<D>(stored);
  if (!sameDraft(baseline, stored)) {
    // Adjusting state while rendering (React's pattern for « state derived from a prop that changed »).
    setBaseline(stored);
    if (sameDraft(form.draft, baseline)) form.replace(stored);
  }
  return { form, dirty: !sameDraft(form.draft, stored) };
}
