import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { formatFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { failureMessage } from '../../components/failure.js';
import { plural } from '../../components/labels.js';
import { useApp } from '../../store/context.js';

/** Convocations sent for interviews that no longer exist: each candidate must be told, then ticked off. */
export function CallOffList({ view, onView }: { view: PlannerView; onView(view: PlannerView): void }) {
  const api = useApp((s) => s.api);
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (view.toCallOff.length === 0) return null;

  const done = async (candidateId: number) => {
    setBusy(candidateId);
    setFailure(null);
    try {
      onView(await api.invoke('planner-call-off-done', { callId: view.callId, candidateId }));
    } catch (error) {
      setFailure(failureMessage(error, 'Erreur inattendue : rien n’a été enregistré.'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="fr-mb-2w" data-testid="planner-call-off">
      <Alert
        severity="warning"
        className="fr-mb-1w"
        title={`${plural(view.toCallOff.length, 'convocation à annuler', 'convocations à annuler')}`}
        description={
          <>
            <p className="fr-mb-1w">Ces candidats ont reçu une convocation pour un entretien qui n’a plus lieu : prévenez-les, puis indiquez-le ici.</p>
            <ul className="fr-mb-0">
              {view.toCallOff.map((c) => {
                const sent = Number.isNaN(Date.parse(c.convokedAt)) ? '' : ` (convocation préparée le ${formatFrenchDate(parisDateOf(new Date(c.convokedAt)))})`;
                return (
                  <li key={c.candidateId} className="fr-mb-1w">
                    {`${c.label} — entretien annoncé le ${c.announced}${sent}. `}
                    <Button
                      size="small"
                      priority="secondary"
                      disabled={busy !== null}
                      onClick={() => void done(c.candidateId)}
                      nativeButtonProps={{ 'aria-label': `${c.label} a été prévenu(e)` }}
                    >
                      Prévenu(e)
                    </Button>
                  </li>
                );
              })}
            </ul>
          </>
        }
      />
      {failure && <Alert severity="error" small description={failure} role="alert" />}
    </div>
  );
}
