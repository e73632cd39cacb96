import { Button } from '@codegouvfr/react-dsfr/Button';
import { GRID_TEMPLATES } from '../../../../shared/domain/scoring-templates.js';
import type { GridSection, Phase } from '../../../../shared/model/scoring.js';

interface GridStartProps {
  phase: Phase;
  onStart(sections: GridSection[]): void;
}

/** An empty grid: start from one of the published calls' grids, or from nothing. */
export function GridStart({ phase, onStart }: GridStartProps) {
  return (
    <section aria-labelledby={`grille-modele-${phase}`} className="fr-mb-4w" data-testid="grid-start">
      <p>Aucune grille n’est encore définie pour cette phase.</p>
      <h3 id={`grille-modele-${phase}`} className="fr-h5">
        Partir d’un modèle
      </h3>
      <p className="fr-text--sm">Le modèle est recopié dans l’éditeur : adaptez-le, puis enregistrez la grille.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--left">
        {GRID_TEMPLATES.map((t) => (
          <li key={t.key}>
            <Button type="button" priority="secondary" onClick={() => onStart(t.sections(phase))}>
              {t.label}
            </Button>
          </li>
        ))}
        <li>
          <Button type="button" priority="tertiary" iconId="fr-icon-add-line" onClick={() => onStart([])}>
            Grille vide
          </Button>
        </li>
      </ul>
    </section>
  );
}
