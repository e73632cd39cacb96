import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { filterCandidates, type SortKey } from '../../../../shared/domain/candidate-list.js';
import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import {
  RULE_IDS,
  RULE_LABELS,
  VERDICT_STATUS_LABELS,
  VERDICT_STATUSES,
  type RuleId,
  type VerdictReason,
  type VerdictStatus,
} from '../../../../shared/model/admissibility.js';
import type { Call } from '../../../../shared/model/entities.js';
import { IPR_AVIS_LABELS } from '../../../../shared/model/opinions.js';
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, DISCIPLINES, disciplineLabel, type ApplicationStatus } from '../../../../shared/model/referential.js';
import { saveExportedFile } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { VerdictBadge } from '../../components/VerdictBadge.js';
import { useApp } from '../../store/context.js';

const ROW_HEIGHT = 56;
/** The grid's columns (the stylesheet's, plus « Avis IA-IPR »): head and rows share them. */
const GRID = { gridTemplateColumns: '2fr 1.4fr 2fr 0.9fr 1.2fr 1.6fr 1.1fr' };
const TOOLTIP_REASONS = 3;

/** The row's tooltip: the override first, then the rules' first reasons. */
function verdictTitle(reasons: readonly VerdictReason[], overrideNote: string): string {
  const lines = reasons.slice(0, TOOLTIP_REASONS).map((r) => r.message);
  if (reasons.length > TOOLTIP_REASONS) lines.push('…');
  return [overrideNote, ...lines].filter(Boolean).join('\n');
}
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'nom', label: 'Nom, prénom' },
  { key: 'discipline', label: 'Discipline' },
  { key: 'etablissement', label: 'Affectation' },
  { key: 'receivedOn', label: 'Reçue le' },
  { key: 'status', label: 'État' },
];

