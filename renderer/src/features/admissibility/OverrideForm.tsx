import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCallback, useState, type FormEvent } from 'react';
import { checkOverride } from '../../../../shared/domain/admissibility/rules.js';
import {
  OVERRIDE_LIMITS,
  VERDICT_STATUS_LABELS,
  VERDICT_STATUSES,
  type ApplicationAdmissibility,
} from '../../../../shared/model/admissibility.js';
import { errorProps, useDraftForm } from '../../components/useDraftForm.js';
import { FormOutcome } from './FormOutcome.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formatInstant, formFieldErrors } from './format.js';

interface OverrideDraft {
  status: string;
  motivation: string;
}

const EMPTY: OverrideDraft = { status: '', motivation: '' };

interface OverrideFormProps {
  data: ApplicationAdmissibility;
  onSaved(next: ApplicationAdmissibility): void;
}

/** « Forcer le verdict »: signed by « qui suis-je », with a written motivation; or back to the rules’ verdict. */
export function OverrideForm({ data, onSaved }: OverrideFormProps) {
  const api = useApp((s) => s.api);
  const whoAmI = useApp((s) => s.prefs.whoAmI);
  const { candidateId } = data;
  const { computed, override } = data.verdict;
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The same checker as the services: the same French messages, before anything is sent.
  const check = useCallback(
    (d: OverrideDraft) => checkOverride({ ...d, by: whoAmI?.name ?? '', at: new Date().toISOString() }, computed),
    [whoAmI, computed],
  );
  const form = useDraftForm<OverrideDraft>(EMPTY, check);
  const { draft, errors, set, touch } = form;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    setDone(null);
    const checked = check(draft);
    if (!checked.ok) {
      const other = checked.errors.by ?? checked.errors.at;
      setFailure(other ?? 'Le verdict n’a pas été forcé : corrigez les champs signalés.');
      return;
    }
    setSaving(true);
    try {
      const next = await api.invoke('verdict-override', { candidateId, override: { status: checked.value.status, motivation: checked.value.motivation } });
      onSaved(next);
      form.replace(EMPTY);
      setDone(`Verdict forcé à « ${VERDICT_STATUS_LABELS[checked.value.status]} ».`);
    } catch (error) {
      if (error instanceof ApiError) form.setServerErrors(formFieldErrors(error, 'override'));
      setFailure(failureMessage(error, 'Erreur inattendue : le verdict n’a pas été forcé.'));
    } finally {
      setSaving(false);
    }
  };

  const restore = async () => {
    setFailure(null);
    setDone(null);
    setSaving(true);
    try {
      onSaved(await api.invoke('verdict-override', { candidateId, override: null }));
      setDone('Le verdict des règles est rétabli.');
    } catch (error) {
      setFailure(failureMessage(error, 'Erreur inattendue : le verdict n’a pas été rétabli.'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="fr-mb-4w">
      {override && (
        <div className="admissibility-override fr-mb-2w" data-testid="override-details">
          <dl className="summary-list fr-text--sm fr-mb-1w">
            <dt>Verdict forcé</dt>
            <dd>{VERDICT_STATUS_LABELS[override.status]}</dd>
            <dt>Décidé par</dt>
            <dd>{override.by}</dd>
            <dt>Date</dt>
            <dd>{formatInstant(override.at)}</dd>
            <dt>Motivation</dt>
            <dd className="pre-line">{override.motivation}</dd>
            <dt>Verdict des règles</dt>
            <dd>{VERDICT_STATUS_LABELS[computed]}</dd>
          </dl>
          <Button type="button" priority="secondary" size="small" iconId="fr-icon-arrow-go-back-line" disabled={saving} onClick={() => void restore()}>
            Rétablir le verdict des règles
          </Button>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Forcer le verdict">
        <fieldset className="fr-fieldset" disabled={!whoAmI || saving}>
          <legend className="fr-fieldset__legend fr-h6">Forcer le verdict</legend>
          {!whoAmI && (
            <div className="fr-fieldset__element">
              <p className="fr-text--sm fr-mb-1w">
                Indiquez qui vous êtes (<a className="fr-link fr-text--sm" href="#/reglages">Réglages › Qui suis-je</a>) pour forcer un verdict :
                la décision est signée.
              </p>
            </div>
          )}
          <div className="fr-fieldset__element">
            <Select
              label="Verdict retenu"
              hint={`Les règles donnent « ${VERDICT_STATUS_LABELS[computed]} ».`}
              nativeSelectProps={{ name: 'status', value: draft.status, onChange: (e) => set('status', e.target.value), onBlur: () => touch('status') }}
              {...errorProps(errors, 'status')}
            >
              <option value="">— Choisir le verdict retenu —</option>
              {VERDICT_STATUSES.filter((s) => s !== computed).map((s) => (
                <option key={s} value={s}>
                  {VERDICT_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Motivation de la décision"
              hintText={`Obligatoire, ${OVERRIDE_LIMITS.minMotivation} caractères au moins ; elle est conservée avec votre nom et la date.`}
              textArea
              nativeTextAreaProps={{
                name: 'motivation',
                value: draft.motivation,
                rows: 3,
                onChange: (e) => set('motivation', e.target.value),
                onBlur: () => touch('motivation'),
              }}
              {...errorProps(errors, 'motivation')}
            />
          </div>
          <FormOutcome failure={failure} done={done} />
          <div className="fr-fieldset__element">
            <Button type="submit" iconId="fr-icon-edit-line">
              Forcer le verdict
            </Button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
