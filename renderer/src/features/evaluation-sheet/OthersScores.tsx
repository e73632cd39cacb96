import { criteriaOf } from '../../../../shared/domain/scoring.js';
import { SHEET_STATUS_LABELS, type EvaluationSheetView } from '../../../../shared/model/scoring.js';
import { formatTotal, liveTotal } from './sheetDraft.js';

/** « Autres membres »: their scores when the call's visibility allows, else why not. */
export function OthersScores({ view }: { view: EvaluationSheetView }) {
  const criteria = criteriaOf(view.grid.sections);
  return (
    <section aria-labelledby="autres-membres" className="fr-mt-6w">
      <h2 id="autres-membres" className="fr-h4">
        Autres membres
      </h2>
      {view.others.length === 0 ? (
        <p data-testid="others-hidden-reason">{view.othersHiddenReason || 'Aucun autre membre n’a encore noté ce candidat.'}</p>
      ) : (
        <div className="fr-table fr-table--bordered fr-table--no-caption" style={{ overflowX: 'auto' }}>
          <table data-testid="others-table">
            <caption>Notes des autres membres</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Fiche</th>
                {criteria.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">Total sur 20</th>
              </tr>
            </thead>
            <tbody>
              {view.others.map((sheet) => {
                const byKey = new Map(sheet.scores.map((s) => [s.criterionKey, s]));
                return (
                  <tr key={sheet.memberId} data-testid="others-row">
                    <th scope="row">{sheet.memberName}</th>
                    <td>{SHEET_STATUS_LABELS[sheet.status]}</td>
                    {criteria.map((c) => {
                      const s = byKey.get(c.key);
                      return (
                        <td key={c.key} title={s?.comment || undefined}>
                          {s?.value ?? '—'}
                        </td>
                      );
                    })}
                    <td>
                      <strong>{formatTotal(liveTotal(criteria, sheet.scores).total)}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
