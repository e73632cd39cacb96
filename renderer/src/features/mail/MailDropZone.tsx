import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState, type DragEvent } from 'react';

const INPUT_ID = 'courriels-a-importer';

/** A bordered area that takes dropped mails (keyboard: Enter opens the file picker), and the file picker itself. */
export function MailDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const pick = () => document.getElementById(INPUT_ID)?.click();
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div className="fr-mb-3w">
      <div
        role="button"
        tabIndex={0}
        data-testid="mail-drop-zone"
        aria-describedby="courriels-zone-aide"
        onClick={pick}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            pick();
          }
        }}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed var(${over ? '--border-active-blue-france' : '--border-default-grey'})`,
          background: over ? 'var(--background-alt-blue-france)' : undefined,
          borderRadius: '0.25rem',
          padding: '2rem 1rem',
          textAlign: 'center',
          cursor: 'pointer',
        }}
      >
        <span className="fr-icon-mail-download-line fr-mr-1w" aria-hidden="true" />
        Déposez ici les courriels enregistrés (.eml), ou choisissez-les
        <p id="courriels-zone-aide" className="fr-text--sm fr-mb-0 fr-mt-1w">
          Plusieurs courriels à la fois ; 25 Mo au plus chacun.
        </p>
      </div>
      <Upload
        className="fr-mt-2w"
        label="Choisir des courriels"
        hint="Courriels enregistrés au format .eml (Thunderbird ou Outlook : Fichier › Enregistrer sous). Un fichier .msg d’Outlook est refusé avec la marche à suivre."
        multiple
        nativeInputProps={{
          id: INPUT_ID,
          accept: '.eml,.msg,message/rfc822',
          onChange: (e) => {
            const files = Array.from(e.target.files ?? []);
            // The same files may be chosen again later.
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          },
        }}
      />
    </div>
  );
}
