import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import type { OpinionImportReport } from '../../../../shared/model/opinions.js';
import { useWorkbookImport, type PickedFile } from '../../components/useWorkbookImport.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ImportReport } from './ImportReport.js';

/** « Importer un classeur d’avis »: the report first, then the accepted opinions written together, or none. */
export function OpinionImport({ callId, onCommitted }: { callId: number; onCommitted(): void }) {
  const api = useApp((s) => s.api);
  const importing = useWorkbookImport<OpinionImportReport>((file: PickedFile, commit: boolean) => api.invoke('opinions-import', { callId, ...file, commit }));
  const { step, failure, abandon } = importing;

  const commit = async (file: PickedFile, report: OpinionImportReport) => {
    if (await importing.commit(file, report, (written) => written.committed)) onCommitted();
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
        disabled={importing.busy}
        nativeInputProps={importing.inputProps()}
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
