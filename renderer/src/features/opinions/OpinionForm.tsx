import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useCallback, useState, type FormEvent } from 'react';
import { IPR_AVIS, IPR_AVIS_LABELS, OPINION_LIMITS, type CandidateOpinion } from '../../../../shared/model/opinions.js';
import { DraftTextField } from '../../components/DraftTextField.js';
import { errorProps, focusFirstError, keepFocusOnPress, useDraftForm } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formFieldErrors } from '../admissibility/format.js';
import { isoOrTyped } from './format.js';
import { checkOpinionDraft, draftOf, emptyDraft, isAvis, type OpinionDraft, type OpinionMode } from './opinionDraft.js';

const LEGENDS: Record<EditMode, string> = {
  new: 'Saisir l’avis',
  edit: 'Modifier l’avis',
  clear: 'Effacer l’avis',
};

const DONE: Record<EditMode, string> = {
  new: 'L’avis est enregistré ; il est désormais verrouillé.',
  edit: 'L’avis est modifié ; la modification est gardée dans l’historique.',
  clear: 'L’avis est effacé ; l’effacement est gardé dans l’historique.',
};

interface OpinionFormProps {
  data: CandidateOpinion;
  onSaved(next: CandidateOpinion): void;
}

/** An opinion typed by hand. Once recorded it is locked: changing or erasing it asks for a reason. */
export function OpinionForm({ data, onSaved }: OpinionFormProps) {
  const [changing, setChanging] = useState<'edit' | 'clear' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A fresh editor after each save: no error shown on a form not yet touched.
  const [saves, setSaves] = useState(0);
  const mode: OpinionMode = !data.opinion ? 'new' : (changing ?? 'locked');

  const open = (next: 'edit' | 'clear') => {
    setDone(null);
    setChanging(next);
  };
  const saved = (next: CandidateOpinion, from: EditMode) => {
    onSaved(next);
    setChanging(null);
    setSaves((n) => n + 1);
    setDone(DONE[from]);
  };

  if (mode === 'locked') {
    return (
      <div className="fr-mb-4w" data-testid="ipr-opinion-locked">
        <p className="fr-text--sm fr-mb-1w">
          <span className="fr-icon-lock-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
          L’avis enregistré est verrouillé : le modifier ou l’effacer demande un motif, gardé dans l’historique.
        </p>
        {done && <Done text={done} />}
        <div className="toolbar">
          <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => open('edit')}>
            Modifier l’avis
          </Button>
          <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => open('clear')}>
            Effacer l’avis
          </Button>
        </div>
      </div>
    );
  }
  return (
    <>
      {done && <Done text={done} />}
      <OpinionEditor
        key={`${mode}-${saves}`}
        data={data}
        mode={mode}
        onSaved={(next) => saved(next, mode)}
        onCancel={() => setChanging(null)}
      />
    </>
  );
}

function Done({ text }: { text: string }) {
  return (
    <p className="fr-valid-text fr-mt-0 fr-mb-1w" role="status" data-testid="ipr-opinion-done">
      {text}
    </p>
  );
}

type EditMode = Exclude<OpinionMode, 'locked'>;

interface OpinionEditorProps {
  data: CandidateOpinion;
  mode: EditMode;
  onSaved(next: CandidateOpinion): void;
  onCancel(): void;
}

function OpinionEditor({ data, mode, onSaved, onCancel }: OpinionEditorProps) {
  const api = useApp((s) => s.api);
  const whoAmI = useApp((s) => s.prefs.whoAmI);
  const check = useCallback((d: OpinionDraft) => checkOpinionDraft(d, mode), [mode]);
  const form = useDraftForm<OpinionDraft>(mode === 'edit' && data.opinion ? draftOf(data.opinion) : emptyDraft(), check);
  const { draft, errors, set } = form;
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    if (!check(draft).ok) {
      setFailure('L’avis n’a pas été enregistré : corrigez les champs signalés.');
      focusFirstError();
      return;
    }
    setFailure(null);
    setSaving(true);
    try {
      const opinion = mode === 'clear' || !isAvis(draft.avis) ? null : { avis: draft.avis, motivation: draft.motivation, givenOn: isoOrTyped(draft.givenOn) };
      onSaved(await api.invoke('opinions-save', { candidateId: data.candidateId, opinion, ...(mode === 'new' ? {} : { reason: draft.reason.trim() }) }));
    } catch (error) {
      if (error instanceof ApiError) form.setServerErrors(formFieldErrors(error, 'opinion'));
      setFailure(failureMessage(error, 'Erreur inattendue : l’avis n’a pas été enregistré.'));
      focusFirstError();
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={LEGENDS[mode]} className="fr-mb-4w" data-testid="ipr-opinion-form">
      <fieldset className="fr-fieldset" disabled={!whoAmI || saving}>
        <legend className="fr-fieldset__legend fr-h6">{LEGENDS[mode]}</legend>
        {!whoAmI && (
          <div className="fr-fieldset__element">
            <p className="fr-text--sm fr-mb-1w">
              Indiquez qui vous êtes (<a className="fr-link fr-text--sm" href="#/reglages">Réglages › Qui suis-je</a>) pour saisir un avis :
              il est enregistré sous votre nom.
            </p>
          </div>
        )}
        {mode !== 'clear' && (
          <>
            <div className="fr-fieldset__element">
              <RadioButtons
                legend="Avis de l’inspecteur"
                name="ipr-avis"
                orientation="horizontal"
                options={IPR_AVIS.map((a) => ({
                  label: IPR_AVIS_LABELS[a],
                  nativeInputProps: { value: a, checked: draft.avis === a, onChange: () => set('avis', a) },
                }))}
                {...errorProps(errors, 'avis')}
              />
            </div>
            <div className="fr-fieldset__element">
              <DraftTextField
                form={form}
                name="motivation"
                label="Motivation"
                hint={`Telle que l’inspecteur l’a écrite ; ${OPINION_LIMITS.motivation.toLocaleString('fr-FR')} caractères au plus.`}
                textArea
              />
            </div>
            <div className="fr-fieldset__element">
              <DraftTextField form={form} name="givenOn" label="Donné le" hint="jj/mm/aaaa" />
            </div>
          </>
        )}
        {mode !== 'new' && (
          <div className="fr-fieldset__element">
            <DraftTextField
              form={form}
              name="reason"
              label="Motif de la modification"
              hint={`Obligatoire, ${OPINION_LIMITS.minReason} caractères au moins ; gardé dans l’historique avec votre nom et la date.`}
              textArea
            />
          </div>
        )}
        {failure && (
          <div className="fr-fieldset__element">
            <Alert severity="error" small description={failure} role="alert" />
          </div>
        )}
        <div className="fr-fieldset__element toolbar" onMouseDown={keepFocusOnPress}>
          <Button type="submit" iconId={mode === 'clear' ? 'fr-icon-delete-line' : 'fr-icon-save-line'}>
            {mode === 'new' ? 'Enregistrer l’avis' : mode === 'edit' ? 'Enregistrer la modification' : 'Effacer l’avis'}
          </Button>
          {mode !== 'new' && (
            <Button type="button" priority="secondary" onClick={onCancel}>
              Annuler
            </Button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
