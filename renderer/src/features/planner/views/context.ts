import { createContext, useContext } from 'react';
import type { Slot } from '../../../../../shared/domain/planner/model.js';
import type { PlannerView } from '../../../../../shared/model/planner.js';
import type { PlannerActions } from './usePlannerActions.js';
import type { SlotMover } from './useSlotMove.js';

/** Which interview (or candidate to place) the side panel shows, and whether its move form is open. */
export interface Selection {
  candidateId: number;
  form: boolean;
}

export interface Planning {
  view: PlannerView;
  /** view.slots as plain slots, for the move checks. */
  placed: Slot[];
  actions: PlannerActions;
  mover: SlotMover;
  selection: Selection | null;
  select(selection: Selection | null, focusPanel?: boolean): void;
}

export const PlanningContext = createContext<Planning | null>(null);

export function usePlanning(): Planning {
  const planning = useContext(PlanningContext);
  if (!planning) throw new Error('PlanningContext manquant');
  return planning;
}
