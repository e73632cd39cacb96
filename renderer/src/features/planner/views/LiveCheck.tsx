import { usePlanning } from './context.js';

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

/** The outcome of the last action: the server's French message, or why a drop was refused. */
export function FeedbackBox() {
  const { actions } = usePlanning();
  const { feedback } = actions;
  if (!feedback) return null;
  const error = feedback.kind === 'error';
  return (
    <div className={`fr-alert fr-alert--sm ${error ? 'fr-alert--error' : 'fr-alert--success'} fr-mb-2w`} role={error ? 'alert' : 'status'} data-testid="planning-feedback">
      <p>{feedback.text}</p>
      {feedback.problems && feedback.problems.length > 0 && (
        <ul className="fr-mb-0">
          {feedback.problems.map((p) => (
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
