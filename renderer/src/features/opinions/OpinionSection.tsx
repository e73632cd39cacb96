import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { formatFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import { ROUTING_STATE_LABELS, type CandidateOpinion, type IprOpinion } from '../../../../shared/model/opinions.js';
import { formatInstant } from '../admissibility/format.js';
import { AvisBadge, OverdueBadge } from './AvisBadge.js';
import { requestText } from './format.js';
import { OpinionForm } from './OpinionForm.js';
import { OpinionHistory } from './OpinionHistory.js';
import { useCandidateOpinion } from './useCandidateOpinion.js';

/** « Avis de l’IA-IPR » of a stored file: its inspector, the request, the recorded opinion, its changes. */
export function OpinionSection({ callId, candidateId }: { callId: number; candidateId: number }) {
  const { data, loadError, accept } = useCandidateOpinion(callId, candidateId);
  return (
    <section id="avis-ipr" aria-labelledby="avis-ipr-titre" className="fr-mt-6w">
      <h2 id="avis-ipr-titre" className="fr-h3">
        Avis de l’IA-IPR
      </h2>
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-2w" />}
      {!data ? (
        !loadError && <p>Chargement de l’avis…</p>
      ) : (
        <>
          <RoutingSummary callId={callId} data={data} />
          {data.opinion ? <RecordedOpinion opinion={data.opinion} /> : <p data-testid="ipr-opinion-none">Aucun avis enregistré pour ce dossier.</p>}
          <OpinionForm data={data} onSaved={accept} />
          {data.history.length > 0 && <OpinionHistory history={data.history} />}
        </>
      )}
    </section>
  );
}

function RoutingSummary({ callId, data }: { callId: number; data: CandidateOpinion }) {
  const { routing, request, opinion } = data;
  const overdue = !!request && !opinion && request.dueOn < parisDateOf(new Date());
  return (
    <dl className="summary-list fr-text--sm fr-mb-2w" data-testid="ipr-routing">
      <dt>Inspecteur</dt>
      <dd>
        {data.inspectorName || ROUTING_STATE_LABELS[routing]}
        {data.inspectorName && <span className="fr-text--xs">{` (${ROUTING_STATE_LABELS[routing].toLowerCase()})`}</span>}
        {routing === 'a_choisir' && (
          <>
            {` : ${data.choices.map((c) => c.name).join(', ')}. `}
            <a href={`#/appels/${callId}/avis`}>Choisir dans l’onglet « Avis IA-IPR »</a>
          </>
        )}
      </dd>
      <dt>Demande</dt>
      <dd data-testid="ipr-request">
        {request ? capitalize(requestText(request)) : 'Pas encore demandé.'} {overdue && <OverdueBadge small />}
      </dd>
    </dl>
  );
}

function RecordedOpinion({ opinion }: { opinion: IprOpinion }) {
  return (
    <div className="fr-mb-3w" data-testid="ipr-opinion">
      <p className="fr-mb-1w">
        <AvisBadge avis={opinion.avis} />
      </p>
      {opinion.motivation && (
        <p className="pre-line fr-mb-1w" data-testid="ipr-opinion-motivation">
          {opinion.motivation}
        </p>
      )}
      <p className="fr-text--sm fr-mb-0" data-testid="ipr-opinion-attribution">
        {`Avis de ${opinion.inspectorName || 'l’inspecteur'}, donné le ${formatFrenchDate(opinion.givenOn)} — enregistré par ${opinion.recordedBy || 'une personne non indiquée'} le ${formatInstant(opinion.recordedAt)} (${opinion.source === 'classeur' ? 'reçu par classeur' : 'saisi à la main'})`}
      </p>
    </div>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
