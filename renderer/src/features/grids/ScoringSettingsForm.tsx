import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { VISIBILITY, VISIBILITY_LABELS, type ScoringSettings, type Visibility } from '../../../../shared/model/scoring.js';
import { errorProps, keepFocusOnPress } from '../../components/useDraftForm.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';
import { failureMessage } from '../admissibility/format.js';
import { formatPoints, readNumber } from './gridDraft.js';

interface SettingsDraft {
  visibility: Visibility;
  deliberationOpen: boolean;
  /** Points on 20, as typed. */
  points: string;
}

const draftOf = (s: ScoringSettings): SettingsDraft => ({ visibility: s.visibility, deliberationOpen: s.deliberationOpen, points: formatPoints(s.disagreementShare * 20, 2) });

/** The share of the scale as points on 20: 5 → 0.25; between 1 and 20 points (5 % to 100 %). */
function checkDraft(d: SettingsDraft): { ok: true; value: ScoringSettings } | { ok: false; errors: FieldErrors } {
  const points = readNumber(d.points);
  if (!(points >= 1 && points <= 20)) return { ok: false, errors: { disagreementShare: 'Un écart de 1 à 20 points sur 20.' } };
  return { ok: true, value: { visibility: d.visibility, deliberationOpen: d.deliberationOpen, disagreementShare: Math.round((points / 20) * 1000) / 1000 } };
}

/** « Réglages de l’évaluation »: when members see each other's scores, and from what spread they disagree. */
export function ScoringSettingsForm({ callId }: { callId: number }) {
  const api = useApp((s) => s.api);
  const [loaded, setLoaded] = useState<ScoringSettings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // The settings are the call's: either phase's overview carries them.
    void api
      .invoke('evaluation-overview', { callId, phase: 'dossier' })
      .then((overview) => setLoaded(overview.settings))
      .catch((error: unknown) => setFailure(failureMessage(error, 'Erreur inattendue : les réglages n’ont pas pu être lus.')));
  }, [api, callId]);

  return (
    <section aria-labelledby="reglages-evaluation" className="fr-mt-6w" data-testid="scoring-settings">
      <h2 id="reglages-evaluation" className="fr-h4">
        Réglages de l’évaluation
      </h2>
      {loaded ? <SettingsForm callId={callId} initial={loaded} /> : <p>{failure ?? 'Chargement des réglages…'}</p>}
    </section>
  );
}

function SettingsForm({ callId, initial }: { callId: number; initial: ScoringSettings }) {
  const api = useApp((s) => s.api);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [savedDraft, setSavedDraft] = useState<SettingsDraft | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('scoring-settings-save', { callId, settings: checked.value });
      const next = draftOf(saved);
      setDraft(next);
      setSavedDraft(next);
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError) {
        const fe = error.fieldErrors;
        setErrors({ disagreementShare: fe['settings.disagreementShare'] ?? fe.disagreementShare, visibility: fe['settings.visibility'] ?? fe.visibility });
      }
      setFailure(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const points = readNumber(draft.points);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Réglages de l’évaluation">
      <RadioButtons
        legend="Quand un membre voit-il les notes des autres membres ?"
        name="scoring-visibility"
        options={VISIBILITY.map((v) => ({
          label: VISIBILITY_LABELS[v],
          nativeInputProps: { value: v, checked: draft.visibility === v, onChange: () => setDraft((d) => ({ ...d, visibility: v })) },
        }))}
        {...errorProps(errors, 'visibility')}
      />
      <Checkbox
        options={[
          {
            label: 'Délibération ouverte : chaque membre voit toutes les notes',
            hintText: 'À cocher quand la commission délibère ; avant, la règle ci-dessus s’applique.',
            nativeInputProps: { checked: draft.deliberationOpen, onChange: (e) => setDraft((d) => ({ ...d, deliberationOpen: e.target.checked })) },
          },
        ]}
      />
      <div style={{ maxWidth: '24rem' }}>
        <Input
          label="Écart signalé comme divergence (points sur 20)"
          hintText={
            points >= 1 && points <= 20
              ? `Les notes divergent quand les totaux des membres s’écartent de plus de ${formatPoints(points, 2)} points sur 20 (${formatPoints((points / 20) * 100, 1)} % de l’échelle).`
              : 'De 1 à 20 points : 5 points, c’est un quart de l’échelle.'
          }
          nativeInputProps={{
            name: 'disagreementShare',
            value: draft.points,
            inputMode: 'decimal',
            autoComplete: 'off',
            onChange: (e) => {
              const value = e.target.value;
              setDraft((d) => ({ ...d, points: value }));
              setErrors((x) => ({ ...x, disagreementShare: undefined }));
            },
          }}
          {...errorProps(errors, 'disagreementShare')}
        />
      </div>
      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      <div className="toolbar" onMouseDown={keepFocusOnPress}>
        <Button type="submit" iconId="fr-icon-save-line" disabled={saving}>
          Enregistrer les réglages
        </Button>
        <span role="status" className={savedDraft === draft ? 'fr-valid-text fr-mt-0' : undefined}>
          {savedDraft === draft ? 'Réglages enregistrés.' : ''}
        </span>
      </div>
    </form>
  );
}
