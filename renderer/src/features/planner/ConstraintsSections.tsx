import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useState } from 'react';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { ConstraintRow } from './ConstraintRow.js';
import { ConstraintsImport } from './ConstraintsImport.js';

const SYNTAX_HINT =
  'Séparez les indications par « ; ». Une date (03/06/2026, ou 03/06 pour l’année des entretiens), suivie ou non de « matin » ou « après-midi » ; une période (du 15/06/2026 au 19/06/2026) ; un jour de chaque semaine (mardi, mardi matin). Ctrl+Entrée enregistre la ligne.';

interface Props {
  view: PlannerView;
  onView(view: PlannerView): void;
}

/**
 * What every constraint row of a table shares; which rows were just saved: their « Enregistré » stays until
 * they are edited again.
 */
function useRowProps({ view, onView }: Props) {
  const [saved, setSaved] = useState<ReadonlySet<number>>(new Set());
  const clear = (id: number) =>
    setSaved((s) => {
      if (!s.has(id)) return s;
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  const year = Number(view.settings.from.slice(0, 4)) || new Date().getFullYear();
  return (personId: number) => ({
    callId: view.callId,
    personId,
    year,
    status: saved.has(personId) ? 'Enregistré.' : null,
    onEdit: clear,
    onSaved: (next: PlannerView, id: number) => {
      setSaved((s) => new Set(s).add(id));
      onView(next);
    },
  });
}

/** « Disponibilités des membres »: each sitting member's unavailabilities, or the only days they gave. */
export function MembersSection({ view, onView }: Props) {
  const rowProps = useRowProps({ view, onView });
  const sitting = view.members.filter((m) => m.sits);
  const others = view.members.filter((m) => !m.sits);
  return (
    <section aria-labelledby="entretiens-membres" className="fr-mb-6w" id="disponibilites-membres">
      <h2 id="entretiens-membres" className="fr-h3">
        Disponibilités des membres
      </h2>
      <p id="entretiens-membres-aide" className="fr-hint-text">
        {`${SYNTAX_HINT} « Seulement disponible » : à remplir quand le membre n’a donné que quelques dates ; vide, il est disponible hors de ses indisponibilités.`}
      </p>
      {sitting.length === 0 ? (
        <p>Aucun membre ne siège dans la commission de cet appel : ajoutez des membres avant de planifier les entretiens.</p>
      ) : (
        <div className="fr-table fr-table--no-caption planner-constraints" data-testid="planner-members">
          <table aria-describedby="entretiens-membres-aide">
            <caption>Disponibilités des membres qui siègent</caption>
            <ConstraintsHead who={['Membre', '16%']} second={['Seulement disponible', '24%']} />
            <tbody>
              {sitting.map((m) => (
                <ConstraintRow
                  key={m.id}
                  {...rowProps(m.id)}
                  kind="member"
                  name={m.name}
                  who={
                    <>
                      {m.name}
                      {m.president && (
                        <>
                          {' '}
                          <Badge severity="info" small noIcon as="span">
                            Présidence
                          </Badge>
                        </>
                      )}
                    </>
                  }
                  constraints={m.constraints}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others.length > 0 && (
        <p className="fr-text--sm">{`Ne siègent pas au jury : ${others.map((m) => m.name).join(', ')}.`}</p>
      )}
    </section>
  );
}

/** « Contraintes des candidats »: unavailabilities and preferences of those to hear, typed or imported. */
export function CandidatesSection({ view, onView, onImported }: Props & { onImported(): void }) {
  const rowProps = useRowProps({ view, onView });
  const toHear = view.candidates.filter((c) => c.toHear);
  const notHeard = view.candidates.filter((c) => !c.toHear);
  return (
    <section aria-labelledby="entretiens-candidats" className="fr-mb-6w" id="contraintes-candidats">
      <h2 id="entretiens-candidats" className="fr-h3">
        Contraintes des candidats
      </h2>
      <p id="entretiens-candidats-aide" className="fr-hint-text">
        {`${SYNTAX_HINT} Les préférences sont respectées autant que possible ; les indisponibilités, toujours.`}
      </p>
      {toHear.length === 0 ? (
        <p>Aucun candidat à entendre : seuls les dossiers recevables et non retirés sont convoqués.</p>
      ) : (
        <div className="fr-table planner-constraints" data-testid="planner-candidates">
          <table aria-describedby="entretiens-candidats-aide">
            <caption>{`Candidats à entendre (${toHear.length})`}</caption>
            <ConstraintsHead who={['Candidat', '18%']} second={['Préférences', '22%']} />
            <tbody>
              {toHear.map((c) => (
                <ConstraintRow
                  key={c.id}
                  {...rowProps(c.id)}
                  kind="candidate"
                  name={c.label}
                  who={
                    <>
                      {c.label}
                      {c.postLabel && <span className="fr-text--xs fr-text--regular fr-mb-0" style={{ display: 'block' }}>{c.postLabel}</span>}
                    </>
                  }
                  constraints={c.constraints}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notHeard.length > 0 && (
        <details className="fr-mb-2w" data-testid="planner-not-heard">
          <summary>{`Candidats non entendus (${notHeard.length})`}</summary>
          <ul className="fr-mt-1w">
            {notHeard.map((c) => (
              <li key={c.id}>{`${c.label} : ${c.notHeardBecause ?? 'non convoqué'}`}</li>
            ))}
          </ul>
        </details>
      )}
      <ConstraintsImport callId={view.callId} onCommitted={onImported} />
    </section>
  );
}

/** The columns of both constraint tables: who, unavailabilities, a second list (only / preferences), note, save. */
function ConstraintsHead({ who, second }: { who: [string, string]; second: [string, string] }) {
  const columns: [string, string][] = [who, ['Indisponibilités', '30%'], second, ['Note', '18%']];
  return (
    <thead>
      <tr>
        {columns.map(([label, width]) => (
          <th key={label} scope="col" style={{ width }}>
            {label}
          </th>
        ))}
        <th scope="col">
          <span className="fr-sr-only">Enregistrer</span>
        </th>
      </tr>
    </thead>
  );
}
