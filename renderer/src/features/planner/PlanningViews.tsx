import { focusWhenDrawn } from '../../components/focusWhenDrawn.js';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useCallback, useMemo, useState } from 'react';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { CandidateList } from './views/CandidateList.js';
import { defaultDate, type PlanningMode } from './views/calendar.js';
import { PlanningContext, type Planning, type Selection } from './views/context.js';
import { DateNav } from './views/DateNav.js';
import { DayView } from './views/DayView.js';
import { FeedbackBox, LiveCheck } from './views/LiveCheck.js';
import { MemberList } from './views/MemberList.js';
import { placedSlots } from './views/moveCheck.js';
import { MOVE_HELP_ID } from './views/SlotCard.js';
import { PANEL_HEADING_ID, SlotPanel } from './views/SlotPanel.js';
import { UnplacedList } from './views/UnplacedList.js';
import { usePlannerActions, type Feedback } from './views/usePlannerActions.js';
import { MOVE_HELP, useSlotMove } from './views/useSlotMove.js';
import { WeekView } from './views/WeekView.js';
import './views/planning.css';

const aboutSomeone = (f: Feedback) => !!f.about;
const aboutNobody = (f: Feedback) => !f.about;

/** The planning of a call's interviews: week and day calendars, lists per member and per candidate, manual edits. */
export function PlanningViews({ view, onView }: { view: PlannerView; onView: (view: PlannerView) => void }) {
  const [mode, setMode] = useState<PlanningMode>('week');
  const [picked, setPicked] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  // A date chosen before the window changed falls back to where the calendar opens.
  const date = picked && picked >= view.settings.from && picked <= view.settings.to ? picked : defaultDate(view.settings, view.slots);
  const placed = useMemo(() => placedSlots(view), [view]);
  const actions = usePlannerActions(view, onView);
  const mover = useSlotMove(view, placed, actions, mode === 'day' ? 'day' : 'week', setPicked);

  const select = useCallback((next: Selection | null, focusPanel = false) => {
    setSelection(next);
    if (!focusPanel) return;
    // Below the grid on narrow screens: the whole panel into view, not only its title.
    focusWhenDrawn(() => document.getElementById(PANEL_HEADING_ID), { scroll: (heading) => heading.closest('section')?.scrollIntoView({ block: 'nearest' }) });
  }, []);

  const changeMode = (next: PlanningMode) => {
    setMode(next);
    actions.clearFeedback();
  };
  const planning: Planning = { view, placed, actions, mover, selection, select };
  const segment = (value: PlanningMode, label: string) => ({ label, nativeInputProps: { checked: mode === value, onChange: () => changeMode(value) } });
  const calendar = mode === 'week' || mode === 'day';

  return (
    <PlanningContext.Provider value={planning}>
      <div className="planning" data-testid="planning-views">
        <div className="planning-toolbar">
          <SegmentedControl
            small
            legend="Affichage du planning"
            hideLegend
            segments={[segment('week', 'Semaine'), segment('day', 'Jour'), segment('members', 'Par membre'), segment('candidates', 'Par candidat')]}
          />
          <Button priority="secondary" iconId="fr-icon-table-line" disabled={actions.busy} onClick={() => void actions.exportPlanning()}>
            Exporter le planning (Excel)
          </Button>
        </div>
        {/* The export's outcome under its button; those about a candidate or a member where they are shown. */}
        <FeedbackBox shows={aboutNobody} />
        {calendar ? (
          <>
            <DateNav mode={mode} date={date} onDate={setPicked} />
            <p id={MOVE_HELP_ID} className="fr-hint-text fr-mb-2w">
              {`Faites glisser un entretien ou une candidature « À placer » sur une case, ou utilisez « Déplacer… ». ${MOVE_HELP}`}
            </p>
            <div className="planning-layout">
              <div className="planning-main">{mode === 'week' ? <WeekView date={date} /> : <DayView date={date} />}</div>
              <aside className="planning-aside" aria-label="Vérification des déplacements et détail de l’entretien">
                <LiveCheck />
                <FeedbackBox shows={aboutSomeone} />
                <SlotPanel />
                <UnplacedList />
              </aside>
            </div>
          </>
        ) : (
          <>
            <p id={MOVE_HELP_ID} className="fr-sr-only">
              {MOVE_HELP}
            </p>
            {mode === 'members' ? <MemberList /> : <CandidateList />}
          </>
        )}
      </div>
    </PlanningContext.Provider>
  );
}
