import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { GridImpact } from '../../../../shared/model/scoring.js';

interface ImpactsAlertProps {
  impacts: GridImpact[];
  busy: boolean;
  onAccept(): void;
  onRevert(): void;
}

/** Nothing was saved: the change would void scores already given. The secretariat chooses. */
export function ImpactsAlert({ impacts, busy, onAccept, onRevert }: ImpactsAlertProps) {
  const count = impacts.reduce((n, i) => n + i.affectedScores, 0);
  return (
    <div role="alert" data-testid="grid-impacts" className="fr-my-3w">
      <Alert
        severity="warning"
        title="Cette modification efface des notes déjà données"
        description={
          <>
            <p className="fr-mb-1w">
              Rien n’a été enregistré. {count > 1 ? `${count} notes seraient effacées` : 'Une note serait effacée'} :
            </p>
            <ul className="fr-mb-2w">
              {impacts.map((i) => (
                <li key={`${i.criterionKey}-${i.kind}`}>{i.message}</li>
              ))}
            </ul>
            <div className="toolbar">
              <Button type="button" priority="primary" disabled={busy} onClick={onAccept}>
                Enregistrer quand même et effacer ces notes
              </Button>
              <Button type="button" priority="secondary" disabled={busy} onClick={onRevert}>
                Revenir à la grille enregistrée
              </Button>
            </div>
          </>
        }
      />
    </div>
  );
}
