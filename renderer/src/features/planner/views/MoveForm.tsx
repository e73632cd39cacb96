import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { deName } from '../../../../../shared/domain/text.js';
import { closureOf, convokedNotice, dayStartTimes, halfLabel, longDay, windowDays } from './calendar.js';
import { usePlanning } from './context.js';
import { candidateLabel, checkSummary, evaluateMove } from './moveCheck.js';
import { focusById } from '../../../components/focusWhenDrawn.js';
import { moveButtonId } from './SlotActions.js';
import { focusFeedback } from './usePlannerActions.js';

/** « Déplacer… » without drag and drop: day, time and room, checked live like a drop. */
export function MoveForm({ candidateId, onClose }: { candidateId: number; onClose(): void }) {
  const { view, placed, actions } = usePlanning();
  const id = useId();
  const slot = view.slots.find((s) => s.candidateId === candidateId) ?? null;
  const days = windowDays(view.settings);
  const times = dayStartTimes(view.input);
  const [date, setDate] = useState(slot?.date ?? days.find((d) => closureOf(view.settings, d).day === null) ?? days[0] ?? '');
  const [start, setStart] = useState(slot?.start ?? times[0]?.start ?? '');
  const [roomId, setRoomId] = useState(view.settings.rooms.find((r) => r.id === slot?.roomId)?.id ?? view.settings.rooms[0]?.id ?? '');
  const [tried, setTried] = useState(false);
  const who = candidateLabel(view, candidateId);
  const verb = slot ? 'Déplacer' : 'Placer';
  const convoked = convokedNotice(slot, who, 'move');

  const check = useMemo(
    () => (date && start && roomId ? evaluateMove(view, placed, { candidateId, date, start, roomId }) : null),
    [view, placed, candidateId, date, start, roomId],
  );
  const conflict = !!check && check.problems.length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check || check.same || conflict) return;
    if (await actions.move(check.target)) {
      onClose();
      focusFeedback();
    }
  };

  const cancel = () => {
    onClose();
    focusById(moveButtonId(candidateId));
  };

  return (
    <form className="planning-move-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="planning-move-form">
      <p id={`${id}-title`} className="fr-text--bold fr-mb-1w">{`${verb} l’entretien ${deName(who)}`}</p>
      {convoked && (
        <p className="fr-text--sm fr-mb-1w planning-text--redo" data-testid="planning-move-convoked">
          {convoked}
        </p>
      )}
      <div className="planning-move-fields">
        <Select label="Jour" nativeSelectProps={{ value: date, onChange: (e) => setDate(e.target.value) }}>
          {slot && !days.includes(slot.date) && <option value={slot.date}>{longDay(slot.date)}</option>}
          {days.map((d) => {
            const closed = closureOf(view.settings, d).day;
            return (
              <option key={d} value={d}>
                {closed ? `${longDay(d)} — ${closed}` : longDay(d)}
              </option>
            );
          })}
        </Select>
        <Select label="Heure" nativeSelectProps={{ value: start, onChange: (e) => setStart(e.target.value) }}>
          {slot && !times.some((t) => t.start === slot.start) && <option value={slot.start}>{slot.start}</option>}
          {times.map((t) => (
            <option key={t.start} value={t.start}>
              {`${t.start} (${halfLabel(t.half)})`}
            </option>
          ))}
        </Select>
        <Select label="Salle" nativeSelectProps={{ value: roomId, onChange: (e) => setRoomId(e.target.value) }}>
          {view.settings.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </Select>
      </div>
      <div
        className={`planning-move-check ${conflict ? 'planning-move-check--conflict' : check && !check.same ? 'planning-move-check--allowed' : ''}`}
        role={tried && conflict ? 'alert' : 'status'}
        aria-live="polite"
        data-testid="planning-move-check"
      >
        {check && <p className="fr-mb-0">{checkSummary(view, check)}</p>}
        {conflict && (
          <ul className="fr-mb-0">
            {check.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {tried && check?.same && <p className="fr-mb-0">Choisissez un autre jour, une autre heure ou une autre salle.</p>}
      </div>
      <div className="planning-actions fr-mt-1w">
        <Button type="submit" size="small" disabled={actions.busy}>
          {`${verb} l’entretien`}
        </Button>
        <Button type="button" size="small" priority="secondary" onClick={cancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
