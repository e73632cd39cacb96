import { focusWhenDrawn } from '../../components/focusWhenDrawn.js';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { deName } from '../../../../shared/domain/text.js';
import type { PersonAvailability, PlannerView } from '../../../../shared/model/planner.js';
import { failureMessage } from '../../components/failure.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { useStoredDraft } from '../admissibility/useStoredDraft.js';
import { checkConstraints, draftOfConstraints, type ConstraintDraft, type PersonKind } from './constraintsDraft.js';

export interface ConstraintRowProps {
  callId: number;
  kind: PersonKind;
  personId: number;
  /** « Olivier Granet », « ARNAUD Camille »: in every field's label and the button's name. */
  name: string;
  /** The first cell: the name and what goes with it (a badge, the post). */
  who: ReactNode;
  constraints: PersonAvailability;
  /** Dates typed without their year take the window's. */
  year: number;
  status: string | null;
  onSaved(view: PlannerView, personId: number): void;
  onEdit(personId: number): void;
}

/** The row checks its draft itself, with the parsed values it saves. */
const CHECKED_BELOW = () => ({ ok: true });

/**
 * One person's constraints, typed as French half-day lists, checked as typed and saved on their own. The row
 * follows what is stored (a save elsewhere, an import) only while nothing unsaved is typed in it.
 */
export function ConstraintRow({ callId, kind, personId, name, who, constraints, year, status, onSaved, onEdit }: ConstraintRowProps) {
  const api = useApp((s) => s.api);
  const stored = useMemo(() => draftOfConstraints(constraints), [constraints]);
  const { form, dirty } = useStoredDraft(stored, CHECKED_BELOW);
  const { draft } = form;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const checked = useMemo(() => checkConstraints(kind, draft, year), [kind, draft, year]);
  const errors = checked.ok ? {} : checked.errors;
  const idBase = `contraintes-${kind}-${personId}`;

  const edit = (patch: Partial<ConstraintDraft>) => {
    form.replace((d) => ({ ...d, ...patch }));
    setFailure(null);
    if (status) onEdit(personId);
  };

  const save = async () => {
    if (!checked.ok) return;
    setSaving(true);
    setFailure(null);
    try {
      const view = await api.invoke('planner-constraints-save', {
        callId,
        kind,
        personId,
        availability: checked.availability,
        preferred: checked.preferred,
        note: checked.note,
      });
      // What the services stored, as it is written back (« 3/6 » becomes « 03/06/2026 »).
      const saved = (kind === 'member' ? view.members : view.candidates).find((p) => p.id === personId);
      if (saved) form.replace(draftOfConstraints(saved.constraints));
      onSaved(view, personId);
      // The button is disabled once saved: the focus goes to what the row now says.
      focusWhenDrawn(() => statusRef.current);
    } catch (error) {
      setFailure(failureMessage(error, 'Erreur inattendue : rien n’a été enregistré.'));
    } finally {
      setSaving(false);
    }
  };

  const field = (key: 'unavailable' | 'only' | 'preferred' | 'note', label: string) => {
    const message = key === 'note' ? undefined : errors[key];
    return (
      <Input
        label={`${label} — ${name}`}
        classes={{ label: 'fr-sr-only' }}
        className="fr-mb-0"
        textArea
        nativeTextAreaProps={{
          id: `${idBase}-${key}`,
          value: draft[key],
          rows: 2,
          autoComplete: 'off',
          onChange: (e) => edit({ [key]: e.target.value }),
          // Ctrl+Entrée saves the row; Entrée alone starts a new line (a new entry).
          onKeyDown: (e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && dirty && checked.ok) void save();
          },
        }}
        {...(message ? { state: 'error' as const, stateRelatedMessage: message } : { state: 'default' as const })}
      />
    );
  };

  return (
    <tr data-testid={`planner-${kind}-row`} data-person={name}>
      <th scope="row">{who}</th>
      <td>{field('unavailable', 'Indisponibilités')}</td>
      <td>{kind === 'member' ? field('only', 'Seulement disponible') : field('preferred', 'Préférences')}</td>
      <td>{field('note', 'Note')}</td>
      <td onMouseDown={keepFocusOnPress}>
        <Button
          size="small"
          priority={dirty ? 'primary' : 'secondary'}
          disabled={saving || !dirty || !checked.ok}
          onClick={() => void save()}
          nativeButtonProps={{ 'aria-label': `Enregistrer les ${kind === 'member' ? 'disponibilités' : 'contraintes'} ${deName(name)}` }}
        >
          Enregistrer
        </Button>
        <p role="status" className="fr-text--xs fr-mb-0 fr-mt-1v" tabIndex={-1} ref={statusRef}>
          {failure ? <span className="fr-error-text fr-mt-0">{failure}</span> : saving ? 'Enregistrement…' : dirty ? 'Non enregistré' : (status ?? '')}
        </p>
      </td>
    </tr>
  );
}
