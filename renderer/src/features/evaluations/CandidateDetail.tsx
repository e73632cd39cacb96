import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { SHEET_STATUS_LABELS, VISIBILITY_LABELS, type Criterion, type EvaluationOverview, type ScoreSheet } from '../../../../shared/model/scoring.js';
import { deName, score, type CommissionRow } from './format.js';

interface CandidateDetailProps {
  row: CommissionRow;
  overview: EvaluationOverview;
  memberName: ReadonlyMap<number, string>;
}

/** Each member's total for one candidate, and the criterion-by-criterion scores of the sheets « me » may see. */
export function CandidateDetail({ row, overview, memberName }: CandidateDetailProps) {
  const c = row.consolidation;
  const nameOf = (id: number) => memberName.get(id) ?? `membre n° ${id}`;
  const sheets = overview.visibleSheets.filter((s) => s.candidateId === row.candidate.id);
  return (
    <div data-testid="evaluation-detail-content">
      <h3 className="fr-h6 fr-mb-1w">{`Détail des notes ${deName(row.name)}`}</h3>
      {c?.hidden ? (
        <p className="fr-mb-1w" data-testid="evaluation-detail-hidden">
          {`Les notes des autres membres vous sont masquées pour ce candidat. Règle de l’appel : ${VISIBILITY_LABELS[overview.settings.visibility].toLowerCase()}.`}
        </p>
      ) : !c || c.members.length === 0 ? (
        <p className="fr-mb-1w">Aucune fiche soumise pour ce candidat.</p>
      ) : (
        <div className="fr-table fr-table--sm fr-mb-1w">
          <table data-testid="evaluation-detail-members">
            <caption className="fr-sr-only">{`Total de chaque membre pour ${row.name}`}</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Total sur 20</th>
                <th scope="col">Critères exigés non atteints</th>
              </tr>
            </thead>
            <tbody>
              {c.members.map((m) => (
                <tr key={m.memberId} data-testid="evaluation-detail-member" data-member-id={m.memberId}>
                  <td>{nameOf(m.memberId)}</td>
                  <td data-testid="evaluation-detail-total">
                    {score(m.total)}
                    {!m.complete && <span className="fr-text--xs">{' (fiche incomplète)'}</span>}
                  </td>
                  <td>
                    {m.eliminatedBy.length === 0 ? (
                      '—'
                    ) : (
                      <Badge severity="error" small noIcon as="span">
                        {m.eliminatedBy.join(', ')}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c && c.missing.length > 0 && <p className="fr-text--sm fr-mb-1w">{`Sans fiche soumise : ${c.missing.map(nameOf).join(', ')}.`}</p>}
      {c && c.recused.length > 0 && <p className="fr-text--sm fr-mb-1w">{`Récusés (lien d’intérêts) : ${c.recused.map(nameOf).join(', ')}.`}</p>}
      {sheets.length > 0 ? (
        <CriteriaTable row={row} overview={overview} sheets={sheets} nameOf={nameOf} />
      ) : (
        <p className="fr-text--sm fr-mb-0">Aucune note détaillée visible pour ce candidat selon la règle de visibilité de l’appel.</p>
      )}
    </div>
  );
}

interface CriteriaTableProps {
  row: CommissionRow;
  overview: EvaluationOverview;
  sheets: readonly ScoreSheet[];
  nameOf(id: number): string;
}

function scaleOf(criterion: Criterion): string {
  return `${criterion.min}–${criterion.max}`;
}

/** Criteria in rows (grouped by section), members in columns: the scores as written on each visible sheet. */
function CriteriaTable({ row, overview, sheets, nameOf }: CriteriaTableProps) {
  const valueOf = (sheet: ScoreSheet, key: string) => {
    const value = sheet.scores.find((s) => s.criterionKey === key)?.value;
    return value === null || value === undefined ? '—' : value.toLocaleString('fr-FR');
  };
  const columns = sheets.length + 1;
  return (
    <div className="fr-table fr-table--sm fr-mb-0" style={{ overflowX: 'auto' }}>
      <table data-testid="evaluation-detail-criteria">
        <caption className="fr-sr-only">{`Notes par critère pour ${row.name}`}</caption>
        <thead>
          <tr>
            <th scope="col">Critère</th>
            {sheets.map((s) => (
              <th scope="col" key={s.memberId}>
                {nameOf(s.memberId)}
                <div className="fr-text--xs fr-mb-0">{SHEET_STATUS_LABELS[s.status]}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.grid.sections.map((section) => [
            <tr key={`section-${section.key}`}>
              <th scope="colgroup" colSpan={columns}>
                {section.label}
              </th>
            </tr>,
            ...section.criteria.map((criterion) => (
              <tr key={`${section.key}-${criterion.key}`} data-testid="evaluation-detail-criterion" data-criterion-key={criterion.key}>
                <th scope="row">
                  {criterion.label}
                  <div className="fr-text--xs fr-mb-0">
                    {`Échelle ${scaleOf(criterion)}, coefficient ${criterion.weight.toLocaleString('fr-FR')}`}
                    {criterion.eliminatory && criterion.threshold !== null && ` · exigé : ${criterion.threshold.toLocaleString('fr-FR')} au moins`}
                  </div>
                </th>
                {sheets.map((s) => (
                  <td key={s.memberId}>{valueOf(s, criterion.key)}</td>
                ))}
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
