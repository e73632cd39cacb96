// The parts of the settings form made of several fields: half-day sessions, excluded periods, rooms, panels.
// An error is drawn on the very field it is about (DSFR error state), so that focusFirstError lands there.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { Room } from '../../../../shared/domain/planner/model.js';
import type { Call } from '../../../../shared/model/entities.js';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { errorProps, type DraftForm } from '../../components/useDraftForm.js';
import { FieldMessage } from './FieldMessage.js';
import { focusById } from '../../components/focusWhenDrawn.js';
import {
  blackoutFieldInError,
  holdingText,
  nextId,
  panelFieldInError,
  roomHolding,
  sessionFieldInError,
  type BlackoutDraft,
  type PanelDraft,
  type RoomHolding,
  type SettingsDraft,
} from './settingsDraft.js';

export type Change = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K], touch?: string) => void;

interface EditorProps {
  form: DraftForm<SettingsDraft>;
  change: Change;
}

/** DSFR error state for the field `field` when the group's message is about it. */
function stateOf(message: string | undefined, inError: boolean) {
  return message && inError ? ({ state: 'error', stateRelatedMessage: message } as const) : ({ state: 'default' } as const);
}

export function SessionFields({ form, change, which }: EditorProps & { which: 'morning' | 'afternoon' }) {
  const { draft, errors } = form;
  const morning = which === 'morning';
  const on = morning ? draft.morningOn : draft.afternoonOn;
  const message = errors[which];
  const field = message ? sessionFieldInError(draft, which) : null;
  const setTime = (part: 'Start' | 'End', value: string) =>
    change(morning ? (part === 'Start' ? 'morningStart' : 'morningEnd') : part === 'Start' ? 'afternoonStart' : 'afternoonEnd', value, which);
  const time = (part: 'Start' | 'End') => (
    <Input
      label={`${part === 'Start' ? 'Début' : 'Fin'} ${morning ? 'du matin' : 'de l’après-midi'}`}
      hintText="hh:mm"
      disabled={!on}
      nativeInputProps={{
        value: morning ? draft[`morning${part}`] : draft[`afternoon${part}`],
        inputMode: 'numeric',
        autoComplete: 'off',
        onChange: (e) => setTime(part, e.target.value),
        onBlur: () => form.touch(which),
      }}
      {...stateOf(message, field === (part === 'Start' ? 'start' : 'end'))}
    />
  );
  return (
    <div role="group" aria-label={morning ? 'Matin' : 'Après-midi'} className="span-all fr-mb-2w">
      <div className="planner-session">
        <Checkbox
          options={[
            {
              label: morning ? 'Entretiens le matin' : 'Entretiens l’après-midi',
              nativeInputProps: { checked: on, onChange: (e) => change(morning ? 'morningOn' : 'afternoonOn', e.target.checked, which) },
            },
          ]}
          {...stateOf(message, field === 'on')}
        />
        {time('Start')}
        {time('End')}
      </div>
    </div>
  );
}

