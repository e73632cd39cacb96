import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { plural } from '../../components/labels.js';
import { CallOffList } from './CallOffList.js';
import { Messages } from './Messages.js';
import { conflictAdvice, namesOf, summaryOf } from './plannerText.js';

/** The state of the planning at a glance, then what the secretariat must look at: warnings, conflicts, who is left. */
export function PlannerHeader({ view, onView }: { view: PlannerView; onView(view: PlannerView): void }) {
  const s = summaryOf(view);
  const names = namesOf(view);
  // Never computed yet: « not planned » is no reason worth listing.
  const reasons = view.unplaced.filter((u) => u.code !== 'not-planned');
  return (
    <>
      <ul className="planner-counts" data-testid="planner-summary" aria-label="État du planning">
        <li data-testid="planner-count-to-hear">
          <strong>{s.toHear}</strong> {s.toHear > 1 ? 'candidats à entendre' : 'candidat à entendre'}
        </li>
        <li data-testid="planner-count-placed">
          <strong>{s.placed}</strong> {s.placed > 1 ? 'placés' : 'placé'}
        </li>
        <li data-testid="planner-count-to-place">
          <strong>{s.toPlace}</strong> à placer
        </li>
        <li data-testid="planner-count-days">
          <strong>{s.days}</strong> {s.days > 1 ? 'jours utilisés' : 'jour utilisé'}
        </li>
        <li data-testid="planner-count-conflicts" className={s.conflicts ? 'planner-count--alert' : undefined}>
          <strong>{s.conflicts}</strong> {s.conflicts > 1 ? 'conflits' : 'conflit'}
        </li>
      </ul>
      {view.warnings.length > 0 && (
        <Alert
          severity="warning"
          small
          className="fr-mb-2w"
          id="planner-warnings"
          description={<Messages items={view.warnings} />}
        />
      )}
      {view.violations.length > 0 && (
        <Alert
          severity="error"
          className="fr-mb-2w"
          id="planner-violations"
          title={`${plural(view.violations.length, 'conflit', 'conflits')} dans le planning enregistré`}
          description={
            <>
              <Messages items={view.violations.map((v) => v.message)} />
              <div className="fr-mt-1w" data-testid="planner-violations-advice">
                <p className="fr-text--bold fr-mb-0">Que faire :</p>
                <Messages items={conflictAdvice(view)} />
              </div>
            </>
          }
        />
      )}
      <CallOffList view={view} onView={onView} />
      {reasons.length > 0 && (
        <details className="fr-mb-2w" data-testid="planner-unplaced">
          <summary>{`${plural(reasons.length, 'candidat non placé', 'candidats non placés')} au dernier calcul : pourquoi`}</summary>
          <ul className="fr-mt-1w">
            {reasons.map((u) => (
              <li key={u.candidateId}>{`${names.candidate(u.candidateId)} — ${u.reason}`}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
