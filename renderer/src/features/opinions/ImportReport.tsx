import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { OpinionImportReport } from '../../../../shared/model/opinions.js';
import { AvisBadge } from './AvisBadge.js';
import { OPINION_ROW_ORDER, ROW_STATUS_LABELS, ROW_STATUS_SEVERITY } from './format.js';

/** What a returned workbook gives, row by row: accepted, unchanged, without opinion, refused (and why). */
export function ImportReport({ report }: { report: OpinionImportReport }) {
  return (
    <div data-testid="opinion-import-report">
      <p className="fr-mb-1w">
        <strong>{report.fileName}</strong>
        {report.inspectorName && ` — classeur de ${report.inspectorName}`}
      </p>
      <div className="badges fr-mb-2w" data-testid="opinion-import-counts">
        {OPINION_ROW_ORDER.map((status) => (
          <Badge key={status} severity={report.counts[status] > 0 ? ROW_STATUS_SEVERITY[status] : undefined} noIcon>
            {`${ROW_STATUS_LABELS[status]} : ${report.counts[status]}`}
          </Badge>
        ))}
      </div>
      <div className="fr-table fr-mb-2w" style={{ maxHeight: '28rem', overflow: 'auto' }}>
        <table data-testid="opinion-import-rows">
          <caption>Rapport d’import du classeur d’avis</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Candidat</th>
              <th scope="col">État</th>
              <th scope="col">Avis</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.length === 0 && (
              <tr>
                <td colSpan={6}>Aucune ligne lue dans ce classeur.</td>
              </tr>
            )}
            {report.rows.map((row) => (
              <tr key={`${row.row}-${row.id}`} data-testid="opinion-import-row" data-status={row.status}>
                <td>{row.row}</td>
                <td>{row.id || '—'}</td>
                <td>{row.candidateName || '—'}</td>
                <td>
                  <Badge severity={ROW_STATUS_SEVERITY[row.status]} small noIcon as="span">
                    {ROW_STATUS_LABELS[row.status]}
                  </Badge>
                </td>
                <td>{row.avis ? <AvisBadge avis={row.avis} small /> : '—'}</td>
                <td>{row.message || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