export function BlackoutsEditor({ form, change }: EditorProps) {
  const { draft, errors } = form;
  const update = (i: number, patch: Partial<BlackoutDraft>) => change('blackouts', draft.blackouts.map((b, j) => (j === i ? { ...b, ...patch } : b)), `blackouts.${i}`);
  const add = () => change('blackouts', [...draft.blackouts, { from: draft.from || '', to: draft.from || '', half: '', label: '' }]);
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
          const message = errors[key];
          const field = message ? blackoutFieldInError(b) : null;
          const leave = () => form.touch(key);
          const text = (name: 'from' | 'to' | 'label', label: string, hint?: string) => (
            <Input
              label={label}
              hintText={hint}
              className={name === 'label' ? 'fr-mb-0' : undefined}
              nativeInputProps={{ value: b[name], autoComplete: 'off', onChange: (e) => update(i, { [name]: e.target.value }), onBlur: leave }}
              {...stateOf(message, field === name)}
            />
          );
          return (
            <div key={i} role="group" className="fr-mb-2w" aria-label={`Période exclue ${i + 1}`} data-testid="planner-blackout">
              <div className="planner-row planner-row--hinted" style={{ width: '100%' }}>
                {text('from', 'Du', 'jj/mm/aaaa')}
                {text('to', 'Au', 'jj/mm/aaaa')}
                <Select label="Demi-journée" hint="Matin, après-midi ou journée" nativeSelectProps={{ value: b.half, onChange: (e) => update(i, { half: e.target.value as BlackoutDraft['half'] }), onBlur: leave }}>
                  <option value="">Journée entière</option>
                  <option value="am">Matin seulement</option>
                  <option value="pm">Après-midi seulement</option>
                </Select>
                <div className="grow">{text('label', 'Motif', 'Brevet, conseil de classe…')}</div>
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

interface RoomsProps extends EditorProps {
  view: PlannerView;
  /** Stored rooms the draft removed while they still hold interviews. */
  removed: (Room & RoomHolding)[];
  taken(): string[];
}

const roomIds = (id: string) => ({ remove: `planner-room-remove-${id}`, drop: `planner-room-drop-${id}`, restore: `planner-room-restore-${id}` });

export function RoomsEditor({ form, change, view, removed, taken }: RoomsProps) {
  const { draft, errors } = form;
  const [confirming, setConfirming] = useState<string | null>(null);
  const add = () => {
    const id = nextId('salle', taken());
    change('rooms', [...draft.rooms, { id, label: `Salle ${id.slice('salle-'.length)}` }], 'rooms');
  };
  const ask = (id: string) => {
    setConfirming(id);
    focusById(roomIds(id).drop);
  };
  const keep = (id: string) => {
    setConfirming(null);
    focusById(roomIds(id).remove);
  };
  const drop = (id: string) => {
    setConfirming(null);
    change('rooms', draft.rooms.filter((r) => r.id !== id), 'rooms');
  };
  // Back where it was stored, its name as stored.
  const restore = (room: Room) => {
    const at = Math.max(0, view.settings.rooms.findIndex((r) => r.id === room.id));
    const stored = view.settings.rooms[at] ?? room;
    change('rooms', [...draft.rooms.slice(0, at), { ...stored }, ...draft.rooms.slice(at)], 'rooms');
    focusById(roomIds(room.id).remove);
  };
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-h5">Salles</legend>
      <div style={{ width: '100%' }}>
        <p className="fr-hint-text">Une salle reçoit un jury à la fois ; plusieurs salles permettent d’entendre en parallèle, si les membres suffisent.</p>
        {draft.rooms.map((room, i) => {
          const key = `rooms.${i}`;
          const name = room.label.trim() || String(i + 1);
          const held = roomHolding(room.id, view.slots);
          return (
            <div key={room.id} className="fr-mb-2w" data-testid="planner-room">
              <div className="planner-row">
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
                {confirming !== room.id && (
                  <Button
                    type="button"
                    priority="tertiary"
                    iconId="fr-icon-delete-line"
                    disabled={draft.rooms.length === 1}
                    onClick={() => (held.count ? ask(room.id) : drop(room.id))}
                    nativeButtonProps={{ id: roomIds(room.id).remove, 'aria-label': `Retirer la salle ${name}` }}
                  >
                    Retirer
                  </Button>
                )}
              </div>
              {confirming === room.id && (
                <div role="group" aria-label={`Retirer la salle ${name}`} className="planner-room-confirm" data-testid="planner-room-confirm">
                  <p className="fr-text--sm fr-mb-1w">
                    {`La salle « ${name} » ${holdingText(held)}. Les réglages sans elle ne pourront être enregistrés qu’une fois ces entretiens déplacés dans une autre salle (Planning, « Déplacer… »).`}
                  </p>
                  <div className="planning-actions">
                    <Button
                      type="button"
                      size="small"
                      iconId="fr-icon-delete-line"
                      onClick={() => {
                        drop(room.id);
                        focusById(roomIds(room.id).restore);
                      }}
                      nativeButtonProps={{ id: roomIds(room.id).drop }}
                    >
                      Retirer quand même
                    </Button>
                    <Button type="button" size="small" priority="secondary" onClick={() => keep(room.id)}>
                      Garder la salle
                    </Button>
                  </div>
                </div>
              )}
            </div>
          );
        })}
        {removed.map((room) => (
          <div key={room.id} className="fr-input-group fr-input-group--error fr-mb-2w" data-testid="planner-room-removed">
            <p className="fr-label fr-mb-1v">{`Salle « ${room.label} » : retirée, non enregistré`}</p>
            <p className="fr-error-text fr-mt-0 fr-mb-1w" id={`planner-room-removed-${room.id}`}>
              {`Elle ${holdingText(room)} : déplacez-les dans une autre salle avant d’enregistrer, ou rétablissez-la.`}
            </p>
            <Button
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-arrow-go-back-line"
              onClick={() => restore(room)}
              nativeButtonProps={{ id: roomIds(room.id).restore, 'aria-describedby': `planner-room-removed-${room.id}` }}
            >
              {`Rétablir la salle « ${room.label} »`}
            </Button>
          </div>
        ))}
        <FieldMessage id="planner-rooms-error" message={roomsMessage(errors, draft.rooms.length)} />
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add} className="fr-mb-3w">
          Ajouter une salle
        </Button>
      </div>
    </fieldset>
  );
}

