import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { errorProps } from '../../components/useDraftForm.js';
import { describedLevels, readNumber, type CriterionDraft } from './gridDraft.js';
import type { GridForm } from './useGridForm.js';

const SHOWN_FIELDS = ['label', 'description', 'weight', 'min', 'max', 'levels', 'threshold'];

interface CriterionEditorProps {
  form: GridForm;
  section: number;
  index: number;
  count: number;
  criterion: CriterionDraft;
}

/** One criterion of the grid: a fieldset named by its label, so that each can be found by it. */
export function CriterionEditor({ form, section, index, count, criterion }: CriterionEditorProps) {
  const at = `sections.${section}.criteria.${index}`;
  const set = (patch: Partial<CriterionDraft>) => form.setCriterion(section, index, patch);
  const field = (name: 'label' | 'weight' | 'min' | 'max' | 'threshold', label: string, inputMode?: 'decimal' | 'numeric') => ({
    label,
    nativeInputProps: {
      name: `${at}.${name}`,
      value: criterion[name],
      inputMode,
      autoComplete: 'off',
      onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value }),
      onBlur: () => form.touch(`${at}.${name}`),
    },
    ...errorProps(form.errors, `${at}.${name}`),
  });
  // Errors of the services on a field this form does not show (a key, a descriptor…): said under the criterion.
  const others = Object.entries(form.errors).filter(([k]) => k.startsWith(`${at}.`) && !SHOWN_FIELDS.includes(k.slice(at.length + 1)));
  const legend = `Critère ${index + 1}${criterion.label.trim() ? ` : ${criterion.label.trim()}` : ''}`;

  return (
    <fieldset className="fr-fieldset grid-criterion fr-mb-2w" style={{ borderLeft: '3px solid var(--border-default-grey)', paddingLeft: '1rem' }}>
      <legend className="fr-fieldset__legend fr-text--lg fr-mb-1w">{legend}</legend>
      <div className="fr-fieldset__element">
        <div className="form-grid">
          <Input {...field('label', 'Intitulé du critère')} className="span-all" />
          <Input
            label="Description"
            hintText="Ce que les membres apprécient : rappelée sur leur fiche."
            textArea
            className="span-all"
            nativeTextAreaProps={{
              name: `${at}.description`,
              value: criterion.description,
              rows: 2,
              onChange: (e) => set({ description: e.target.value }),
              onBlur: () => form.touch(`${at}.description`),
            }}
            {...errorProps(form.errors, `${at}.description`)}
          />
          <Input {...field('weight', 'Poids', 'decimal')} hintText="Nombre positif ou nul ; 0 : le critère ne compte pas dans le total." />
          <Input {...field('min', 'Note minimale', 'numeric')} hintText="Nombre entier." />
          <Input {...field('max', 'Note maximale', 'numeric')} hintText="Nombre entier, supérieur à la note minimale." />
        </div>
      </div>
      <LevelsEditor criterion={criterion} at={at} form={form} onChange={(levels) => set({ levels })} />
      <div className="fr-fieldset__element">
        <Checkbox
          legend="Options du critère"
          orientation="horizontal"
          small
          options={[
            {
              label: 'Critère exigé',
              hintText: 'Une note sous le seuil élimine le candidat.',
              nativeInputProps: { checked: criterion.eliminatory, onChange: (e) => set({ eliminatory: e.target.checked }) },
            },
            {
              label: 'Commentaire possible',
              hintText: 'Le membre peut commenter sa note.',
              nativeInputProps: { checked: criterion.comment, onChange: (e) => set({ comment: e.target.checked }) },
            },
          ]}
        />
      </div>
      {criterion.eliminatory && (
        <div className="fr-fieldset__element" style={{ maxWidth: '20rem' }}>
          <Input {...field('threshold', 'Seuil (note minimale)', 'numeric')} hintText={`Entre ${criterion.min || '…'} et ${criterion.max || '…'}.`} />
        </div>
      )}
      {others.map(([k, message]) => (
        <div key={k} className="fr-fieldset__element">
          <p className="fr-error-text fr-mt-0">{message}</p>
        </div>
      ))}
      <div className="fr-fieldset__element toolbar">
        <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" disabled={index === 0} onClick={() => form.moveCriterion(section, index, -1)}>
          Monter le critère
        </Button>
        <Button
          type="button"
          size="small"
          priority="tertiary"
          iconId="fr-icon-arrow-down-line"
          disabled={index === count - 1}
          onClick={() => form.moveCriterion(section, index, 1)}
        >
          Descendre le critère
        </Button>
        <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => form.removeCriterion(section, index)}>
          Retirer le critère
        </Button>
      </div>
    </fieldset>
  );
}

interface LevelsEditorProps {
  criterion: CriterionDraft;
  at: string;
  form: GridForm;
  onChange(levels: string[]): void;
}

/** One descriptor per level, for a short scale (up to 11 levels). */
function LevelsEditor({ criterion, at, form, onChange }: LevelsEditorProps) {
  const count = describedLevels(criterion.min, criterion.max);
  if (count === 0) return null;
  const min = readNumber(criterion.min);
  const error = form.errors[`${at}.levels`];
  const setLevel = (k: number, text: string) => onChange(Array.from({ length: Math.max(count, criterion.levels.length) }, (_, i) => (i === k ? text : (criterion.levels[i] ?? ''))));
  return (
    <div className="fr-fieldset__element">
      <fieldset className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} aria-describedby={error ? `${at}-levels-error` : undefined}>
        <legend className="fr-fieldset__legend fr-text--md">
          Descripteurs des niveaux
          <span className="fr-hint-text">Facultatifs : ils s’affichent à côté de chaque note sur la fiche des membres.</span>
        </legend>
        <div className="fr-fieldset__element">
          <div className="form-grid">
            {Array.from({ length: count }, (_, k) => (
              <Input
                key={k}
                label={`Niveau ${min + k}`}
                nativeInputProps={{ value: criterion.levels[k] ?? '', autoComplete: 'off', onChange: (e) => setLevel(k, e.target.value) }}
              />
            ))}
          </div>
        </div>
        {error && (
          <div className="fr-messages-group" id={`${at}-levels-error`}>
            <p className="fr-message fr-message--error">{error}</p>
          </div>
        )}
      </fieldset>
    </div>
  );
}
