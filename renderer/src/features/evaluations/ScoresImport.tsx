import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState } from 'react';
import { PHASE_LABELS, type ScoreMergeReport } from '../../../../shared/model/scoring.js';
import { useWorkbookImport, type PickedFile } from '../../components/useWorkbookImport.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { conflictKeys, deName, mergeDoneText, type MergeChoice } from './format.js';
import { MergeReport } from './MergeReport.js';

/** « Importer un classeur rempli »: the merge report first, a choice for each conflict, then everything written at once. */
export function ScoresImport({ callId, onCommitted }: { callId: number; onCommitted(): void }) {
  const api = useApp((s) => s.api);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  // Choices are reset with each new file, so they answer exactly this report's conflicts (confirming waits for all).
  const importing = useWorkbookImport<ScoreMergeReport>((file: PickedFile, commit: boolean) =>
    api.invoke('scores-import', commit ? { callId, ...file, commit, choices } : { callId, ...file, commit }),
  );
  const { step, failure } = importing;

  // Written even when nothing changed (every conflict kept the application's score): said so, not the same report again.
  const commit = async (file: PickedFile, report: ScoreMergeReport) => {
    if (await importing.commit(file, report, () => true)) onCommitted();
  };

  const abandon = () => {
    importing.abandon();
    setChoices({});
  };

  return (
    <div data-testid="scores-import">
      <h3 className="fr-h6">Importer un classeur rempli</h3>
      <Upload
        className="fr-mb-3w"
        label="Classeur d’évaluation rempli (.xlsx)"
        hint="Le classeur exporté pour un membre, rempli sur un autre poste. 50 Mo au plus."
        disabled={importing.busy}
        nativeInputProps={{
          ...importing.inputProps(),
          onChange: (e) => {
            // A new file: the choices made for the previous one no longer apply.
            setChoices({});
            importing.inputProps().onChange(e);
          },
        }}
      />
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      {step.kind === 'reading' && <p role="status">{`Lecture de « ${step.fileName} »…`}</p>}
      {step.kind === 'report' && (
        <>
          <MergeReport report={step.report} choices={choices} onChoose={(key, choice) => setChoices((c) => ({ ...c, [key]: choice }))} disabled={step.busy} />
          <ConfirmBar report={step.report} choices={choices} busy={step.busy} onConfirm={() => void commit(step.file, step.report)} onAbandon={abandon} />
        </>
      )}
      {step.kind === 'committed' && (
        <>
          <p role="status" className="fr-valid-text fr-text--lead fr-mb-2w" data-testid="scores-import-done">
            {step.report.committed
              ? `Classeur ${step.report.memberName ? deName(step.report.memberName) : 'du membre'} (${PHASE_LABELS[step.report.phase]}) enregistré : ${mergeDoneText(step.report)}.`
              : 'Rien n’a été modifié : les notes de l’application sont toutes conservées.'}
          </p>
          <MergeReport report={step.report} choices={choices} disabled />
        </>
      )}
    </div>
  );
}

interface ConfirmBarProps {
  report: ScoreMergeReport;
  choices: Readonly<Record<string, MergeChoice>>;
  busy: boolean;
  onConfirm(): void;
  onAbandon(): void;
}

function ConfirmBar({ report, choices, busy, onConfirm, onAbandon }: ConfirmBarProps) {
  const keys = conflictKeys(report);
  const open = keys.filter((k) => !choices[k]).length;
  const { counts } = report;
  const toWrite = counts.nouveau + counts.modifie + counts.conflit;
  if (toWrite === 0) {
    return (
      <div className="toolbar">
        <p className="fr-mb-0 grow" data-testid="scores-import-nothing">
          Aucune note à enregistrer : ce classeur n’apporte aucune note nouvelle ou modifiée, rien ne sera écrit.
        </p>
        <Button priority="secondary" onClick={onAbandon}>
          Fermer le rapport
        </Button>
      </div>
    );
  }
  return (
    <div className="toolbar" onMouseDown={keepFocusOnPress}>
      <Button iconId="fr-icon-check-line" disabled={busy || open > 0} onClick={onConfirm}>
        Enregistrer
      </Button>
      <Button priority="secondary" disabled={busy} onClick={onAbandon}>
        Abandonner cet import
      </Button>
      {open > 0 && (
        <span className="fr-text--sm" data-testid="scores-import-pending">
          {`${plural(open, 'conflit reste', 'conflits restent')} à trancher avant d’enregistrer.`}
        </span>
      )}
      {counts.refuse > 0 && (
        <span className="fr-text--sm">{`${plural(counts.refuse, 'ligne refusée ne sera pas enregistrée', 'lignes refusées ne seront pas enregistrées')}.`}</span>
      )}
      {busy && <span role="status">Enregistrement…</span>}
    </div>
  );
}
