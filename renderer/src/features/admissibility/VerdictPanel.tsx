import type { ReasonKind } from '../../../../shared/model/admissibility.js';
import { REASON_KIND_HEADINGS } from '../../components/labels.js';
import { VerdictBadge } from '../../components/VerdictBadge.js';
import type { LiveVerdict } from './liveVerdict.js';

const KIND_ORDER: readonly ReasonKind[] = ['refused', 'missing', 'warning'];
const KIND_CLASSES: Record<ReasonKind, string> = {
  refused: 'admissibility-reasons--refused',
  missing: 'admissibility-reasons--missing',
  warning: 'admissibility-reasons--warning',
};

/** The verdict that counts, live while the file is edited, with the rules’ reasons by kind. */
export function VerdictPanel({ live }: { live: LiveVerdict }) {
  const { verdict, unsaved, draftInvalid } = live;
  return (
    <div className="fr-mb-3w">
      <p className="fr-mb-1w" data-testid="admissibility-verdict" aria-live="polite">
        <span className="fr-text--bold">Verdict : </span>
        <VerdictBadge status={verdict.status} overrideNote={verdict.overrideNote} />
        {unsaved && <span className="fr-text--sm fr-ml-1w">(non enregistré)</span>}
        {draftInvalid && (
          <span className="fr-text--sm fr-ml-1w">
            (verdict du dossier enregistré : le formulaire ci-dessus contient des erreurs)
          </span>
        )}
      </p>
      {verdict.overrideNote && (
        <p className="fr-text--sm fr-mb-1w" data-testid="override-note">
          {verdict.overrideNote}
        </p>
      )}
      {verdict.reasons.length === 0 ? (
        <p className="fr-text--sm fr-mb-0">Les règles de l’appel ne relèvent aucun motif.</p>
      ) : (
        KIND_ORDER.map((kind) => {
          const reasons = verdict.reasons.filter((r) => r.kind === kind);
          if (reasons.length === 0) return null;
          return (
            <div key={kind} className={`admissibility-reasons ${KIND_CLASSES[kind]}`} data-testid={`reasons-${kind}`}>
              <h3 className="fr-h6 fr-mb-1w">{REASON_KIND_HEADINGS[kind]}</h3>
              <ul className="fr-text--sm">
                {reasons.map((r, i) => (
                  <li key={`${r.rule}-${i}`}>{r.message}</li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </div>
  );
}
