import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Call } from '../../../../shared/model/entities.js';
import { CandidatesSection, MembersSection } from './ConstraintsSections.js';
import { PlannerHeader } from './PlannerHeader.js';
import { PlanningViews } from './PlanningViews.js';
import { RunSection } from './RunSection.js';
import { SettingsSection } from './SettingsSection.js';
import { usePlannerView } from './usePlannerView.js';
import './planner.css';

const SECTIONS: [id: string, label: string][] = [
  ['reglages-entretiens', 'Réglages'],
  ['disponibilites-membres', 'Disponibilités des membres'],
  ['contraintes-candidats', 'Contraintes des candidats'],
  ['calcul-planning', 'Calcul du planning'],
  ['planning-entretiens', 'Planning'],
];

/** The address holds the route (#/appels/3/entretiens): the sections are reached by scrolling, not by anchors. */
function jumpTo(id: string) {
  const section = document.getElementById(id);
  const heading = section?.querySelector<HTMLElement>('h2');
  section?.scrollIntoView({ block: 'start' });
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** « Entretiens » of a call: settings and constraints, the planner's proposals, and the planning itself. */
export function PlannerTab({ call }: { call: Call }) {
  const { view, loadError, reload, accept } = usePlannerView(call.id);

  return (
    <div data-testid="planner-tab">
      <p>
        Les candidats dont le dossier est recevable sont entendus par la commission. Réglez la période et les horaires, indiquez les
        indisponibilités de chacun, puis calculez le planning : chaque proposition est montrée avec ses changements avant d’être appliquée.
      </p>
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-2w" role="alert" />}
      {!view ? (
        !loadError && <p role="status">Chargement du planning des entretiens…</p>
      ) : (
        <>
          <PlannerHeader view={view} onView={accept} />
          <nav className="planner-jump" aria-label="Sections de l’onglet Entretiens">
            {SECTIONS.map(([id, label]) => (
              <Button key={id} priority="tertiary no outline" size="small" onClick={() => jumpTo(id)}>
                {label}
              </Button>
            ))}
          </nav>
          <SettingsSection call={call} view={view} onView={accept} />
          <MembersSection view={view} onView={accept} />
          <CandidatesSection view={view} onView={accept} onImported={() => void reload()} />
          <RunSection view={view} onView={accept} />
          <section aria-labelledby="entretiens-planning" id="planning-entretiens">
            <h2 id="entretiens-planning" className="fr-h3">
              Planning
            </h2>
            <PlanningViews view={view} onView={accept} />
          </section>
        </>
      )}
    </div>
  );
}
