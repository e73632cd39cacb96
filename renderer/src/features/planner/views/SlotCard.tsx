import type { DragEvent, KeyboardEvent } from 'react';
import type { PlannedSlot } from '../../../../../shared/model/planner.js';
import { convocationStatus } from './calendar.js';
import { usePlanning } from './context.js';
import { candidateLabel, roomLabel, slotText } from './moveCheck.js';

export const MOVE_HELP_ID = 'planning-move-help';

/** Props making an element a move handle: draggable, and picked up by Enter or Space. */
export function useMoveHandle(candidateId: number, label: string) {
  const { mover, select } = usePlanning();
  return {
    draggable: true,
    tabIndex: 0,
    role: 'button',
    'aria-roledescription': 'entretien déplaçable',
    'aria-label': label,
    'aria-describedby': MOVE_HELP_ID,
    'data-move-handle': candidateId,
    onDragStart: (event: DragEvent) => mover.startDrag(candidateId, event),
    onDragEnd: () => mover.endDrag(),
    onKeyDown: (event: KeyboardEvent) => {
      // While moving, the document's listener handles the keys.
      if ((event.key !== 'Enter' && event.key !== ' ') || mover.moving?.how === 'keyboard') return;
      event.preventDefault();
      // React may attach that listener before this very event reaches the document: it must not drop at once.
      event.stopPropagation();
      mover.pickUp(candidateId);
    },
    onClick: () => select({ candidateId, form: false }),
  };
}

/** One interview in the calendar: time, candidate, room, lock and « à reconvoquer »; drag it or pick it up. */
export function SlotCard({ slot, showRoom }: { slot: PlannedSlot; showRoom: boolean }) {
  const { view, mover, selection, select } = usePlanning();
  const who = candidateLabel(view, slot.candidateId);
  const convocation = convocationStatus(slot);
  const conflict = view.violations.some((v) => v.candidateIds.includes(slot.candidateId));
  const marks = [slot.locked && 'verrouillé', convocation.kind === 'redo' && 'à reconvoquer', conflict && 'en conflit avec les contraintes'].filter(Boolean);
  const label = `${who}, ${slotText(view, slot)}${marks.length ? `, ${marks.join(', ')}` : ''}`;
  const handle = useMoveHandle(slot.candidateId, label);
  const classes = [
    'planning-card',
    slot.locked && 'planning-card--locked',
    conflict && 'planning-card--conflict',
    mover.moving?.candidateId === slot.candidateId && 'planning-card--moving',
    selection?.candidateId === slot.candidateId && 'planning-card--selected',
  ].filter(Boolean);

  return (
    <div className={classes.join(' ')} data-testid="planning-slot" data-candidate={who} data-date={slot.date} data-start={slot.start} data-room={roomLabel(view, slot.roomId)}>
      <div className="planning-card__handle" {...handle}>
        <span className="planning-card__time">
          {slot.start}–{slot.end}
          {slot.locked && <span className="fr-icon-lock-fill fr-icon--xs planning-card__icon" aria-hidden="true" title="Verrouillé" />}
        </span>
        <span className="planning-card__who">{who}</span>
        {showRoom && <span className="planning-card__room">{roomLabel(view, slot.roomId)}</span>}
        {convocation.kind === 'redo' && <span className="planning-mark planning-mark--redo">à reconvoquer</span>}
        {conflict && <span className="planning-mark planning-mark--conflict">conflit</span>}
      </div>
      <button
        type="button"
        className="planning-card__more fr-icon-more-fill fr-icon--sm"
        title={`Actions : ${who}`}
        aria-label={`Actions : ${who}`}
        onClick={() => select({ candidateId: slot.candidateId, form: false }, true)}
      />
    </div>
  );
}
