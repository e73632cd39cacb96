import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState } from 'react';
import type { OpinionImportReport } from '../../../../shared/model/opinions.js';
import { fileToBase64, MAX_IMPORT_BYTES } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';
import { ImportReport } from './ImportReport.js';

interface Picked {
  fileName: string;
  contentBase64: string;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'report'; file: Picked; report: OpinionImportReport; busy: boolean }
  /** Written: the report stays (refused rows still listed), nothing more to confirm. */
  | { kind: 'committed'; report: OpinionImportReport };

/** « Importer un classeur d’avis »: the report first, then the accepted opinions written together, or none. */
export function OpinionImport({ callId, onCommitted }: { callId: number; onCommitted(): void }) {
  const api = useApp((s) => s.api);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  // Only the latest chosen file counts.
  const latest = useRef(0);

  const choose = async (file: File | undefined) => {
    setFailure(null);
    if (!file) return;
    const attempt = ++latest.current;
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'idle' });
      setFailure(`Le fichier « ${file.name} » pèse ${(file.size / 1024 / 1024).toFixed(1)} Mo : 50 Mo au plus.`);
      return;
    }
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const picked = { fileName: file.name, contentBase64: await fileToBase64(file) };
      const report = await api.invoke('opinions-import', { callId, ...picked, commit: false });
      if (attempt === latest.current) setStep({ kind: 'report', file: picked, report, busy: false });
    } catch (error) {
      if (attempt !== latest.current) return;
      setStep({ kind: 'idle' });
      setFailure(failureMessage(error, `Le fichier « ${file.name} » n’a pas pu être lu.`));
    }
  };

  const commit = async (file: Picked, report: OpinionImportReport) => {
    setFailure(null);
    const attempt = latest.current;
    setStep({ kind: 'report', file, report, busy: true });
    try {
      const written = await api.invoke('opinions-import', { callId, ...file, commit: true });
      if (attempt !== latest.current) return;
      setStep(written.committed ? { kind: 'committed', report: written } : { kind: 'report', file, report: written, busy: false });
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
    setFailure(null);
  };

  return (
    <section aria-labelledby="avis-import-titre" className="fr-mb-5w">
      <h2 id="avis-import-titre" className="fr-h4">
        Importer un classeur d’avis
      </h2>
      <p>
        Le classeur renvoyé par l’inspecteur est lu ligne par ligne et chaque ligne rapprochée par son identifiant. Rien n’est enregistré
        avant votre confirmation ; les avis acceptés sont alors enregistrés ensemble, les lignes refusées restent à corriger.
      </p>
      <Upload
        className="fr-mb-3w"
        label="Classeur rempli par l’inspecteur (.xlsx)"
        hint="Le classeur préparé par « Préparer la demande », avec les colonnes « Avis » et « Motivation » remplies. 50 Mo au plus."
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
          <ImportReport report={step.report} />
          <ConfirmBar counts={step.report.counts} busy={step.busy} onConfirm={() => void commit(step.file, step.report)} onAbandon={abandon} />
        </>
      )}
      {step.kind === 'committed' && (
        <>
          <p role="status" className="fr-valid-text fr-text--lead fr-mb-2w" data-testid="opinion-import-done">
            {`${plural(step.report.counts.accepted, 'avis enregistré', 'avis enregistrés')}.`}
          </p>
          <ImportReport report={step.report} />
        </>
      )}
    </section>
  );
}

interface ConfirmBarProps {
  counts: OpinionImportReport['counts'];
  busy: boolean;
  onConfirm(): void;
  onAbandon(): void;
}

function ConfirmBar({ counts, busy, onConfirm, onAbandon }: ConfirmBarProps) {
  const accepted = counts.accepted;
  if (accepted === 0) {
    return (
      <div className="toolbar">
        <p className="fr-mb-0 grow" data-testid="opinion-import-nothing">
          Aucun avis à enregistrer : ce classeur n’apporte aucun avis nouveau accepté, rien ne sera écrit.
          {counts.refused + counts.empty > 0 && ' Faites compléter ou corriger les lignes signalées, puis importez de nouveau le classeur.'}
        </p>
        <Button priority="secondary" onClick={onAbandon}>
          Fermer le rapport
        </Button>
      </div>
    );
  }
  return (
    <div className="toolbar" onMouseDown={keepFocusOnPress}>
      <Button iconId="fr-icon-check-line" disabled={busy} onClick={onConfirm}>
        {accepted === 1 ? 'Enregistrer l’avis accepté' : `Enregistrer les ${accepted.toLocaleString('fr-FR')} avis acceptés`}
      </Button>
      <Button priority="secondary" disabled={busy} onClick={onAbandon}>
        Abandonner cet import
      </Button>
      {busy && <span role="status">Enregistrement…</span>}
    </div>
  );
}
