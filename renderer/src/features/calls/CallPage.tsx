import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useEffect } from 'react';
import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import { AGENT_STATUS_LABELS, disciplineLabel } from '../../../../shared/model/referential.js';
import type { Call } from '../../../../shared/model/entities.js';
import type { CallTab } from '../../routes.js';
import { useApp } from '../../store/context.js';
import { CandidatesTab } from '../candidates/CandidatesTab.js';
import { CommissionTab } from '../commission/CommissionTab.js';
import { EvaluationsTab } from '../evaluations/EvaluationsTab.js';
import { GridsTab } from '../grids/GridsTab.js';
import { OpinionsTab } from '../opinions/OpinionsTab.js';
import { PlannerTab } from '../planner/PlannerTab.js';
import { RulesTab } from '../rules/RulesTab.js';

const TAB_LABELS: Record<CallTab, string> = {
  candidatures: 'Candidatures',
  postes: 'Postes',
  regles: 'Règles de recevabilité',
  avis: 'Avis IA-IPR',
  grilles: 'Grilles',
  evaluations: 'Évaluations',
  entretiens: 'Entretiens',
  commission: 'Commission',
  informations: 'Informations',
};

export function CallPage({ callId, tab }: { callId: number; tab: CallTab }) {
  const call = useApp((s) => s.currentCall);
  const openCall = useApp((s) => s.openCall);
  const navigate = useApp((s) => s.navigate);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);

  useEffect(() => {
    void openCall(callId);
  }, [callId, openCall]);

  if (!call || call.id !== callId) return <p>Chargement de l’appel…</p>;

  const toggleArchive = async () => {
    try {
      await api.invoke('calls-archive', { id: call.id, archived: !call.archivedAt });
      await openCall(call.id);
      notify({ kind: 'success', text: call.archivedAt ? 'L’appel est de nouveau actif.' : 'L’appel est archivé : rien n’a été supprimé.' });
    } catch (error) {
      notify({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel={call.title}
        segments={[{ label: 'Appels à candidature', linkProps: { href: '#/appels' } }]}
        className="fr-mb-2w"
      />
      <div className="toolbar fr-mb-2w">
        <div className="grow">
          <h1 className="fr-h2 fr-mb-1w">{call.title}</h1>
          <p className="fr-mb-0">
            {[call.academie && `Académie ${call.academie}`, call.reference && `Réf. ${call.reference}`, call.deadline && `Date limite : ${formatFrenchDate(call.deadline)}`]
              .filter(Boolean)
              .join(' · ')}{' '}
            {call.archivedAt && (
              <Badge severity="info" small noIcon>
                Archivé
              </Badge>
            )}
          </p>
        </div>
        <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => navigate({ name: 'call-form', callId: call.id })}>
          Modifier l’appel
        </Button>
        <Button priority="tertiary" iconId={call.archivedAt ? 'fr-icon-refresh-line' : 'fr-icon-archive-line'} onClick={() => void toggleArchive()}>
          {call.archivedAt ? 'Désarchiver' : 'Archiver'}
        </Button>
      </div>
      <Tabs
        selectedTabId={tab}
        onTabChange={(next) => navigate({ name: 'call', callId: call.id, tab: next as CallTab })}
        tabs={(Object.keys(TAB_LABELS) as CallTab[]).map((t) => ({ tabId: t, label: TAB_LABELS[t] }))}
      >
        {tab === 'candidatures' && <CandidatesTab call={call} />}
        {tab === 'postes' && <PostsTab call={call} />}
        {tab === 'regles' && <RulesTab key={call.id} call={call} />}
        {tab === 'avis' && <OpinionsTab key={call.id} call={call} />}
        {tab === 'grilles' && <GridsTab key={call.id} call={call} />}
        {tab === 'evaluations' && <EvaluationsTab key={call.id} call={call} />}
        {tab === 'entretiens' && <PlannerTab key={call.id} call={call} />}
        {tab === 'commission' && <CommissionTab call={call} />}
        {tab === 'informations' && <InfoTab call={call} />}
      </Tabs>
    </>
  );
}

function PostsTab({ call }: { call: Call }) {
  return (
    <div className="fr-table">
      <table>
        <caption>Postes et missions de l’appel</caption>
        <thead>
          <tr>
            <th scope="col">Intitulé</th>
            <th scope="col">Réseau, site</th>
            <th scope="col">Places</th>
          </tr>
        </thead>
        <tbody>
          {call.posts.map((p) => (
            <tr key={p.id}>
              <td>{p.label}</td>
              <td>{p.site || '—'}</td>
              <td>{p.places}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InfoTab({ call }: { call: Call }) {
  const rows: [string, string][] = [
    ['Employeur', call.employer],
    ['Localisation', call.location],
    ['Catégorie, nature', call.category],
    ['Statuts admis', call.acceptedStatuses.map((s) => AGENT_STATUS_LABELS[s]).join(', ') || 'Tous'],
    ['Disciplines admises', call.acceptedDisciplines.map(disciplineLabel).join(', ') || 'Toutes'],
    ['Date limite de dépôt', formatFrenchDate(call.deadline)],
    ['Entretiens', call.interviewStart ? `du ${formatFrenchDate(call.interviewStart)} au ${formatFrenchDate(call.interviewEnd)}` : ''],
    ['Lieu des entretiens', call.interviewPlace],
    ['Présidence de la commission', call.presidedBy],
    ['Taille du jury', call.panelSize === null ? '' : String(call.panelSize)],
    ['Adresse de dépôt', call.contactEmail],
    ['Objet du courriel exigé', call.subjectPattern],
  ];
  return (
    <>
      <dl className="summary-list fr-mb-3w">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v || '—'}</dd>
          </div>
        ))}
      </dl>
      {call.description && (
        <>
          <h2 className="fr-h5">Description</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{call.description}</p>
        </>
      )}
    </>
  );
}
