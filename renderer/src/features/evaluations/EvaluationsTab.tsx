import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useState } from 'react';
import type { Call } from '../../../../shared/model/entities.js';
import { PHASE_LABELS, VISIBILITY_LABELS, type Phase } from '../../../../shared/model/scoring.js';
import { CalibrationSection } from './CalibrationSection.js';
import { CommissionTable } from './CommissionTable.js';
import { ConflictsSection } from './ConflictsSection.js';
import { summaryOf, summaryText } from './format.js';
import { useEvaluationOverview } from './useEvaluationOverview.js';
import { WorkbooksSection } from './WorkbooksSection.js';

/** « Évaluations » of a call: the commission's consolidated scores, the members' calibration, conflicts of interest, workbooks. */
export function EvaluationsTab({ call }: { call: Call }) {
  const [phase, setPhase] = useState<Phase>('dossier');
  const { data, loadError, reload } = useEvaluationOverview(call.id, phase);

  return (
    <div data-testid="evaluations-tab">
      <p>
        Chaque membre note chaque candidat sur la grille de la phase ; la commission délibère sur les notes consolidées. Les membres récusés
        pour un candidat ne comptent pas dans sa consolidation.
      </p>
      <SegmentedControl
        className="fr-mb-3w"
        legend="Phase"
        inlineLegend
        segments={[
          { label: PHASE_LABELS.dossier, nativeInputProps: { value: 'dossier', checked: phase === 'dossier', onChange: () => setPhase('dossier') } },
          { label: PHASE_LABELS.entretien, nativeInputProps: { value: 'entretien', checked: phase === 'entretien', onChange: () => setPhase('entretien') } },
        ]}
      />
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-2w" role="alert" />}
      {!data ? (
        !loadError && <p role="status">Chargement des évaluations…</p>
      ) : (
        <>
          <p className="fr-text--lead" role="status" data-testid="evaluations-summary">
            {summaryText(summaryOf(data))}
          </p>
          <p className="fr-text--sm" data-testid="evaluations-visibility">
            {`Visibilité des notes des autres membres : ${VISIBILITY_LABELS[data.settings.visibility].toLowerCase()}.`}
            {data.me === null
              ? ' Ce poste n’est celui d’aucun membre : les notes détaillées sont toutes visibles.'
              : ` Vous êtes ${data.members.find((m) => m.id === data.me)?.name ?? 'membre de la commission'} : vous voyez les notes détaillées que cette règle vous permet de voir.`}
          </p>
          {data.grid.sections.every((s) => s.criteria.length === 0) && (
            <Alert
              severity="info"
              small
              className="fr-mb-2w"
              description={`La grille « ${PHASE_LABELS[phase]} » n’a encore aucun critère : définissez-la avant que les membres ne notent.`}
            />
          )}
          <CommissionTable callId={call.id} overview={data} />
          <CalibrationSection overview={data} />
          <ConflictsSection overview={data} onChanged={reload} />
        </>
      )}
      {/* Outside the loaded part: an import under way survives a change of phase or a reload. */}
      <WorkbooksSection callId={call.id} overview={data} onImported={reload} />
    </div>
  );
}
