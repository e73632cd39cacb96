import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { CONFLICT_KIND_LABELS, CONFLICT_KINDS, type ConflictKind } from '../../../../shared/model/scoring.js';
import { errorProps } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage } from '../admissibility/format.js';

interface ConflictFormProps {
  candidateId: number;
  candidateName: string;
  onDeclared(): void;
}

/** « Déclarer un lien d’intérêts »: the member is then recused for this candidate (recorded for the minutes). */
export function ConflictForm({ candidateId, candidateName, onDeclared }: ConflictFormProps) {
  const api = useApp((s) => s.api);
  const [kind, setKind] = useState<ConflictKind>('meme_etablissement');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (kind === 'autre' && !note.trim()) {
      setErrors({ note: 'Précisez la nature du lien.' });
      return;
    }
    if (!window.confirm(`Déclarer un lien d’intérêts avec ${candidateName} ? Vous serez récusé(e) pour ce candidat.`)) return;
    setSaving(true);
    try {
      await api.invoke('conflicts-declare', { candidateId, kind, note });
      setErrors({});
      onDeclared();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="lien-interets" className="fr-mt-6w">
      <h2 id="lien-interets" className="fr-h4">
        Déclarer un lien d’intérêts
      </h2>
      <p className="fr-text--sm">
        Même établissement, même réseau, lien hiérarchique ou personnel : vous serez récusé(e) pour ce candidat. Vous ne le noterez pas, vos
        notes ne compteront pas, et la récusation figurera au procès-verbal.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Déclarer un lien d’intérêts">
        <div className="form-grid">
          <Select
            label="Nature du lien"
            nativeSelectProps={{ name: 'kind', value: kind, onChange: (e) => setKind(e.target.value as ConflictKind) }}
            {...errorProps(errors, 'kind')}
          >
            {CONFLICT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONFLICT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
          <Input
            label="Précisions"
            hintText="Obligatoires pour « Autre »."
            textArea
            nativeTextAreaProps={{
              name: 'note',
              value: note,
              rows: 2,
              onChange: (e) => {
                setNote(e.target.value);
                setErrors((x) => ({ ...x, note: undefined }));
              },
            }}
            {...errorProps(errors, 'note')}
          />
        </div>
        {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
        <Button type="submit" priority="secondary" iconId="fr-icon-alert-line" disabled={saving}>
          Déclarer un lien d’intérêts
        </Button>
      </form>
    </section>
  );
}
