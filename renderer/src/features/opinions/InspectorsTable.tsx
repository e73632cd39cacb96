import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Fragment, useState } from 'react';
import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import type { InspectorProgress, OpinionRequestFiles, OpinionsOverview } from '../../../../shared/model/opinions.js';
import { disciplineLabel } from '../../../../shared/model/referential.js';
import { saveExportedFile } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { formatDay } from '../admissibility/format.js';
import { pendingFor } from './format.js';
import { RequestForm } from './RequestForm.js';

const COLUMNS = 8;

interface Done {
  inspectorName: string;
  files: OpinionRequestFiles;
}

/** « Par inspecteur »: progress « reçus / demandés », what is late, and the requests and reminders. */
export function InspectorsTable({ callId, overview, onChanged }: { callId: number; overview: OpinionsOverview; onChanged(): void }) {
  const [open, setOpen] = useState<{ inspectorId: number; reminder: boolean } | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const start = (inspectorId: number, reminder: boolean) => {
    setDone(null);
    setOpen({ inspectorId, reminder });
  };
  const finish = (inspector: InspectorProgress, files: OpinionRequestFiles) => {
    setOpen(null);
    setDone({ inspectorName: inspector.name, files });
    onChanged();
  };

  return (
    <section aria-labelledby="avis-inspecteurs-titre" className="fr-mb-5w">
      <h2 id="avis-inspecteurs-titre" className="fr-h4">
        Par inspecteur
      </h2>
      {overview.inspectors.length === 0 ? (
        <p>
          Aucun inspecteur pour cet appel : ajoutez-les, avec leurs disciplines, dans l’onglet{' '}
          <a href={`#/appels/${callId}/commission`}>Commission</a>.
        </p>
      ) : (
        <div className="fr-table" style={{ overflowX: 'auto' }}>
          <table data-testid="opinion-inspectors">
            <caption>Avis par inspecteur</caption>
            <thead>
              <tr>
                <th scope="col">Inspecteur</th>
                <th scope="col">Disciplines</th>
                <th scope="col">Reçus / demandés</th>
                <th scope="col">En retard</th>
                <th scope="col">Dernière demande</th>
                <th scope="col">Réponse attendue le</th>
                <th scope="col">À demander</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {overview.inspectors.map((inspector) => {
                const pending = pendingFor(overview.lines, inspector.inspectorId);
                const formOpen = open?.inspectorId === inspector.inspectorId ? open : null;
                return (
                  <Fragment key={inspector.inspectorId}>
                    <InspectorRow inspector={inspector} pending={pending} onRequest={(reminder) => start(inspector.inspectorId, reminder)} busy={!!formOpen} />
                    {formOpen && (
                      <tr>
                        <td colSpan={COLUMNS}>
                          <RequestForm
                            callId={callId}
                            inspector={inspector}
                            reminder={formOpen.reminder}
                            fileCount={formOpen.reminder ? pending : inspector.toRequest}
                            onDone={(files) => finish(inspector, files)}
                            onCancel={() => setOpen(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {done && <RequestDone done={done} />}
    </section>
  );
}

interface InspectorRowProps {
  inspector: InspectorProgress;
  /** Requested files still without opinion. */
  pending: number;
  busy: boolean;
  onRequest(reminder: boolean): void;
}

function InspectorRow({ inspector, pending, busy, onRequest }: InspectorRowProps) {
  const nothing = inspector.toRequest === 0 && pending === 0;
  return (
    <tr data-testid="opinion-inspector-row" data-inspector-id={inspector.inspectorId}>
      <td>
        <strong>{inspector.name}</strong>
        {inspector.email && <div className="fr-text--xs fr-mb-0">{inspector.email}</div>}
      </td>
      <td>{inspector.disciplines.map(disciplineLabel).join(', ') || '—'}</td>
      <td data-testid="opinion-inspector-progress">{`${inspector.received}/${inspector.requested}`}</td>
      <td data-testid="opinion-inspector-overdue">
        {inspector.overdue > 0 ? (
          <Badge severity="error" small noIcon as="span">
            {String(inspector.overdue)}
          </Badge>
        ) : (
          '0'
        )}
      </td>
      <td>{inspector.lastRequest ? formatDay(inspector.lastRequest.requestedAt) : '—'}</td>
      <td>{inspector.lastRequest ? formatFrenchDate(inspector.lastRequest.dueOn) : '—'}</td>
      <td data-testid="opinion-inspector-to-request">{inspector.toRequest}</td>
      <td>
        <div className="toolbar">
          <Button size="small" iconId="fr-icon-mail-line" disabled={busy || nothing} onClick={() => onRequest(false)}>
            Préparer la demande
          </Button>
          <Button size="small" priority="secondary" iconId="fr-icon-refresh-line" disabled={busy || pending === 0} onClick={() => onRequest(true)}>
            Relancer
          </Button>
        </div>
        {nothing && <p className="fr-text--xs fr-mb-0 fr-mt-1v">{inspector.assigned === 0 ? 'Aucun dossier attribué.' : 'Aucun dossier à demander ni à relancer.'}</p>}
        {!nothing && pending > 0 && <p className="fr-text--xs fr-mb-0 fr-mt-1v">{plural(pending, 'dossier demandé sans avis', 'dossiers demandés sans avis')}</p>}
      </td>
    </tr>
  );
}

/** After a request: both files were handed over; they can be saved again if a dialog was closed. */
function RequestDone({ done }: { done: Done }) {
  const { files } = done;
  const what = files.request.reminder ? 'Relance enregistrée' : 'Demande enregistrée';
  return (
    <div className="fr-alert fr-alert--success fr-alert--sm fr-mt-2w" data-testid="opinion-request-done">
      <p role="status">
        {`${what} : classeur et brouillon de courriel téléchargés. Ouvrez le brouillon (.eml) dans votre messagerie, vérifiez-le et envoyez-le.`}
      </p>
      <p className="fr-text--sm fr-mb-1w">
        {`${done.inspectorName} : ${plural(files.candidateCount, 'dossier', 'dossiers')}, réponse attendue le ${formatFrenchDate(files.request.dueOn)}.`}
      </p>
      <div className="toolbar">
        <Button size="small" priority="tertiary" iconId="fr-icon-download-line" onClick={() => saveExportedFile(files.workbook)}>
          Télécharger de nouveau le classeur
        </Button>
        <Button size="small" priority="tertiary" iconId="fr-icon-download-line" onClick={() => saveExportedFile(files.mail)}>
          Télécharger de nouveau le brouillon
        </Button>
      </div>
    </div>
  );
}
