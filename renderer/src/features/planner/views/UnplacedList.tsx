import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Unplaced } from '../../../../../shared/model/planner.js';
import { usePlanning } from './context.js';
import { candidateLabel } from './moveCheck.js';
import { useMoveHandle } from './SlotCard.js';

/** « À placer »: candidates to hear without a slot, with why; drag one onto the calendar, or « Placer… ». */
export function UnplacedList() {
  const { view } = usePlanning();
  // Every candidate to hear without a slot, with the last run's reason when there is one.
  const items: Unplaced[] = view.candidates
    .filter((c) => c.toHear && !view.slots.some((s) => s.candidateId === c.id))
    .map((c) => view.unplaced.find((u) => u.candidateId === c.id) ?? { candidateId: c.id, code: 'full', reason: 'Pas encore placé.' });
  return (
    <section className="planning-unplaced" aria-labelledby="planning-unplaced-title" data-testid="planning-unplaced">
      <h3 id="planning-unplaced-title" className="fr-h6 fr-mb-1w">
        {`À placer (${items.length})`}
      </h3>
      {items.length === 0 ? (
        <p className="fr-text--sm">Toutes les candidatures à entendre ont un créneau.</p>
      ) : (
        <ul className="planning-unplaced__list">
          {items.map((item) => (
            <UnplacedItem key={item.candidateId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UnplacedItem({ item }: { item: Unplaced }) {
  const { view, mover, select } = usePlanning();
  const who = candidateLabel(view, item.candidateId);
  const handle = useMoveHandle(item.candidateId, `${who}, à placer : ${item.reason}`);
  const post = view.candidates.find((c) => c.id === item.candidateId)?.postLabel;
  return (
    <li className={`planning-unplaced__item${mover.moving?.candidateId === item.candidateId ? ' planning-card--moving' : ''}`}>
      <div className="planning-card__handle" {...handle}>
        <span className="planning-card__who">{who}</span>
        {post && <span className="fr-text--xs fr-mb-0">{post}</span>}
        <span className="fr-text--xs fr-mb-0 planning-unplaced__reason">{item.reason}</span>
      </div>
      <Button size="small" priority="tertiary" title={`Placer ${who}`} onClick={() => select({ candidateId: item.candidateId, form: true }, true)}>
        Placer…
      </Button>
    </li>
  );
}
