import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Weekday } from '../../../../shared/domain/planner/model.js';
import type { Call } from '../../../../shared/model/entities.js';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { errorProps, focusFirstError, keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { useStoredDraft } from '../admissibility/useStoredDraft.js';
import { focusById } from '../../components/focusWhenDrawn.js';
import { longDay } from './views/calendar.js';
import { BlackoutsEditor, PanelsEditor, RoomsEditor, SessionFields } from './SettingsEditors.js';
import {
  draftOfSettings,
  draftProblems,
  formFieldErrors,
  HOLIDAY_ZONE_LABELS,
  holidaysOfDraft,
  removedRoomsHolding,
  settingsOfDraft,
  WEEKDAY_LABELS,
  type SettingsDraft,
} from './settingsDraft.js';
import { useLeaveGuard } from './useLeaveGuard.js';

const SHOWN_WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6];
const LEAVE_MESSAGE = 'Les réglages des entretiens ont des modifications non enregistrées. Quitter quand même ? Elles seront perdues.';

/** Drafts left unsaved without being asked (Back button, another screen's button): found again on return. */
const leftDrafts = new Map<number, SettingsDraft>();

interface Props {
  call: Call;
  view: PlannerView;
  onView(view: PlannerView): void;
}

/** « Réglages »: the window, days, hours, rooms and jury rules the planner works with. */
export function SettingsSection({ call, view, onView }: Props) {
  return (
    <section aria-labelledby="entretiens-reglages" className="fr-mb-6w" id="reglages-entretiens">
      <h2 id="entretiens-reglages" className="fr-h3">
        Réglages
      </h2>
      {view.settingsAreDefault && (
        <Alert
          severity="info"
          small
          className="fr-mb-2w"
          description="Ces réglages sont des valeurs par défaut tirées de l’appel (période et lieu des entretiens) : vérifiez-les puis enregistrez-les."
        />
      )}
      <SettingsForm call={call} view={view} onView={onView} />
    </section>
  );
}

/**
 * The form follows what is stored (a save here or in another window) only while nothing is typed: a draft
 * being edited is kept, said unsaved, and guarded when leaving.
 */
