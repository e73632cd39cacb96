import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Fragment, useMemo, useState } from 'react';
import type { EvaluationOverview } from '../../../../shared/model/scoring.js';
import { CandidateDetail } from './CandidateDetail.js';
import { completeness, deName, FIRST_DIRECTION, range, rank, score, signed, sortRows, commissionRows, type CommissionRow, type Sort, type SortKey } from './format.js';

const COLUMNS = 11;
const HIDDEN_TITLE = 'Notes des autres membres masquées pour vous selon la règle de visibilité de l’appel (en général, jusqu’à ce que vous soumettiez votre propre évaluation).';

const SORTABLE: Record<SortKey, string> = {
  nom: 'Candidat',
  moyenne: 'Moyenne',
  mediane: 'Médiane',
  ecart: 'Écart',
  rang: 'Rang brut',
  rangNormalise: 'Rang normalisé (z-score)',
};

/** « Tableau de la commission »: one row per candidate, sortable, each opening its members' detail. */
export function CommissionTable({ callId, overview }: { callId: number; overview: EvaluationOverview }) {
  const [sort, setSort] = useState<Sort>({ key: 'rang', direction: 'asc' });
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => sortRows(commissionRows(overview), sort), [overview, sort]);
  const memberName = useMemo(() => new Map(overview.members.map((m) => [m.id, m.name])), [overview.members]);

  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key ? (current.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key] }));
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const header = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="fr-link" onClick={() => sortBy(key)} data-testid={`evaluations-sort-${key}`}>
          {SORTABLE[key]}
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="evaluations-commission-titre" className="fr-mb-5w">
      <h2 id="evaluations-commission-titre" className="fr-h4">
        Tableau de la commission
      </h2>
      <p className="fr-text--sm">
        Notes sur 20 des fiches soumises. Le rang normalisé (moyenne des z-scores de chaque membre) corrige les écarts de sévérité entre
        membres ; il est donné à côté du rang brut, qui reste la référence.
      </p>
      <div className="fr-table" style={{ overflowX: 'auto' }}>
        <table data-testid="evaluations-table">
          <caption>Notes consolidées par candidat</caption>
          <thead>
            <tr>
              {header('nom')}
              {header('moyenne')}
              {header('mediane')}
              <th scope="col">Min–max</th>
              {header('ecart')}
              <th scope="col">Signalements</th>
              <th scope="col">Fiches soumises</th>
              <th scope="col">Récusés</th>
              {header('rang')}
              {header('rangNormalise')}
              <th scope="col">
                <span className="fr-sr-only">Détail</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={COLUMNS}>Aucun candidat à évaluer pour cet appel.</td>
              </tr>
            )}
            {rows.map((row) => {
              const expanded = open.has(row.candidate.id);
              return (
                <Fragment key={row.candidate.id}>
                  <Row callId={callId} phase={overview.phase} row={row} memberName={memberName} expanded={expanded} onToggle={() => toggle(row.candidate.id)} />
                  {expanded && (
                    <tr data-testid="evaluation-detail" data-candidate-id={row.candidate.id} id={`evaluation-detail-${row.candidate.id}`}>
                      <td colSpan={COLUMNS}>
                        <CandidateDetail row={row} overview={overview} memberName={memberName} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface RowProps {
  callId: number;
  phase: EvaluationOverview['phase'];
  row: CommissionRow;
  memberName: ReadonlyMap<number, string>;
  expanded: boolean;
  onToggle(): void;
}

function Row({ callId, phase, row, memberName, expanded, onToggle }: RowProps) {
  const c = row.consolidation;
  const done = completeness(c);
  const names = (ids: readonly number[]) => ids.map((id) => memberName.get(id) ?? `membre n° ${id}`).join(', ');
  const missing = c ? names(c.missing) : '';
  const recused = c ? names(c.recused) : '';
  // The service hides the figures from a member who has not submitted their own sheet yet (per the call's setting).
  const hidden = c?.hidden === true;
  const figure = (text: string) => (hidden ? <span title={HIDDEN_TITLE}>Masquée</span> : text);
  return (
    <tr
      data-testid="evaluation-row"
      data-candidate-id={row.candidate.id}
      data-disagreement={c?.disagreement || undefined}
      data-eliminated={(c && c.eliminatedBy.length > 0) || undefined}
      data-hidden={hidden || undefined}
    >
      <td>
        <a href={`#/appels/${callId}/candidatures/${row.candidate.id}/evaluation/${phase}`} data-testid="evaluation-candidate">
          <strong>{row.candidate.nom}</strong> {row.candidate.prenom}
        </a>
        {row.candidate.etablissement && <div className="fr-text--xs fr-mb-0">{row.candidate.etablissement}</div>}
      </td>
      <td data-testid="evaluation-mean">{figure(score(c?.mean))}</td>
      <td data-testid="evaluation-median">{figure(score(c?.median))}</td>
      <td data-testid="evaluation-range">{figure(c ? range(c.min, c.max) : '—')}</td>
      <td data-testid="evaluation-spread">{figure(score(c?.spread))}</td>
      <td>
        <div className="badges">
          {c?.disagreement && (
            <span data-testid="evaluation-disagreement">
              <Badge severity="warning" small noIcon as="span">
                Divergence
              </Badge>
            </span>
          )}
          {c && c.eliminatedBy.length > 0 && (
            <span data-testid="evaluation-eliminated">
              <Badge severity="error" small noIcon as="span">
                {`Éliminé : ${c.eliminatedBy.join(', ')}`}
              </Badge>
            </span>
          )}
        </div>
      </td>
      <td title={missing ? `Sans fiche soumise : ${missing}` : undefined}>
        <span data-testid="evaluation-completeness">{`${done.submitted}/${done.expected}`}</span>
        {missing && (
          <div className="fr-text--xs fr-mb-0" data-testid="evaluation-missing">
            {`Manque : ${missing}`}
          </div>
        )}
      </td>
      <td data-testid="evaluation-recused">{recused || '—'}</td>
      <td data-testid="evaluation-rank">{figure(rank(c?.rank ?? null))}</td>
      <td>
        <span data-testid="evaluation-normalized-rank">{figure(rank(c?.normalizedRank ?? null))}</span>
        {!hidden && c?.normalized !== null && c?.normalized !== undefined && <div className="fr-text--xs fr-mb-0">{`z = ${signed(c.normalized, 2)}`}</div>}
      </td>
      <td>
        <button
          type="button"
          className={`fr-btn fr-btn--tertiary fr-btn--sm ${expanded ? 'fr-icon-arrow-up-s-line' : 'fr-icon-arrow-down-s-line'} fr-btn--icon-left`}
          aria-expanded={expanded}
          aria-controls={expanded ? `evaluation-detail-${row.candidate.id}` : undefined}
          onClick={onToggle}
        >
          Détail<span className="fr-sr-only">{` des notes ${deName(row.name)}`}</span>
        </button>
      </td>
    </tr>
  );
}
