import { focusWhenDrawn } from '../../components/focusWhenDrawn.js';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { PlannerProposal, PlannerView } from '../../../../shared/model/planner.js';
import { failureMessage } from '../../components/failure.js';
import { plural } from '../../components/labels.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { PROPOSAL_HEADING_ID, ProposalView } from './ProposalView.js';

type Mode = 'plan' | 'replan';

type RunState =
  | { kind: 'idle' }
  /** A full computation asked while slots exist: said what it may do first. */
  | { kind: 'confirm-plan' }
  | { kind: 'running'; runId: string; mode: Mode; fraction: number; label: string; cancelling: boolean }
  /** `refused`: the services found the planning changed since the proposal (another window may not have told us yet). */
  | { kind: 'proposal'; proposal: PlannerProposal; applying: boolean; refused: boolean };

const MODE_LABELS: Record<Mode, string> = { plan: 'Calcul du planning', replan: 'Recalcul en gardant les créneaux' };

/** « Calcul du planning »: runs the planner away from the screen, shows its proposal and what it changes, applies it or not. */
export function RunSection({ view, onView }: { view: PlannerView; onView(view: PlannerView): void }) {
  const api = useApp((s) => s.api);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; success: boolean } | null>(null);
  /** The run under way: progress and answers of any other (cancelled, replaced) run are ignored. */
  const current = useRef<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const replanButton = useRef<HTMLButtonElement>(null);
  /** The buttons that were pressed are gone: the focus goes to what happened. */
  const focusLater = (target: { current: HTMLElement | null }) => focusWhenDrawn(() => target.current);
  const stored = view.slots.length;
  const convoked = view.slots.filter((s) => s.convokedAt).length;

  useEffect(
    () =>
      api.onPush((message) => {
        if (message.event !== 'progress' || message.payload.task !== 'planner' || message.payload.id !== current.current) return;
        const { fraction, label } = message.payload;
        setState((s) => (s.kind === 'running' && s.runId === message.payload.id ? { ...s, fraction, label } : s));
      }),
    [api],
  );

  // Leaving the tab stops a computation nobody will look at.
  useEffect(
    () => () => {
      const runId = current.current;
      current.current = null;
      if (runId) void api.invoke('planner-cancel', { runId }).catch(() => undefined);
    },
    [api],
  );

  const run = async (mode: Mode) => {
    const runId = crypto.randomUUID();
    current.current = runId;
    setFailure(null);
    setNotice(null);
    setState({ kind: 'running', runId, mode, fraction: 0, label: '', cancelling: false });
    try {
      const proposal = await api.invoke('planner-run', { callId: view.callId, mode, runId });
      if (current.current !== runId) return;
      current.current = null;
      setState({ kind: 'proposal', proposal, applying: false, refused: false });
      focusWhenDrawn(() => document.getElementById(PROPOSAL_HEADING_ID));
    } catch (error) {
      if (current.current !== runId) return;
      current.current = null;
      setState({ kind: 'idle' });
      setFailure(failureMessage(error, 'Erreur inattendue : le calcul n’a pas abouti.'));
    }
  };

  const cancel = async (runId: string) => {
    setState((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s));
    current.current = null;
    try {
      await api.invoke('planner-cancel', { runId });
    } catch {
      // The run may have ended meanwhile: its answer is ignored all the same.
    }
    setState({ kind: 'idle' });
    setNotice({ text: 'Calcul annulé : rien n’a été modifié.', success: false });
    focusLater(noticeRef);
  };

  const apply = async (proposal: PlannerProposal) => {
    setFailure(null);
    setState({ kind: 'proposal', proposal, applying: true, refused: false });
    try {
      const next = await api.invoke('planner-apply', {
        callId: view.callId,
        runId: proposal.runId,
        basedOnRevision: proposal.basedOnRevision,
        slots: proposal.plan.placed,
        unplaced: proposal.plan.unplaced,
      });
      setState({ kind: 'idle' });
      const { placed, unplaced } = proposal.plan.stats;
      setNotice({
        success: true,
        text:
          `Planning appliqué : ${plural(placed, 'entretien enregistré', 'entretiens enregistrés')}` +
          (unplaced ? `, ${plural(unplaced, 'candidat reste', 'candidats restent')} à placer.` : '.') +
          (proposal.reconvoke.length ? ` ${plural(proposal.reconvoke.length, 'candidat déjà convoqué est', 'candidats déjà convoqués sont')} à reconvoquer.` : ''),
      });
      onView(next);
      focusLater(noticeRef);
    } catch (error) {
      const conflict = error instanceof ApiError && error.code === 'conflict';
      setState({ kind: 'proposal', proposal, applying: false, refused: conflict });
      setFailure(
        conflict
          ? `La proposition n’a pas été appliquée. ${failureMessage(error)}`
          : failureMessage(error, 'Erreur inattendue : la proposition n’a pas été appliquée.'),
      );
    }
  };

  const abandon = () => {
    setState({ kind: 'idle' });
    setFailure(null);
    setNotice({ text: 'Proposition abandonnée : le planning enregistré reste tel quel.', success: false });
    focusLater(noticeRef);
  };

  const busy = state.kind === 'running' || (state.kind === 'proposal' && state.applying);
  return (
    <section aria-labelledby="entretiens-calcul" className="fr-mb-6w" id="calcul-planning" data-testid="planner-run">
      <h2 id="entretiens-calcul" className="fr-h3">
        Calcul du planning
      </h2>
      <p>
        Le calcul place chaque candidat à entendre sur un créneau où il est disponible, devant un jury qui réunit le quorum, en utilisant le
        moins de jours possible. Rien n’est enregistré avant que vous n’appliquiez sa proposition.
      </p>
      {stored > 0 && (
        <p className="fr-text--sm">
          {`${plural(stored, 'créneau est déjà enregistré', 'créneaux sont déjà enregistrés')}${convoked ? ` (${plural(convoked, 'candidat convoqué', 'candidats convoqués')})` : ''}. `}
          « Recalculer en gardant les créneaux » ne déplace que les entretiens devenus impossibles et place ceux qui manquent.
        </p>
      )}

      {state.kind === 'confirm-plan' ? (
        <div className="fr-mb-3w" data-testid="planner-confirm-plan">
          <Alert
            severity="warning"
            small
            className="fr-mb-2w"
            as="h3"
            title="Tout recalculer ?"
            description={
              `Un calcul complet repart de zéro (seuls les créneaux verrouillés restent) : il peut déplacer ${plural(stored, 'entretien déjà placé', 'entretiens déjà placés')}` +
              (convoked ? `, dont ${plural(convoked, 'candidat déjà convoqué', 'candidats déjà convoqués')} qu’il faudrait reconvoquer.` : '.') +
              ' Pour ne déplacer que le nécessaire, recalculez en gardant les créneaux.'
            }
          />
          <div className="toolbar">
            <Button iconId="fr-icon-refresh-line" onClick={() => void run('replan')} ref={replanButton}>
              Recalculer en gardant les créneaux
            </Button>
            <Button priority="secondary" onClick={() => void run('plan')}>
              Tout recalculer
            </Button>
            <Button
              priority="tertiary"
              onClick={() => {
                setState({ kind: 'idle' });
                focusLater(runButton);
              }}
            >
              Ne rien recalculer
            </Button>
          </div>
        </div>
      ) : (
        <div className="toolbar fr-mb-3w">
          <Button
            iconId="fr-icon-calendar-line"
            disabled={busy}
            onClick={() => {
              if (stored === 0) return void run('plan');
              setState({ kind: 'confirm-plan' });
              focusLater(replanButton);
            }}
            ref={runButton}
          >
            Calculer le planning
          </Button>
          {stored > 0 && (
            <Button priority="secondary" iconId="fr-icon-refresh-line" disabled={busy} onClick={() => void run('replan')}>
              Recalculer en gardant les créneaux
            </Button>
          )}
        </div>
      )}

      {state.kind === 'running' && (
        <div className="fr-mb-3w" data-testid="planner-progress">
          <p className="fr-mb-1w" role="status">
            {state.cancelling ? 'Annulation du calcul…' : `${state.label || MODE_LABELS[state.mode]} en cours : ${Math.round(state.fraction * 100)} %`}
          </p>
          <progress max={1} value={state.fraction} style={{ width: '100%' }} aria-label={`Progression : ${MODE_LABELS[state.mode].toLowerCase()}`} />
          <Button priority="secondary" iconId="fr-icon-close-line" disabled={state.cancelling} onClick={() => void cancel(state.runId)} className="fr-mt-1w">
            Annuler le calcul
          </Button>
        </div>
      )}

      {failure && <Alert severity="error" small description={failure} role="alert" className="fr-mb-3w" id="planner-run-failure" />}
      {notice && (
        <p role="status" ref={noticeRef} tabIndex={-1} className={notice.success ? 'fr-valid-text fr-mb-2w' : 'fr-info-text fr-mb-2w'} data-testid="planner-run-notice">
          {notice.text}
        </p>
      )}

      {state.kind === 'proposal' && (
        <ProposalView
          view={view}
          proposal={state.proposal}
          applying={state.applying}
          refused={state.refused}
          onApply={() => void apply(state.proposal)}
          onRecompute={() => void run(state.proposal.mode)}
          onAbandon={abandon}
        />
      )}
    </section>
  );
}
