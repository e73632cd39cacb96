import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Criterion } from '../../../../shared/model/scoring.js';
import { belowThreshold, MAX_RADIO_LEVELS } from './sheetDraft.js';

interface CriterionScoreFieldProps {
  criterion: Criterion;
  value: string;
  comment: string;
  error: string | undefined;
  onValue(value: string): void;
  onComment(comment: string): void;
}

/** One criterion of the sheet: a fieldset whose name is the criterion's label, its score and its comment. */
export function CriterionScoreField({ criterion: c, value, comment, error, onValue, onComment }: CriterionScoreFieldProps) {
  const id = `critere-${c.key}`;
  const levels = c.max - c.min + 1;
  const described = [c.description ? `${id}-desc` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`fr-fieldset sheet-criterion${error ? ' fr-fieldset--error' : ''}`} aria-describedby={described} data-criterion={c.key}>
      <legend className="fr-fieldset__legend fr-text--lg fr-mb-0">{c.label}</legend>
      <div className="fr-fieldset__element">
        {c.description && (
          <p className="fr-hint-text fr-mb-1w" id={`${id}-desc`}>
            {c.description}
          </p>
        )}
        <p className="badges fr-mb-1w">
          {c.eliminatory && (
            <Badge severity="warning" small noIcon as="span">
              {`Exigé (seuil ${c.threshold ?? '?'})`}
            </Badge>
          )}
          <Badge small noIcon as="span">{`Poids ${c.weight.toLocaleString('fr-FR')} · de ${c.min} à ${c.max}`}</Badge>
        </p>
      </div>
      {levels <= MAX_RADIO_LEVELS ? (
        <ScoreRadios criterion={c} value={value} onValue={onValue} />
      ) : (
        <div className="fr-fieldset__element" style={{ maxWidth: '16rem' }}>
          <Input
            label={`Note (de ${c.min} à ${c.max})`}
            nativeInputProps={{ name: `score-${c.key}`, value, inputMode: 'numeric', autoComplete: 'off', onChange: (e) => onValue(e.target.value) }}
          />
        </div>
      )}
      {belowThreshold(c, value) && (
        <div className="fr-fieldset__element">
          <p className="fr-message fr-message--warning" role="status">
            Note sous le seuil exigé ({c.threshold}) : la commission élimine si la moyenne des membres l’est aussi.
          </p>
        </div>
      )}
      {c.comment && (
        <div className="fr-fieldset__element">
          <Input label="Commentaire sur ce critère" textArea nativeTextAreaProps={{ name: `comment-${c.key}`, value: comment, rows: 2, onChange: (e) => onComment(e.target.value) }} />
        </div>
      )}
      {error && (
        <div className="fr-messages-group" id={`${id}-error`} aria-live="polite">
          <p className="fr-message fr-message--error">{error}</p>
        </div>
      )}
    </fieldset>
  );
}

function ScoreRadios({ criterion: c, value, onValue }: { criterion: Criterion; value: string; onValue(value: string): void }) {
  const values = Array.from({ length: c.max - c.min + 1 }, (_, k) => c.min + k);
  return (
    <>
      {values.map((n, k) => {
        const id = `score-${c.key}-${n}`;
        const descriptor = c.levels[k];
        return (
          <div key={n} className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-radio-group">
              <input type="radio" id={id} name={`score-${c.key}`} value={String(n)} checked={value === String(n)} onChange={() => onValue(String(n))} />
              <label className="fr-label" htmlFor={id}>
                {descriptor ? `${n} — ${descriptor}` : String(n)}
              </label>
            </div>
          </div>
        );
      })}
      {value !== '' && (
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Button type="button" size="small" priority="tertiary no outline" onClick={() => onValue('')}>
            Effacer la note<span className="fr-sr-only"> de « {c.label} »</span>
          </Button>
        </div>
      )}
    </>
  );
}
