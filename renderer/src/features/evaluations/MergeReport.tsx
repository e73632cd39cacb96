import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { PHASE_LABELS, type ScoreMergeLine, type ScoreMergeReport } from '../../../../shared/model/scoring.js';
import { deName, MERGE_STATE_LABELS, MERGE_STATE_SEVERITY, MERGE_STATES, type MergeChoice } from './format.js';

export const CHOICE_LABELS: Record<MergeChoice, string> = {
  fichier: 'Garder la note du fichier',
  application: 'Garder la note de l’application',
};

interface MergeReportProps {
  report: ScoreMergeReport;
  choices: Readonly<Record<string, MergeChoice>>;
  /** Absent once written: the choices are then shown, no longer asked. */
  onChoose?(conflictKey: string, choice: MergeChoice): void;
  disabled?: boolean;
}

const value = (v: number | null) => (v === null ? '—' : v.toLocaleString('fr-FR'));

/** What a filled workbook brings, line by line: new, identical, changed, conflicting (to settle) or refused scores. */
export function MergeReport({ report, choices, onChoose, disabled }: MergeReportProps) {
  return (
    <div data-testid="scores-import-report">
      <p className="fr-mb-1w">
        <strong>{report.fileName}</strong>
        {report.memberName && ` — classeur ${deName(report.memberName)}`}
        {` — ${PHASE_LABELS[report.phase]}`}
      </p>
      <div className="badges fr-mb-2w" data-testid="scores-import-counts">
        {MERGE_STATES.map((state) => (
          <Badge key={state} severity={report.counts[state] > 0 ? MERGE_STATE_SEVERITY[state] : undefined} noIcon>
            {`${MERGE_STATE_LABELS[state]} : ${report.counts[state]}`}
          </Badge>
        ))}
      </div>
      <div className="fr-table fr-mb-2w" style={{ maxHeight: '32rem', overflow: 'auto' }}>
        <table data-testid="scores-import-lines">
          <caption>Rapport d’import du classeur d’évaluation</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Candidat</th>
              <th scope="col">Critère</th>
              <th scope="col">État</th>
              <th scope="col">Valeur du fichier</th>
              <th scope="col">Valeur enregistrée</th>
              <th scope="col">Message</th>
              <th scope="col">Note à garder</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.length === 0 && (
              <tr>
                <td colSpan={8}>Aucune ligne lue dans ce classeur.</td>
              </tr>
            )}
            {report.lines.map((line, i) => (
              <Line key={`${line.row}-${line.criterionKey ?? i}`} line={line} choice={line.conflictKey ? choices[line.conflictKey] : undefined} onChoose={onChoose} disabled={disabled} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface LineProps {
  line: ScoreMergeLine;
  choice: MergeChoice | undefined;
  onChoose?(conflictKey: string, choice: MergeChoice): void;
  disabled?: boolean;
}

function Line({ line, choice, onChoose, disabled }: LineProps) {
  const key = line.state === 'conflit' ? line.conflictKey : null;
  return (
    <tr data-testid="scores-import-line" data-state={line.state} data-conflict-key={key ?? undefined} data-choice={choice}>
      <td>{line.row}</td>
      <td>{line.candidateName || '—'}</td>
      <td>{line.criterionLabel || line.criterionKey || '—'}</td>
      <td>
        <Badge severity={MERGE_STATE_SEVERITY[line.state]} small noIcon as="span">
          {MERGE_STATE_LABELS[line.state]}
        </Badge>
      </td>
      <td>{value(line.fileValue)}</td>
      <td>{value(line.storedValue)}</td>
      <td>{line.message || '—'}</td>
      <td>
        {key === null ? (
          '—'
        ) : onChoose ? (
          <RadioButtons
            small
            className="fr-mb-0"
            name={`note-a-garder-${key}`}
            legend={<span className="fr-sr-only">{`Note à garder pour ${line.candidateName}, ${line.criterionLabel}`}</span>}
            disabled={disabled}
            options={(['fichier', 'application'] as const).map((c) => ({
              label: CHOICE_LABELS[c],
              nativeInputProps: { value: c, checked: choice === c, onChange: () => onChoose(key, c) },
            }))}
          />
        ) : (
          (choice && CHOICE_LABELS[choice]) ?? '—'
        )}
      </td>
    </tr>
  );
}
