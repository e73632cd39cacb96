import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { checkGrid } from '../../../../shared/domain/scoring.js';
import { PHASE_LABELS, type Grid, type GridImpact, type GridSection } from '../../../../shared/model/scoring.js';
import { focusFirstError, keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formatInstant } from '../admissibility/format.js';
import { emptySection, sectionsDraft, sectionsOf, withKeys, type SectionDraft } from './gridDraft.js';
import { GridStart } from './GridStart.js';
import { ImpactsAlert } from './ImpactsAlert.js';
import { SectionEditor } from './SectionEditor.js';
import { useGridForm } from './useGridForm.js';
import { WeightSummary } from './WeightSummary.js';

/** The grid of one phase: chosen from a template or built section by section, then saved. */
export function GridEditor({ initial }: { initial: Grid }) {
  const api = useApp((s) => s.api);
  /** The grid as last loaded or saved: « Revenir à la grille enregistrée » goes back to it. */
  const [base, setBase] = useState(initial);
  const form = useGridForm(sectionsDraft(initial.sections));
  const { draft } = form;
  const [started, setStarted] = useState(false);
  const [impacts, setImpacts] = useState<GridImpact[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** The draft as just saved: the notice stays while nothing is changed. */
  const [savedDraft, setSavedDraft] = useState<SectionDraft[] | null>(null);
  const { callId, phase } = base;

  const start = (sections: GridSection[]) => {
    form.replace(sections.length > 0 ? sectionsDraft(sections) : [emptySection()]);
    setStarted(true);
  };

  const save = async (acceptImpacts: boolean) => {
    form.markSubmitted();
    setFailure(null);
    // New criteria get their key now, once: a second attempt (after the impacts) sends the same keys.
    const keyed = withKeys(draft);
    if (keyed.some((s, i) => s !== draft[i])) form.setDraft(keyed);
    const checked = checkGrid(sectionsOf(keyed));
    if (!checked.ok) {
      setImpacts(null);
      setFailure('La grille contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.');
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      // What the person accepted, in numbers: if the grid changed since the warning, the services warn again.
      const accepted = acceptImpacts && impacts ? impacts.reduce((n, i) => n + i.affectedScores, 0) : undefined;
      const result = await api.invoke('grids-save', { callId, phase, sections: checked.value, ...(accepted !== undefined ? { acceptImpacts: accepted } : {}) });
      if (!result.saved) {
        if (result.impacts.length > 0) setImpacts(result.impacts);
        else setFailure('La grille n’a pas été enregistrée.');
        return;
      }
      const next = sectionsDraft(result.grid.sections);
      setImpacts(null);
      setBase(result.grid);
      form.replace(next);
      setSavedDraft(next);
    } catch (error) {
      setImpacts(null);
      if (error instanceof ApiError) {
        form.setServerErrors(error.fieldErrors);
        focusFirstError();
      }
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const revert = () => {
    form.replace(sectionsDraft(base.sections));
    setImpacts(null);
    setFailure(null);
    setStarted(false);
  };

  if (draft.length === 0 && !started && base.sections.length === 0) return <GridStart phase={phase} onStart={start} />;

  const dirty = JSON.stringify(draft) !== JSON.stringify(sectionsDraft(base.sections));
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate aria-label={`Grille d’évaluation : ${PHASE_LABELS[phase]}`}>
      <p className="fr-text--sm" data-testid="grid-version">
        {base.updatedAt ? `Grille enregistrée le ${formatInstant(base.updatedAt)} (version ${base.version}).` : 'Grille pas encore enregistrée.'}
      </p>
      {draft.map((s, i) => (
        <SectionEditor key={s.key || `nouvelle-${i}`} form={form} index={i} count={draft.length} section={s} />
      ))}
      <p>
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={form.addSection}>
          Ajouter une section
        </Button>
      </p>
      <WeightSummary draft={draft} />
      {impacts && <ImpactsAlert impacts={impacts} busy={saving} onAccept={() => void save(true)} onRevert={revert} />}
      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" data-testid="grid-failure" />}
      <div className="sticky-actions toolbar" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
          Enregistrer la grille
        </Button>
        <Button type="button" priority="secondary" disabled={saving || (!dirty && !impacts)} onClick={revert}>
          Annuler les modifications
        </Button>
        <span role="status" className={savedDraft === draft ? 'fr-valid-text fr-mt-0' : 'fr-text--sm fr-mb-0'}>
          {savedDraft === draft ? 'Grille enregistrée.' : dirty ? 'Modifications non enregistrées' : ''}
        </span>
      </div>
    </form>
  );
}
