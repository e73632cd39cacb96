import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { errorProps } from '../../components/useDraftForm.js';
import { CriterionEditor } from './CriterionEditor.js';
import type { SectionDraft } from './gridDraft.js';
import type { GridForm } from './useGridForm.js';

interface SectionEditorProps {
  form: GridForm;
  index: number;
  count: number;
  section: SectionDraft;
}

/** A section of the grid and its criteria, in the order the members will see them. */
export function SectionEditor({ form, index, count, section }: SectionEditorProps) {
  const at = `sections.${index}`;
  const legend = `Section ${index + 1}${section.label.trim() ? ` : ${section.label.trim()}` : ''}`;
  const noCriterion = form.errors[`${at}.criteria`];
  return (
    <fieldset className="fr-fieldset grid-section fr-mb-4w" style={{ border: '1px solid var(--border-default-grey)', padding: '1rem' }}>
      <legend className="fr-fieldset__legend fr-h5">{legend}</legend>
      <div className="fr-fieldset__element">
        <Input
          label="Titre de la section"
          nativeInputProps={{
            name: `${at}.label`,
            value: section.label,
            autoComplete: 'off',
            onChange: (e) => form.setSection(index, { label: e.target.value }),
            onBlur: () => form.touch(`${at}.label`),
          }}
          {...errorProps(form.errors, `${at}.label`)}
        />
      </div>
      <div className="fr-fieldset__element">
        {section.criteria.map((c, j) => (
          // A criterion not yet saved has no key: its position stands for it (the fields hold no state of their own).
          <CriterionEditor key={c.key || `nouveau-${j}`} form={form} section={index} index={j} count={section.criteria.length} criterion={c} />
        ))}
        {noCriterion && <p className="fr-error-text fr-mt-0 fr-mb-2w">{noCriterion}</p>}
      </div>
      <div className="fr-fieldset__element toolbar">
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => form.addCriterion(index)}>
          Ajouter un critère
        </Button>
        <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" disabled={index === 0} onClick={() => form.moveSection(index, -1)}>
          Monter la section
        </Button>
        <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-down-line" disabled={index === count - 1} onClick={() => form.moveSection(index, 1)}>
          Descendre la section
        </Button>
        <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" onClick={() => form.removeSection(index)}>
          Retirer la section
        </Button>
      </div>
    </fieldset>
  );
}
