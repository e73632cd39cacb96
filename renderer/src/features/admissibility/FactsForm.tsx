import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMemo, useState, type FormEvent } from 'react';
import { checkFactsEntry, type FactsSource } from '../../../../shared/domain/admissibility/application.js';
import { academieFromEmail, teachingLevelOf } from '../../../../shared/domain/admissibility/facts.js';
import {
  ACADEMIES,
  DIPLOMA_LEVEL_LABELS,
  DIPLOMA_LEVELS,
  TEACHING_LEVEL_LABELS,
  TEACHING_LEVELS,
  type ApplicationAdmissibility,
  type ApplicationFactsEntry,
} from '../../../../shared/model/admissibility.js';
import { errorProps } from '../../components/useDraftForm.js';
import { FormOutcome } from './FormOutcome.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage, formFieldErrors } from './format.js';
import { useStoredDraft } from './useStoredDraft.js';

/** As the form holds it: '' means « derived from the file ». */
interface FactsDraft {
  academie: string;
  teachingLevel: string;
  diploma: string;
}

function draftOf(entry: ApplicationFactsEntry): FactsDraft {
  return { academie: entry.academie, teachingLevel: entry.teachingLevel ?? '', diploma: entry.diploma === null ? '' : String(entry.diploma) };
}

function checkDraft(d: FactsDraft) {
  return checkFactsEntry({ academie: d.academie, teachingLevel: d.teachingLevel || null, diploma: d.diploma ? Number(d.diploma) : null });
}

interface FactsFormProps {
  data: ApplicationAdmissibility;
  /** The file as edited (or as stored): what the académie and the level are derived from. */
  source: FactsSource;
  onSaved(next: ApplicationAdmissibility): void;
}

/** What the rules read that the annexe 2 does not say plainly: académie, teaching level, diploma. */
export function FactsForm({ data, source, onSaved }: FactsFormProps) {
  const api = useApp((s) => s.api);
  const { candidateId, entry } = data;
  const stored = useMemo(() => draftOf(entry), [entry]);
  const { form, dirty } = useStoredDraft(stored, checkDraft);
  const { draft, errors, set, touch } = form;
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const derivedAcademie = academieFromEmail(source.email);
  const derivedLevel = teachingLevelOf(source);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    setDone(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setFailure('Ces informations contiennent des erreurs : corrigez les champs signalés. Rien n’a été enregistré.');
      return;
    }
    setSaving(true);
    try {
      const next = await api.invoke('facts-save', { candidateId, entry: checked.value });
      onSaved(next);
      form.replace(draftOf(next.entry));
      setDone('Les informations lues par les règles sont enregistrées.');
    } catch (error) {
      if (error instanceof ApiError) form.setServerErrors(formFieldErrors(error, 'entry'));
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Faits lus par les règles" className="fr-mb-4w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h6">Faits lus par les règles</legend>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-mb-1w">Laissés vides, ils sont déduits du dossier ; une saisie ici l’emporte.</p>
        </div>
        <div className="fr-fieldset__element">
          <div className="form-grid">
            <Input
              label="Académie d’affectation"
              hintText={
                derivedAcademie
                  ? `Vide : déduite de l’adresse mail académique (${derivedAcademie}).`
                  : 'Vide : déduite de l’adresse mail académique (aucune académie reconnue).'
              }
              nativeInputProps={{
                name: 'academie',
                value: draft.academie,
                list: 'admissibility-academies',
                placeholder: derivedAcademie ?? '',
                autoComplete: 'off',
                onChange: (e) => set('academie', e.target.value),
                onBlur: () => touch('academie'),
              }}
              {...errorProps(errors, 'academie')}
            />
            <datalist id="admissibility-academies">
              {ACADEMIES.map((a) => (
                <option key={a.name} value={a.name} />
              ))}
            </datalist>
            <Select
              label="Niveau d’enseignement"
              nativeSelectProps={{ name: 'teachingLevel', value: draft.teachingLevel, onChange: (e) => set('teachingLevel', e.target.value) }}
              {...errorProps(errors, 'teachingLevel')}
            >
              <option value="">{`Déduit du corps : ${derivedLevel ? TEACHING_LEVEL_LABELS[derivedLevel] : 'inconnu'}`}</option>
              {TEACHING_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {TEACHING_LEVEL_LABELS[l]}
                </option>
              ))}
            </Select>
            <Select
              label="Diplôme le plus élevé"
              nativeSelectProps={{ name: 'diploma', value: draft.diploma, onChange: (e) => set('diploma', e.target.value) }}
              {...errorProps(errors, 'diploma')}
            >
              <option value="">Non renseigné</option>
              {DIPLOMA_LEVELS.map((l) => (
                <option key={l} value={String(l)}>
                  {DIPLOMA_LEVEL_LABELS[l]}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <FormOutcome failure={failure} done={dirty ? null : done} />
        <div className="fr-fieldset__element toolbar">
          <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
            Enregistrer ces faits
          </Button>
          {dirty && <span className="fr-text--sm fr-mb-0">Modifications non enregistrées</span>}
        </div>
      </fieldset>
    </form>
  );
}
