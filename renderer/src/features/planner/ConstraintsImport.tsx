import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AvailabilityImportReport, AvailabilityImportRow } from '../../../../shared/model/planner.js';
import { failureMessage } from '../../components/failure.js';
import { saveExportedFile } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { useWorkbookImport, type PickedFile } from '../../components/useWorkbookImport.js';

const STATUS_LABELS: Record<AvailabilityImportRow['status'], string> = { new: 'Nouveau', changed: 'Modifié', unchanged: 'Inchangé', refused: 'Refusé' };
const STATUS_SEVERITY: Record<AvailabilityImportRow['status'], 'success' | 'info' | 'new' | 'error'> = {
  new: 'success',
  changed: 'new',
  unchanged: 'info',
  refused: 'error',
};
const STATUS_ORDER: AvailabilityImportRow['status'][] = ['new', 'changed', 'unchanged', 'refused'];

/** Candidates' unavailabilities and preferences by spreadsheet: the template out, the filled workbook in, with a report first. */
export function ConstraintsImport({ callId, onCommitted }: { callId: number; onCommitted(): void }) {
  const api = useApp((s) => s.api);
  const read = useCallback((file: PickedFile, commit: boolean) => api.invoke('planner-constraints-import', { callId, ...file, commit }), [api, callId]);
  const importing = useWorkbookImport<AvailabilityImportReport>(read);
  const { step, failure, commit, abandon } = importing;
  const [template, setTemplate] = useState<{ busy: boolean; failure: string | null; done: string | null }>({ busy: false, failure: null, done: null });

  const downloadTemplate = async () => {
    setTemplate({ busy: true, failure: null, done: null });
    try {
      const file = await api.invoke('planner-constraints-template', { callId });
      saveExportedFile(file);
      setTemplate({ busy: false, failure: null, done: `Modèle téléchargé : « ${file.fileName} ».` });
    } catch (error) {
      setTemplate({ busy: false, failure: failureMessage(error, 'Erreur inattendue : le modèle n’a pas pu être préparé.'), done: null });
    }
  };

  const doneRef = useRef<HTMLParagraphElement>(null);
  // The confirming button is gone once written: the focus goes to what was written, as soon as it is drawn.
  const focusDone = useRef(false);
  useEffect(() => {
    if (step.kind !== 'committed' || !focusDone.current) return;
    focusDone.current = false;
    doneRef.current?.focus();
  }, [step.kind]);
  const confirm = async (file: PickedFile, report: AvailabilityImportReport) => {
    focusDone.current = true;
    if (await commit(file, report, (written) => written.committed)) onCommitted();
  };

  return (
    <div data-testid="planner-constraints-import" className="fr-mt-4w">
      <h3 className="fr-h5">Par classeur</h3>
      <p>
        Téléchargez le modèle (un candidat par ligne), faites remplir les colonnes « Indisponibilités » et « Préférences » (par exemple « 03/06/2026
        matin ; du 15/06/2026 au 19/06/2026 ; mardi après-midi »), puis importez-le : chaque ligne est vérifiée et rien n’est enregistré avant votre
        confirmation.
      </p>
      <div className="toolbar fr-mb-2w">
        <Button priority="secondary" iconId="fr-icon-download-line" disabled={template.busy} onClick={() => void downloadTemplate()}>
          Télécharger le modèle
        </Button>
        <span role="status" className="fr-text--sm">
          {template.done ?? ''}
        </span>
      </div>
      {template.failure && <Alert severity="error" small description={template.failure} className="fr-mb-2w" role="alert" />}
      <Upload
        className="fr-mb-3w"
        label="Classeur des contraintes des candidats (.xlsx ou .csv)"
        hint="Le modèle téléchargé ci-dessus, rempli (ou enregistré en .csv). 50 Mo au plus."
        disabled={importing.busy}
        nativeInputProps={importing.inputProps('.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv')}
      />
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      {step.kind === 'reading' && <p role="status">{`Lecture de « ${step.fileName} »…`}</p>}
      {step.kind === 'report' && (
        <>
          <ImportReport report={step.report} />
          {step.report.accepted === 0 ? (
            <div className="toolbar">
              <p className="fr-mb-0 grow" data-testid="planner-import-nothing">
                Aucune ligne à enregistrer : rien ne sera écrit.
                {step.report.refused > 0 && ' Faites corriger les lignes refusées, puis importez de nouveau le classeur.'}
              </p>
              <Button priority="secondary" onClick={abandon}>
                Fermer le rapport
              </Button>
            </div>
          ) : (
            <div className="toolbar" onMouseDown={keepFocusOnPress}>
              <Button iconId="fr-icon-check-line" disabled={step.busy} onClick={() => void confirm(step.file, step.report)}>
                {step.report.accepted === 1 ? 'Enregistrer la ligne acceptée' : `Enregistrer les ${step.report.accepted} lignes acceptées`}
              </Button>
              <Button priority="secondary" disabled={step.busy} onClick={abandon}>
                Abandonner cet import
              </Button>
              {step.report.refused > 0 && (
                <span className="fr-text--sm">{`${plural(step.report.refused, 'ligne refusée ne sera pas enregistrée', 'lignes refusées ne seront pas enregistrées')}.`}</span>
              )}
              {step.busy && <span role="status">Enregistrement…</span>}
            </div>
          )}
        </>
      )}
      {step.kind === 'committed' && (
        <>
          <p role="status" className="fr-valid-text fr-text--lead fr-mb-2w" data-testid="planner-import-done" tabIndex={-1} ref={doneRef}>
            {`${plural(step.report.accepted, 'ligne enregistrée', 'lignes enregistrées')}.`}
          </p>
          <ImportReport report={step.report} />
          <Button priority="secondary" onClick={abandon}>
            Fermer le rapport
          </Button>
        </>
      )}
    </div>
  );
}