function SettingsForm({ call, view, onView }: Props) {
  const api = useApp((s) => s.api);
  const sitting = view.members.filter((m) => m.sits);
  const check = useCallback((d: SettingsDraft) => {
    const errors = draftProblems(d, sitting.length);
    return { ok: Object.keys(errors).length === 0, errors };
  }, [sitting.length]);
  const stored = useMemo(() => draftOfSettings(view.settings), [view.settings]);
  const { form, dirty } = useStoredDraft(stored, check);
  const { draft, errors } = form;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const changedElsewhere = useChangedElsewhere(stored, dirty);
  const removed = removedRoomsHolding(view.settings.rooms, draft.rooms, view.slots);
  const taken = (kind: 'rooms' | 'panels') =>
    kind === 'rooms'
      ? [...draft.rooms.map((r) => r.id), ...view.settings.rooms.map((r) => r.id), ...view.slots.map((s) => s.roomId)]
      : [...draft.panels.map((p) => p.id), ...view.settings.panels.map((p) => p.id)];

  const discard = useKeptDraft(view.callId, form.replace, draft, dirty);
  useLeaveGuard(dirty, LEAVE_MESSAGE, discard);

  /**
   * Every change goes through here. The field's error shows as it is typed (not only when it is left: an error
   * appearing on blur would move the layout under the pointer and lose the click), and the last save's notice
   * no longer describes the form.
   */
  const change = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K], touch: string = key) => {
    form.set(key, value);
    form.touch(touch);
    setNotice(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    if (form.hasErrors || removed.length) {
      setFailure(
        removed.length && !form.hasErrors
          ? 'Une salle retirée accueille encore des entretiens : déplacez-les ou rétablissez la salle. Rien n’a été enregistré.'
          : 'Les réglages contiennent des erreurs : corrigez les champs signalés. Rien n’a été enregistré.',
      );
      if (form.hasErrors) focusFirstError();
      else focusById(`planner-room-restore-${removed[0]!.id}`);
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('planner-settings-save', { callId: view.callId, settings: settingsOfDraft(draft) });
      form.replace(draftOfSettings(saved.settings));
      form.setServerErrors({});
      setNotice(
        view.slots.length
          ? 'Réglages enregistrés. Les créneaux déjà placés restent : leurs conflits éventuels sont signalés en haut de l’onglet.'
          : 'Réglages enregistrés.',
      );
      onView(saved);
    } catch (error) {
      if (error instanceof ApiError) {
        form.setServerErrors(formFieldErrors(error.fieldErrors));
        setFailure(error.message);
        focusFirstError();
      } else setFailure('Erreur inattendue : les réglages n’ont pas été enregistrés.');
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    form.replace(stored);
    form.setServerErrors({});
    setFailure(null);
  };

  const holidays = holidaysOfDraft(draft);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Réglages des entretiens" data-testid="planner-settings">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Période et jours</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <Input
            label="Premier jour possible"
            hintText="jj/mm/aaaa"
            nativeInputProps={{ name: 'from', autoComplete: 'off', value: draft.from, onChange: (e) => change('from', e.target.value), onBlur: () => form.touch('from') }}
            {...errorProps(errors, 'from')}
          />
          <Input
            label="Dernier jour possible"
            hintText="jj/mm/aaaa"
            nativeInputProps={{ name: 'to', autoComplete: 'off', value: draft.to, onChange: (e) => change('to', e.target.value), onBlur: () => form.touch('to') }}
            {...errorProps(errors, 'to')}
          />
          <Select
            label="Jours fériés"
            hint="Les jours fériés de la zone ne sont jamais proposés."
            nativeSelectProps={{ name: 'holidays', value: draft.holidays, onChange: (e) => change('holidays', e.target.value as SettingsDraft['holidays']) }}
          >
            {(Object.keys(HOLIDAY_ZONE_LABELS) as SettingsDraft['holidays'][]).map((zone) => (
              <option key={zone} value={zone}>
                {HOLIDAY_ZONE_LABELS[zone]}
              </option>
            ))}
          </Select>
          <div className="span-all">
            <Checkbox
              legend="Jours d’entretiens"
              orientation="horizontal"
              options={SHOWN_WEEKDAYS.map((day) => ({
                label: WEEKDAY_LABELS[day],
                nativeInputProps: {
                  name: 'workingDays',
                  value: String(day),
                  checked: draft.workingDays.includes(day),
                  onChange: (e) =>
                    change('workingDays', e.target.checked ? [...draft.workingDays, day].sort() : draft.workingDays.filter((d) => d !== day), 'workingDays'),
                },
              }))}
              {...errorProps(errors, 'workingDays')}
            />
          </div>
          <div className="span-all fr-mb-2w" data-testid="planner-holidays">
            <p className="fr-text--bold fr-mb-1v">Jours fériés dans la période</p>
            {draft.holidays === 'aucune' ? (
              <p className="fr-text--sm">Aucun jour férié n’est pris en compte.</p>
            ) : holidays === null ? (
              <p className="fr-text--sm">Indiquez une période valide pour voir ses jours fériés.</p>
            ) : holidays.length === 0 ? (
              <p className="fr-text--sm">Aucun jour férié dans la période.</p>
            ) : (
              <ul className="fr-text--sm">
                {holidays.map((h) => (
                  <li key={h.date}>{`${longDay(h.date)} — ${h.label}`}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </fieldset>

      <BlackoutsEditor form={form} change={change} />

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Horaires et durée</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <SessionFields form={form} change={change} which="morning" />
          <SessionFields form={form} change={change} which="afternoon" />
          <Input
            label="Durée d’un entretien (minutes)"
            nativeInputProps={{ type: 'number', min: 5, name: 'minutes', value: draft.minutes, onChange: (e) => change('minutes', e.target.value), onBlur: () => form.touch('minutes') }}
            {...errorProps(errors, 'minutes')}
          />
          <Input
            label="Temps entre deux entretiens (minutes)"
            hintText="Délibération du jury après chaque entretien."
            nativeInputProps={{
              type: 'number',
              min: 0,
              name: 'bufferMinutes',
              value: draft.bufferMinutes,
              onChange: (e) => change('bufferMinutes', e.target.value),
              onBlur: () => form.touch('bufferMinutes'),
            }}
            {...errorProps(errors, 'bufferMinutes')}
          />
          <Input
            label="Entretiens par jour au plus"
            hintText="Par salle, et pour chaque membre du jury."
            nativeInputProps={{ type: 'number', min: 1, name: 'maxPerDay', value: draft.maxPerDay, onChange: (e) => change('maxPerDay', e.target.value), onBlur: () => form.touch('maxPerDay') }}
            {...errorProps(errors, 'maxPerDay')}
          />
        </div>
      </fieldset>

      <RoomsEditor form={form} change={change} view={view} removed={removed} taken={() => taken('rooms')} />

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Jury</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <Input
            label="Quorum"
            hintText={`Membres présents au moins à chaque entretien : de 1 à ${sitting.length} (membres qui siègent).`}
            nativeInputProps={{ type: 'number', min: 1, max: sitting.length || undefined, name: 'quorum', value: draft.quorum, onChange: (e) => change('quorum', e.target.value), onBlur: () => form.touch('quorum') }}
            {...errorProps(errors, 'quorum')}
          />
          <div className="span-all">
            <Checkbox
              options={[
                {
                  label: 'La présidence assiste à chaque entretien',
                  hintText: sitting.some((m) => m.president)
                    ? `Un membre pouvant présider (${sitting.filter((m) => m.president).map((m) => m.name).join(', ')}) est présent à chaque entretien.`
                    : 'Aucun membre n’a le rôle de président(e) : à cocher seulement après en avoir désigné un.',
                  nativeInputProps: { name: 'presidentRequired', checked: draft.presidentRequired, onChange: (e) => change('presidentRequired', e.target.checked) },
                },
              ]}
            />
          </div>
        </div>
        <PanelsEditor call={call} view={view} form={form} change={change} taken={() => taken('panels')} />
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Lieu</legend>
        <div style={{ width: '100%' }}>
          <Input
            label="Lieu des entretiens"
            hintText="Tel que la convocation l’annonce (adresse, bâtiment)."
            nativeInputProps={{ name: 'place', value: draft.place, autoComplete: 'off', onChange: (e) => change('place', e.target.value) }}
          />
          <details className="fr-mb-2w">
            <summary>Réglages avancés</summary>
            <div style={{ maxWidth: '24rem' }} className="fr-mt-2w">
              <Input
                label="Variante du calcul"
                hintText="Quand plusieurs plannings aussi bons sont possibles, un autre nombre en propose un autre ; le même nombre redonne toujours le même."
                nativeInputProps={{ type: 'number', min: 0, name: 'seed', value: draft.seed, onChange: (e) => change('seed', e.target.value), onBlur: () => form.touch('seed') }}
                {...errorProps(errors, 'seed')}
              />
            </div>
          </details>
        </div>
      </fieldset>

      {changedElsewhere && (
        <Alert
          severity="warning"
          small
          className="fr-my-2w"
          description="Les réglages ont été enregistrés entre-temps (dans une autre fenêtre) : les vôtres, non enregistrés, sont gardés. « Enregistrer les réglages » les remplacera ; « Annuler les modifications » reprend ceux enregistrés."
        />
      )}
      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      <div className="toolbar fr-mb-2w" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
          Enregistrer les réglages
        </Button>
        <Button type="button" priority="secondary" disabled={saving || !dirty} onClick={reset}>
          Annuler les modifications
        </Button>
        <span role="status" className={notice && !dirty ? 'fr-valid-text fr-mt-0' : 'fr-text--sm fr-mb-0'} data-testid="planner-settings-saved">
          {dirty ? 'Modifications non enregistrées' : (notice ?? '')}
        </span>
      </div>
    </form>
  );
}

/** True once what is stored changed while the draft was being edited (another window saved meanwhile). */
function useChangedElsewhere(stored: SettingsDraft, dirty: boolean): boolean {
  const [editedFrom, setEditedFrom] = useState(stored);
  // Adjusting state while rendering: the draft's origin follows what is stored until something is typed.
  if (!dirty && editedFrom !== stored) setEditedFrom(stored);
  return dirty && JSON.stringify(editedFrom) !== JSON.stringify(stored);
}

/**
 * Keeps an unsaved draft when the tab goes away without asking, and brings it back on return. Returns what
 * to call when the person chose to leave without saving.
 */
function useKeptDraft(callId: number, replace: (draft: SettingsDraft) => void, draft: SettingsDraft, dirty: boolean): () => void {
  const latest = useRef({ draft, dirty, discarded: false });
  useEffect(() => {
    latest.current.draft = draft;
    latest.current.dirty = dirty;
  });
  useEffect(() => {
    const state = latest.current;
    const kept = leftDrafts.get(callId);
    leftDrafts.delete(callId);
    if (kept) replace(kept);
    return () => {
      if (state.dirty && !state.discarded) leftDrafts.set(callId, state.draft);
    };
  }, [callId, replace]);
  return useCallback(() => {
    latest.current.discarded = true;
  }, []);
}
