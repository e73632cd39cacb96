import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { VERDICT_STATUS_LABELS, type VerdictStatus } from '../../../shared/model/admissibility.js';
import { VERDICT_SEVERITY } from './labels.js';

interface VerdictBadgeProps {
  status: VerdictStatus;
  /** The override's note: the badge then says « forcé » and the note is its tooltip. */
  overrideNote?: string;
  small?: boolean;
}

/** Recevable / Incomplet / Irrecevable, marked « (forcé) » when the secretariat overrode the rules. */
export function VerdictBadge({ status, overrideNote, small }: VerdictBadgeProps) {
  const forced = !!overrideNote;
  return (
    <span title={forced ? overrideNote : undefined} data-verdict={status} data-forced={forced || undefined}>
      <Badge small={small} severity={VERDICT_SEVERITY[status]} noIcon as="span">
        {`${VERDICT_STATUS_LABELS[status]}${forced ? ' (forcé)' : ''}`}
      </Badge>
    </span>
  );
}
