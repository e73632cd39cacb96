import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { checkHeadOpinion, type HeadOpinionDraft } from '../../../../shared/domain/admissibility/application.js';
import { formatFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import {
  HEAD_AVIS,
  HEAD_AVIS_LABELS,
  MONDAY_FREED,
  MONDAY_FREED_LABELS,
  type ApplicationAdmissibility,
  type HeadOpinionRecord,
} from '../../../../shared/model/admissibility.js';
import { DraftTextField } from '../../components/DraftTextField.js';
import { errorProps } from '../../components/useDraftForm.js';
import { FormOutcome } from './FormOutcome.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formatInstant, formFieldErrors } from './format.js';
import { useStoredDraft } from './useStoredDraft.js';

function draftOf(opinion: HeadOpinionRecord | null): HeadOpinionDraft {
  if (!opinion) return { avis: '', motivation: '', mondayFreed: 'non_precise', signedBy: '', signedOn: '' };
  return {
    avis: opinion.avis,
    motivation: opinion.motivation,
    mondayFreed: opinion.mondayFreed,
    signedBy: opinion.signedBy,
    signedOn: formatFrenchDate(opinion.signedOn),
  };
}

interface HeadOpinionFormProps {
  data: ApplicationAdmissibility;
  onSaved(next: ApplicationAdmissibility): void;
}

/** The head of school’s opinion, as typed from the signed document. */
export function HeadOpinionForm({ data, onSaved }: HeadOpinionFormProps) {
  const api = useApp((s) => s.api);
  const { candidateId, headOpinion, rules } = data;
  const stored = useMemo(() => draftOf(headOpinion), [headOpinion]);
  const check = useCallback((d: HeadOpinionDraft) => checkHeadOpinion(d, parisDateOf(new Date())), []);
  const { form, dirty } = useStoredDraft(stored, check);
  const { draft, errors, set } = form;
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (opinion: HeadOpinionDraft | null) => {
    setFailure(null);
    setDone(null);
    setSaving(true);
    try {
      const next = await api.invoke('head-opinion-save', { candidateId, opinion });
      onSaved(next);
      form.replace(draftOf(next.headOpinion));
      setDone(opinion ? 'L’avis du chef d’établissement est enregistré.' : 'L’avis du chef d’établissement est effacé.');
    } catch (error) {
      if (error instanceof ApiError) form.setServerErrors(formFieldErrors(error, 'opinion'));
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    if (!check(draft).ok) {
      setDone(null);
      setFailure('L’avis contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.');
      return;
    }
    void save(draft);
  };

  const clear = () => {
    if (!window.confirm('Effacer l’avis du chef d’établissement saisi pour ce dossier ?')) return;
    void save(null);
  };

  const mondayReason = data.verdict.reasons.find((r) => r.rule === 'lundi_libere');
  const mondayNotConfirmed = rules.requireMondayFreed && headOpinion?.mondayFreed !== 'oui';

  return (
    <form onSubmit={submit} noValidate aria-label="Avis du chef d’établissement" className="fr-mb-4w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h6">Avis du chef d’établissement</legend>
        {mondayNotConfirmed && (
          <div className="fr-fieldset__element" data-testid="monday-flag">
            {/* The DSFR alert's look, without role="alert": a standing flag, not an event. */}
            <div className="fr-alert fr-alert--warning fr-alert--sm admissibility-flag">
              <h4 className="fr-alert__title">Le lundi n’est pas confirmé comme libéré</h4>
              <p>
                {mondayReason?.message ??
                  'L’appel exige que l’avis du chef d’établissement confirme que le lundi est libéré à l’emploi du temps.'}
              </p>
            </div>
          </div>
        )}
        <div className="fr-fieldset__element">
          {headOpinion ? (
            <p className="fr-text--sm fr-mb-1w" data-testid="head-opinion-entered">
              Saisi par {headOpinion.enteredBy || 'une personne non indiquée'} le {formatInstant(headOpinion.enteredAt)}.
            </p>
          ) : (
            <p className="fr-text--sm fr-mb-1w">Aucun avis saisi pour ce dossier.</p>
          )}
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Avis"
            name="head-avis"
            orientation="horizontal"
            options={HEAD_AVIS.map((a) => ({
              label: HEAD_AVIS_LABELS[a],
              nativeInputProps: { value: a, checked: draft.avis === a, onChange: () => set('avis', a) },
            }))}
            {...errorProps(errors, 'avis')}
          />
        </div>
        <div className="fr-fieldset__element">
          <DraftTextField form={form} name="motivation" label="Motivation de l’avis" textArea />
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Lundi libéré à l’emploi du temps"
            name="head-monday"
            orientation="horizontal"
            options={MONDAY_FREED.map((m) => ({
              label: MONDAY_FREED_LABELS[m],
              nativeInputProps: { value: m, checked: draft.mondayFreed === m, onChange: () => set('mondayFreed', m) },
            }))}
            {...errorProps(errors, 'mondayFreed')}
          />
        </div>
        <div className="fr-fieldset__element">
          <div className="form-grid">
            <DraftTextField form={form} name="signedBy" label="Signé par" hint="Exemple : Mme Martin, proviseure du lycée Thiers" />
            <DraftTextField form={form} name="signedOn" label="Signé le" hint="jj/mm/aaaa" />
          </div>
        </div>
        <FormOutcome failure={failure} done={dirty ? null : done} />
        <div className="fr-fieldset__element toolbar">
          <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
            Enregistrer l’avis
          </Button>
          {headOpinion && (
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" disabled={saving} onClick={clear}>
              Effacer l’avis
            </Button>
          )}
          {dirty && <span className="fr-text--sm fr-mb-0">Modifications non enregistrées</span>}
        </div>
      </fieldset>
    </form>
  );
}
