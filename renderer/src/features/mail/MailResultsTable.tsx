import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { MailImportOutcome } from '../../../../shared/model/admissibility.js';
import { VerdictBadge } from '../../components/VerdictBadge.js';
import { documentsText, OUTCOME_LABELS, sentAtText, type MailItem } from './mailImport.js';

const OUTCOME_SEVERITY = { created: 'success', attached: 'info', already: undefined } as const;

/** One row per dropped file, in the order they were dropped. */
export function MailResultsTable({ callId, items }: { callId: number; items: readonly MailItem[] }) {
  return (
    <div className="fr-table fr-mb-3w" style={{ overflowX: 'auto' }}>
      <table data-testid="mail-results">
        <caption>Résultat de l’import</caption>
        <thead>
          <tr>
            <th scope="col">Fichier</th>
            <th scope="col">Résultat</th>
            <th scope="col">Candidat</th>
            <th scope="col">Objet</th>
            <th scope="col">Envoyé le</th>
            <th scope="col">Pièces</th>
            <th scope="col">Verdict</th>
            <th scope="col">Remarques</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="mail-result-row" data-state={item.state}>
              <td style={{ wordBreak: 'break-word', minWidth: '9rem' }}>{item.fileName}</td>
              {item.state === 'done' ? (
                <OutcomeCells callId={callId} outcome={item.outcome} />
              ) : item.state === 'refused' ? (
                <>
                  <td>
                    <Badge severity="error" small noIcon as="span">
                      Refusé
                    </Badge>
                    <p className="fr-text--sm fr-mb-0 fr-mt-1v" data-testid="mail-error">
                      {item.message}
                    </p>
                  </td>
                  <td colSpan={6}>—</td>
                </>
              ) : (
                <td colSpan={7}>{item.state === 'sending' ? 'Import en cours…' : 'En attente…'}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeCells({ callId, outcome }: { callId: number; outcome: MailImportOutcome }) {
  return (
    <>
      <td>
        <Badge severity={OUTCOME_SEVERITY[outcome.outcome]} small noIcon as="span">
          {OUTCOME_LABELS[outcome.outcome]}
        </Badge>
        {outcome.outcome === 'already' && <p className="fr-text--xs fr-mb-0 fr-mt-1v">Rien n’a été écrit.</p>}
      </td>
      <td>
        <a href={`#/appels/${callId}/candidatures/${outcome.candidateId}`}>{outcome.candidateName}</a>
        {outcome.matchedBy && <p className="fr-text--xs fr-mb-0">Retrouvé par {outcome.matchedBy}</p>}
      </td>
      <td>
        <span className="fr-text--sm" style={{ wordBreak: 'break-word' }}>
          {outcome.subject || '(sans objet)'}
        </span>
        {outcome.subjectMatches !== null && (
          <p className="fr-text--xs fr-mb-0" title={outcome.subjectMatches ? undefined : outcome.notes.join('\n')} data-testid="mail-subject-check">
            {outcome.subjectMatches ? 'conforme' : 'non conforme'}
          </p>
        )}
      </td>
      <td>{sentAtText(outcome.sentAt)}</td>
      <td>{documentsText(outcome)}</td>
      <td>
        <VerdictBadge status={outcome.verdict} small />
      </td>
      <td>
        {outcome.notes.length > 0 ? (
          <ul className="fr-text--sm fr-mb-0">
            {outcome.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </td>
    </>
  );
}
