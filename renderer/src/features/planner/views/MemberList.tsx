import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { deName } from '../../../../../shared/domain/text.js';
import type { PlannerMemberRow } from '../../../../../shared/model/planner.js';
import { bySchedule, longDay } from './calendar.js';
import { usePlanning } from './context.js';
import { FeedbackBox } from './LiveCheck.js';
import { candidateLabel, roomLabel } from './moveCheck.js';

/** « Par membre »: each member sitting on the jury, their interviews in order, and their own schedule to send. */
export function MemberList() {
  const { view } = usePlanning();
  const sitting = view.members.filter((m) => m.sits);
  if (sitting.length === 0) {
    return <p>Aucun membre ne siège : ajoutez les membres du jury dans l’onglet Commission.</p>;
  }
  return (
    <div data-testid="planning-members">
      {sitting.map((m) => (
        <MemberSchedule key={m.id} member={m} />
      ))}
    </div>
  );
}

function MemberSchedule({ member }: { member: PlannerMemberRow }) {
  const { view, actions } = usePlanning();
  const slots = view.slots.filter((s) => s.memberIds.includes(member.id)).sort(bySchedule(view.settings.rooms));
  const days = new Set(slots.map((s) => s.date)).size;
  const headingId = `planning-member-${member.id}`;
  const count = slots.length === 0 ? 'aucun entretien' : `${slots.length} entretien${slots.length > 1 ? 's' : ''} sur ${days} jour${days > 1 ? 's' : ''}`;

  return (
    <section className="planning-member fr-mb-4w" aria-labelledby={headingId} data-testid="planning-member">
      <div className="planning-member__head">
        <h3 id={headingId} className="fr-h6 fr-mb-0">
          {member.name}
          {member.president && (
            <Badge small noIcon severity="info" as="span" className="fr-ml-1w">
              présidence
            </Badge>
          )}
        </h3>
        <p className="fr-mb-0" data-testid="planning-member-count">
          {count}
        </p>
        <div className="planning-actions">
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-calendar-line"
            disabled={actions.busy || slots.length === 0}
            onClick={() => void actions.memberSchedule(member.id, 'ics')}
            nativeButtonProps={{ 'aria-label': `Calendrier (.ics) ${deName(member.name)}` }}
          >
            Calendrier (.ics)
          </Button>
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-mail-line"
            disabled={actions.busy || slots.length === 0}
            onClick={() => void actions.memberSchedule(member.id, 'eml')}
            nativeButtonProps={{ 'aria-label': `Courriel (.eml) à ${member.name}, avec son calendrier` }}
          >
            Courriel (.eml)
          </Button>
        </div>
      </div>
      <FeedbackBox shows={(f) => f.about?.memberId === member.id} />
      {member.constraints.note && <p className="fr-text--sm fr-mb-1w">{`Note : ${member.constraints.note}`}</p>}
      {slots.length > 0 && (
        <div className="fr-table fr-table--sm fr-mb-0">
          <table>
            <caption className="fr-sr-only">{`Entretiens ${deName(member.name)}`}</caption>
            <thead>
              <tr>
                <th scope="col">Jour</th>
                <th scope="col">Heure</th>
                <th scope="col">Salle</th>
                <th scope="col">Candidat</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((s) => (
                <tr key={s.candidateId}>
                  <td>{longDay(s.date)}</td>
                  <td>{`${s.start}–${s.end}`}</td>
                  <td>{roomLabel(view, s.roomId)}</td>
                  <td>{candidateLabel(view, s.candidateId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
