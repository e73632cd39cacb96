import { formatPoints, weightShares, type SectionDraft } from './gridDraft.js';

/** How the total on 20 comes out of the weights, as they are typed. */
export function WeightSummary({ draft }: { draft: readonly SectionDraft[] }) {
  const { total, shares } = weightShares(draft);
  if (shares.length === 0) return null;
  return (
    <section className="fr-mb-3w" aria-label="Calcul du total" data-testid="grid-weights">
      <p className="fr-mb-1w">
        <strong data-testid="grid-total-weight">Poids total : {formatPoints(total, 2)}</strong>
      </p>
      <p className="fr-mb-1w">Chaque critère compte pour son poids ; le total est ramené sur 20.</p>
      <p className="fr-text--sm fr-mb-1w">
        Chaque note est rapportée à son échelle (de 0 pour la note minimale à 1 pour la note maximale) et multipliée par le poids du
        critère ; la somme est divisée par le total des poids des critères notés, puis multipliée par 20.
      </p>
      {total === 0 ? (
        <p className="fr-error-text fr-mt-0">Aucun critère ne pèse : le total sur 20 ne peut pas être calculé.</p>
      ) : (
        <details>
          <summary className="fr-text--sm">Points de chaque critère dans le total sur 20</summary>
          <ul className="fr-text--sm">
            {shares.map((s, i) => (
              <li key={i}>
                {s.label.trim() || `Critère ${i + 1}`} — poids {formatPoints(s.weight, 2)} : jusqu’à {formatPoints(s.points)} points sur 20
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
