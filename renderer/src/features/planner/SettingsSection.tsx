import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { Weekday } from '../../../../shared/domain/planner/model.js';
import type { Call } from '../../../../shared/model/entities.js';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { errorProps, focusFirstError, keepFocusOnPress, useDraftForm, type DraftForm } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { describedBy, errorClasses, FieldMessage } from './FieldMessage.js';
import { longDay } from './plannerText.js';
import {
  draftOfSettings,
  draftProblems,
  formFieldErrors,
  HOLIDAY_ZONE_LABELS,
  holidaysOfDraft,
  nextId,
  settingsOfDraft,
  WEEKDAY_LABELS,
  type BlackoutDraft,
  type PanelDraft,
  type SettingsDraft,
} from './settingsDraft.js';

const checkDraft = (d: SettingsDraft) => {
  const errors = draftProblems(d);
  return { ok: Object.keys(errors).length === 0, errors };
};

const SHOWN_WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6];

interface Props {
  call: Call;
  view: PlannerView;
  onView(view: PlannerView): void;
}

/** « Réglages »: the window, days, hours, rooms and jury rules the planner works with. */
export function SettingsSection({ call, view, onView }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
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
      {/* Saved (here or in another window): the form starts again from what is stored. */}
      <SettingsForm key={JSON.stringify(view.settings)} call={call} view={view} onView={onView} notice={notice} onNotice={setNotice} />
    </section>
  );
}

interface FormProps extends Props {
  notice: string | null;
  onNotice(text: string | null): void;
}

function SettingsForm({ call, view, onView, notice, onNotice }: FormProps) {
  const api = useApp((s) => s.api);
  const form = useDraftForm<SettingsDraft>(draftOfSettings(view.settings), checkDraft);
  const { draft, errors } = form;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sitting = view.members.filter((m) => m.sits);
  const taken = (kind: 'rooms' | 'panels') =>
    kind === 'rooms'
      ? [...draft.rooms.map((r) => r.id), ...view.settings.rooms.map((r) => r.id), ...view.slots.map((s) => s.roomId)]
      : [...draft.panels.map((p) => p.id), ...view.settings.panels.map((p) => p.id)];

  /**
   * Every change goes through here. The field's error shows as it is typed (not only when it is left: an error
   * appearing on blur would move the layout under the pointer and lose the click), and the last save's notice
   * no longer describes the form.
   */
  const change = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K], touch: string = key) => {
    form.set(key, value);
    form.touch(touch);
    if (notice) onNotice(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.markSubmitted();
    setFailure(null);
    if (form.hasErrors) {
      setFailure('Les réglages contiennent des erreurs : corrigez les champs signalés.');
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('planner-settings-save', { callId: view.callId, settings: settingsOfDraft(draft) });
      onNotice(
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
    form.replace(draftOfSettings(view.settings));
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

      <RoomsEditor form={form} change={change} taken={() => taken('rooms')} />

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Jury</legend>
        <div className="form-grid" style={{ width: '100%' }}>
          <Input
            label="Quorum"
            hintText={`Membres présents au moins à chaque entretien (${sitting.length} membres siègent).`}
            nativeInputProps={{ type: 'number', min: 1, name: 'quorum', value: draft.quorum, onChange: (e) => change('quorum', e.target.value), onBlur: () => form.touch('quorum') }}
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
                label="Graine du calcul"
                hintText="Les mêmes réglages et la même graine donnent toujours le même planning ; une autre graine donne une autre proposition équivalente."
                nativeInputProps={{ type: 'number', min: 0, name: 'seed', value: draft.seed, onChange: (e) => change('seed', e.target.value), onBlur: () => form.touch('seed') }}
                {...errorProps(errors, 'seed')}
              />
            </div>
          </details>
        </div>
      </fieldset>

      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      <div className="toolbar fr-mb-2w" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
          Enregistrer les réglages
        </Button>
        <Button type="button" priority="secondary" disabled={saving} onClick={reset}>
          Annuler les modifications
        </Button>
        <span role="status" className={notice ? 'fr-valid-text fr-mt-0' : undefined} data-testid="planner-settings-saved">
          {notice ?? ''}
        </span>
      </div>
    </form>
  );
}

type Change = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K], touch?: string) => void;

