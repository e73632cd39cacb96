import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { CONFLICT_KIND_LABELS, CONFLICT_KINDS, type ConflictKind, type EvaluationOverview } from '../../../../shared/model/scoring.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage } from '../admissibility/format.js';
import { candidateName } from './format.js';

interface Draft {
  memberId: string;
  candidateId: string;
  kind: ConflictKind;
  note: string;
}

const fieldState = (errors: Record<string, string | undefined>, key: string) =>
  errors[key] ? ({ state: 'error', stateRelatedMessage: errors[key] } as const) : ({ state: 'default' } as const);

/** « Déclarer un lien d’intérêts »: for any member (the one of this laptop by default) and any candidate. */
export function ConflictForm({ overview, onDeclared }: { overview: EvaluationOverview; onDeclared(): void }) {
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const initial = (): Draft => ({ memberId: overview.me === null ? '' : String(overview.me), candidateId: '', kind: 'meme_etablissement', note: '' });
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (overview.members.length === 0 || overview.candidates.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string | undefined> = {};
    if (!draft.memberId) missing.memberId = 'Choisissez le membre.';
    if (!draft.candidateId) missing.candidateId = 'Choisissez le candidat.';
    if (draft.kind === 'autre' && !draft.note.trim()) missing.note = 'Précisez la nature du lien.';
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await api.invoke('conflicts-declare', { candidateId: Number(draft.candidateId), memberId: Number(draft.memberId), kind: draft.kind, note: draft.note.trim() });
      const member = overview.members.find((m) => String(m.id) === draft.memberId)?.name ?? '';
      const candidate = overview.candidates.find((c) => String(c.id) === draft.candidateId);
      notify({ kind: 'success', text: `Lien d’intérêts déclaré : ${member} est récusé(e) pour ${candidate ? candidateName(candidate) : 'ce candidat'}.` });
      setDraft(initial());
      onDeclared();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(failureMessage(error, 'Erreur inattendue : le lien d’intérêts n’a pas été déclaré.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="evaluations-conflit-form-titre" data-testid="conflict-form" noValidate>
      <h3 id="evaluations-conflit-form-titre" className="fr-h6">
        Déclarer un lien d’intérêts
      </h3>
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      <div className="toolbar">
        <Select label="Membre" {...fieldState(errors, 'memberId')} nativeSelectProps={{ value: draft.memberId, onChange: (e) => set('memberId', e.target.value) }}>
          <option value="" disabled>
            — Choisir —
          </option>
          {overview.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Select label="Candidat" {...fieldState(errors, 'candidateId')} nativeSelectProps={{ value: draft.candidateId, onChange: (e) => set('candidateId', e.target.value) }}>
          <option value="" disabled>
            — Choisir —
          </option>
          {overview.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {candidateName(c)}
            </option>
          ))}
        </Select>
        <Select label="Nature du lien" {...fieldState(errors, 'kind')} nativeSelectProps={{ value: draft.kind, onChange: (e) => set('kind', e.target.value as ConflictKind) }}>
          {CONFLICT_KINDS.map((k) => (
            <option key={k} value={k}>
              {CONFLICT_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Input
          className="grow"
          label="Précision"
          hintText="Facultative, sauf pour « Autre »."
          {...fieldState(errors, 'note')}
          nativeInputProps={{ value: draft.note, onChange: (e) => set('note', e.target.value) }}
        />
      </div>
      <Button type="submit" iconId="fr-icon-close-circle-line" disabled={busy}>
        Déclarer le lien d’intérêts
      </Button>
    </form>
  );
}
