import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMemo, useState } from 'react';
import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import { ROUTING_STATE_LABELS, type InspectorProgress, type OpinionLine, type OpinionsOverview } from '../../../../shared/model/opinions.js';
import { disciplineLabel } from '../../../../shared/model/referential.js';
import { plural } from '../../components/labels.js';
import { useApp } from '../../store/context.js';
import { failureMessage, formatDay } from '../admissibility/format.js';
import { AvisBadge, OverdueBadge } from './AvisBadge.js';
import { LINE_FILTERS, matchesFilter, type LineFilter } from './format.js';

interface LinesTableProps {
  callId: number;
  overview: OpinionsOverview;
  onChanged(): void;
}

/** « Dossiers »: each admissible file, its inspector (to choose or change), its request and its opinion. */
export function LinesTable({ callId, overview, onChanged }: LinesTableProps) {
  const api = useApp((s) => s.api);
  const [filter, setFilter] = useState<LineFilter>('tous');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const visible = useMemo(() => overview.lines.filter((l) => matchesFilter(l, filter)), [overview.lines, filter]);

  const assign = async (line: OpinionLine, inspectorId: number | null) => {
    setFailure(null);
    setBusy(line.candidateId);
    try {
      await api.invoke('opinions-assign', { candidateId: line.candidateId, inspectorId });
      onChanged();
    } catch (error) {
      setFailure(`${line.nom} ${line.prenom} : ${failureMessage(error, 'Erreur inattendue : l’inspecteur n’a pas été changé.')}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="avis-dossiers-titre" className="fr-mb-5w">
      <h2 id="avis-dossiers-titre" className="fr-h4">
        Dossiers
      </h2>
      <div className="toolbar fr-mb-1w">
        <Select label="Afficher" nativeSelectProps={{ value: filter, onChange: (e) => setFilter(e.target.value as LineFilter) }}>
          {(Object.keys(LINE_FILTERS) as LineFilter[]).map((f) => (
            <option key={f} value={f}>
              {LINE_FILTERS[f]}
            </option>
          ))}
        </Select>
      </div>
      <p className="fr-mb-1w" data-testid="opinion-lines-count">
        {`${plural(visible.length, 'dossier affiché', 'dossiers affichés')} sur ${overview.lines.length.toLocaleString('fr-FR')}`}
      </p>
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      <div className="fr-table" style={{ overflowX: 'auto' }}>
        <table data-testid="opinion-lines">
          <caption>Dossiers et avis</caption>
          <thead>
            <tr>
              <th scope="col">Candidat</th>
              <th scope="col">Discipline</th>
              <th scope="col">Inspecteur</th>
              <th scope="col">Demande</th>
              <th scope="col">Avis</th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && (
              <tr>
                <td colSpan={5}>{overview.lines.length === 0 ? 'Aucun dossier recevable pour l’instant.' : 'Aucun dossier pour ce filtre.'}</td>
              </tr>
            )}
            {visible.map((line) => (
              <LineRow key={line.candidateId} callId={callId} line={line} inspectors={overview.inspectors} busy={busy === line.candidateId} onAssign={(id) => void assign(line, id)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface LineRowProps {
  callId: number;
  line: OpinionLine;
  inspectors: readonly InspectorProgress[];
  busy: boolean;
  onAssign(inspectorId: number | null): void;
}

function LineRow({ callId, line, inspectors, busy, onAssign }: LineRowProps) {
  const inspector = inspectors.find((i) => i.inspectorId === line.inspectorId);
  return (
    <tr data-testid="opinion-line" data-candidate-id={line.candidateId} data-routing={line.routing} data-overdue={line.overdue || undefined}>
      <td>
        <a href={`#/appels/${callId}/candidatures/${line.candidateId}`}>
          <strong>{line.nom}</strong> {line.prenom}
        </a>
      </td>
      <td>{disciplineLabel(line.discipline) || '—'}</td>
      <td>
        {inspector && <div data-testid="opinion-line-inspector">{inspector.name}</div>}
        <div className="fr-text--xs fr-mb-1v">{ROUTING_STATE_LABELS[line.routing]}</div>
        <InspectorSelect line={line} inspectors={inspectors} disabled={busy} onAssign={onAssign} />
      </td>
      <td>
        {line.request ? (
          <>
            <div>{`Demandé le ${formatDay(line.request.requestedAt)}`}</div>
            <div className="fr-text--xs fr-mb-0">{`Réponse attendue le ${formatFrenchDate(line.request.dueOn)}${line.request.reminder ? ' (relance)' : ''}`}</div>
          </>
        ) : (
          '—'
        )}
      </td>
      <td data-testid="opinion-line-avis">
        {line.opinion ? (
          <>
            <AvisBadge avis={line.opinion.avis} small />
            <div className="fr-text--xs fr-mb-0">{`le ${formatFrenchDate(line.opinion.givenOn)}`}</div>
          </>
        ) : line.overdue ? (
          <OverdueBadge small />
        ) : line.request ? (
          'En attente'
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

const AUTO = 'auto';

/** The inspector of a file: the discipline's (null), or one chosen; those of the discipline first. */
function InspectorSelect({ line, inspectors, disabled, onAssign }: Omit<LineRowProps, 'callId' | 'busy'> & { disabled: boolean }) {
  const value = line.routing === 'choisi' && line.inspectorId !== null ? String(line.inspectorId) : line.routing === 'a_choisir' ? '' : AUTO;
  const ofDiscipline = inspectors.filter((i) => line.choices.includes(i.inspectorId) || (!!line.discipline && i.disciplines.includes(line.discipline)));
  const others = inspectors.filter((i) => !ofDiscipline.includes(i));
  const options = (list: readonly InspectorProgress[]) =>
    list.map((i) => (
      <option key={i.inspectorId} value={i.inspectorId}>
        {i.name}
      </option>
    ));
  return (
    <Select
      label={<span className="fr-sr-only">{`Inspecteur pour ${line.nom} ${line.prenom}`}</span>}
      className="fr-mb-0"
      nativeSelectProps={{
        value,
        disabled: disabled || inspectors.length === 0,
        onChange: (e) => {
          const next = e.target.value;
          if (next === value || next === '') return;
          onAssign(next === AUTO ? null : Number(next));
        },
      }}
    >
      {line.routing === 'a_choisir' && (
        <option value="" disabled>
          — Choisir l’inspecteur —
        </option>
      )}
      <option value={AUTO}>Inspecteur de la discipline</option>
      {ofDiscipline.length > 0 && others.length > 0 ? (
        <>
          <optgroup label="De la discipline">{options(ofDiscipline)}</optgroup>
          <optgroup label="Autres inspecteurs">{options(others)}</optgroup>
        </>
      ) : (
        options(inspectors)
      )}
    </Select>
  );
}