/** The rooms' own message, and any about a room no longer in the form (the services name it). */
function roomsMessage(errors: FieldErrors, shown: number): string | undefined {
  const orphans = Object.entries(errors)
    .filter(([key]) => /^rooms\.\d+$/.test(key) && Number(key.slice('rooms.'.length)) >= shown)
    .map(([, message]) => message);
  const all = [errors.rooms, ...orphans].filter((m): m is string => !!m);
  return all.length ? all.join(' ') : undefined;
}

interface PanelsProps extends EditorProps {
  call: Call;
  view: PlannerView;
  taken(): string[];
}

export function PanelsEditor({ call, view, form, change, taken }: PanelsProps) {
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
        const message = errors[`panels.${i}`];
        const field = message ? panelFieldInError(panel, message) : null;
        return (
          <div role="group" key={panel.id} className="fr-mb-3w fr-p-2w planner-panel" aria-label={`Jury ${i + 1}${panel.label.trim() ? ` : ${panel.label.trim()}` : ''}`} data-testid="planner-panel">
            <div className="form-grid" style={{ width: '100%' }}>
              <Input
                label="Nom du jury"
                nativeInputProps={{ value: panel.label, autoComplete: 'off', onChange: (e) => update(i, { label: e.target.value }) }}
                {...stateOf(message, field === 'label')}
              />
              <Input
                label="Quorum de ce jury (facultatif)"
                hintText={`Vide : le quorum général. Au plus le nombre de membres de ce jury${panel.memberIds.length ? ` (${panel.memberIds.length})` : ''}.`}
                nativeInputProps={{ type: 'number', min: 1, max: panel.memberIds.length || undefined, value: panel.quorum, onChange: (e) => update(i, { quorum: e.target.value }) }}
                {...stateOf(message, field === 'quorum')}
              />
              <Checkbox
                legend="Postes entendus"
                small
                options={call.posts.map((post) => ({
                  label: post.site ? `${post.label} — ${post.site}` : post.label,
                  nativeInputProps: { checked: panel.posts.includes(String(post.id)), onChange: (e) => update(i, { posts: toggle(panel.posts, String(post.id), e.target.checked) }) },
                }))}
                {...stateOf(message, field === 'posts')}
              />
              <Checkbox
                legend="Membres du jury"
                small
                options={sitting.map((m) => ({
                  label: m.president ? `${m.name} (présidence)` : m.name,
                  nativeInputProps: { checked: panel.memberIds.includes(m.id), onChange: (e) => update(i, { memberIds: toggle(panel.memberIds, m.id, e.target.checked) }) },
                }))}
                {...stateOf(message, field === 'members')}
              />
            </div>
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