function ImportReport({ report }: { report: AvailabilityImportReport }) {
  const rows = report.rows;
  // The « Note » column only when the workbook had notes.
  const notes = rows.some((r) => r.note !== '');
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, report.rows.filter((r) => r.status === s).length])) as Record<AvailabilityImportRow['status'], number>;
  return (
    <div data-testid="planner-import-report">
      <p className="fr-mb-1w">
        <strong>{report.fileName}</strong>
        {report.sheet && ` — feuille « ${report.sheet} »`}
      </p>
      <div className="badges fr-mb-2w" data-testid="planner-import-counts">
        {STATUS_ORDER.map((status) => (
          <Badge key={status} severity={counts[status] > 0 ? STATUS_SEVERITY[status] : undefined} noIcon>
            {`${STATUS_LABELS[status]} : ${counts[status]}`}
          </Badge>
        ))}
      </div>
      <div className="fr-table fr-mb-2w" style={{ maxHeight: '28rem', overflow: 'auto' }}>
        <table>
          <caption>Rapport d’import des contraintes des candidats</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Candidat</th>
              <th scope="col">État</th>
              <th scope="col">Indisponibilités</th>
              <th scope="col">Préférences</th>
              {notes && <th scope="col">Note</th>}
              <th scope="col">Problème</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.length === 0 && (
              <tr>
                <td colSpan={notes ? 7 : 6}>Aucune ligne lue dans ce classeur.</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.row} data-testid="planner-import-row" data-status={row.status}>
                <td>{row.row}</td>
                <td>{row.name || '—'}</td>
                <td>
                  <Badge severity={STATUS_SEVERITY[row.status]} small noIcon as="span">
                    {STATUS_LABELS[row.status]}
                  </Badge>
                </td>
                <td>{row.unavailable || '—'}</td>
                <td>{row.preferred || '—'}</td>
                {notes && <td>{row.note || '—'}</td>}
                <td>{row.problem || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
