import { Button } from '@codegouvfr/react-dsfr/Button';
import { deName } from '../../../../../shared/domain/text.js';
import { convocationStatus } from './calendar.js';
import { usePlanning } from './context.js';
import { memberNames, slotText } from './moveCheck.js';
import { MoveForm } from './MoveForm.js';
import { SlotActions } from './SlotActions.js';
import { focusCard } from './useSlotMove.js';

export const PANEL_HEADING_ID = 'planning-panel-title';

/** The interview (or candidate to place) chosen in the calendar: details, state and actions. */
export function SlotPanel() {
  const { view, selection, select } = usePlanning();
  if (!selection) return null;
  const candidate = view.candidates.find((c) => c.id === selection.candidateId);
  if (!candidate) return null;
  const slot = view.slots.find((s) => s.candidateId === candidate.id) ?? null;
  const unplaced = view.unplaced.find((u) => u.candidateId === candidate.id);
  const problems = view.violations.filter((v) => v.candidateIds.includes(candidate.id)).map((v) => v.message);
  const convocation = slot ? convocationStatus(slot) : null;

  return (
    <section className="planning-panel" aria-labelledby={PANEL_HEADING_ID} data-testid="planning-panel">
      <div className="planning-panel__head">
        <h3 id={PANEL_HEADING_ID} className="fr-h6 fr-mb-1w" tabIndex={-1}>
          {slot ? `Entretien ${deName(candidate.label)}` : candidate.label}
        </h3>
        <Button
          size="small"
          priority="tertiary no outline"
          iconId="fr-icon-close-line"
          title="Fermer"
          onClick={() => {
            select(null);
            focusCard(candidate.id);
          }}
        >
          Fermer
        </Button>
      </div>
      <p className="fr-text--sm fr-mb-1w">{candidate.postLabel}</p>
      {slot ? (
        <dl className="planning-panel__facts fr-text--sm">
          <dt>Créneau</dt>
          <dd>{slotText(view, slot)}</dd>
          <dt>Jury</dt>
          <dd>{memberNames(view, slot.memberIds).join(', ') || '—'}</dd>
          <dt>Verrou</dt>
          <dd>{slot.locked ? 'verrouillé : un nouveau calcul ne le déplace pas' : 'non verrouillé'}</dd>
          <dt>Convocation</dt>
          <dd className={convocation?.kind === 'redo' ? 'planning-text--redo' : undefined}>{convocation?.text}</dd>
        </dl>
      ) : (
        <p className="fr-text--sm">{`Non placé : ${unplaced?.reason ?? 'pas encore placé.'}`}</p>
      )}
      {problems.length > 0 && (
        <div className="planning-problems fr-text--sm">
          <p className="fr-mb-1v fr-text--bold">Contraintes non respectées aujourd’hui :</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {selection.form ? (
        <MoveForm key={candidate.id} candidateId={candidate.id} onClose={() => select({ candidateId: candidate.id, form: false })} />
      ) : (
        <SlotActions candidateId={candidate.id} slot={slot} onMove={() => select({ candidateId: candidate.id, form: true })} withHint />
      )}
    </section>
  );
}
