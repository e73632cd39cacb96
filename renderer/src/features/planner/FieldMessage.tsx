/** The error of a group of fields (a row, a pair of hours), read with each of them through aria-describedby. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return (
    <div className="fr-messages-group" aria-live="polite">
      {message && (
        <p id={id} className="fr-message fr-message--error">
          {message}
        </p>
      )}
    </div>
  );
}

/** Props for an input described by a group message: linked only while there is one. */
export function describedBy(id: string, message: string | undefined) {
  return message ? { 'aria-describedby': id, 'aria-invalid': true } : {};
}

/** Draws the input as in error too (and lets focusFirstError find it). */
export function errorClasses(message: string | undefined) {
  return message ? { nativeInputOrTextArea: 'fr-input--error' } : undefined;
}
