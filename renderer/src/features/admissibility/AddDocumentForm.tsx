import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState, type FormEvent } from 'react';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type ApplicationDocument, type DocumentKind } from '../../../../shared/model/admissibility.js';
import { fileToBase64 } from '../../components/files.js';
import { FormOutcome } from './FormOutcome.js';
import { useApp } from '../../store/context.js';
import { failureMessage, formatSize } from './format.js';

/** The services refuse more (see `documents-add`); said here before sending 20 Mo for nothing. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

interface AddDocumentFormProps {
  candidateId: number;
  documents: readonly ApplicationDocument[];
  onAdded(): Promise<void>;
}

/** « Ajouter une pièce » received otherwise than by mail: any file, 20 Mo at most, nature recognised or chosen. */
export function AddDocumentForm({ candidateId, documents, onAdded }: AddDocumentFormProps) {
  const api = useApp((s) => s.api);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A new key empties the file input after a successful addition.
  const [inputKey, setInputKey] = useState(0);

  const tooLarge = file !== null && file.size > MAX_DOCUMENT_BYTES;
  const fileError = tooLarge ? `Le fichier « ${file.name} » pèse ${formatSize(file.size)} : 20 Mo au plus.` : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    if (!file) {
      setFailure('Choisissez le fichier de la pièce à ajouter.');
      return;
    }
    if (fileError) return;
    setSaving(true);
    try {
      const contentBase64 = await fileToBase64(file);
      const added = await api.invoke('documents-add', { candidateId, fileName: file.name, contentBase64, ...(kind ? { kind } : {}) });
      const already = documents.some((d) => d.id === added.id);
      setDone(
        already
          ? `Cette pièce est déjà dans le dossier (« ${added.fileName} ») : elle n’a pas été ajoutée deux fois.`
          : `La pièce « ${added.fileName} » est ajoutée (${DOCUMENT_KIND_LABELS[added.kind]}).`,
      );
      setFile(null);
      setKind('');
      setInputKey((k) => k + 1);
      await onAdded();
    } catch (error) {
      setFailure(failureMessage(error, 'Erreur inattendue : la pièce n’a pas été ajoutée.'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Ajouter une pièce">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h6">Ajouter une pièce</legend>
        <div className="fr-fieldset__element">
          <div className="form-grid">
            <Upload
              key={inputKey}
              label="Fichier de la pièce"
              hint="Tout type de fichier, 20 Mo au plus. Rien n’est exécuté."
              state={fileError ? 'error' : 'default'}
              stateRelatedMessage={fileError ?? undefined}
              nativeInputProps={{
                onChange: (e) => {
                  setFailure(null);
                  setDone(null);
                  setFile(e.target.files?.[0] ?? null);
                },
              }}
            />
            <Select
              label="Nature de la pièce ajoutée"
              nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as DocumentKind | '') }}
            >
              <option value="">Reconnue automatiquement</option>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DOCUMENT_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <FormOutcome failure={failure} done={done} />
        <div className="fr-fieldset__element">
          <Button type="submit" iconId="fr-icon-add-line" disabled={saving || tooLarge}>
            Ajouter la pièce
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
