import type { HalfDay, IsoDate } from '../../../../../shared/domain/planner/model.js';
import type { PlannedSlot, PlannerView } from '../../../../../shared/model/planner.js';
import { bySchedule, closureOf, dayStartTimes, longDay, rowOf, slotHalf, type StartTime } from './calendar.js';
import { usePlanning } from './context.js';
import { candidateLabel, roomLabel, slotText } from './moveCheck.js';
import { SlotCard } from './SlotCard.js';
import { cellKey, type Cell } from './useSlotMove.js';

/** The jury sitting in a room on a half-day: everyone on its interviews, those who may chair apart. */
function juryOf(view: PlannerView, slots: PlannedSlot[]): { chair: string; others: string } | null {
  const ids = new Set(slots.flatMap((s) => s.memberIds));
  const members = view.members.filter((m) => ids.has(m.id)).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  if (members.length === 0) return null;
  return {
    chair: members.filter((m) => m.president).map((m) => m.name).join(', '),
    others: members.filter((m) => !m.president).map((m) => m.name).join(', '),
  };
}

/** « Jour »: one column per room, one row per start time, the jury of each room and half-day on top. */
export function DayView({ date }: { date: IsoDate }) {
  const { view } = usePlanning();
  const times = dayStartTimes(view.input);
  const rooms = view.settings.rooms;
  const closure = closureOf(view.settings, date);
  const daySlots = view.slots.filter((s) => s.date === date).sort(bySchedule(rooms));
  const elsewhere = daySlots.filter((s) => !rooms.some((r) => r.id === s.roomId));
  const halves = (['am', 'pm'] as const).filter((h) => times.some((t) => t.half === h));

  return (
    <div>
      {closure.day && (
        <p className="planning-closed-note" data-testid="planning-day-closed">
          {`${longDay(date)} : ${closure.day}. Aucun entretien ne peut s’y tenir.`}
        </p>
      )}
      <div className="planning-scroll">
        <table className="planning-grid planning-day" data-testid="planning-day">
          <caption className="fr-sr-only">{`${longDay(date)} : entretiens par salle et par heure`}</caption>
          <thead>
            <tr>
              <th scope="col" className="planning-grid__corner">
                Heure
              </th>
              {rooms.map((r) => (
                <th key={r.id} scope="col">
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {halves.map((half) => (
              <HalfRows key={half} date={date} half={half} times={times.filter((t) => t.half === half)} closed={closure.day ?? closure[half]} slots={daySlots.filter((s) => slotHalf(view.input, s) === half)} />
            ))}
          </tbody>
        </table>
      </div>
      {elsewhere.length > 0 && (
        <div className="planning-problems fr-mt-2w">
          <p className="fr-text--bold fr-mb-1v">Entretiens dans une salle qui n’existe plus :</p>
          <ul>
            {elsewhere.map((s) => (
              <li key={s.candidateId}>{`${candidateLabel(view, s.candidateId)} : ${slotText(view, s)}`}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface HalfRowsProps {
  date: IsoDate;
  half: HalfDay;
  times: StartTime[];
  closed: string | null;
  slots: PlannedSlot[];
}

function HalfRows({ date, half, times, closed, slots }: HalfRowsProps) {
  const { view } = usePlanning();
  const rooms = view.settings.rooms;
  return (
    <>
      <tr className="planning-jury-row">
        <th scope="row">
          <span className="planning-day-name">{half === 'am' ? 'Matin' : 'Après-midi'}</span>
          {closed && <span className="planning-day-note">{closed}</span>}
        </th>
        {rooms.map((r) => {
          const jury = juryOf(view, slots.filter((s) => s.roomId === r.id));
          return (
            <td key={r.id} className="planning-jury" data-testid="planning-jury">
              <span className="fr-sr-only">{`${r.label}, ${half === 'am' ? 'matin' : 'après-midi'} : `}</span>
              {jury ? (
                <>
                  {jury.chair && <span className="planning-jury__line">{`Présidence : ${jury.chair}`}</span>}
                  {jury.others && <span className="planning-jury__line">{`${jury.chair ? 'Membres' : 'Jury'} : ${jury.others}`}</span>}
                </>
              ) : (
                'Pas de jury : aucun entretien'
              )}
            </td>
          );
        })}
      </tr>
      {times.map((t) => (
        <tr key={t.start}>
          <th scope="row" className="planning-row-head">
            {t.start}
          </th>
          {rooms.map((r) => (
            <TimeCell
              key={r.id}
              cell={{ kind: 'time', date, start: t.start, roomId: r.id }}
              closed={!!closed}
              slots={slots.filter((s) => s.roomId === r.id && rowOf(times, s.start) === t.start)}
            />
          ))}
        </tr>
      ))}
    </>
  );
}

function TimeCell({ cell, closed, slots }: { cell: Extract<Cell, { kind: 'time' }>; closed: boolean; slots: PlannedSlot[] }) {
  const { view, mover } = usePlanning();
  const moving = mover.moving;
  const target = moving?.check?.target;
  const aimed = !!moving && (moving.cell === cellKey(cell) || (!!target && target.date === cell.date && target.start === cell.start && target.roomId === cell.roomId));
  const status = !aimed ? null : !moving?.check || moving.check.problems.length ? 'conflict' : 'allowed';
  const classes = ['planning-cell', closed && 'planning-closed', status && `planning-cell--${status}`].filter(Boolean);
  return (
    <td
      className={classes.join(' ')}
      data-testid="planning-cell"
      data-date={cell.date}
      data-start={cell.start}
      data-room={roomLabel(view, cell.roomId)}
      onDragOver={(e) => mover.dragOver(cell, e)}
      onDrop={(e) => mover.drop(cell, e)}
    >
      {slots.map((slot) => (
        <SlotCard key={slot.candidateId} slot={slot} showRoom={false} />
      ))}
      {aimed && moving?.check && !moving.check.same && (
        <p className={`planning-ghost planning-ghost--${status}`} aria-hidden="true">
          {`→ ${candidateLabel(view, moving.candidateId)}`}
        </p>
      )}
    </td>
  );
}
