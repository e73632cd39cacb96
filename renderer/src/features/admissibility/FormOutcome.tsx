import { Alert } from '@codegouvfr/react-dsfr/Alert';

/** Under a form of the file: the services' refusal, or what the last save did (hidden once the form changes again). */
export function FormOutcome({ failure, done }: { failure: string | null; done: string | null }) {
  return (
    <>
      {failure && (
        <div className="fr-fieldset__element">
          <Alert severity="error" small description={failure} role="alert" />
        </div>
      )}
      {done && (
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-mb-1w" role="status">
            {done}
          </p>
        </div>
      )}
    </>
  );
}
