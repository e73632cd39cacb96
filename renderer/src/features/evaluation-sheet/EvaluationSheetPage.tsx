import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useEffect, useState } from 'react';
import type { CandidateFile } from '../../../../shared/model/entities.js';
import { PHASE_LABELS, PHASES, type EvaluationSheetView, type Phase } from '../../../../shared/model/scoring.js';
import { formatRoute } from '../../routes.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';
import { ConflictForm } from './ConflictForm.js';
import { OthersScores } from './OthersScores.js';
import { ScoreSheetForm } from './ScoreSheetForm.js';
import { useEvaluationSheet } from './useEvaluationSheet.js';

interface EvaluationSheetPageProps {
  callId: number;
  candidateId: number;
  phase: Phase;
}

/** « Évaluation » of one candidate for one phase, by the member « who I am » of this laptop. */
export function EvaluationSheetPage({ callId, candidateId, phase }: EvaluationSheetPageProps) {
  const api = useApp((s) => s.api);
  const call = useApp((s) => s.currentCall);
  const openCall = useApp((s) => s.openCall);
  const [file, setFile] = useState<CandidateFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const sheet = useEvaluationSheet(callId, candidateId, phase);

  useEffect(() => {
    if (call?.id !== callId) void openCall(callId);
  }, [call, callId, openCall]);
  useEffect(() => {
    void api
      .invoke('candidates-get', { id: candidateId })
      .then(setFile)
      .catch((error: unknown) => setFileError(failureMessage(error, 'Erreur inattendue : le dossier n’a pas pu être lu.')));
  }, [api, candidateId]);

  if (!call || call.id !== callId || !file) return <p>{fileError ?? 'Chargement de la fiche d’évaluation…'}</p>;

  const name = `${file.prenom} ${file.nom}`;
  const onSaved = (next: EvaluationSheetView, notice: string) => {
    sheet.accept(next);
    setSaved(notice);
  };
  return (
    <>
      <Breadcrumb
        currentPageLabel={`Évaluation : ${PHASE_LABELS[phase].toLowerCase()}`}
        segments={[
          { label: 'Appels à candidature', linkProps: { href: '#/appels' } },
          { label: call.title, linkProps: { href: formatRoute({ name: 'call', callId, tab: 'evaluations' }) } },
          { label: name, linkProps: { href: formatRoute({ name: 'candidate', callId, candidateId }) } },
        ]}
        className="fr-mb-2w"
      />
      <h1 className="fr-h2 fr-mb-1w">Évaluation de {name}</h1>
      <PhaseLinks callId={callId} candidateId={candidateId} phase={phase} />
      {sheet.loadError && <Alert severity="error" small description={sheet.loadError} className="fr-mb-2w" role="alert" />}
      {!sheet.data ? (
        !sheet.loadError && <p>Chargement de la fiche d’évaluation…</p>
      ) : (
        <SheetBody view={sheet.data} name={name} saved={saved} onSaved={onSaved} onConflict={() => void sheet.reload()} />
      )}
    </>
  );
}

function PhaseLinks({ callId, candidateId, phase }: EvaluationSheetPageProps) {
  return (
    <nav aria-label="Phase de l’évaluation" className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--left">
        {PHASES.map((p) => (
          <li key={p}>
            <a
              className={`fr-btn fr-btn--sm${p === phase ? '' : ' fr-btn--secondary'}`}
              href={formatRoute({ name: 'evaluation', callId, candidateId, phase: p })}
              aria-current={p === phase ? 'page' : undefined}
            >
              {PHASE_LABELS[p]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface SheetBodyProps {
  view: EvaluationSheetView;
  name: string;
  saved: string | null;
  onSaved(next: EvaluationSheetView, notice: string): void;
  onConflict(): void;
}

function SheetBody({ view, name, saved, onSaved, onConflict }: SheetBodyProps) {
  const empty = view.grid.sections.every((s) => s.criteria.length === 0);
  let own;
  if (view.me === null) {
    own = (
      <Alert
        severity="warning"
        small
        className="fr-mb-3w"
        data-testid="sheet-not-member"
        description={
          <>
            Vous n’êtes pas membre de cette commission (Réglages › Qui suis-je) : vous ne pouvez pas évaluer.{' '}
            <a href={formatRoute({ name: 'settings' })}>Ouvrir les réglages</a>
          </>
        }
      />
    );
  } else if (view.recused) {
    own = (
      <Alert
        severity="info"
        small
        className="fr-mb-3w"
        data-testid="sheet-recused"
        description="Vous vous êtes déclaré(e) en lien d’intérêts avec ce candidat : vous ne l’évaluez pas."
      />
    );
  } else if (empty) {
    own = (
      <Alert
        severity="info"
        small
        className="fr-mb-3w"
        description={
          <>
            La grille de cette phase n’est pas encore définie.{' '}
            <a href={formatRoute({ name: 'call', callId: view.callId, tab: 'grilles' })}>Définir les grilles de l’appel</a>
          </>
        }
      />
    );
  } else {
    own = (
      <>
        {saved && (
          <p className="fr-valid-text fr-mt-0 fr-mb-2w" role="status" data-testid="sheet-saved">
            {saved}
          </p>
        )}
        <ScoreSheetForm key={`${view.me}-${view.mine?.updatedAt ?? 'nouvelle'}-${view.grid.version}`} view={view} candidateName={name} onSaved={onSaved} />
      </>
    );
  }
  return (
    <>
      {own}
      <OthersScores view={view} />
      {view.me !== null && !view.recused && <ConflictForm candidateId={view.candidateId} candidateName={name} onDeclared={onConflict} />}
    </>
  );
}