function SessionFields({ form, change, which }: { form: DraftForm<SettingsDraft>; change: Change; which: 'morning' | 'afternoon' }) {
  const { draft, errors } = form;
  const name = which === 'morning' ? 'matin' : 'après-midi';
  const on = which === 'morning' ? draft.morningOn : draft.afternoonOn;
  const start = which === 'morning' ? draft.morningStart : draft.afternoonStart;
  const end = which === 'morning' ? draft.morningEnd : draft.afternoonEnd;
  const messageId = `planner-${which}-error`;
  const message = errors[which];
  const setTime = (part: 'Start' | 'End', value: string) =>
    change(which === 'morning' ? (part === 'Start' ? 'morningStart' : 'morningEnd') : part === 'Start' ? 'afternoonStart' : 'afternoonEnd', value, which);
  const checkboxId = `planner-${which}-on`;
  return (
    <div role="group" aria-label={which === 'morning' ? 'Matin' : 'Après-midi'} className="span-all fr-mb-2w">
      <div className="planner-session">
        <div className="fr-checkbox-group">
          <input
            type="checkbox"
            id={checkboxId}
            checked={on}
            onChange={(e) => change(which === 'morning' ? 'morningOn' : 'afternoonOn', e.target.checked, which)}
          />
          <label className="fr-label" htmlFor={checkboxId}>
            {which === 'morning' ? 'Entretiens le matin' : 'Entretiens l’après-midi'}
          </label>
        </div>
        <Input
          label={`Début du ${name}`}
          hintText="hh:mm"
          disabled={!on}
          classes={errorClasses(message)}
          nativeInputProps={{ value: start, inputMode: 'numeric', autoComplete: 'off', onChange: (e) => setTime('Start', e.target.value), onBlur: () => form.touch(which), ...describedBy(messageId, message) }}
        />
        <Input
          label={`Fin du ${name}`}
          hintText="hh:mm"
          disabled={!on}
          classes={errorClasses(message)}
          nativeInputProps={{ value: end, inputMode: 'numeric', autoComplete: 'off', onChange: (e) => setTime('End', e.target.value), onBlur: () => form.touch(which), ...describedBy(messageId, message) }}
        />
      </div>
      <FieldMessage id={messageId} message={message} />
    </div>
  );
}

function BlackoutsEditor({ form, change }: { form: DraftForm<SettingsDraft>; change: Change }) {
  const { draft, errors } = form;
  const update = (i: number, patch: Partial<BlackoutDraft>) => change('blackouts', draft.blackouts.map((b, j) => (j === i ? { ...b, ...patch } : b)), `blackouts.${i}`);
  const add = () => {
    const from = draft.from || '';
    change('blackouts', [...draft.blackouts, { from, to: from, half: '', label: '' }]);
  };
  return (
    <fieldset className="fr-fieldset" aria-describedby="planner-blackouts-hint">
      <legend className="fr-fieldset__legend fr-h5">Périodes exclues</legend>
      <p id="planner-blackouts-hint" className="fr-hint-text fr-mb-2w" style={{ width: '100%' }}>
        Jours pris par d’autres obligations (brevet, baccalauréat, conseils de classe) : aucun entretien n’y est placé.
      </p>
      <div style={{ width: '100%' }}>
        {draft.blackouts.length === 0 && <p className="fr-text--sm">Aucune période exclue.</p>}
        {draft.blackouts.map((b, i) => {
          const key = `blackouts.${i}`;
          const messageId = `planner-blackout-${i}-error`;
          const described = describedBy(messageId, errors[key]);
          const leave = () => form.touch(key);
          return (
            <div key={i} role="group" className="fr-mb-2w" aria-label={`Période exclue ${i + 1}`} data-testid="planner-blackout">
              <div className="toolbar" style={{ width: '100%' }}>
                <Input label="Du" hintText="jj/mm/aaaa" classes={errorClasses(errors[key])} nativeInputProps={{ value: b.from, autoComplete: 'off', onChange: (e) => update(i, { from: e.target.value }), onBlur: leave, ...described }} />
                <Input label="Au" hintText="jj/mm/aaaa" classes={errorClasses(errors[key])} nativeInputProps={{ value: b.to, autoComplete: 'off', onChange: (e) => update(i, { to: e.target.value }), onBlur: leave, ...described }} />
                <Select label="Demi-journée" nativeSelectProps={{ value: b.half, onChange: (e) => update(i, { half: e.target.value as BlackoutDraft['half'] }), onBlur: leave }}>
                  <option value="">Journée entière</option>
                  <option value="am">Matin seulement</option>
                  <option value="pm">Après-midi seulement</option>
                </Select>
                <div className="grow">
                  <Input
                    label="Motif"
                    className="fr-mb-0"
                    classes={errorClasses(errors[key])}
                    nativeInputProps={{ value: b.label, autoComplete: 'off', onChange: (e) => update(i, { label: e.target.value }), onBlur: leave, ...described }}
                  />
                </div>
                <Button
                  type="button"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  onClick={() => change('blackouts', draft.blackouts.filter((_, j) => j !== i), 'blackouts')}
                  nativeButtonProps={{ 'aria-label': `Retirer la période exclue ${i + 1}${b.label.trim() ? ` (${b.label.trim()})` : ''}` }}
                >
                  Retirer
                </Button>
              </div>
              <FieldMessage id={messageId} message={errors[key]} />
            </div>
          );
        })}
        <FieldMessage id="planner-blackouts-error" message={errors.blackouts} />
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add} className="fr-mb-3w">
          Ajouter une période exclue
        </Button>
      </div>
    </fieldset>
  );
}

