import { focusWhenDrawn } from '../../../components/focusWhenDrawn.js';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import type { HalfDay, HhMm, IsoDate, Slot } from '../../../../../shared/domain/planner/model.js';
import type { MoveTarget } from '../../../../../shared/domain/planner/moves.js';
import { deName } from '../../../../../shared/domain/text.js';
import type { PlannerView } from '../../../../../shared/model/planner.js';
import { dayStartTimes, isNavKey, stepTarget, windowDays } from './calendar.js';
import { candidateLabel, checkSummary, evaluateMove, halfDayDrop, LOCKED_MESSAGE, type MoveCheck } from './moveCheck.js';
import type { PlannerActions } from './usePlannerActions.js';

/** A drop zone: one room at one start time (day view), or a half-day (week view). */
export type Cell = { kind: 'time'; date: IsoDate; start: HhMm; roomId: string } | { kind: 'half'; date: IsoDate; half: HalfDay };

export function cellKey(cell: Cell): string {
  return cell.kind === 'time' ? `t|${cell.date}|${cell.start}|${cell.roomId}` : `h|${cell.date}|${cell.half}`;
}

interface Moving {
  candidateId: number;
  how: 'drag' | 'keyboard';
  /** The cell under the pointer (drag) — the keyboard has no cell, only a target. */
  cell: string | null;
  check: MoveCheck | null;
  /** Enter pressed on a target that breaks something: said in the live region, the move goes on. */
  refused?: boolean;
}

export interface SlotMover {
  moving: Moving | null;
  /** What the live region says: the move under way, the target judged, its problems. */
  live: { lead: string; text: string; problems: string[]; status: 'idle' | 'allowed' | 'conflict' };
  startDrag(candidateId: number, event: DragEvent): void;
  endDrag(): void;
  dragOver(cell: Cell, event: DragEvent): void;
  drop(cell: Cell, event: DragEvent): void;
  pickUp(candidateId: number): void;
}

const DRAG_TYPE = 'text/plain';
export const MOVE_HELP = 'Entrée ou Espace pour déplacer au clavier : flèches pour choisir, Entrée pour poser, Échap pour annuler.';

/** Back to the candidate's card (or « À placer » item); when it is not on screen, to the period shown. */
export function focusCard(candidateId: number): void {
  focusWhenDrawn(() => document.querySelector<HTMLElement>(`[data-move-handle="${candidateId}"]`) ?? document.getElementById('planning-period'));
}

/**
 * Moving an interview by drag and drop or by keyboard: each target is judged live with the server's own
 * helpers; a conflicting drop is explained without calling the server, an allowed one is sent.
 */
