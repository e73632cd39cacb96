import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { Call } from '../../../../shared/model/entities.js';
import { DISCIPLINES, MEMBER_ROLE_LABELS, MEMBER_ROLES, disciplineLabel, type MemberRole } from '../../../../shared/model/referential.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { plural } from '../../components/labels.js';

const fieldState = (errors: FieldErrors, key: string) =>
  errors[key] ? ({ state: 'error', stateRelatedMessage: errors[key] } as const) : ({ state: 'default' } as const);

export function CommissionTab({ call }: { call: Call }) {
  const loadPeople = useApp((s) => s.loadPeople);
  useEffect(() => {
    void loadPeople(call.id);
  }, [call.id, loadPeople]);
  return (
    <>
      <MembersSection call={call} />
      <InspectorsSection call={call} />
    </>
  );
}

function MembersSection({ call }: { call: Call }) {
  const members = useApp((s) => s.members);
  const api = useApp((s) => s.api);
  const loadPeople = useApp((s) => s.loadPeople);
  const notify = useApp((s) => s.notify);
  const [draft, setDraft] = useState({ name: '', role: 'membre' as MemberRole, email: '', etablissement: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.invoke('members-save', { callId: call.id, member: draft });
      setDraft({ name: '', role: 'membre', email: '', etablissement: '' });
      setErrors({});
      await loadPeople(call.id);
    } catch (error) {
      if (error instanceof ApiError) setErrors({ ...error.fieldErrors, _: error.message });
    }
  };
  const remove = async (id: number, name: string) => {
    if (!window.confirm(`Retirer ${name} de la commission ?`)) return;
    await api.invoke('members-delete', { id });
    await loadPeople(call.id);
    notify({ kind: 'success', text: `${name} a été retiré(e) de la commission.` });
  };

  return (
    <section aria-labelledby="titre-membres" className="fr-mb-5w">
      <h2 id="titre-membres" className="fr-h4">
        Membres de la commission
      </h2>
      {call.presidedBy && <p>Présidence prévue par l’appel : {call.presidedBy}.</p>}
      <div className="fr-table fr-table--no-caption">
        <table data-testid="members-table">
          <caption>Membres</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Adresse mail</th>
              <th scope="col">Établissement</th>
              <th scope="col">
                <span className="fr-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.length === 0 && (
              <tr>
                <td colSpan={5}>Aucun membre pour l’instant.</td>
              </tr>
            )}
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{MEMBER_ROLE_LABELS[m.role]}</td>
                <td>{m.email || '—'}</td>
                <td>{m.etablissement || '—'}</td>
                <td>
                  <Button size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => void remove(m.id, m.name)}>
                    Retirer
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={(e) => void submit(e)} className="toolbar" aria-label="Ajouter un membre">
        <Input label="Nom du membre" nativeInputProps={{ value: draft.name, onChange: (e) => setDraft({ ...draft, name: e.target.value }) }} {...fieldState(errors, 'name')} />
        <Select label="Rôle" nativeSelectProps={{ value: draft.role, onChange: (e) => setDraft({ ...draft, role: e.target.value as MemberRole }) }} {...fieldState(errors, 'role')}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {MEMBER_ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <Input label="Adresse mail" nativeInputProps={{ value: draft.email, onChange: (e) => setDraft({ ...draft, email: e.target.value }), type: 'email' }} {...fieldState(errors, 'email')} />
        <Input
          label="Établissement d’exercice"
          hintText="Facultatif : sert à proposer les liens d’intérêts."
          nativeInputProps={{ value: draft.etablissement, onChange: (e) => setDraft({ ...draft, etablissement: e.target.value }) }}
          {...fieldState(errors, 'etablissement')}
        />
        <Button type="submit" iconId="fr-icon-add-line">
          Ajouter le membre
        </Button>
      </form>
      {errors._ && !errors.name && !errors.email && !errors.role && <p className="fr-error-text">{errors._}</p>}
    </section>
  );
}

