import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { PlannedSlot } from '../../../../../shared/model/planner.js';
import { usePlanning } from './context.js';
import { candidateLabel } from './moveCheck.js';

/** What can be done with one interview (or one candidate to place). `onMove` opens the move form. */
export function SlotActions({ candidateId, slot, onMove }: { candidateId: number; slot: PlannedSlot | null; onMove(): void }) {
  const { view, actions } = usePlanning();
  const [confirming, setConfirming] = useState(false);
  const who = candidateLabel(view, candidateId);
  const busy = actions.busy;

  if (!slot) {
    return (
      <div className="planning-actions">
        <Button size="small" iconId="fr-icon-calendar-line" onClick={onMove} disabled={busy}>
          Placer…
        </Button>
      </div>
    );
  }

  if (confirming) {
    return (
      <div className="planning-actions" role="group" aria-label={`Retirer l’entretien de ${who}`}>
        <p className="fr-text--sm fr-mb-1v">{`Retirer l’entretien de ${who} du planning ? La candidature redeviendra à placer.`}</p>
        <Button
          size="small"
          iconId="fr-icon-delete-line"
          disabled={busy}
          onClick={() => {
            setConfirming(false);
            void actions.remove(candidateId);
          }}
        >
          Confirmer le retrait
        </Button>
        <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>
          Annuler
        </Button>
      </div>
    );
  }

  return (
    <div className="planning-actions">
      <Button size="small" priority="secondary" iconId="fr-icon-drag-move-2-line" onClick={onMove} disabled={busy}>
        Déplacer…
      </Button>
      <Button
        size="small"
        priority="secondary"
        iconId={slot.locked ? 'fr-icon-lock-unlock-fill' : 'fr-icon-lock-fill'}
        disabled={busy}
        onClick={() => void actions.lock(candidateId, !slot.locked)}
      >
        {slot.locked ? 'Déverrouiller' : 'Verrouiller'}
      </Button>
      <Button size="small" priority="tertiary" iconId="fr-icon-file-download-line" disabled={busy} onClick={() => void actions.convocation(candidateId, 'docx')}>
        Convocation (.docx)
      </Button>
      <Button size="small" priority="tertiary" iconId="fr-icon-mail-line" disabled={busy} onClick={() => void actions.convocation(candidateId, 'eml')}>
        Courriel de convocation (.eml)
      </Button>
      <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" disabled={busy} onClick={() => setConfirming(true)}>
        Retirer du planning
      </Button>
    </div>
  );
}
