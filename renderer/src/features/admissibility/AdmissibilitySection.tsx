import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { FactsSource } from '../../../../shared/domain/admissibility/application.js';
import { DocumentsList } from './DocumentsList.js';
import { FactsForm } from './FactsForm.js';
import { HeadOpinionForm } from './HeadOpinionForm.js';
import type { LiveVerdict } from './liveVerdict.js';
import { MailsList } from './MailsList.js';
import { OverrideForm } from './OverrideForm.js';
import type { AdmissibilityState } from './useAdmissibility.js';
import { VerdictPanel } from './VerdictPanel.js';

interface AdmissibilitySectionProps {
  admissibility: AdmissibilityState;
  /** The verdict of the file as edited above (null until loaded). */
  live: LiveVerdict | null;
  /** The file as edited (when it checks) or as stored. */
  source: FactsSource;
}

/** « Recevabilité » of a stored file: verdict, override, head’s opinion, facts, documents, mails. */
export function AdmissibilitySection({ admissibility, live, source }: AdmissibilitySectionProps) {
  const { data, loadError, reload, accept } = admissibility;
  return (
    <section id="recevabilite" aria-labelledby="recevabilite-titre" className="admissibility-section fr-mt-6w">
      <h2 id="recevabilite-titre" className="fr-h3">
        Recevabilité
      </h2>
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-2w" />}
      {!data || !live ? (
        !loadError && <p>Chargement de la recevabilité…</p>
      ) : (
        <>
          <VerdictPanel live={live} />
          <OverrideForm data={data} onSaved={accept} />
          <HeadOpinionForm data={data} onSaved={accept} />
          <FactsForm data={data} source={source} onSaved={accept} />
          <h3 className="fr-h5">Pièces du dossier</h3>
          <DocumentsList data={data} onChanged={reload} />
          <h3 className="fr-h5">Courriels reçus</h3>
          <MailsList data={data} />
        </>
      )}
    </section>
  );
}