function InspectorsSection({ call }: { call: Call }) {
  const inspectors = useApp((s) => s.inspectors);
  const api = useApp((s) => s.api);
  const loadPeople = useApp((s) => s.loadPeople);
  const [draft, setDraft] = useState({ name: '', email: '', disciplines: [] as string[] });
  const [errors, setErrors] = useState<FieldErrors>({});
  // The call's own disciplines first: they are the ones whose inspectors are asked for an opinion.
  const choices = call.acceptedDisciplines.length ? DISCIPLINES.filter((d) => call.acceptedDisciplines.includes(d.code)) : DISCIPLINES;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.invoke('inspectors-save', { callId: call.id, inspector: draft });
      setDraft({ name: '', email: '', disciplines: [] });
      setErrors({});
      await loadPeople(call.id);
    } catch (error) {
      if (error instanceof ApiError) setErrors({ ...error.fieldErrors, _: error.message });
    }
  };
  const remove = async (id: number, name: string) => {
    if (!window.confirm(`Retirer l’inspecteur ${name} ?`)) return;
    await api.invoke('inspectors-delete', { id });
    await loadPeople(call.id);
  };
  const toggle = (code: string, on: boolean) =>
    setDraft({ ...draft, disciplines: on ? [...draft.disciplines, code] : draft.disciplines.filter((d) => d !== code) });

  return (
    <section aria-labelledby="titre-inspecteurs">
      <h2 id="titre-inspecteurs" className="fr-h4">
        Inspecteurs (IA-IPR) sollicités pour avis
      </h2>
      <div className="fr-table fr-table--no-caption">
        <table data-testid="inspectors-table">
          <caption>Inspecteurs</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Disciplines</th>
              <th scope="col">Adresse mail</th>
              <th scope="col">
                <span className="fr-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inspectors.length === 0 && (
              <tr>
                <td colSpan={4}>Aucun inspecteur pour l’instant.</td>
              </tr>
            )}
            {inspectors.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.disciplines.map(disciplineLabel).join(', ')}</td>
                <td>{i.email}</td>
                <td>
                  <Button size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => void remove(i.id, i.name)}>
                    Retirer
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={(e) => void submit(e)} aria-label="Ajouter un inspecteur">
        <div className="toolbar">
          <Input label="Nom de l’inspecteur" nativeInputProps={{ value: draft.name, onChange: (e) => setDraft({ ...draft, name: e.target.value }) }} {...fieldState(errors, 'name')} />
          <Input label="Adresse mail" nativeInputProps={{ value: draft.email, type: 'email', onChange: (e) => setDraft({ ...draft, email: e.target.value }) }} {...fieldState(errors, 'email')} />
        </div>
        <Checkbox
          legend="Disciplines"
          orientation="horizontal"
          small
          {...fieldState(errors, 'disciplines')}
          options={choices.map((d) => ({
            label: d.label,
            nativeInputProps: { checked: draft.disciplines.includes(d.code), onChange: (e) => toggle(d.code, e.target.checked) },
          }))}
        />
        <Button type="submit" iconId="fr-icon-add-line">
          Ajouter l’inspecteur
        </Button>
      </form>
      <CopyInspectors call={call} />
    </section>
  );
}

/** The same inspectors serve several calls: reuse another call's list rather than typing it again. */
function CopyInspectors({ call }: { call: Call }) {
  const api = useApp((s) => s.api);
  const loadPeople = useApp((s) => s.loadPeople);
  const [others, setOthers] = useState<{ id: number; title: string }[]>([]);
  const [fromCallId, setFromCallId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('calls-list', { includeArchived: true }).then((calls) => {
      if (live) setOthers(calls.filter((c) => c.id !== call.id).map((c) => ({ id: c.id, title: c.title })));
    });
    return () => {
      live = false;
    };
  }, [api, call.id]);
  if (others.length === 0) return null;
  const copy = async (e: FormEvent) => {
    e.preventDefault();
    if (!fromCallId) return;
    try {
      const result = await api.invoke('inspectors-copy', { callId: call.id, fromCallId: Number(fromCallId) });
      setMessage({ ok: true, text: result.added === 0 ? 'Ces inspecteurs sont déjà tous dans la liste.' : `${plural(result.added, 'inspecteur repris', 'inspecteurs repris')}.` });
      await loadPeople(call.id);
    } catch (error) {
      if (error instanceof ApiError) setMessage({ ok: false, text: error.message });
    }
  };
  return (
    <form onSubmit={(e) => void copy(e)} aria-label="Reprendre les inspecteurs d’un autre appel" className="fr-mt-3w">
      <div className="toolbar">
        <Select
          label="Reprendre les inspecteurs d’un autre appel"
          nativeSelectProps={{ value: fromCallId, onChange: (e) => setFromCallId(e.target.value) }}
        >
          <option value="">— Choisir un appel —</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary" disabled={!fromCallId}>
          Reprendre
        </Button>
      </div>
      {message && <p className={message.ok ? 'fr-valid-text' : 'fr-error-text'}>{message.text}</p>}
    </form>
  );
}