function RoomsEditor({ form, change, taken }: { form: DraftForm<SettingsDraft>; change: Change; taken(): string[] }) {
  const { draft, errors } = form;
  const add = () => {
    const id = nextId('salle', taken());
    change('rooms', [...draft.rooms, { id, label: `Salle ${id.slice('salle-'.length)}` }], 'rooms');
  };
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-h5">Salles</legend>
      <div style={{ width: '100%' }}>
        <p className="fr-hint-text">Une salle reçoit un jury à la fois ; plusieurs salles permettent d’entendre en parallèle, si les membres suffisent.</p>
        {draft.rooms.map((room, i) => {
          const key = `rooms.${i}`;
          return (
            <div key={room.id} className="toolbar fr-mb-2w" data-testid="planner-room">
              <Input
                label={`Nom de la salle ${i + 1}`}
                nativeInputProps={{
                  value: room.label,
                  autoComplete: 'off',
                  onChange: (e) => change('rooms', draft.rooms.map((r, j) => (j === i ? { ...r, label: e.target.value } : r)), key),
                  onBlur: () => form.touch(key),
                }}
                {...errorProps(errors, key)}
              />
              <Button
                type="button"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                disabled={draft.rooms.length === 1}
                onClick={() => change('rooms', draft.rooms.filter((_, j) => j !== i), 'rooms')}
                nativeButtonProps={{ 'aria-label': `Retirer la salle ${room.label.trim() || i + 1}` }}
              >
                Retirer
              </Button>
            </div>
          );
        })}
        <FieldMessage id="planner-rooms-error" message={errors.rooms} />
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add} className="fr-mb-3w">
          Ajouter une salle
        </Button>
      </div>
    </fieldset>
  );
}

function PanelsEditor({ call, view, form, change, taken }: { call: Call; view: PlannerView; form: DraftForm<SettingsDraft>; change: Change; taken(): string[] }) {
  const { draft, errors } = form;
  const sitting = view.members.filter((m) => m.sits);
  const update = (i: number, patch: Partial<PanelDraft>) => change('panels', draft.panels.map((p, j) => (j === i ? { ...p, ...patch } : p)), `panels.${i}`);
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const add = () => change('panels', [...draft.panels, { id: nextId('jury', taken()), label: '', posts: [], memberIds: [], quorum: '' }]);
  return (
    <div style={{ width: '100%' }} className="fr-mt-2w">
      <h3 className="fr-h6 fr-mb-1w">Jurys par poste</h3>
      <p className="fr-hint-text">
        Facultatif : sans jury par poste, la commission entière entend tous les candidats. Un jury par poste n’entend que les candidats de ses postes,
        avec ses seuls membres.
      </p>
      {draft.panels.map((panel, i) => {
        const key = `panels.${i}`;
        const messageId = `planner-panel-${i}-error`;
        const fieldErrors: FieldErrors = errors;
        return (
          <div role="group" key={panel.id} className="fr-mb-3w fr-p-2w planner-panel" aria-label={`Jury ${i + 1}${panel.label.trim() ? ` : ${panel.label.trim()}` : ''}`} data-testid="planner-panel">
            <div className="form-grid" style={{ width: '100%' }}>
              <Input
                label="Nom du jury"
                classes={errorClasses(fieldErrors[key])}
                nativeInputProps={{ value: panel.label, autoComplete: 'off', onChange: (e) => update(i, { label: e.target.value }), ...describedBy(messageId, fieldErrors[key]) }}
              />
              <Input
                label="Quorum de ce jury (facultatif)"
                hintText="Vide : le quorum général."
                nativeInputProps={{ type: 'number', min: 1, value: panel.quorum, onChange: (e) => update(i, { quorum: e.target.value }), ...describedBy(messageId, fieldErrors[key]) }}
              />
              <Checkbox
                legend="Postes entendus"
                small
                options={call.posts.map((post) => ({
                  label: post.site ? `${post.label} — ${post.site}` : post.label,
                  nativeInputProps: { checked: panel.posts.includes(String(post.id)), onChange: (e) => update(i, { posts: toggle(panel.posts, String(post.id), e.target.checked) }) },
                }))}
              />
              <Checkbox
                legend="Membres du jury"
                small
                options={sitting.map((m) => ({
                  label: m.president ? `${m.name} (présidence)` : m.name,
                  nativeInputProps: { checked: panel.memberIds.includes(m.id), onChange: (e) => update(i, { memberIds: toggle(panel.memberIds, m.id, e.target.checked) }) },
                }))}
              />
            </div>
            <FieldMessage id={messageId} message={fieldErrors[key]} />
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={() => change('panels', draft.panels.filter((_, j) => j !== i), 'panels')}
              nativeButtonProps={{ 'aria-label': `Retirer le jury ${panel.label.trim() || i + 1}` }}
            >
              Retirer ce jury
            </Button>
          </div>
        );
      })}
      <FieldMessage id="planner-panels-error" message={errors.panels} />
      <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add} disabled={call.posts.length === 0 || sitting.length === 0} className="fr-mb-3w">
        Ajouter un jury par poste
      </Button>
    </div>
  );
}
