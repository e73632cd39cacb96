import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type ApplicationAdmissibility,
  type ApplicationDocument,
  type DocumentKind,
} from '../../../../shared/model/admissibility.js';
import { saveExportedFile } from '../../components/files.js';
import { useApp } from '../../store/context.js';
import { AddDocumentForm } from './AddDocumentForm.js';
import { failureMessage, formatDay, formatSize } from './format.js';

interface DocumentsListProps {
  data: ApplicationAdmissibility;
  /** After a change: the verdict depends on the documents, everything is read again. */
  onChanged(): Promise<void>;
}

/** The documents of the file: nature (corrected on the spot), size, where they came from, open, save, remove. */
export function DocumentsList({ data, onChanged }: DocumentsListProps) {
  const api = useApp((s) => s.api);
  const desktop = useApp((s) => (s.appInfo?.mode ?? s.api.mode) === 'desktop');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const { documents, mails, rules } = data;

  const act = async (doc: ApplicationDocument, action: () => Promise<unknown>, fallback: string) => {
    setFailure(null);
    setBusy(doc.id);
    try {
      await action();
    } catch (error) {
      setFailure(failureMessage(error, fallback));
    } finally {
      setBusy(null);
    }
  };

  const changeKind = (doc: ApplicationDocument, kind: DocumentKind) =>
    act(
      doc,
      async () => {
        await api.invoke('documents-update', { id: doc.id, kind });
        await onChanged();
      },
      'Erreur inattendue : la nature de la pièce n’a pas été modifiée.',
    );
  const open = (doc: ApplicationDocument) =>
    act(doc, () => api.invoke('documents-open', { id: doc.id }), 'Erreur inattendue : la pièce n’a pas pu être ouverte.');
  const download = (doc: ApplicationDocument) =>
    act(
      doc,
      async () => saveExportedFile(await api.invoke('documents-download', { id: doc.id })),
      'Erreur inattendue : la pièce n’a pas pu être enregistrée.',
    );
  const remove = (doc: ApplicationDocument) => {
    if (!window.confirm(`Retirer la pièce « ${doc.fileName} » du dossier ?`)) return;
    void act(
      doc,
      async () => {
        await api.invoke('documents-delete', { id: doc.id });
        await onChanged();
      },
      'Erreur inattendue : la pièce n’a pas été retirée.',
    );
  };

  const sourceOf = (doc: ApplicationDocument) => {
    if (doc.mailId === null) return 'Ajoutée à la main';
    const mail = mails.find((m) => m.id === doc.mailId);
    return mail ? `Courriel du ${formatDay(mail.sentAt ?? mail.importedAt)}` : 'Courriel';
  };

  const missing = rules.requiredDocuments.filter((kind) => !documents.some((d) => d.kind === kind));

  return (
    <div className="fr-mb-4w">
      {missing.length > 0 && (
        <ul className="admissibility-missing fr-text--sm" data-testid="missing-documents">
          {missing.map((kind) => (
            <li key={kind}>Manquante : {DOCUMENT_KIND_LABELS[kind]}</li>
          ))}
        </ul>
      )}
      {failure && <Alert severity="error" small description={failure} role="alert" className="fr-mb-2w" />}
      {documents.length === 0 ? (
        <p className="fr-text--sm">Aucune pièce dans ce dossier.</p>
      ) : (
        <div className="fr-table fr-table--no-caption fr-mb-2w">
          <table data-testid="documents-table">
            <caption>Pièces du dossier</caption>
            <thead>
              <tr>
                <th scope="col">Pièce</th>
                <th scope="col">Nature</th>
                <th scope="col">Taille</th>
                <th scope="col">Provenance</th>
                <th scope="col">Ajoutée le</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-testid="document-row">
                  <td className="admissibility-doc-name">{doc.fileName}</td>
                  <td>
                    <select
                      className="fr-select"
                      aria-label={`Nature de la pièce ${doc.fileName}`}
                      value={doc.kind}
                      disabled={busy === doc.id}
                      onChange={(e) => void changeKind(doc, e.target.value as DocumentKind)}
                    >
                      {DOCUMENT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {DOCUMENT_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{formatSize(doc.size)}</td>
                  <td>{sourceOf(doc)}</td>
                  <td>{formatDay(doc.addedAt)}</td>
                  <td>
                    <div className="admissibility-doc-actions">
                      {desktop && (
                        <Button
                          type="button"
                          size="small"
                          priority="secondary"
                          disabled={doc.unsafe || busy === doc.id}
                          nativeButtonProps={{ 'aria-label': `Ouvrir ${doc.fileName}` }}
                          onClick={() => void open(doc)}
                        >
                          Ouvrir
                        </Button>
                      )}
                      <Button
                        type="button"
                        size="small"
                        priority="secondary"
                        disabled={busy === doc.id}
                        nativeButtonProps={{ 'aria-label': `${desktop ? 'Enregistrer' : 'Télécharger'} ${doc.fileName}` }}
                        onClick={() => void download(doc)}
                      >
                        {desktop ? 'Enregistrer' : 'Télécharger'}
                      </Button>
                      <Button
                        type="button"
                        size="small"
                        priority="tertiary"
                        disabled={busy === doc.id}
                        nativeButtonProps={{ 'aria-label': `Retirer la pièce ${doc.fileName}` }}
                        onClick={() => remove(doc)}
                      >
                        Retirer
                      </Button>
                    </div>
                    {desktop && doc.unsafe && (
                      <p className="fr-text--xs fr-mb-0 fr-mt-1v">Programme ou script : l’application ne l’ouvre pas.</p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddDocumentForm candidateId={data.candidateId} documents={documents} onAdded={onChanged} />
    </div>
  );
}
