import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { PHASE_LABELS, type EvaluationOverview } from '../../../../shared/model/scoring.js';
import { saveExportedFile } from '../../components/files.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';
import { deName } from './format.js';

/** « Exporter le classeur d’un membre »: their candidates and the grid of the phase shown, to fill offline. */
export function ScoresExport({ callId, overview }: { callId: number; overview: EvaluationOverview }) {
  const api = useApp((s) => s.api);
  const [memberId, setMemberId] = useState<string>(overview.me === null ? '' : String(overview.me));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const member = overview.members.find((m) => String(m.id) === memberId) ?? null;

  const exportFor = async () => {
    if (!member) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const file = await api.invoke('scores-export', { callId, phase: overview.phase, memberId: member.id });
      saveExportedFile(file);
      setDone(`Classeur ${deName(member.name)} (${PHASE_LABELS[overview.phase]}) téléchargé : « ${file.fileName} ».`);
    } catch (error) {
      setFailure(failureMessage(error, 'Erreur inattendue : le classeur n’a pas pu être préparé.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fr-mb-4w" data-testid="scores-export">
      <h3 className="fr-h6">Exporter le classeur d’un membre</h3>
      {overview.members.length === 0 ? (
        <p>Aucun membre dans la commission de cet appel.</p>
      ) : (
        <div className="toolbar">
          <Select
            label="Membre dont exporter le classeur"
            hint={`Phase : ${PHASE_LABELS[overview.phase]}`}
            nativeSelectProps={{ value: memberId, onChange: (e) => setMemberId(e.target.value) }}
          >
            <option value="" disabled>
              — Choisir un membre —
            </option>
            {overview.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
          <Button iconId="fr-icon-download-line" priority="secondary" disabled={busy || !member} onClick={() => void exportFor()}>
            Exporter le classeur
          </Button>
        </div>
      )}
      {busy && <p role="status">Préparation du classeur…</p>}
      {failure && <Alert severity="error" small description={failure} className="fr-mt-1w" role="alert" />}
      {done && (
        <p role="status" className="fr-valid-text fr-mt-1w" data-testid="scores-export-done">
          {done}
        </p>
      )}
    </div>
  );
}
