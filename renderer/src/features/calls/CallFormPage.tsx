import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState, type FormEvent } from 'react';
import { checkCallDraft, draftFromCall, emptyCallDraft, type CallDraft, type PostDraft } from '../../../../shared/domain/call.js';
import { AGENT_STATUS_LABELS, AGENT_STATUSES, DISCIPLINES } from '../../../../shared/model/referential.js';
import { DraftTextField } from '../../components/DraftTextField.js';
import { errorProps, focusFirstError, keepFocusOnPress, useDraftForm } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';


export function CallFormPage({ callId }: { callId: number | null }) {
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);
  const loadCalls = useApp((s) => s.loadCalls);
  const form = useDraftForm<CallDraft>(emptyCallDraft(), checkCallDraft);
  const [loaded, setLoaded] = useState(callId === null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { draft, errors, set, touch } = form;

  useEffect(() => {
    if (callId === null) return;
    void api
      .invoke('calls-get', { id: callId })
      .then((call) => {
        form.replace(draftFromCall(call));
        setLoaded(true);
      })
      .catch((error: Error) => setFailure(error.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per call
  }, [callId, api]);

  const setPost = (index: number, patch: Partial<PostDraft>) =>
    set(
      'posts',
      draft.posts.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    if (form.hasErrors) {
      setFailure('Le formulaire contient des erreurs : corrigez les champs signalés.');
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = callId === null ? await api.invoke('calls-create', { call: draft }) : await api.invoke('calls-update', { id: callId, call: draft });
      await loadCalls();
      navigate(
        { name: 'call', callId: saved.id, tab: callId === null ? 'candidatures' : 'informations' },
        { kind: 'success', text: callId === null ? `L’appel « ${saved.title} » est créé.` : 'Les modifications de l’appel sont enregistrées.' },
      );
    } catch (error) {
      if (error instanceof ApiError) {
        form.setServerErrors(error.fieldErrors);
        setFailure(error.message);
        focusFirstError();
      } else setFailure('Erreur inattendue : rien n’a été enregistré.');
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <p>{failure ?? 'Chargement…'}</p>;

  return (
    <>
      <Breadcrumb
        currentPageLabel={callId === null ? 'Nouvel appel' : 'Modifier l’appel'}
        segments={[{ label: 'Appels à candidature', linkProps: { href: '#/appels' } }]}
        className="fr-mb-2w"
      />
      <h1 className="fr-h2">{callId === null ? 'Nouvel appel à candidature' : `Modifier : ${draft.title}`}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Appel à candidature">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">L’appel</legend>
          <div className="form-grid span-all" style={{ width: '100%' }}>
            <DraftTextField form={form} name="title" label="Intitulé (obligatoire)" />
            <DraftTextField form={form} name="reference" label="Référence" placeholder="MENJ-12-2025-23630" />
            <DraftTextField form={form} name="academie" label="Académie" placeholder="Aix-Marseille" />
            <DraftTextField form={form} name="employer" label="Employeur" />
            <DraftTextField form={form} name="location" label="Localisation" />
            <DraftTextField form={form} name="category" label="Catégorie, nature de l’emploi ou de la mission" />
            <DraftTextField form={form} name="deadline" label="Date limite de dépôt" hint="jj/mm/aaaa, jour inclus" />
            <DraftTextField form={form} name="interviewStart" label="Début des entretiens" hint="jj/mm/aaaa" />
            <DraftTextField form={form} name="interviewEnd" label="Fin des entretiens" hint="jj/mm/aaaa" />
            <DraftTextField form={form} name="interviewPlace" label="Lieu des entretiens" />
            <DraftTextField form={form} name="presidedBy" label="Présidence de la commission" />
            <DraftTextField form={form} name="panelSize" label="Nombre de membres du jury" />
            <DraftTextField form={form} name="contactEmail" label="Adresse de dépôt des candidatures" />
            <DraftTextField form={form} name="subjectPattern" label="Objet exigé du courriel" placeholder="Candidature … – NOM PRÉNOM" />
            <DraftTextField form={form} name="description" label="Description, missions, profil" textArea />
          </div>
        </fieldset>

        <Checkbox
          legend="Statuts admis (aucun coché : tous)"
          orientation="horizontal"
          {...errorProps(errors, 'acceptedStatuses')}
          options={AGENT_STATUSES.map((s) => ({
            label: AGENT_STATUS_LABELS[s],
            nativeInputProps: {
              checked: draft.acceptedStatuses.includes(s),
              onChange: (e) => set('acceptedStatuses', e.target.checked ? [...draft.acceptedStatuses, s] : draft.acceptedStatuses.filter((x) => x !== s)),
            },
          }))}
        />
        <Checkbox
          legend="Disciplines admises (aucune cochée : toutes)"
          orientation="horizontal"
          small
          {...errorProps(errors, 'acceptedDisciplines')}
          options={DISCIPLINES.map((d) => ({
            label: d.label,
            nativeInputProps: {
              checked: draft.acceptedDisciplines.includes(d.code),
              onChange: (e) =>
                set('acceptedDisciplines', e.target.checked ? [...draft.acceptedDisciplines, d.code] : draft.acceptedDisciplines.filter((x) => x !== d.code)),
            },
          }))}
        />

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Postes et missions</legend>
          <div className="fr-table posts-editor" style={{ width: '100%' }}>
            <table>
              <caption className="fr-sr-only">Postes</caption>
              <thead>
                <tr>
                  <th scope="col">Intitulé</th>
                  <th scope="col">Réseau, site</th>
                  <th scope="col">Places</th>
                  <th scope="col">
                    <span className="fr-sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.posts.map((p, i) => (
                  <tr key={p.id ?? `new-${i}`} data-testid="post-row">
                    <td>
                      <Input
                        label={`Intitulé du poste ${i + 1}`}
                        hideLabel
                        nativeInputProps={{ value: p.label, onChange: (e) => setPost(i, { label: e.target.value }), onBlur: () => touch(`posts.${i}`) }}
                        {...errorProps(errors, `posts.${i}.label`)}
                      />
                    </td>
                    <td>
                      <Input label={`Réseau ou site du poste ${i + 1}`} hideLabel nativeInputProps={{ value: p.site, onChange: (e) => setPost(i, { site: e.target.value }) }} />
                    </td>
                    <td style={{ width: '8rem' }}>
                      <Input
                        label={`Places du poste ${i + 1}`}
                        hideLabel
                        nativeInputProps={{ value: p.places, inputMode: 'numeric', onChange: (e) => setPost(i, { places: e.target.value }), onBlur: () => touch(`posts.${i}`) }}
                        {...errorProps(errors, `posts.${i}.places`)}
                      />
                    </td>
                    <td>
                      <Button
                        type="button"
                        priority="tertiary no outline"
                        size="small"
                        iconId="fr-icon-delete-line"
                        title={`Retirer le poste ${i + 1}`}
                        disabled={draft.posts.length === 1}
                        onClick={() => set('posts', draft.posts.filter((_, j) => j !== i))}
                      >
                        Retirer
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => set('posts', [...draft.posts, { label: '', site: '', places: '1' }])}>
            Ajouter un poste
          </Button>
        </fieldset>

        {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
        <div className="sticky-actions toolbar" onMouseDown={keepFocusOnPress}>
          <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
            {callId === null ? 'Créer l’appel' : 'Enregistrer'}
          </Button>
          <Button type="button" priority="secondary" onClick={() => navigate(callId === null ? { name: 'calls' } : { name: 'call', callId, tab: 'informations' })}>
            Annuler
          </Button>
        </div>
      </form>
    </>
  );
}
