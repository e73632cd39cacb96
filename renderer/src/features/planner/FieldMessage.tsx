/** The message of a whole list (rooms, periods, panels), under it; a field's own error is drawn on the field (DSFR error state). */
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
