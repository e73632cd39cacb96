import { Input } from '@codegouvfr/react-dsfr/Input';
import { errorProps, type DraftForm } from './useDraftForm.js';

type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

export interface DraftTextFieldProps<D> {
  form: DraftForm<D>;
  name: TextKeys<D>;
  label: string;
  hint?: string;
  placeholder?: string;
  /** A long free text, on the whole width of the form. */
  textArea?: boolean;
  type?: string;
}

/** One text field of a draft form: value, change, blur (shows its error from then on) and its error message. */
export function DraftTextField<D>({ form, name, label, hint, placeholder, textArea, type }: DraftTextFieldProps<D>) {
  const value = form.draft[name] as string;
  const onChange = (text: string) => form.set(name, text as D[typeof name]);
  const onBlur = () => form.touch(name);
  return textArea ? (
    <Input
      label={label}
      hintText={hint}
      textArea
      className="span-all"
      nativeTextAreaProps={{ name, value, rows: 5, onChange: (e) => onChange(e.target.value), onBlur }}
      {...errorProps(form.errors, name)}
    />
  ) : (
    <Input
      label={label}
      hintText={hint}
      nativeInputProps={{ name, value, placeholder, type: type ?? 'text', autoComplete: 'off', onChange: (e) => onChange(e.target.value), onBlur }}
      {...errorProps(form.errors, name)}
    />
  );
}