export function useSlotMove(view: PlannerView, placed: Slot[], actions: PlannerActions, mode: 'day' | 'week', onTargetDate: (date: IsoDate) => void): SlotMover {
  const [moving, setMoving] = useState<Moving | null>(null);
  const [said, setSaid] = useState<string>('');

  const judge = useCallback(
    (candidateId: number, cell: Cell): MoveCheck | null =>
      cell.kind === 'time'
        ? evaluateMove(view, placed, { candidateId, date: cell.date, start: cell.start, roomId: cell.roomId })
        : halfDayDrop(view, placed, candidateId, cell.date, cell.half),
    [view, placed],
  );

  const commit = useCallback(
    async (candidateId: number, check: MoveCheck | null, how: Moving['how']): Promise<void> => {
      const who = candidateLabel(view, candidateId);
      if (!check) {
        actions.explain(`Impossible de placer ${who} ici : aucun horaire d’entretien dans cette demi-journée.`, [], { candidateId });
        return;
      }
      if (check.same) {
        setMoving(null);
        setSaid(`${who} garde son créneau.`);
        if (how === 'keyboard') focusCard(candidateId);
        return;
      }
      if (check.problems.length > 0) {
        // By keyboard the move goes on and the live region already lists the problems: said there only.
        if (how === 'keyboard') setMoving((m) => (m ? { ...m, refused: true } : m));
        else actions.explain(`Impossible de placer ${who} : ${checkSummary(view, check)}`, check.problems, { candidateId });
        return;
      }
      setMoving(null);
      const moved = await actions.move(check.target);
      setSaid(moved ? `${who} : entretien placé.` : `${who} : le déplacement a été refusé.`);
      if (how === 'keyboard') focusCard(candidateId);
    },
    [view, actions],
  );

  const startDrag = useCallback(
    (candidateId: number, event: DragEvent) => {
      event.dataTransfer.setData(DRAG_TYPE, String(candidateId));
      event.dataTransfer.effectAllowed = 'move';
      setMoving({ candidateId, how: 'drag', cell: null, check: null });
    },
    [],
  );

  const endDrag = useCallback(() => setMoving((m) => (m?.how === 'drag' ? null : m)), []);

  const dragOver = useCallback(
    (cell: Cell, event: DragEvent) => {
      if (moving?.how !== 'drag') return;
      // Every cell accepts the drop: a conflicting one then says why instead of silently refusing.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const key = cellKey(cell);
      if (moving.cell === key) return;
      setMoving({ ...moving, cell: key, check: judge(moving.candidateId, cell) });
    },
    [moving, judge],
  );

  const drop = useCallback(
    (cell: Cell, event: DragEvent) => {
      if (moving?.how !== 'drag') return;
      event.preventDefault();
      const check = moving.cell === cellKey(cell) ? moving.check : judge(moving.candidateId, cell);
      setMoving(null);
      void commit(moving.candidateId, check, 'drag');
    },
    [moving, judge, commit],
  );

  const pickUp = useCallback(
    (candidateId: number) => {
      const who = candidateLabel(view, candidateId);
      const slot = view.slots.find((s) => s.candidateId === candidateId);
      if (slot?.locked) {
        setSaid('');
        actions.explain(`${who} : ${LOCKED_MESSAGE}`, [], { candidateId });
        return;
      }
      actions.clearFeedback();
      const days = windowDays(view.settings);
      const first: MoveTarget | null = slot
        ? { candidateId, date: slot.date, start: slot.start, roomId: slot.roomId }
        : days[0] && dayStartTimes(view.input)[0] && view.settings.rooms[0]
          ? { candidateId, date: days[0], start: dayStartTimes(view.input)[0]!.start, roomId: view.settings.rooms[0].id }
          : null;
      if (!first) {
        actions.explain(`Impossible de placer ${who} : aucun jour ou aucun horaire d’entretien n’est réglé.`, [], { candidateId });
        return;
      }
      setSaid('');
      setMoving({ candidateId, how: 'keyboard', cell: null, check: evaluateMove(view, placed, first) });
    },
    [view, placed, actions],
  );

  // While moving by keyboard, the keys act wherever the focus is (the card may leave the screen on a day change).
  useEffect(() => {
    if (moving?.how !== 'keyboard' || !moving.check) return;
    const current = moving;
    const check = moving.check;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'Tab') {
        if (event.key === 'Escape') event.preventDefault();
        setMoving(null);
        actions.clearFeedback();
        setSaid(`Déplacement ${deName(candidateLabel(view, current.candidateId))} annulé.`);
        if (event.key === 'Escape') focusCard(current.candidateId);
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        void commit(current.candidateId, check, 'keyboard');
      } else if (isNavKey(event.key)) {
        event.preventDefault();
        const target = stepTarget(view.settings, view.input, check.target, event.key, mode);
        if (target.date !== check.target.date) onTargetDate(target.date);
        setMoving({ ...current, refused: false, check: evaluateMove(view, placed, target) });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [moving, view, placed, mode, commit, onTargetDate, actions]);

  const live = useMemo((): SlotMover['live'] => {
    if (!moving) return { lead: '', text: said, problems: [], status: 'idle' };
    const who = candidateLabel(view, moving.candidateId);
    const lead =
      moving.how === 'keyboard'
        ? `Déplacement ${deName(who)} : flèches pour choisir, Entrée pour poser, Échap pour annuler.`
        : `Déplacement ${deName(who)} : déposez l’entretien sur une case.`;
    if (!moving.check) return { lead, text: '', problems: [], status: 'idle' };
    const summary = checkSummary(view, moving.check);
    const text = moving.refused ? `Impossible de placer ${who} ici : ${summary}` : summary;
    return { lead, text, problems: moving.check.problems, status: moving.check.problems.length ? 'conflict' : 'allowed' };
  }, [moving, said, view]);

  return { moving, live, startDrag, endDrag, dragOver, drop, pickUp };
}
