import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { ReactNode } from 'react';

interface CodeCheckboxesProps<T extends string> {
  legend: string;
  hint?: ReactNode;
  codes: readonly T[];
  label: (code: T) => string;
  value: readonly T[];
  onChange: (next: T[]) => void;
  /** The field's error, shown under the group. */
  error?: string | undefined;
  small?: boolean;
}

/** A list of codes as checkboxes; the chosen codes keep the list's order. */
export function CodeCheckboxes<T extends string>({ legend, hint, codes, label, value, onChange, error, small }: CodeCheckboxesProps<T>) {
  const toggle = (code: T, on: boolean) => onChange(codes.filter((c) => (c === code ? on : value.includes(c))));
  return (
    <Checkbox
      legend={legend}
      hintText={hint}
      orientation="horizontal"
      small={small}
      {...(error ? { state: 'error', stateRelatedMessage: error } : { state: 'default' })}
      options={codes.map((code) => ({
        label: label(code),
        nativeInputProps: { checked: value.includes(code), onChange: (e) => toggle(code, e.target.checked) },
      }))}
    />
  );
}
