import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState } from 'react';
import { PHASE_LABELS, type ScoreMergeReport } from '../../../../shared/model/scoring.js';
import { fileToBase64, MAX_IMPORT_BYTES } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';
import { conflictKeys, deName, mergeDoneText, type MergeChoice } from './format.js';
import { MergeReport } from './MergeReport.js';

interface Picked {
  fileName: string;
  contentBase64: string;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'report'; file: Picked; report: ScoreMergeReport; busy: boolean }
  | { kind: 'committed'; report: ScoreMergeReport };

/** « Importer un classeur rempli »: the merge report first, a choice for each conflict, then everything written at once. */
export function ScoresImport({ callId, onCommitted }: { callId: number; onCommitted(): void }) {
  const api = useApp((s) => s.api);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Only the latest chosen file counts.
  const latest = useRef(0);

  const choose = async (file: File | undefined) => {
    setFailure(null);
    if (!file) return;
    const attempt = ++latest.current;
    setChoices({});
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'idle' });
      setFailure(`Le fichier « ${file.name} » pèse ${(file.size / 1024 / 1024).toFixed(1)} Mo : 50 Mo au plus.`);
      return;
    }
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const picked = { fileName: file.name, contentBase64: await fileToBase64(file) };
      const report = await api.invoke('scores-import', { callId, ...picked, commit: false });
      if (attempt === latest.current) setStep({ kind: 'report', file: picked, report, busy: false });
    } catch (error) {
      if (attempt !== latest.current) return;
      setStep({ kind: 'idle' });
      setFailure(failureMessage(error, `Le fichier « ${file.name} » n’a pas pu être lu.`));
    }
  };

  const commit = async (file: Picked, report: ScoreMergeReport) => {
    setFailure(null);
    const attempt = latest.current;
    setStep({ kind: 'report', file, report, busy: true });
    try {
      const keys = conflictKeys(report);
      const answered = Object.fromEntries(keys.map((k) => [k, choices[k]!]));
      const written = await api.invoke('scores-import', { callId, ...file, commit: true, choices: answered });
      if (attempt !== latest.current) return;
      // Nothing written (every conflict kept the application's score): said so, rather than the same report again.
      setStep({ kind: 'committed', report: written });
      onCommitted();
    } catch (error) {
      if (attempt !== latest.current) return;
      setStep({ kind: 'report', file, report, busy: false });
      setFailure(`${failureMessage(error, 'Erreur inattendue.')} Rien n’a été enregistré.`);
    }
  };

  const abandon = () => {
    latest.current++;
    setStep({ kind: 'idle' });
    setChoices({});
    setFailure(null);
  };

  return (
    <div data-testid="scores-import">
      <h3 className="fr-h6">Importer un classeur rempli</h3>
      <Upload
        className="fr-mb-3w"
        label="Classeur d’évaluation rempli (.xlsx)"
        hint="Le classeur exporté pour un membre, rempli sur un autre poste. 50 Mo au plus."
        disabled={step.kind === 'reading' || (step.kind === 'report' && step.busy)}
        nativeInputProps={{
          accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          onChange: (e) => {
            const file = e.target.files?.[0];
            // The same file may be chosen again, once corrected.
            e.target.value = '';
            void choose(file);
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
