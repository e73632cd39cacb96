import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';
import type { Slot } from '../../../../shared/domain/planner/model.js';
import type { PlannerProposal, PlannerView } from '../../../../shared/model/planner.js';
import { plural } from '../../components/labels.js';
import { Messages } from './Messages.js';
import { diffCountsText, diffIsEmpty, namesOf, planStatsText, type Names } from './plannerText.js';
import { longDay } from './views/calendar.js';

interface Props {
  view: PlannerView;
  proposal: PlannerProposal;
  applying: boolean;
  /** Refused by the services: the planning changed since (this window may not know it yet). */
  refused: boolean;
  onApply(): void;
  onRecompute(): void;
  onAbandon(): void;
}

export const PROPOSAL_HEADING_ID = 'planner-proposal-title';

const bySlot = (a: Slot, b: Slot) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.roomId.localeCompare(b.roomId);

/** A computed proposal: what it achieves, what it changes in the stored planning, and the choice to apply it. */
export function ProposalView({ view, proposal, applying, refused, onApply, onRecompute, onAbandon }: Props) {
  const names = namesOf(view);
  const { plan, diff } = proposal;
  const { stats } = plan;
  const stale = refused || view.revision !== proposal.basedOnRevision;
  const reconvoke = new Set(proposal.reconvoke);
  const firstPlan = view.slots.length === 0 && !diff.moved.length && !diff.removed.length && !diff.panelChanged.length && !diff.unchanged;

  return (
    <div className="planner-proposal fr-p-3w fr-mb-3w" data-testid="planner-proposal" style={{ border: '1px solid var(--border-default-grey)' }}>
      <h3 className="fr-h4" id={PROPOSAL_HEADING_ID} tabIndex={-1}>
        {proposal.mode === 'plan' ? 'Proposition de planning' : 'Proposition de recalcul (créneaux gardés)'}
        <span className="fr-text--sm fr-text--regular">{` — calculée en ${(proposal.elapsedMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`}</span>
      </h3>

      {stale && (
        <div className="fr-mb-2w" data-testid="planner-proposal-stale">
          <Alert
            severity="warning"
            small
            className="fr-mb-1w"
            description="Le planning a changé depuis ce calcul (réglages, contraintes ou créneaux) : cette proposition ne peut plus être appliquée. Recalculez-la à partir du planning actuel."
          />
          <Button iconId="fr-icon-refresh-line" disabled={applying} onClick={onRecompute}>
            Recalculer la proposition
          </Button>
        </div>
      )}

      <ul className="fr-mb-2w" data-testid="planner-proposal-summary">
        <li data-testid="planner-proposal-placed">{planStatsText(stats)}</li>
        <li>
          {stats.days
            ? `Jours d’entretiens : ${stats.days} (${stats.dates.map(longDay).join(', ')}).`
            : 'Aucun jour d’entretiens.'}
        </li>
        <li data-testid="planner-proposal-bound">{`Jours minimum possibles : ${stats.daysLowerBound}${stats.days > 0 && stats.days === stats.daysLowerBound ? ' — le planning proposé atteint ce minimum.' : '.'}`}</li>
        <li>
          {stats.preferencesExpressed
            ? `Préférences respectées : ${stats.preferencesHonoured}/${stats.preferencesExpressed}.`
            : 'Aucune préférence exprimée par les candidats.'}
        </li>
        {stats.postSplits > 0 && (
          <li>{`Des candidats d’un même poste sont entendus sur des jours différents (${plural(stats.postSplits, 'jour', 'jours')} de plus que si chaque poste était entendu en une seule journée).`}</li>
        )}
      </ul>

      {plan.unplaced.length > 0 && (
        <div className="fr-mb-2w" data-testid="planner-proposal-unplaced">
          <p className="fr-text--bold fr-mb-1v">{`Non placés (${plan.unplaced.length}) :`}</p>
          <ul>
            {plan.unplaced.map((u) => (
              <li key={u.candidateId}>{`${names.candidate(u.candidateId)} — ${u.reason}`}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.warnings.length > 0 && (
        <Alert
          severity="warning"
          small
          className="fr-mb-2w"
          description={<Messages items={plan.warnings} />}
        />
      )}
      {proposal.violations.length > 0 && (
        <Alert
          severity="error"
          small
          className="fr-mb-2w"
          as="h4"
          title="Le contrôle de la proposition a trouvé des contraintes non respectées"
          description={<Messages items={proposal.violations.map((v) => v.message)} />}
        />
      )}

      <h4 className="fr-h6 fr-mb-1w">{firstPlan ? `Créneaux proposés (${diff.added.length})` : 'Changements par rapport au planning enregistré'}</h4>
      {!firstPlan && (
        <p className="fr-mb-2w" data-testid="planner-diff-summary">
          {diffIsEmpty(diff) ? `Aucun changement : les ${diff.unchanged} créneaux enregistrés restent tels quels.` : `${diffCountsText(diff)}.`}
        </p>
      )}

      {diff.moved.length > 0 && (
        <DiffTable caption={`Entretiens déplacés (${diff.moved.length})`} testId="planner-diff-moved" headers={['Candidat', 'Avant', 'Après', 'Remarque']}>
          {diff.moved.map((m) => (
            <tr key={m.candidateId} data-testid="planner-diff-moved-row">
              <td>{names.candidate(m.candidateId)}</td>
              <td>{names.slot(m.from)}</td>
              <td>{names.slot(m.to)}</td>
              <td>{reconvoke.has(m.candidateId) ? <ReconvokeBadge /> : '—'}</td>
            </tr>
          ))}
        </DiffTable>
      )}
      {diff.added.length > 0 && (
        <DiffTable
          caption={firstPlan ? '' : `Entretiens ajoutés (${diff.added.length})`}
          testId="planner-diff-added"
          headers={['Candidat', 'Créneau', 'Jury']}
        >
          {[...diff.added].sort(bySlot).map((slot) => (
            <tr key={slot.candidateId} data-testid="planner-diff-added-row">
              <td>{names.candidate(slot.candidateId)}</td>
              <td>{names.slot(slot)}</td>
              <td>{names.jury(slot.memberIds)}</td>
            </tr>
          ))}
        </DiffTable>
      )}
      {diff.removed.length > 0 && (
        <DiffTable caption={`Entretiens retirés (${diff.removed.length})`} testId="planner-diff-removed" headers={['Candidat', 'Créneau retiré', 'Raison']}>
          {diff.removed.map(({ slot, reason }) => (
            <tr key={slot.candidateId} data-testid="planner-diff-removed-row">
              <td>
                {names.candidate(slot.candidateId)}
                {reconvoke.has(slot.candidateId) && (
                  <>
                    {' '}
                    <ReconvokeBadge removed />
                  </>
                )}
              </td>
              <td>{names.slot(slot)}</td>
              <td>{reason}</td>
            </tr>
          ))}
        </DiffTable>
      )}
      {diff.panelChanged.length > 0 && (
        <DiffTable caption={`Jurys modifiés (${diff.panelChanged.length})`} testId="planner-diff-panel" headers={['Candidat', 'Jury avant', 'Jury après']}>
          {diff.panelChanged.map((p) => (
            <tr key={p.candidateId} data-testid="planner-diff-panel-row">
              <td>{names.candidate(p.candidateId)}</td>
              <td>{names.jury(p.from)}</td>
              <td>{names.jury(p.to)}</td>
            </tr>
          ))}
        </DiffTable>
      )}
      {!firstPlan && diff.unchanged > 0 && !diffIsEmpty(diff) && (
        <p className="fr-text--sm" data-testid="planner-diff-unchanged">{`${plural(diff.unchanged, 'autre entretien reste', 'autres entretiens restent')} à l’identique.`}</p>
      )}

      <ProposalActions names={names} proposal={proposal} applying={applying} stale={stale} onApply={onApply} onAbandon={onAbandon} />
    </div>
  );
}

function ReconvokeBadge({ removed = false }: { removed?: boolean }) {
  return (
    <Badge severity="warning" small noIcon as="span">
      {removed ? 'Déjà convoqué(e) : à prévenir' : 'Déjà convoqué(e) : à reconvoquer'}
    </Badge>
  );
}

function DiffTable({ caption, testId, headers, children }: { caption: string; testId: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="fr-mb-2w" data-testid={testId}>
      {caption && (
        <p className="fr-text--bold fr-mb-1v" aria-hidden="true">
          {caption}
        </p>
      )}
      <div className="fr-table fr-table--sm fr-table--no-caption fr-mt-0 fr-mb-0">
        <table>
          <caption>{caption || 'Créneaux proposés'}</caption>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

interface ActionsProps {
  names: Names;
  proposal: PlannerProposal;
  applying: boolean;
  stale: boolean;
  onApply(): void;
  onAbandon(): void;
}

function ProposalActions({ names, proposal, applying, stale, onApply, onAbandon }: ActionsProps) {
  const toReconvoke = proposal.reconvoke.map(names.candidate);
  return (
    <>
      {toReconvoke.length > 0 && (
        <p className="fr-text--sm">{`Après application, à reconvoquer : ${toReconvoke.join(', ')}.`}</p>
      )}
      <div className="toolbar">
        <Button iconId="fr-icon-check-line" disabled={applying || stale} onClick={onApply}>
          Appliquer
        </Button>
        <Button priority="secondary" disabled={applying} onClick={onAbandon}>
          Abandonner
        </Button>
        {applying && <span role="status">Enregistrement du planning…</span>}
      </div>
    </>
  );
}
