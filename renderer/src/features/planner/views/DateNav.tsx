import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { formatFrenchDate } from '../../../../../shared/domain/dates.js';
import type { IsoDate } from '../../../../../shared/domain/planner/model.js';
import type { PlannerSettings } from '../../../../../shared/model/planner.js';
import { longDay, readGoToDay, stepDay, stepWeek, weekColumns, type PlanningMode } from './calendar.js';
import { usePlanning } from './context.js';

/** Previous/next week or day, and a day typed jj/mm/aaaa (as everywhere in the app) within the interview window. */
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
        <h3 id="planning-period" className="fr-h6 fr-mb-0" aria-live="polite" tabIndex={-1} data-testid="planning-period">
          {title}
        </h3>
        <Button priority="secondary" size="small" iconId="fr-icon-arrow-right-s-line" iconPosition="right" disabled={!next} onClick={() => next && onDate(next)}>
          {week ? 'Semaine suivante' : 'Jour suivant'}
        </Button>
      </div>
      {/* Typed again from the day shown whenever it changes. */}
      <GoToDay key={date} settings={s} date={date} onDate={onDate} />
    </div>
  );
}

function GoToDay({ settings, date, onDate }: { settings: PlannerSettings; date: IsoDate; onDate(date: IsoDate): void }) {
  const [text, setText] = useState(formatFrenchDate(date));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readGoToDay(settings, text);
    if ('problem' in read) setProblem(read.problem);
    else onDate(read.iso);
  };
  return (
    <form className="planning-nav__picker" onSubmit={submit} aria-label="Aller au jour">
      <Input
        label="Aller au jour"
        hintText={`jj/mm/aaaa, du ${formatFrenchDate(settings.from)} au ${formatFrenchDate(settings.to)}`}
        nativeInputProps={{
          value: text,
          autoComplete: 'off',
          inputMode: 'numeric',
          onChange: (e) => {
            setText(e.target.value);
            setProblem(null);
          },
        }}
        {...(problem ? { state: 'error' as const, stateRelatedMessage: problem } : {})}
      />
      <Button type="submit" priority="secondary">
        Afficher
      </Button>
    </form>
  );
}
