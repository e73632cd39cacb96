import { Fragment } from 'react';
import type { PlannerCandidateRow } from '../../../../../shared/model/planner.js';
import { convocationStatus } from './calendar.js';
import { usePlanning } from './context.js';
import { FeedbackBox } from './LiveCheck.js';
import { memberNames, slotText } from './moveCheck.js';
import { MoveForm } from './MoveForm.js';
import { ConvocationHint, SlotActions } from './SlotActions.js';

const COLUMNS = 5;

/** « Par candidat »: every candidate to hear, their slot or why none, lock and convocation, with the actions. */
export function CandidateList() {
  const { view } = usePlanning();
  const toHear = view.candidates.filter((c) => c.toHear).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const notHeard = view.candidates.filter((c) => !c.toHear);
  const placed = toHear.filter((c) => view.slots.some((s) => s.candidateId === c.id)).length;

  return (
    <div data-testid="planning-candidates">
      <p role="status">{`${placed} candidature${placed > 1 ? 's' : ''} placée${placed > 1 ? 's' : ''} sur ${toHear.length} à entendre.`}</p>
      {toHear.length === 0 ? (
        <p>Aucune candidature à entendre : seules les candidatures recevables et non retirées sont convoquées.</p>
      ) : (
        <>
          <ConvocationHint />
          <div className="fr-table fr-table--sm" style={{ overflowX: 'auto' }}>
            <table>
              <caption className="fr-sr-only">Entretiens par candidat</caption>
              <thead>
                <tr>
                  <th scope="col">Candidat</th>
                  <th scope="col">Entretien</th>
                  <th scope="col">Jury</th>
                  <th scope="col">Convocation</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {toHear.map((c) => (
                  <CandidateRow key={c.id} candidate={c} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {notHeard.length > 0 && (
        <details className="fr-mt-2w">
          <summary>{`Candidatures non entendues (${notHeard.length})`}</summary>
          <ul className="fr-text--sm">
            {notHeard.map((c) => (
              <li key={c.id}>{`${c.label} : ${c.notHeardBecause ?? 'non entendue'}`}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function CandidateRow({ candidate }: { candidate: PlannerCandidateRow }) {
  const { view, actions, selection, select } = usePlanning();
  const slot = view.slots.find((s) => s.candidateId === candidate.id) ?? null;
  const outcome = actions.feedback?.about?.candidateId === candidate.id;
  const unplaced = view.unplaced.find((u) => u.candidateId === candidate.id);
  const convocation = slot ? convocationStatus(slot) : null;
  const conflicts = view.violations.filter((v) => v.candidateIds.includes(candidate.id));
  const formOpen = selection?.candidateId === candidate.id && selection.form;

  return (
    <Fragment>
      <tr data-testid="planning-candidate-row" data-candidate={candidate.label}>
        <td>
          <strong>{candidate.label}</strong>
          <div className="fr-text--xs fr-mb-0">{candidate.postLabel}</div>
        </td>
        <td>
          {slot ? (
            <>
              {slotText(view, slot)}
              {slot.locked && (
                <span className="planning-locked">
                  <span className="fr-icon-lock-fill fr-icon--xs" aria-hidden="true" /> verrouillé
                </span>
              )}
            </>
          ) : (
            <span className="planning-text--unplaced">{`non placé : ${unplaced?.reason ?? 'pas encore placé.'}`}</span>
          )}
          {conflicts.map((v) => (
            <div key={v.message} className="planning-text--conflict fr-text--xs fr-mb-0">
              {v.message}
            </div>
          ))}
        </td>
        <td className="fr-text--sm">{slot ? memberNames(view, slot.memberIds).join(', ') : '—'}</td>
        <td className={convocation ? `planning-convocation planning-convocation--${convocation.kind}` : undefined}>{convocation?.text ?? '—'}</td>
        <td className="planning-list-actions">
          <SlotActions candidateId={candidate.id} slot={slot} onMove={() => select({ candidateId: candidate.id, form: true })} />
        </td>
      </tr>
      {formOpen && (
        <tr>
          <td colSpan={COLUMNS}>
            <MoveForm key={candidate.id} candidateId={candidate.id} onClose={() => select(null)} />
          </td>
        </tr>
      )}
      {/* What an action on this row did, right under it (the top of the list may be far above). */}
      {outcome && (
        <tr className="planning-outcome-row">
          <td colSpan={COLUMNS}>
            <FeedbackBox shows={() => true} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
