import type { EvaluationOverview } from '../../../../shared/model/scoring.js';
import { ScoresExport } from './ScoresExport.js';
import { ScoresImport } from './ScoresImport.js';

/** « Plusieurs postes »: a member's workbook to fill offline, and the filled workbooks merged into this laptop. */
export function WorkbooksSection({ callId, overview, onImported }: { callId: number; overview: EvaluationOverview | null; onImported(): void }) {
  return (
    <section aria-labelledby="evaluations-postes-titre" className="fr-mb-5w">
      <h2 id="evaluations-postes-titre" className="fr-h4">
        Plusieurs postes
      </h2>
      <p className="fr-text--sm">
        Sans serveur, chaque membre peut noter sur un autre ordinateur : exportez son classeur, il le remplit hors ligne, puis importez ici
        le classeur rempli. Les notes nouvelles, modifiées ou en conflit avec celles déjà saisies sont présentées avant tout
        enregistrement ; rien n’est importé à moitié.
      </p>
      {overview && <ScoresExport callId={callId} overview={overview} />}
      <ScoresImport callId={callId} onCommitted={onImported} />
    </section>
  );
}
