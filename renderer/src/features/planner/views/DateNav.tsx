import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { IsoDate } from '../../../../../shared/domain/planner/model.js';
import { formatFrenchDate } from '../../../../../shared/domain/dates.js';
import { isIsoDay } from '../../../../../shared/domain/planner/calendar.js';
import { longDay, stepDay, stepWeek, weekColumns, type PlanningMode } from './calendar.js';
import { usePlanning } from './context.js';

/** Previous/next week or day, and a day picker limited to the interview window. */
export function DateNav({ mode, date, onDate }: { mode: PlanningMode; date: IsoDate; onDate(date: IsoDate): void }) {
  const { view } = usePlanning();
  const s = view.settings;
  const week = mode === 'week';
  const previous = week ? stepWeek(s, date, -1) : stepDay(s, date, -1);
  const next = week ? stepWeek(s, date, 1) : stepDay(s, date, 1);
  const columns = weekColumns(s, date);
  const title = week
    ? `Semaine du ${longDay(columns[0]?.date ?? date)} au ${longDay(columns[columns.length - 1]?.date ?? date)}`
    : longDay(date);

  return (
    <div className="planning-nav">
      <div className="planning-nav__step">
        <Button priority="secondary" size="small" iconId="fr-icon-arrow-left-s-line" disabled={!previous} onClick={() => previous && onDate(previous)}>
          {week ? 'Semaine précédente' : 'Jour précédent'}
        </Button>
        <h3 className="fr-h6 fr-mb-0" aria-live="polite" data-testid="planning-period">
          {title}
        </h3>
        <Button priority="secondary" size="small" iconId="fr-icon-arrow-right-s-line" iconPosition="right" disabled={!next} onClick={() => next && onDate(next)}>
          {week ? 'Semaine suivante' : 'Jour suivant'}
        </Button>
      </div>
      <Input
        className="planning-nav__picker"
        label="Aller au jour"
        hintText={`Du ${formatFrenchDate(s.from)} au ${formatFrenchDate(s.to)}`}
        nativeInputProps={{
          type: 'date',
          min: s.from,
          max: s.to,
          value: date,
          onChange: (e) => {
            const value = e.target.value;
            if (isIsoDay(value) && value >= s.from && value <= s.to) onDate(value);
          },
        }}
      />
    </div>
  );
}
