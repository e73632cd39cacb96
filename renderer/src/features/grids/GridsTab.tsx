import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useEffect, useState } from 'react';
import type { Call } from '../../../../shared/model/entities.js';
import { PHASE_LABELS, type Grid, type Phase } from '../../../../shared/model/scoring.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';
import { GridEditor } from './GridEditor.js';
import { ScoringSettingsForm } from './ScoringSettingsForm.js';

/** « Grilles » of a call: the scoring grid of each phase, and the evaluation settings. */
export function GridsTab({ call }: { call: Call }) {
  const [phase, setPhase] = useState<Phase>('dossier');
  // A phase once opened stays mounted (hidden): switching back and forth loses nothing typed.
  const [opened, setOpened] = useState<Phase[]>(['dossier']);
  const choose = (p: Phase) => {
    setPhase(p);
    setOpened((o) => (o.includes(p) ? o : [...o, p]));
  };

  const segment = (p: Phase) => ({ label: PHASE_LABELS[p], nativeInputProps: { value: p, checked: phase === p, onChange: () => choose(p) } });

  return (
    <div data-testid="grids-tab">
      <p>
        Chaque membre de la commission note chaque candidat sur la grille de la phase : l’étude du dossier, puis l’entretien. Un critère
        exigé élimine le candidat sous son seuil ; les autres comptent selon leur poids.
      </p>
      <SegmentedControl
        legend="Phase de la grille"
        className="fr-mb-3w"
        segments={[segment('dossier'), segment('entretien')]}
      />
      {opened.map((p) => (
        <div key={p} hidden={p !== phase}>
          <h2 className="fr-h4">Grille : {PHASE_LABELS[p].toLowerCase()}</h2>
          <GridLoader callId={call.id} phase={p} />
        </div>
      ))}
      <ScoringSettingsForm callId={call.id} />
    </div>
  );
}

function GridLoader({ callId, phase }: { callId: number; phase: Phase }) {
  const api = useApp((s) => s.api);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void api
      .invoke('grids-get', { callId, phase })
      .then(setGrid)
      .catch((error: unknown) => setFailure(failureMessage(error, 'Erreur inattendue : la grille n’a pas pu être lue.')));
  }, [api, callId, phase]);

  if (!grid) return <p>{failure ?? 'Chargement de la grille…'}</p>;
  return <GridEditor initial={grid} />;
}
