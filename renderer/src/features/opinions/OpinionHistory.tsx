import { IPR_AVIS_LABELS, type IprOpinion, type IprOpinionChange } from '../../../../shared/model/opinions.js';
import { formatInstant } from '../admissibility/format.js';

const avisText = (opinion: IprOpinion | null) => (opinion ? IPR_AVIS_LABELS[opinion.avis] : 'aucun avis');

/** Every change of a recorded opinion: when, by whom, why, before and after. */
export function OpinionHistory({ history }: { history: readonly IprOpinionChange[] }) {
  return (
    <div className="fr-table fr-mb-2w" style={{ overflowX: 'auto' }}>
      <table data-testid="ipr-opinion-history">
        <caption>Historique des modifications de l’avis</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Par</th>
            <th scope="col">Motif</th>
            <th scope="col">Avant → après</th>
          </tr>
        </thead>
        <tbody>
          {history.map((change, i) => (
            <tr key={`${change.at}-${i}`}>
              <td>{formatInstant(change.at)}</td>
              <td>{change.by || '—'}</td>
              <td className="pre-line">{change.reason || '—'}</td>
              <td>{`${avisText(change.before)} → ${avisText(change.after)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
