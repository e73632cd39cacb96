import type { HalfDay, IsoDate } from '../../../../../shared/domain/planner/model.js';
import type { PlannedSlot } from '../../../../../shared/model/planner.js';
import { bySchedule, halfOf, longDay, shortDay, slotHalf, weekColumns, type Closure } from './calendar.js';
import { usePlanning } from './context.js';
import { roomLabel } from './moveCheck.js';
import { SlotCard } from './SlotCard.js';
import { cellKey, type Cell } from './useSlotMove.js';

/** « Semaine »: working days in columns, half-days in rows, each interview a card. */
export function WeekView({ date }: { date: IsoDate }) {
  const { view } = usePlanning();
  const columns = weekColumns(view.settings, date);
  const halves = (['am', 'pm'] as const).filter((h) => (h === 'am' ? view.input.hours.morning : view.input.hours.afternoon));
  const sorted = [...view.slots].sort(bySchedule(view.settings.rooms));
  const first = columns[0]?.date;
  const last = columns[columns.length - 1]?.date;

  return (
    <div className="planning-scroll">
      <table className="planning-grid planning-week" data-testid="planning-week">
        <caption className="fr-sr-only">{`Semaine du ${first ? longDay(first) : ''} au ${last ? longDay(last) : ''} : entretiens par demi-journée`}</caption>
        <thead>
          <tr>
            <td className="planning-grid__corner" />
            {columns.map((c) => {
              const count = sorted.filter((s) => s.date === c.date).length;
              return (
                <th key={c.date} scope="col" className={c.closure.day ? 'planning-closed' : undefined}>
                  <span className="planning-day-name">{shortDay(c.date)}</span>
                  <span className="planning-day-note">{c.closure.day ?? (count ? `${count} entretien${count > 1 ? 's' : ''}` : 'aucun entretien')}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {halves.map((half) => {
            const hours = half === 'am' ? view.input.hours.morning : view.input.hours.afternoon;
            return (
              <tr key={half}>
                <th scope="row" className="planning-row-head">
                  <span className="planning-day-name">{half === 'am' ? 'Matin' : 'Après-midi'}</span>
                  {hours && <span className="planning-day-note">{`${hours.start}–${hours.end}`}</span>}
                </th>
                {columns.map((c) => (
                  <HalfCell key={c.date} date={c.date} half={half} closure={c.closure} slots={sorted.filter((s) => s.date === c.date && slotHalf(view.input, s) === half)} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function HalfCell({ date, half, closure, slots }: { date: IsoDate; half: HalfDay; closure: Closure; slots: PlannedSlot[] }) {
  const { view, mover } = usePlanning();
  const cell: Cell = { kind: 'half', date, half };
  const closed = closure.day ?? closure[half];
  const moving = mover.moving;
  const target = moving?.check?.target;
  const aimed = !!moving && (moving.cell === cellKey(cell) || (!!target && target.date === date && halfOf(view.input, target.start) === half));
  const status = !aimed ? null : !moving?.check || moving.check.problems.length ? 'conflict' : 'allowed';
  const classes = ['planning-cell', closed && 'planning-closed', status && `planning-cell--${status}`].filter(Boolean);

  return (
    <td
      className={classes.join(' ')}
      data-testid="planning-half"
      data-date={date}
      data-half={half}
      onDragOver={(e) => mover.dragOver(cell, e)}
      onDrop={(e) => mover.drop(cell, e)}
    >
      {closed && !closure.day && <p className="planning-day-note fr-mb-1v">{closed}</p>}
      {slots.map((slot) => (
        <SlotCard key={slot.candidateId} slot={slot} showRoom={view.settings.rooms.length > 1 || !view.settings.rooms.some((r) => r.id === slot.roomId)} />
      ))}
      {aimed && moving?.check && !moving.check.same && (
        <p className={`planning-ghost planning-ghost--${status}`} aria-hidden="true">
          {`→ ${moving.check.slot.start}, ${roomLabel(view, moving.check.slot.roomId)}`}
        </p>
      )}
    </td>
  );
}
