import type { ApplicationAdmissibility } from '../../../../shared/model/admissibility.js';
import { formatInstant } from './format.js';

/** The application mails as received: sender, date, forward, subject check, what was read with a doubt, text. */
export function MailsList({ data }: { data: ApplicationAdmissibility }) {
  const { mails, subjectCheck } = data;
  if (mails.length === 0) return <p className="fr-text--sm">Aucun courriel reçu pour ce dossier (saisi à la main ou importé d’un tableur).</p>;
  return (
    <ul className="admissibility-mails">
      {mails.map((mail, index) => (
        <li key={mail.id} className="admissibility-mail fr-mb-3w" data-testid="mail">
          <h4 className="fr-h6 fr-mb-1w">{mail.subject || '(sans objet)'}</h4>
          <dl className="summary-list fr-text--sm fr-mb-1w">
            <dt>De</dt>
            <dd>{mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress || 'Expéditeur inconnu'}</dd>
            <dt>Envoyé le</dt>
            <dd>{mail.sentAt ? formatInstant(mail.sentAt) : 'Date inconnue'}</dd>
            <dt>Fichier</dt>
            <dd>{mail.fileName}</dd>
            {mail.forwardNote && (
              <>
                <dt>Transfert</dt>
                <dd>{mail.forwardNote}</dd>
              </>
            )}
          </dl>
          {index === 0 && subjectCheck && (
            <p
              className={`fr-text--sm fr-mb-1w admissibility-subject ${subjectCheck.matches ? 'admissibility-subject--ok' : 'admissibility-subject--warning'}`}
              data-testid="subject-check"
            >
              <span className={subjectCheck.matches ? 'fr-icon-check-line' : 'fr-icon-warning-line'} aria-hidden="true" />{' '}
              {subjectCheck.matches ? 'Objet conforme au modèle de l’appel' : subjectCheck.message}
            </p>
          )}
          {mail.warnings.length > 0 && (
            <ul className="fr-text--sm admissibility-mail-warnings">
              {mail.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <details>
            <summary className="fr-text--sm">Texte du courriel</summary>
            <pre className="admissibility-mail-body" style={{ whiteSpace: 'pre-wrap' }}>{mail.bodyText || '(courriel sans texte)'}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
