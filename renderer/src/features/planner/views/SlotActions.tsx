import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { deName } from '../../../../../shared/domain/text.js';
import type { PlannedSlot } from '../../../../../shared/model/planner.js';
import { focusById } from '../../../components/focusWhenDrawn.js';
import { convokedNotice } from './calendar.js';
import { usePlanning } from './context.js';
import { candidateLabel } from './moveCheck.js';
import { focusFeedback } from './usePlannerActions.js';

export const CONVOCATION_HINT_ID = 'planning-convocation-hint';
export const CONVOCATION_HINT = 'Préparer la convocation la note comme envoyée ; un déplacement ultérieur demandera de reconvoquer.';

/** Ids of a candidate's buttons, to give them the focus back. */
export const moveButtonId = (candidateId: number) => `planning-move-${candidateId}`;
const removeButtonId = (candidateId: number) => `planning-remove-${candidateId}`;
const confirmButtonId = (candidateId: number) => `planning-remove-confirm-${candidateId}`;

/**
 * What can be done with one interview (or one candidate to place). `onMove` opens the move form. Buttons keep
 * a short text; their accessible names say whose interview they act on (lists show ten of each).
 */
export function SlotActions({ candidateId, slot, onMove, withHint = false }: { candidateId: number; slot: PlannedSlot | null; onMove(): void; withHint?: boolean }) {
  const { view, actions } = usePlanning();
  const [confirming, setConfirming] = useState(false);
  const who = candidateLabel(view, candidateId);
  const of = deName(who);
  const busy = actions.busy;

  if (!slot) {
    return (
      <div className="planning-actions">
        <Button size="small" iconId="fr-icon-calendar-line" onClick={onMove} disabled={busy} nativeButtonProps={{ id: moveButtonId(candidateId), 'aria-label': `Placer ${who}` }}>
          Placer…
        </Button>
      </div>
    );
  }

  if (confirming) {
    const convoked = convokedNotice(slot, who, 'remove');
    const keep = () => {
      setConfirming(false);
      focusById(removeButtonId(candidateId));
    };
    return (
      <div className="planning-actions" role="group" aria-label={`Retirer l’entretien ${of}`}>
        <p className="fr-text--sm fr-mb-1v">{`Retirer l’entretien ${of} du planning ? La candidature redeviendra à placer.`}</p>
        {convoked && (
          <p className="fr-text--sm fr-mb-1v planning-text--redo" data-testid="planning-remove-convoked">
            {convoked}
          </p>
        )}
        <Button
          size="small"
          iconId="fr-icon-delete-line"
          disabled={busy}
          nativeButtonProps={{ id: confirmButtonId(candidateId) }}
          onClick={() => {
            setConfirming(false);
            void actions.remove(candidateId).then(focusFeedback);
          }}
        >
          Confirmer le retrait
        </Button>
        <Button size="small" priority="secondary" onClick={keep}>
          Annuler
        </Button>
      </div>
    );
  }

  const described = { 'aria-describedby': CONVOCATION_HINT_ID };
  return (
    <div className="planning-actions">
      <Button
        size="small"
        priority="secondary"
        iconId="fr-icon-drag-move-2-line"
        onClick={onMove}
        disabled={busy}
        nativeButtonProps={{ id: moveButtonId(candidateId), 'aria-label': `Déplacer l’entretien ${of}` }}
      >
        Déplacer…
      </Button>
      <Button
        size="small"
        priority="secondary"
        iconId={slot.locked ? 'fr-icon-lock-unlock-fill' : 'fr-icon-lock-fill'}
        disabled={busy}
        onClick={() => void actions.lock(candidateId, !slot.locked)}
        nativeButtonProps={{ 'aria-label': `${slot.locked ? 'Déverrouiller' : 'Verrouiller'} le créneau ${of}` }}
      >
        {slot.locked ? 'Déverrouiller' : 'Verrouiller'}
      </Button>
      <Button
        size="small"
        priority="tertiary"
        iconId="fr-icon-file-download-line"
        disabled={busy}
        onClick={() => void actions.convocation(candidateId, 'docx')}
        nativeButtonProps={{ 'aria-label': `Préparer la convocation (.docx) pour ${who}`, ...described }}
      >
        Préparer la convocation (.docx)
      </Button>
      <Button
        size="small"
        priority="tertiary"
        iconId="fr-icon-mail-line"
        disabled={busy}
        onClick={() => void actions.convocation(candidateId, 'eml')}
        nativeButtonProps={{ 'aria-label': `Préparer le courriel de convocation (.eml) pour ${who}`, ...described }}
      >
        Préparer le courriel de convocation (.eml)
      </Button>
      <Button
        size="small"
        priority="tertiary"
        iconId="fr-icon-delete-line"
        disabled={busy}
        onClick={() => {
          setConfirming(true);
          focusById(confirmButtonId(candidateId));
        }}
        nativeButtonProps={{ id: removeButtonId(candidateId), 'aria-label': `Retirer du planning l’entretien ${of}` }}
      >
        Retirer du planning
      </Button>
      {withHint && <ConvocationHint />}
    </div>
  );
}

/** Said once near the convocation buttons (the panel, or above the list), and read with each of them. */
export function ConvocationHint() {
  return (
    <p id={CONVOCATION_HINT_ID} className="fr-hint-text fr-mb-0 planning-hint">
      {CONVOCATION_HINT}
    </p>
  );
}
