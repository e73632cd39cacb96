import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { parseApplicationSubject, patternHasPlaceholder } from '../../../../shared/domain/admissibility/subject.js';

/** Reads a subject typed here against the pattern being edited, as the mail import will read it. */
export function SubjectTester({ pattern, networks }: { pattern: string; networks: readonly string[] }) {
  const [subject, setSubject] = useState('');
  return (
    <div className="span-all fr-p-2w fr-mb-2w" style={{ background: 'var(--background-alt-grey)' }}>
      <Input
        label="Essayer un objet"
        hintText="Tapez l’objet d’un courriel reçu : il est lu avec le modèle ci-dessus et les réseaux des postes de l’appel."
        nativeInputProps={{ value: subject, autoComplete: 'off', onChange: (e) => setSubject(e.target.value) }}
      />
      <div role="status" data-testid="subject-test-result">
        {subject.trim() && <SubjectReading subject={subject} pattern={pattern} networks={networks} />}
      </div>
    </div>
  );
}

function SubjectReading({ subject, pattern, networks }: { subject: string; pattern: string; networks: readonly string[] }) {
  if (!patternHasPlaceholder(pattern)) return <p className="fr-text--sm">Aucun modèle d’objet : tout objet est accepté.</p>;
  const read = parseApplicationSubject(subject, pattern, networks);
  const found: [string, string | null][] = [
    ['Réseau', read.network],
    ['Nom', read.nom],
    ['Prénom', read.prenom],
  ];
  return (
    <>
      <p className={read.matches ? 'fr-valid-text' : 'fr-error-text'}>{read.matches ? 'Objet conforme au modèle.' : 'Objet non conforme au modèle.'}</p>
      <dl className="summary-list fr-text--sm fr-mb-1w">
        {found.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd>{value ?? '— (non lu)'}</dd>
          </div>
        ))}
      </dl>
      {read.problems.length > 0 && (
        <ul className="fr-text--sm fr-mb-0">
          {read.problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
    </>
  );
}
