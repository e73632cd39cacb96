import { useEffect, useRef } from 'react';
import { usePlanning } from './context.js';
import { FEEDBACK_ID, type Feedback } from './usePlannerActions.js';

/** What the move being made would break, said as the target changes (aria-live polite). */
export function LiveCheck() {
  const { mover } = usePlanning();
  const { live } = mover;
  return (
    <div className={`planning-live planning-live--${live.status}`}>
      <p className="fr-text--bold fr-mb-1v" id="planning-live-title">
        Vérification du déplacement
      </p>
      <div role="status" aria-live="polite" aria-atomic="true" aria-labelledby="planning-live-title" data-testid="planning-live">
        {live.lead && <p className="fr-text--sm fr-mb-1v">{live.lead}</p>}
        {(live.text || !live.lead) && <p className={`fr-text--sm fr-mb-0${live.status === 'idle' ? '' : ' fr-text--bold'}`}>{live.text || 'Aucun déplacement en cours.'}</p>}
        {live.problems.length > 0 && (
          <ul className="fr-text--sm fr-mb-0">
            {live.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/**
 * The outcome of the last action, where it was asked (`shows` says which outcomes this place shows): the
 * server's French message, or why a drop was refused. A refusal is brought into view.
 */
export function FeedbackBox({ shows }: { shows(feedback: Feedback): boolean }) {
  const { actions } = usePlanning();
  const { feedback } = actions;
  const box = useRef<HTMLDivElement>(null);
  const shown = feedback && shows(feedback) ? feedback : null;
  useEffect(() => {
    if (shown?.kind === 'error') box.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!shown) return null;
  const error = shown.kind === 'error';
  return (
    <div
      ref={box}
      id={FEEDBACK_ID}
      tabIndex={-1}
      className={`fr-alert fr-alert--sm ${error ? 'fr-alert--error' : 'fr-alert--success'} fr-mb-2w planning-feedback`}
      role={error ? 'alert' : 'status'}
      data-testid="planning-feedback"
    >
      <p>{shown.text}</p>
      {shown.problems && shown.problems.length > 0 && (
        <ul className="fr-mb-0">
          {shown.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" className="fr-btn--close fr-btn" title="Masquer le message" onClick={actions.clearFeedback}>
        Masquer le message
      </button>
    </div>
  );
}
