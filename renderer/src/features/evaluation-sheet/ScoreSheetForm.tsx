import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMemo, useState } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { criteriaOf } from '../../../../shared/domain/scoring.js';
import { SHEET_STATUS_LABELS, type EvaluationSheetView, type ScoreSheet } from '../../../../shared/model/scoring.js';
import { focusFirstError, keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formatInstant } from '../admissibility/format.js';
import { CriterionScoreField } from './CriterionScoreField.js';
import { checkDraft, draftOf, formatTotal, liveTotal, scoresOf, type SheetDraft } from './sheetDraft.js';

interface ScoreSheetFormProps {
  view: EvaluationSheetView;
  candidateName: string;
  /** `notice`: « Brouillon enregistré. », « Évaluation soumise. » or « Modifications enregistrées. » */
  onSaved(next: EvaluationSheetView, notice: string): void;
}

/** The member's own sheet: a score per criterion, comments, a live total; saved as a draft, then submitted. */
export function ScoreSheetForm({ view, candidateName, onSaved }: ScoreSheetFormProps) {
  const api = useApp((s) => s.api);
  const criteria = useMemo(() => criteriaOf(view.grid.sections), [view.grid]);
  const [draft, setDraft] = useState<SheetDraft>(() => draftOf(view.grid, view.mine));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const scores = scoresOf(criteria, draft);
  const live = liveTotal(criteria, scores);
  const scored = scores.filter((s) => s.value !== null).length;
  const submitted = view.mine?.status === 'soumise';

  const forget = (key: string) => setErrors((e) => (e[`scores.${key}`] ? { ...e, [`scores.${key}`]: undefined } : e));
  const setValue = (key: string, value: string) => {
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: value } }));
    forget(key);
  };
  const setComment = (key: string, comment: string) => setDraft((d) => ({ ...d, comments: { ...d.comments, [key]: comment } }));

  const save = async (submit: boolean) => {
    setFailure(null);
    const local = checkDraft(criteria, draft, submit);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFailure(submit ? 'Votre évaluation n’est pas complète : corrigez les critères signalés. Rien n’a été soumis.' : 'Certaines notes sont invalides : corrigez les critères signalés. Rien n’a été enregistré.');
      focusFirstError();
      return;
    }
    if (submit && !window.confirm(`Soumettre votre évaluation de ${candidateName} ? Selon les réglages de l’appel, les autres membres pourront la voir.`)) return;
    setSaving(true);
    try {
      const next = await api.invoke('evaluation-sheet-save', { candidateId: view.candidateId, phase: view.phase, scores, comment: draft.comment, submit });
      setErrors({});
      onSaved(next, submit ? 'Évaluation soumise.' : submitted ? 'Modifications enregistrées.' : 'Brouillon enregistré.');
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors);
        focusFirstError();
      }
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const known = new Set(criteria.map((c) => `scores.${c.key}`));
  const unplaced = Object.entries(errors).filter(([k, m]) => m && !known.has(k));
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate aria-label="Ma fiche d’évaluation">
      <SheetStatus sheet={view.mine} />
      {view.grid.sections.map((section) => (
        <section key={section.key} className="fr-mb-4w" aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`} className="fr-h5">
            {section.label}
          </h2>
          {section.criteria.map((c) => (
            <CriterionScoreField
              key={c.key}
              criterion={c}
              value={draft.values[c.key] ?? ''}
              comment={draft.comments[c.key] ?? ''}
              error={errors[`scores.${c.key}`]}
              onValue={(v) => setValue(c.key, v)}
              onComment={(t) => setComment(c.key, t)}
            />
          ))}
        </section>
      ))}
      <Input
        label="Commentaire général"
        hintText="Votre appréciation d’ensemble, pour la délibération."
        textArea
        nativeTextAreaProps={{ name: 'comment', value: draft.comment, rows: 4, onChange: (e) => setDraft((d) => ({ ...d, comment: e.target.value })) }}
        {...(errors.comment ? { state: 'error' as const, stateRelatedMessage: errors.comment } : {})}
      />
      {live.eliminatedBy.length > 0 && (
        <Alert
          severity="warning"
          small
          className="fr-my-2w"
          description={`Critère exigé sous son seuil : ${live.eliminatedBy.join(', ')}. La commission élimine le candidat si la moyenne des membres sur ce critère est aussi sous le seuil.`}
          data-testid="sheet-eliminated"
        />
      )}
      {unplaced.map(([k, m]) => (
        <p key={k} className="fr-error-text">
          {m}
        </p>
      ))}
      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      <div className="sticky-actions toolbar" onMouseDown={keepFocusOnPress}>
        <p className="fr-mb-0 grow" aria-live="polite">
          Total : <strong data-testid="sheet-total">{formatTotal(live.total)}</strong>
          <span className="fr-text--sm">{` (${scored} critère${scored > 1 ? 's' : ''} noté${scored > 1 ? 's' : ''} sur ${criteria.length})`}</span>
        </p>
        {submitted ? (
          // A submitted sheet stays submitted: its changes are saved as such.
          <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
            Enregistrer les modifications
          </Button>
        ) : (
          <>
            <Button type="submit" priority="secondary" iconId="fr-icon-save-line" disabled={saving}>
              Enregistrer le brouillon
            </Button>
            <Button type="button" iconId="fr-icon-send-plane-line" disabled={saving} onClick={() => void save(true)}>
              Soumettre mon évaluation
            </Button>
          </>
        )}
      </div>
    </form>
  );
}

function SheetStatus({ sheet }: { sheet: ScoreSheet | null }) {
  return (
    <p className="fr-mb-3w" data-testid="sheet-status">
      {sheet ? (
        <>
          <Badge severity={sheet.status === 'soumise' ? 'success' : 'info'} small noIcon as="span">
            {SHEET_STATUS_LABELS[sheet.status]}
          </Badge>{' '}
          <span className="fr-text--sm">
            {sheet.status === 'soumise' && sheet.submittedAt ? `Soumise le ${formatInstant(sheet.submittedAt)}.` : `Enregistrée le ${formatInstant(sheet.updatedAt)}.`}
          </span>
        </>
      ) : (
        <Badge small noIcon as="span">
          Pas encore commencée
        </Badge>
      )}
    </p>
  );
}
