import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { checkCandidateDraft, draftFromFile, emptyDraft, type CandidateDraft } from '../../../../shared/domain/candidate.js';
import { formatFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import type { CandidateFile } from '../../../../shared/model/entities.js';
import {
  AGENT_STATUS_LABELS,
  AGENT_STATUSES,
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  DISCIPLINES,
} from '../../../../shared/model/referential.js';
import { DraftTextField } from '../../components/DraftTextField.js';
import { errorProps, focusFirstError, keepFocusOnPress, useDraftForm } from '../../components/useDraftForm.js';
import { VerdictBadge } from '../../components/VerdictBadge.js';
import { AdmissibilitySection } from '../admissibility/AdmissibilitySection.js';
import { liveVerdict } from '../admissibility/liveVerdict.js';
import { useAdmissibility } from '../admissibility/useAdmissibility.js';
import { OpinionSection } from '../opinions/OpinionSection.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';


export function CandidatePage({ callId, candidateId }: { callId: number; candidateId: number | null }) {
  const api = useApp((s) => s.api);
  const call = useApp((s) => s.currentCall);
  const openCall = useApp((s) => s.openCall);
  const navigate = useApp((s) => s.navigate);
  const [file, setFile] = useState<CandidateFile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const postIds = useMemo(() => (call?.id === callId ? call.posts.map((p) => p.id) : []), [call, callId]);
  const check = useCallback((d: CandidateDraft) => checkCandidateDraft(d, { today: parisDateOf(new Date()), postIds }), [postIds]);
  // A new file is usually typed the day it arrives.
  const form = useDraftForm<CandidateDraft>({ ...emptyDraft(), receivedOn: formatFrenchDate(parisDateOf(new Date())) }, check);
  const { draft, errors, set, touch } = form;
  const admissibility = useAdmissibility(callId, candidateId);

  useEffect(() => {
    if (call?.id !== callId) void openCall(callId);
  }, [call, callId, openCall]);
  useEffect(() => {
    if (candidateId === null) return;
    void api
      .invoke('candidates-get', { id: candidateId })
      .then((loaded) => {
        setFile(loaded);
        form.replace(draftFromFile(loaded));
      })
      .catch((error: Error) => setFailure(error.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per file
  }, [candidateId, api]);

  if (!call || call.id !== callId || (candidateId !== null && !file)) return <p>{failure ?? 'Chargement du dossier…'}</p>;

  const checked = check(draft);
  // The rules' verdict follows the form as it is typed, before anything is saved.
  const stored = file ? draftFromFile(file) : null;
  const dirty = stored !== null && (Object.keys(draft) as (keyof CandidateDraft)[]).some((k) => JSON.stringify(draft[k]) !== JSON.stringify(stored[k]));
  const live = admissibility.data ? liveVerdict(admissibility.data, call, { dirty, value: checked.ok ? checked.value : null }) : null;
  const postName = (id: number) => {
    const p = call.posts.find((x) => x.id === id);
    return p ? (p.site ? `${p.site} — ${p.label}` : p.label) : `Poste n° ${id}`;
  };

  const moveWish = (index: number, delta: number) => {
    const next = [...draft.wishes];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    set('wishes', next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    if (!checked.ok) {
      setFailure('Le dossier contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.');
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved =
        candidateId === null
          ? await api.invoke('candidates-create', { callId, candidate: draft })
          : await api.invoke('candidates-update', { id: candidateId, candidate: draft });
      navigate({ name: 'call', callId, tab: 'candidatures' }, { kind: 'success', text: `Le dossier de ${saved.prenom} ${saved.nom} est enregistré.` });
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

  const remove = async () => {
    if (candidateId === null || !file) return;
    if (!window.confirm(`Supprimer définitivement le dossier de ${file.prenom} ${file.nom} ? Cette action est irréversible.`)) return;
    try {
      await api.invoke('candidates-delete', { id: candidateId });
      navigate({ name: 'call', callId, tab: 'candidatures' }, { kind: 'success', text: `Le dossier de ${file.prenom} ${file.nom} est supprimé.` });
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  const title = candidateId === null ? 'Nouvelle candidature' : `${file!.prenom} ${file!.nom}`;
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        segments={[
          { label: 'Appels à candidature', linkProps: { href: '#/appels' } },
          { label: call.title, linkProps: { href: `#/appels/${call.id}/candidatures` } },
        ]}
        className="fr-mb-2w"
      />
      <h1 className="fr-h2 fr-mb-1w">{title}</h1>
      {candidateId !== null && (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--left fr-btns-group--icon-left fr-mb-1w">
          <li>
            <a className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-star-line" href={`#/appels/${callId}/candidatures/${candidateId}/evaluation/dossier`}>
              Évaluer le dossier
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-star-line" href={`#/appels/${callId}/candidatures/${candidateId}/evaluation/entretien`}>
              Évaluer l’entretien
            </a>
          </li>
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Dossier de candidature">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Identité (annexe 2)</legend>
          <div className="form-grid" style={{ width: '100%' }}>
            <DraftTextField form={form} name="nom" label="Nom (obligatoire)" />
            <DraftTextField form={form} name="prenom" label="Prénom (obligatoire)" />
            <DraftTextField form={form} name="dateNaissance" label="Date de naissance" hint="jj/mm/aaaa" />
            <DraftTextField form={form} name="telephone" label="Téléphone" hint="Exemple : 06 12 34 56 78" type="tel" />
            <DraftTextField form={form} name="email" label="Adresse mail académique" hint="prenom.nom@ac-….fr" type="email" />
            <DraftTextField form={form} name="adresse" label="Adresse personnelle" textArea hint="Indispensable selon l’annexe 2" />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Situation professionnelle</legend>
          <div className="form-grid" style={{ width: '100%' }}>
            <Select label="Discipline" nativeSelectProps={{ name: 'discipline', value: draft.discipline, onChange: (e) => set('discipline', e.target.value), onBlur: () => touch('discipline') }} {...errorProps(errors, 'discipline')}>
              <option value="">— Non renseignée —</option>
              {DISCIPLINES.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.label}
                </option>
              ))}
            </Select>
            <Select label="Statut" nativeSelectProps={{ name: 'statut', value: draft.statut, onChange: (e) => set('statut', e.target.value) }} {...errorProps(errors, 'statut')}>
              <option value="">— Non renseigné —</option>
              {AGENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {AGENT_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
            <DraftTextField form={form} name="corps" label="Corps" hint="Certifié, agrégé, PLP…" />
            <DraftTextField form={form} name="grade" label="Grade" hint="Classe normale, hors classe…" />
            <DraftTextField form={form} name="echelon" label="Échelon" hint="De 1 à 11" />
            <DraftTextField form={form} name="etablissement" label="Établissement d’affectation" />
            <DraftTextField form={form} name="ville" label="Ville d’affectation" />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Expérience et motivation</legend>
          <div className="form-grid" style={{ width: '100%' }}>
            <DraftTextField form={form} name="experience" label="Expérience professionnelle" textArea />
            <DraftTextField form={form} name="motivations" label="Motivations" textArea />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Candidature</legend>
          <div className="form-grid" style={{ width: '100%' }}>
            <DraftTextField form={form} name="receivedOn" label="Reçue le" hint="jj/mm/aaaa" />
            <Select label="État de la candidature" nativeSelectProps={{ name: 'status', value: draft.status, onChange: (e) => set('status', e.target.value) }} {...errorProps(errors, 'status')}>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {APPLICATION_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
            <div className={`fr-input-group span-all${errors.wishes ? ' fr-input-group--error' : ''}`}>
              <p className="fr-label">Postes ou réseaux demandés, par ordre de préférence</p>
              <ol className="wish-list" data-testid="wishes">
                {draft.wishes.map((id, i) => (
                  <li key={id}>
                    <span className="grow">{postName(id)}</span>
                    <Button type="button" size="small" priority="tertiary" disabled={i === 0} onClick={() => moveWish(i, -1)} title="Monter ce vœu">
                      Monter
                    </Button>
                    <Button type="button" size="small" priority="tertiary" disabled={i === draft.wishes.length - 1} onClick={() => moveWish(i, 1)} title="Descendre ce vœu">
                      Descendre
                    </Button>
                    <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => set('wishes', draft.wishes.filter((w) => w !== id))}>
                      Retirer
                    </Button>
                  </li>
                ))}
              </ol>
              {call.posts.some((p) => !draft.wishes.includes(p.id)) && (
                <Select
                  label="Ajouter un vœu"
                  nativeSelectProps={{
                    value: '',
                    onChange: (e) => e.target.value && set('wishes', [...draft.wishes, Number(e.target.value)]),
                  }}
                >
                  <option value="">— Choisir un poste —</option>
                  {call.posts
                    .filter((p) => !draft.wishes.includes(p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {postName(p.id)}
                      </option>
                    ))}
                </Select>
              )}
              {errors.wishes && <p className="fr-error-text">{errors.wishes}</p>}
            </div>
          </div>
        </fieldset>

        {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
        <div className="sticky-actions toolbar" onMouseDown={keepFocusOnPress}>
          <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
            Enregistrer le dossier
          </Button>
          <Button type="button" priority="secondary" onClick={() => navigate({ name: 'call', callId, tab: 'candidatures' })}>
            Annuler
          </Button>
          {candidateId !== null && (
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void remove()}>
              Supprimer le dossier
            </Button>
          )}
          {live && (
            <p className="fr-mb-0 fr-text--sm" style={{ marginLeft: 'auto' }} data-testid="verdict-summary" aria-live="polite">
              Recevabilité : <VerdictBadge status={live.verdict.status} overrideNote={live.verdict.overrideNote} small />
              {live.unsaved && ' (non enregistré)'}
            </p>
          )}
        </div>
      </form>
      {candidateId !== null && file && (
        <AdmissibilitySection admissibility={admissibility} live={live} source={checked.ok ? checked.value : file} />
      )}
      {candidateId !== null && file && <OpinionSection key={candidateId} callId={callId} candidateId={candidateId} />}
    </>
  );
}
