import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { CONFLICT_KIND_LABELS, type ConflictOfInterest, type ConflictSuggestion, type EvaluationOverview } from '../../../../shared/model/scoring.js';
import { useApp } from '../../store/context.js';
import { failureMessage, formatDay } from '../admissibility/format.js';
import { ConflictForm } from './ConflictForm.js';
import { candidateName } from './format.js';

/** « Liens d’intérêts »: the declared conflicts (each recusing a member from a candidate) and those the app proposes. */
export function ConflictsSection({ overview, onChanged }: { overview: EvaluationOverview; onChanged(): void }) {
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<unknown>, done: string, fallback: string) => {
    setFailure(null);
    setBusy(key);
    try {
      await action();
      notify({ kind: 'success', text: done });
      onChanged();
    } catch (error) {
      setFailure(failureMessage(error, fallback));
    } finally {
      setBusy(null);
    }
  };

  const remove = (c: ConflictOfInterest) => {
    if (!window.confirm(`Retirer le lien d’intérêts entre ${c.memberName} et ${c.candidateName} ? ${c.memberName} pourra de nouveau évaluer ce candidat.`)) return;
    void run(
      `retirer-${c.candidateId}-${c.memberId}`,
      () => api.invoke('conflicts-remove', { candidateId: c.candidateId, memberId: c.memberId }),
      `Lien d’intérêts retiré : ${c.memberName} n’est plus récusé(e) pour ${c.candidateName}.`,
      'Erreur inattendue : le lien d’intérêts n’a pas été retiré.',
    );
  };

  const memberName = (id: number) => overview.members.find((m) => m.id === id)?.name ?? `membre n° ${id}`;
  const nameOfCandidate = (id: number) => {
    const c = overview.candidates.find((x) => x.id === id);
    return c ? candidateName(c) : `candidat n° ${id}`;
  };

  const declare = (s: ConflictSuggestion) =>
    void run(
      `declarer-${s.candidateId}-${s.memberId}`,
      () => api.invoke('conflicts-declare', { candidateId: s.candidateId, memberId: s.memberId, kind: 'meme_etablissement', note: s.reason }),
      `Lien d’intérêts déclaré : ${memberName(s.memberId)} est récusé(e) pour ${nameOfCandidate(s.candidateId)}.`,
      'Erreur inattendue : le lien d’intérêts n’a pas été déclaré.',
    );

  return (
    <section aria-labelledby="evaluations-conflits-titre" className="fr-mb-5w" data-testid="conflicts">
      <h2 id="evaluations-conflits-titre" className="fr-h4">
        Liens d’intérêts
      </h2>
      <p className="fr-text--sm">
        Un membre qui a un lien avec un candidat (même établissement, même réseau, lien hiérarchique ou personnel) est récusé : il ne
        l’évalue pas, sa note ne compte pas, et la récusation figure au procès-verbal.
      </p>
      {failure && <Alert severity="error" small description={failure} className="fr-mb-2w" role="alert" />}
      <div className="fr-table" style={{ overflowX: 'auto' }}>
        <table data-testid="conflicts-table">
          <caption>Liens d’intérêts déclarés</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Candidat</th>
              <th scope="col">Nature</th>
              <th scope="col">Note</th>
              <th scope="col">Déclaré par</th>
              <th scope="col">
                <span className="fr-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.conflicts.length === 0 && (
              <tr>
                <td colSpan={6}>Aucun lien d’intérêts déclaré pour cet appel.</td>
              </tr>
            )}
            {overview.conflicts.map((c) => (
              <tr key={`${c.candidateId}-${c.memberId}`} data-testid="conflict-row" data-candidate-id={c.candidateId} data-member-id={c.memberId} data-kind={c.kind}>
                <td>{c.memberName}</td>
                <td>{c.candidateName}</td>
                <td>{CONFLICT_KIND_LABELS[c.kind]}</td>
                <td>{c.note || '—'}</td>
                <td>{`${c.declaredBy || '—'}, le ${formatDay(c.declaredAt)}`}</td>
                <td>
                  <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" disabled={busy !== null} onClick={() => remove(c)}>
                    Retirer<span className="fr-sr-only">{` le lien entre ${c.memberName} et ${c.candidateName}`}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {overview.suggestions.length > 0 && (
        <div data-testid="conflict-suggestions" className="fr-mb-3w">
          <h3 className="fr-h6">Proposés par l’application</h3>
          <p className="fr-text--sm">Liens probables d’après l’établissement connu de chaque membre : à déclarer s’ils sont avérés.</p>
          <ul className="fr-raw-list">
            {overview.suggestions.map((s) => (
              <li key={`${s.candidateId}-${s.memberId}`} className="toolbar fr-mb-1w" data-testid="conflict-suggestion" data-candidate-id={s.candidateId} data-member-id={s.memberId}>
                <span className="grow">
                  <strong>{memberName(s.memberId)}</strong>
                  {` et ${nameOfCandidate(s.candidateId)} : ${s.reason}`}
                </span>
                <Button size="small" priority="secondary" disabled={busy !== null} onClick={() => declare(s)}>
                  Déclarer<span className="fr-sr-only">{` le lien entre ${memberName(s.memberId)} et ${nameOfCandidate(s.candidateId)}`}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConflictForm overview={overview} onDeclared={onChanged} />
    </section>
  );
}
