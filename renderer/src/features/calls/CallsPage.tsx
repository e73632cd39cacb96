import { Button } from '@codegouvfr/react-dsfr/Button';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { formatFrenchDate } from '../../../../shared/domain/dates.js';
import { useApp } from '../../store/context.js';
import { plural } from '../../components/labels.js';

export function CallsPage() {
  const calls = useApp((s) => s.calls);
  const showArchived = useApp((s) => s.showArchived);
  const setShowArchived = useApp((s) => s.setShowArchived);
  const navigate = useApp((s) => s.navigate);
  const openDemo = useApp((s) => s.openDemo);

  return (
    <section aria-labelledby="titre-appels">
      <div className="toolbar fr-mb-3w">
        <h1 id="titre-appels" className="grow fr-mb-0">
          Appels à candidature
        </h1>
        <Button iconId="fr-icon-add-line" onClick={() => navigate({ name: 'call-form', callId: null })}>
          Nouvel appel
        </Button>
        <Button priority="secondary" iconId="fr-icon-play-circle-line" onClick={() => void openDemo()}>
          Ouvrir la démonstration
        </Button>
      </div>
      <ToggleSwitch
        label="Afficher les appels archivés"
        checked={showArchived}
        onChange={(checked) => void setShowArchived(checked)}
        showCheckedHint={false}
        className="fr-mb-3w"
      />
      {calls === null ? (
        <p>Chargement…</p>
      ) : calls.length === 0 ? (
        <div className="fr-callout">
          <h2 className="fr-callout__title">Aucun appel pour l’instant</h2>
          <p className="fr-callout__text">
            Créez un appel à candidature, ou ouvrez la démonstration construite à partir de deux appels réels (mission de
            professeur relais territorial CSTI à Aix-Marseille, direction d’un tiers-lieu éducatif à Nancy-Metz) avec des
            candidats fictifs.
          </p>
        </div>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <table data-testid="calls-table">
            <caption>Appels à candidature</caption>
            <thead>
              <tr>
                <th scope="col">Intitulé</th>
                <th scope="col">Académie</th>
                <th scope="col">Date limite</th>
                <th scope="col">Postes</th>
                <th scope="col">Candidatures</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a
                      href={`#/appels/${c.id}/candidatures`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ name: 'call', callId: c.id, tab: 'candidatures' });
                      }}
                    >
                      {c.title}
                    </a>
                    {c.reference && <div className="fr-text--xs fr-mb-0">Réf. {c.reference}</div>}
                    {c.archivedAt && (
                      <Badge small severity="info" noIcon>
                        Archivé
                      </Badge>
                    )}
                  </td>
                  <td>{c.academie}</td>
                  <td>{formatFrenchDate(c.deadline) || '—'}</td>
                  <td>
                    {plural(c.postCount, 'poste', 'postes')} ({plural(c.placeCount, 'place', 'places')})
                  </td>
                  <td>{c.candidateCount.toLocaleString('fr-FR')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
