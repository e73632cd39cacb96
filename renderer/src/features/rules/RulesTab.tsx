import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type CallRules } from '../../../../shared/model/admissibility.js';
import type { Call } from '../../../../shared/model/entities.js';
import { networksOf } from '../../../../shared/domain/admissibility/application.js';
import { AGENT_STATUS_LABELS, AGENT_STATUSES, DISCIPLINES, disciplineLabel } from '../../../../shared/model/referential.js';
import { DraftTextField } from '../../components/DraftTextField.js';
import { focusFirstError, keepFocusOnPress, useDraftForm } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { CodeCheckboxes } from './CodeCheckboxes.js';
import { RulesSelects } from './RulesSelects.js';
import { checkRulesDraft, draftFromRules, formFieldErrors, type RulesDraft } from './rulesDraft.js';
import { SubjectTester } from './SubjectTester.js';

const DISCIPLINE_CODES = DISCIPLINES.map((d) => d.code);
const SUBJECT_HINT =
  '« <réseau> » : le réseau (ou le site) d’un poste de l’appel ; « NOM PRÉNOM » : le nom du candidat, en capitales, puis son prénom. ' +
  'Les variantes de tirets et de casse sont tolérées. Vide : aucun objet exigé.';

/** The admissibility rules of a call: what the secretariat edits, and what every verdict is computed from. */
export function RulesTab({ call }: { call: Call }) {
  const api = useApp((s) => s.api);
  const [loaded, setLoaded] = useState<CallRules | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void api
      .invoke('rules-get', { callId: call.id })
      .then(setLoaded)
      .catch((error: Error) => setFailure(error.message));
  }, [api, call.id]);

  if (!loaded) return <p>{failure ?? 'Chargement des règles…'}</p>;
  return <RulesForm call={call} initial={loaded} />;
}

function RulesForm({ call, initial }: { call: Call; initial: CallRules }) {
  const api = useApp((s) => s.api);
  const openCall = useApp((s) => s.openCall);
  const form = useDraftForm<RulesDraft>(draftFromRules(initial), checkRulesDraft);
  const { draft, errors, set } = form;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The rules as last loaded or saved: « Annuler les modifications » goes back to them. */
  const [base, setBase] = useState(initial);
  /** The draft as just saved: the notice stays while nothing is changed. */
  const [savedDraft, setSavedDraft] = useState<RulesDraft | null>(null);
  const networks = useMemo(() => [...new Set(networksOf(call.posts))], [call.posts]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    const checked = checkRulesDraft(draft);
    if (!checked.ok) {
      setFailure('Les règles contiennent des erreurs : corrigez les champs signalés.');
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('rules-save', { callId: call.id, rules: checked.value });
      const next = draftFromRules(saved);
      form.replace(next);
      setBase(saved);
      setSavedDraft(next);
      // Statuses, disciplines, deadline and subject are the call's: its header and information follow.
      void openCall(call.id);
    } catch (error) {
      if (error instanceof ApiError) {
        form.setServerErrors(formFieldErrors(error.fieldErrors));
        setFailure(error.message);
        focusFirstError();
      } else setFailure('Erreur inattendue : rien n’a été enregistré.');
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    form.replace(draftFromRules(base));
    form.setServerErrors({});
    setFailure(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Règles de recevabilité">
      <p>
        Ces règles donnent le verdict de chaque dossier (recevable, incomplet ou irrecevable) et ses motifs. Tous les verdicts sont recalculés
        à l’enregistrement.
      </p>
      <Alert
        severity="info"
        small
        className="fr-mb-3w"
        description="Les statuts acceptés, les disciplines acceptées, la date limite et le modèle d’objet du courriel sont ceux de l’appel : les modifier ici modifie l’appel."
      />

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Pièces du dossier</legend>
        <div style={{ width: '100%' }}>
          <CodeCheckboxes
            legend="Pièces exigées"
            codes={DOCUMENT_KINDS}
            label={(k) => DOCUMENT_KIND_LABELS[k]}
            value={draft.requiredDocuments}
            onChange={(next) => set('requiredDocuments', next)}
            error={errors.requiredDocuments}
          />
          <Checkbox
            legend="Avis du chef d’établissement"
            hintText="Exiger que le lundi soit libéré à l’emploi du temps (CSTI) rend l’avis obligatoire."
            options={[
              {
                label: 'Avis motivé du chef d’établissement obligatoire',
                nativeInputProps: { checked: draft.requireHeadOpinion, onChange: (e) => set('requireHeadOpinion', e.target.checked) },
              },
              {
                label: 'L’avis doit confirmer que le lundi est libéré',
                nativeInputProps: { checked: draft.requireMondayFreed, onChange: (e) => set('requireMondayFreed', e.target.checked) },
              },
            ]}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Qui peut candidater</legend>
        <div style={{ width: '100%' }}>
          <CodeCheckboxes
            legend="Statuts acceptés"
            hint="Aucun coché : tous les statuts. Donnée de l’appel."
            codes={AGENT_STATUSES}
            label={(s) => AGENT_STATUS_LABELS[s]}
            value={draft.acceptedStatuses}
            onChange={(next) => set('acceptedStatuses', next)}
            error={errors.acceptedStatuses}
          />
          <RulesSelects draft={draft} errors={errors} onChange={set} />
          <CodeCheckboxes
            legend="Disciplines acceptées"
            hint="Aucune cochée : toutes les disciplines. Donnée de l’appel."
            small
            codes={DISCIPLINE_CODES}
            label={disciplineLabel}
            value={draft.acceptedDisciplines}
            onChange={(next) => set('acceptedDisciplines', next)}
            error={errors.acceptedDisciplines}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Réception des candidatures</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <DraftTextField form={form} name="deadline" label="Date limite de réception (incluse)" hint="jj/mm/aaaa, heure de Paris ; vide : pas de date limite. Donnée de l’appel." />
          <div className="span-all fr-mb-2w">
            <DraftTextField form={form} name="subjectPattern" label="Modèle d’objet du courriel" hint={`${SUBJECT_HINT} Donnée de l’appel.`} />
          </div>
          <SubjectTester pattern={draft.subjectPattern} networks={networks} />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Appréciation de la commission</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <DraftTextField
            form={form}
            name="commissionCriteria"
            label="Critères appréciés par la commission"
            hint="Un critère par ligne. Ils sont rappelés avec les règles et appréciés par la commission : ils n’entrent pas dans le verdict."
            textArea
          />
        </div>
      </fieldset>

      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      <div className="sticky-actions toolbar" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
          Enregistrer les règles
        </Button>
        <Button type="button" priority="secondary" disabled={saving} onClick={reset}>
          Annuler les modifications
        </Button>
        <span role="status" className={savedDraft === draft ? 'fr-valid-text fr-mt-0' : undefined}>
          {savedDraft === draft ? 'Règles enregistrées : les verdicts sont recalculés.' : ''}
        </span>
      </div>
    </form>
  );
}