export function CandidatesTab({ call }: { call: Call }) {
  const rows = useApp((s) => s.rows);
  const rowsCallId = useApp((s) => s.rowsCallId);
  const searchTexts = useApp((s) => s.searchTexts);
  const filter = useApp((s) => s.filter);
  const setFilter = useApp((s) => s.setFilter);
  const loadCandidates = useApp((s) => s.loadCandidates);
  const navigate = useApp((s) => s.navigate);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);

  useEffect(() => {
    void loadCandidates(call.id);
  }, [call.id, loadCandidates]);

  // Typing stays responsive: the list follows the search box a frame later under load.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(
    () => (rows && rowsCallId === call.id ? filterCandidates(rows, deferredFilter, searchTexts) : []),
    [rows, rowsCallId, call.id, deferredFilter, searchTexts],
  );
  const postLabel = useMemo(() => new Map(call.posts.map((p) => [p.id, p.site || p.label])), [call.posts]);

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const sortBy = (key: SortKey) => {
    const current = filter.sort;
    setFilter({ sort: { key, direction: current?.key === key && current.direction === 'asc' ? 'desc' : 'asc' } });
  };
  const open = (id: number) => navigate({ name: 'candidate', callId: call.id, candidateId: id });
  const [exporting, setExporting] = useState(false);
  // The export takes the same filter and order as the screen.
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      saveExportedFile(await api.invoke('candidates-export', { callId: call.id, filter, format }));
    } catch (error) {
      notify({ kind: 'error', text: (error as Error).message });
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-label="Candidatures">
      <div className="toolbar fr-mb-2w">
        <Input
          className="grow"
          label="Rechercher"
          hintText="Nom, prénom, mail, établissement, ville"
          nativeInputProps={{
            type: 'search',
            value: filter.search ?? '',
            onChange: (e) => setFilter({ search: e.target.value }),
            'aria-controls': 'table-candidatures',
          }}
        />
        <Select
          label="Discipline"
          nativeSelectProps={{ value: filter.discipline ?? '', onChange: (e) => setFilter({ discipline: e.target.value || undefined }) }}
        >
          <option value="">Toutes</option>
          {DISCIPLINES.map((d) => (
            <option key={d.code} value={d.code}>
              {d.label}
            </option>
          ))}
        </Select>
        <Select
          label="Recevabilité"
          nativeSelectProps={{
            value: filter.verdict ?? '',
            onChange: (e) => setFilter({ verdict: (e.target.value || undefined) as VerdictStatus | undefined }),
          }}
        >
          <option value="">Toutes</option>
          {VERDICT_STATUSES.map((v) => (
            <option key={v} value={v}>
              {VERDICT_STATUS_LABELS[v]}
            </option>
          ))}
        </Select>
        <Select
          label="Motif"
          nativeSelectProps={{
            value: filter.reason ?? '',
            onChange: (e) => setFilter({ reason: (e.target.value || undefined) as RuleId | undefined }),
          }}
        >
          <option value="">Tous</option>
          {RULE_IDS.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </Select>
        <Select
          label="État"
          nativeSelectProps={{
            value: filter.status ?? '',
            onChange: (e) => setFilter({ status: (e.target.value || undefined) as ApplicationStatus | undefined }),
          }}
        >
          <option value="">Tous</option>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {APPLICATION_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        {call.posts.length > 1 && (
          <Select
            label="1er vœu"
            nativeSelectProps={{
              value: filter.postId === undefined ? '' : String(filter.postId),
              onChange: (e) => setFilter({ postId: e.target.value ? Number(e.target.value) : undefined }),
            }}
          >
            <option value="">Tous</option>
            {call.posts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.site || p.label}
              </option>
            ))}
          </Select>
        )}
        <Button iconId="fr-icon-user-add-line" onClick={() => navigate({ name: 'candidate', callId: call.id, candidateId: null })}>
          Nouvelle candidature
        </Button>
      </div>
      <div className="toolbar fr-mb-2w">
        <Button priority="secondary" size="small" iconId="fr-icon-upload-line" onClick={() => navigate({ name: 'intake', callId: call.id })}>
          Importer un tableur
        </Button>
        <Button priority="secondary" size="small" iconId="fr-icon-mail-line" onClick={() => navigate({ name: 'mail-intake', callId: call.id })}>
          Importer des courriels
        </Button>
        <Button priority="secondary" size="small" iconId="fr-icon-download-line" disabled={exporting} onClick={() => void exportAs('xlsx')}>
          Exporter la sélection (.xlsx)
        </Button>
        <Button priority="tertiary" size="small" iconId="fr-icon-download-line" disabled={exporting} onClick={() => void exportAs('csv')}>
          Exporter la sélection (.csv)
        </Button>
      </div>

      <p className="fr-mb-1w" role="status" data-testid="candidates-count">
        {rows === null
          ? 'Chargement des candidatures…'
          : `${plural(visible.length, 'candidature affichée', 'candidatures affichées')} sur ${rows.length.toLocaleString('fr-FR')}`}
      </p>

      <div className="vtable" ref={scroller} role="table" id="table-candidatures" aria-label="Candidatures" aria-rowcount={visible.length + 1}>
        <div className="vtable-row vtable-head" role="row" aria-rowindex={1} style={GRID}>
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c.key} aria-sort={filter.sort?.key === c.key ? (filter.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" onClick={() => sortBy(c.key)}>
                {c.label}
                {filter.sort?.key === c.key ? (filter.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </div>
          ))}
          <div role="columnheader">Recevabilité</div>
          <div role="columnheader">Avis IA-IPR</div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = visible[item.index]!;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={0}
                className="vtable-row vtable-body-row"
                style={{ ...GRID, top: item.start, height: ROW_HEIGHT }}
                onClick={() => open(row.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open(row.id);
                  }
                }}
                data-testid="candidate-row"
              >
                <div role="cell" className="cell-ellipsis">
                  <strong>{row.nom}</strong> {row.prenom}
                  <div className="fr-text--xs fr-mb-0 cell-ellipsis">{row.firstWish !== null ? postLabel.get(row.firstWish) : ''}</div>
                </div>
                <div role="cell" className="cell-ellipsis">
                  {disciplineLabel(row.discipline) || '—'}
                </div>
                <div role="cell" className="cell-ellipsis">
                  {row.etablissement}
                  {row.ville && `, ${row.ville}`}
                </div>
                <div role="cell">{formatFrenchDate(row.receivedOn) || '—'}</div>
                <div role="cell" className="cell-ellipsis">
                  {APPLICATION_STATUS_LABELS[row.status]}
                </div>
                <div role="cell" className="badges" title={verdictTitle(row.reasons, row.overrideNote) || undefined} data-testid="candidate-verdict">
                  <VerdictBadge status={row.verdict} overrideNote={row.overrideNote} small />
                  {row.documentCount > 0 && <span className="fr-text--xs fr-mb-0">{plural(row.documentCount, 'pièce', 'pièces')}</span>}
                </div>
                <div role="cell" className="cell-ellipsis" data-testid="candidate-ipr-avis" data-avis={row.iprAvis ?? undefined}>
                  {row.iprAvis ? IPR_AVIS_LABELS[row.iprAvis] : '—'}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
