import type { EvaluationOverview } from '../../../../shared/model/scoring.js';
import { plural } from '../../components/labels.js';
import { CalibrationPlot } from './CalibrationPlot.js';
import { score, signed } from './format.js';

/** « Étalonnage des membres »: each member's mean and spread against the commission's, as a plot and as a table. */
export function CalibrationSection({ overview }: { overview: EvaluationOverview }) {
  const { calibration, commission } = overview.consolidation;
  const memberName = new Map(overview.members.map((m) => [m.id, m.name]));
  const rows = calibration.map((c) => ({ ...c, name: memberName.get(c.memberId) ?? `membre n° ${c.memberId}` }));
  return (
    <section aria-labelledby="evaluations-etalonnage-titre" className="fr-mb-5w" data-testid="calibration">
      <h2 id="evaluations-etalonnage-titre" className="fr-h4">
        Étalonnage des membres
      </h2>
      <p className="fr-text--sm">
        Pour chaque membre, le point marque la moyenne de ses totaux sur 20 et le trait l’écart type de part et d’autre ; la ligne verticale
        marque la moyenne de la commission. Un membre nettement à gauche ou à droite note plus sévèrement ou plus largement que les autres.
      </p>
      {rows.length === 0 ? (
        <p>
          {overview.members.length === 0
            ? 'Aucun membre dans la commission de cet appel.'
            : 'L’étalonnage compare les notes de tous les membres : il s’affiche pour le secrétariat, ou pour chacun quand l’appel montre toujours les notes (onglet Grilles › Réglages de l’évaluation).'}
        </p>
      ) : (
        <>
          <CalibrationPlot rows={rows} commission={commission} />
          <div className="fr-table fr-table--sm" style={{ overflowX: 'auto' }}>
            <table data-testid="calibration-table">
              <caption>Étalonnage des membres (totaux sur 20)</caption>
              <thead>
                <tr>
                  <th scope="col">Membre</th>
                  <th scope="col">Fiches soumises</th>
                  <th scope="col">Moyenne</th>
                  <th scope="col">Écart type</th>
                  <th scope="col">Écart à la commission</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.memberId} data-testid="calibration-row" data-member-id={r.memberId}>
                    <th scope="row">{r.name}</th>
                    <td>{r.count.toLocaleString('fr-FR')}</td>
                    <td data-testid="calibration-mean">{score(r.mean)}</td>
                    <td data-testid="calibration-sd">{score(r.sd)}</td>
                    <td>{r.mean === null || commission.mean === null ? '—' : signed(r.mean - commission.mean)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="calibration-commission">
                  <th scope="row">Commission</th>
                  <td>{commission.count.toLocaleString('fr-FR')}</td>
                  <td>{score(commission.mean)}</td>
                  <td>{score(commission.sd)}</td>
                  <td>—</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="fr-text--xs">{`${plural(commission.count, 'fiche soumise', 'fiches soumises')} en tout pour cette phase.`}</p>
        </>
      )}
    </section>
  );
}
