import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { IPR_AVIS_LABELS, type IprAvis } from '../../../../shared/model/opinions.js';
import { AVIS_SEVERITY } from './format.js';

/** Très favorable / Favorable / Réservé / Défavorable; `data-avis` holds the code. */
export function AvisBadge({ avis, small }: { avis: IprAvis; small?: boolean }) {
  return (
    <span data-avis={avis}>
      <Badge small={small} severity={AVIS_SEVERITY[avis]} noIcon as="span">
        {IPR_AVIS_LABELS[avis]}
      </Badge>
    </span>
  );
}

/** The red « En retard » of a requested file whose due date has passed. */
export function OverdueBadge({ small }: { small?: boolean }) {
  return (
    <span data-overdue="true">
      <Badge small={small} severity="error" noIcon as="span">
        En retard
      </Badge>
    </span>
  );
}
