import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState, type FormEvent } from 'react';
import type { ResultOf } from '../../../../shared/contract/methods.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';

const OPERATION_LABELS: Record<string, string> = {
  'calls-create': 'Création d’un appel',
  'calls-update': 'Modification d’un appel',
  'calls-archive': 'Archivage d’un appel',
  'candidates-create': 'Création d’un dossier',
  'candidates-update': 'Modification d’un dossier',
  'candidates-delete': 'Suppression d’un dossier',
  'members-save': 'Membre ajouté ou modifié',
  'members-delete': 'Membre retiré',
  'inspectors-save': 'Inspecteur ajouté ou modifié',
  'inspectors-delete': 'Inspecteur retiré',
  'demo-open': 'Chargement de la démonstration',
  'intake-commit': 'Import d’un tableur',
  'intake-mapping-save': 'Correspondance de colonnes retenue',
  'prefs-set': 'Préférences du poste',
};
const ENTITY_LABELS: Record<string, string> = {
  calls: 'Appel',
  candidates: 'Dossier',
  members: 'Membre',
  inspectors: 'Inspecteur',
  prefs: 'Préférences',
};

export function SettingsPage() {
  const api = useApp((s) => s.api);
  const whoAmI = useApp((s) => s.prefs.whoAmI);
  const setWhoAmI = useApp((s) => s.setWhoAmI);
  const appInfo = useApp((s) => s.appInfo);
  const notify = useApp((s) => s.notify);
  const [directory, setDirectory] = useState<ResultOf<'members-directory'>>([]);
  const [journal, setJournal] = useState<ResultOf<'journal-list'>>([]);
  const [name, setName] = useState(whoAmI?.name ?? '');
  const [email, setEmail] = useState(whoAmI?.email ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.invoke('members-directory', {}).then(setDirectory);
    void api.invoke('journal-list', { limit: 50 }).then(setJournal);
  }, [api]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setError('Indiquez votre nom.');
      return;
    }
    try {
      await setWhoAmI({ name, email });
      notify({ kind: 'success', text: `Ce poste est maintenant celui de ${name.trim()}.` });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Erreur inattendue.');
    }
  };

  return (
    <>
      <h1 className="fr-h2">Qui suis-je sur ce poste ?</h1>
      <p>
        Chaque modification est enregistrée au nom de la personne indiquée ici. Ce choix est propre à cet ordinateur.
      </p>
      <form onSubmit={(e) => void save(e)} aria-label="Qui suis-je" style={{ maxWidth: '40rem' }}>
        {directory.length > 0 && (
          <Select
            label="Choisir parmi les membres des commissions"
            nativeSelectProps={{
              value: '',
              onChange: (e) => {
                const person = directory[Number(e.target.value)];
                if (person) {
                  setName(person.name);
                  setEmail(person.email);
                }
              },
            }}
          >
            <option value="">— Choisir —</option>
            {directory.map((p, i) => (
              <option key={`${p.email}-${p.name}`} value={i}>
                {p.name} ({p.calls.join(' ; ')})
              </option>
            ))}
          </Select>
        )}
        <Input label="Nom" nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), name: 'whoami-name' }} />
        <Input label="Adresse mail" nativeInputProps={{ value: email, type: 'email', onChange: (e) => setEmail(e.target.value), name: 'whoami-email' }} />
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
        <Button type="submit" iconId="fr-icon-save-line">
          Enregistrer
        </Button>
      </form>

      {appInfo && (
        <section className="fr-mt-5w" aria-labelledby="titre-a-propos">
          <h2 id="titre-a-propos" className="fr-h4">
            À propos de ce poste
          </h2>
          <dl className="summary-list">
            <dt>Version</dt>
            <dd>{appInfo.version}</dd>
            <dt>Mode</dt>
            <dd>{appInfo.mode === 'desktop' ? 'Application de bureau' : 'Mode navigateur (service local sur 127.0.0.1)'}</dd>
            <dt>Dossier des données</dt>
            <dd>
              <code>{appInfo.dataDir}</code>
            </dd>
            <dt>Version du schéma</dt>
            <dd>{appInfo.schemaVersion}</dd>
          </dl>
        </section>
      )}

      <section className="fr-mt-5w" aria-labelledby="titre-journal">
        <h2 id="titre-journal" className="fr-h4">
          Journal des modifications
        </h2>
        <p className="fr-text--sm">Les 50 dernières modifications enregistrées sur ce poste : qui, quand, quoi (sans les valeurs elles-mêmes).</p>
        <div className="fr-table fr-table--no-caption">
          <table data-testid="journal-table">
            <caption>Journal des modifications</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Par</th>
                <th scope="col">Opération</th>
                <th scope="col">Objet</th>
              </tr>
            </thead>
            <tbody>
              {journal.length === 0 && (
                <tr>
                  <td colSpan={4}>Aucune modification pour l’instant.</td>
                </tr>
              )}
              {journal.map((j) => (
                <tr key={j.id}>
                  <td>{new Date(j.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td>{j.actorName}</td>
                  <td>{OPERATION_LABELS[j.method] ?? j.method}</td>
                  <td>
                    {ENTITY_LABELS[j.entity] ?? j.entity}
                    {j.entityId !== null ? ` n° ${j.entityId}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
