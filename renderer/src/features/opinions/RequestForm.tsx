import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import type { InspectorProgress, OpinionRequestFiles } from '../../../../shared/model/opinions.js';
import { saveExportedFile } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage } from '../admissibility/format.js';
import { dateError, frenchDayFromToday, isoOrTyped } from './format.js';

const DEFAULT_DELAY_DAYS = 10;

interface RequestFormProps {
  callId: number;
  inspector: InspectorProgress;
  /** A reminder (relance): only the files still without opinion. */
  reminder: boolean;
  /** Files not requested yet (a request), or still without opinion (a reminder). */
  fileCount: number;
  onDone(files: OpinionRequestFiles): void;
  onCancel(): void;
}

/** The due date of a request, then the workbook and the .eml draft, both saved. */
export function RequestForm({ callId, inspector, reminder, fileCount, onDone, onCancel }: RequestFormProps) {
  const api = useApp((s) => s.api);
  const [dueOn, setDueOn] = useState(() => frenchDayFromToday(DEFAULT_DELAY_DAYS));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const invalid = dateError(dueOn, 'Indiquez la date à laquelle la réponse est attendue.');
    setFieldError(invalid);
    if (invalid) return;
    setSaving(true);
    try {
      const files = await api.invoke('opinions-request', { callId, inspectorId: inspector.inspectorId, dueOn: isoOrTyped(dueOn), ...(reminder ? { reminder: true } : {}) });
      saveExportedFile(files.workbook);
      saveExportedFile(files.mail);
      onDone(files);
    } catch (error) {
      if (error instanceof ApiError) setFieldError(error.fieldErrors.dueOn ?? null);
      setFailure(failureMessage(error, 'Erreur inattendue : la demande n’a pas été préparée.'));
    } finally {
      setSaving(false);
    }
  };

  const title = reminder ? `Relance de ${inspector.name}` : `Demande d’avis à ${inspector.name}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={title} className="fr-p-2w" data-testid="opinion-request-form">
      <p className="fr-text--bold fr-mb-1w">{title}</p>
      <p className="fr-text--sm fr-mb-2w">
        {reminder
          ? `La relance liste ${plural(fileCount, 'dossier encore sans avis', 'dossiers encore sans avis')}.`
          : `${plural(fileCount, 'dossier pas encore demandé', 'dossiers pas encore demandés')}. Un classeur de ses dossiers et un brouillon de courriel (.eml), classeur joint, sont préparés.`}{' '}
        La date de la demande et l’échéance sont enregistrées.
      </p>
      <Input
        label="Réponse attendue le"
        hintText="jj/mm/aaaa"
        nativeInputProps={{ name: 'dueOn', value: dueOn, autoComplete: 'off', onChange: (e) => setDueOn(e.target.value) }}
        {...(fieldError ? ({ state: 'error', stateRelatedMessage: fieldError } as const) : {})}
      />
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      <div className="toolbar" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-download-line" disabled={saving}>
          {reminder ? 'Enregistrer la relance et télécharger les fichiers' : 'Enregistrer la demande et télécharger les fichiers'}
        </Button>
        <Button type="button" priority="secondary" disabled={saving} onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
