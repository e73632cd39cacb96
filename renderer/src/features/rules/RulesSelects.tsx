import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { ACADEMIES, DIPLOMA_LEVEL_LABELS, DIPLOMA_LEVELS, TEACHING_LEVEL_LABELS, TEACHING_LEVELS } from '../../../../shared/model/admissibility.js';
import { errorProps } from '../../components/useDraftForm.js';
import type { RulesDraft } from './rulesDraft.js';

type SelectKey = 'requiredLevel' | 'requiredAcademie' | 'minimumDiploma' | 'wishedDiploma';

interface RulesSelectsProps {
  draft: RulesDraft;
  errors: FieldErrors;
  onChange: (key: SelectKey, value: string) => void;
}

const DIPLOMA_OPTIONS = DIPLOMA_LEVELS.map((level) => ({ value: String(level), label: DIPLOMA_LEVEL_LABELS[level] }));

/** Level, académie and diplomas: one choice each, or none. */
export function RulesSelects({ draft, errors, onChange }: RulesSelectsProps) {
  const fields: { key: SelectKey; label: string; hint?: string; none: string; options: { value: string; label: string }[] }[] = [
    {
      key: 'requiredLevel',
      label: 'Niveau d’enseignement exigé',
      none: 'Aucune exigence',
      options: TEACHING_LEVELS.map((level) => ({ value: level, label: TEACHING_LEVEL_LABELS[level] })),
    },
    {
      key: 'requiredAcademie',
      label: 'Académie d’affectation exigée',
      none: 'Toutes les académies',
      options: ACADEMIES.map((a) => ({ value: a.name, label: a.name })),
    },
    { key: 'minimumDiploma', label: 'Diplôme minimum', hint: 'En dessous : irrecevable.', none: 'Aucun minimum', options: DIPLOMA_OPTIONS },
    {
      key: 'wishedDiploma',
      label: 'Diplôme souhaité',
      hint: 'En dessous : un point d’attention, sans effet sur la recevabilité.',
      none: 'Aucun',
      options: DIPLOMA_OPTIONS,
    },
  ];
  return (
    <div className="form-grid">
      {fields.map((f) => (
        <Select
          key={f.key}
          label={f.label}
          hint={f.hint}
          nativeSelectProps={{ value: draft[f.key], onChange: (e) => onChange(f.key, e.target.value) }}
          {...errorProps(errors, f.key)}
        >
          <option value="">{f.none}</option>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ))}
    </div>
  );
}
