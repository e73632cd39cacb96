import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { Call } from '../../../../shared/model/entities.js';
import { totalsText } from './format.js';
import { InspectorsTable } from './InspectorsTable.js';
import { LinesTable } from './LinesTable.js';
import { OpinionImport } from './OpinionImport.js';
import { useOpinionsOverview } from './useOpinionsOverview.js';

/** « Avis IA-IPR » of a call: who gives an opinion on which file, the requests, the answers and what is late. */
export function OpinionsTab({ call }: { call: Call }) {
  const { data, loadError, reload } = useOpinionsOverview(call.id);

  return (
    <div data-testid="opinions-tab">
      <p>
        Chaque dossier recevable est confié à l’inspecteur (IA-IPR) de sa discipline. Préparez pour chaque inspecteur un classeur de ses
        dossiers et un brouillon de courriel, puis importez le classeur qu’il vous renvoie rempli.
      </p>
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-2w" role="alert" />}
      {!data ? (
        !loadError && <p>Chargement des avis…</p>
      ) : (
        <>
          <p className="fr-text--lead" role="status" data-testid="opinions-summary">
            {totalsText(data.totals)}
          </p>
          <InspectorsTable callId={call.id} overview={data} onChanged={reload} />
          <LinesTable callId={call.id} overview={data} onChanged={reload} />
          <OpinionImport callId={call.id} onCommitted={reload} />
        </>
      )}
    </div>
  );
}
