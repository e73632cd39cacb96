import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useEffect, useRef, useState } from 'react';
import { fileToBase64 } from '../../components/files.js';
import { useApp } from '../../store/context.js';
import type { ApiClient } from '../../transport/api-client.js';
import { ApiError } from '../../transport/api-client.js';
import { MailDropZone } from './MailDropZone.js';
import { MailResultsTable } from './MailResultsTable.js';
import { mailTotals, sizeRefusal, summaryText, type MailItem, type MailItemState } from './mailImport.js';

const refused = (message: string): MailItemState => ({ state: 'refused', message });

/** Sends one mail; every failure becomes a French message, never an exception. */
async function importOne(api: ApiClient, callId: number, file: File): Promise<MailItemState> {
  const tooLarge = sizeRefusal(file);
  if (tooLarge) return refused(tooLarge);
  let contentBase64: string;
  try {
    contentBase64 = await fileToBase64(file);
  } catch {
    return refused(`Le fichier « ${file.name} » n’a pas pu être lu sur ce poste.`);
  }
  try {
    return { state: 'done', outcome: await api.invoke('mail-import', { callId, fileName: file.name, contentBase64 }) };
  } catch (error) {
    return refused(error instanceof ApiError ? error.message : 'Erreur inattendue : ce courriel n’a pas été importé.');
  }
}

export function MailIntakePage({ callId }: { callId: number }) {
  const api = useApp((s) => s.api);
  const call = useApp((s) => s.currentCall);
  const openCall = useApp((s) => s.openCall);
  const [items, setItems] = useState<MailItem[]>([]);
  const queue = useRef<{ id: number; file: File }[]>([]);
  const running = useRef(false);
  const alive = useRef(true);
  const nextId = useRef(1);

  useEffect(() => {
    if (call?.id !== callId) void openCall(callId);
  }, [call, callId, openCall]);

  // Leaving the page stops sending the files still waiting (the one being sent finishes).
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      queue.current = [];
    };
  }, []);

  const update = (id: number, next: MailItemState) =>
    setItems((list) => list.map((item) => (item.id === id ? { id, fileName: item.fileName, ...next } : item)));

  // One file at a time: each mail may create the file the next one completes.
  const run = async () => {
    if (running.current) return;
    running.current = true;
    while (alive.current && queue.current.length > 0) {
      const { id, file } = queue.current.shift()!;
      update(id, { state: 'sending' });
      const result = await importOne(api, callId, file);
      if (!alive.current) break;
      update(id, result);
    }
    running.current = false;
  };

  const add = (files: File[]) => {
    const added = files.map((file) => ({ id: nextId.current++, file }));
    queue.current.push(...added);
    setItems((list) => [...list, ...added.map(({ id, file }): MailItem => ({ id, fileName: file.name, state: 'waiting' }))]);
    void run();
  };

  if (!call || call.id !== callId) return <p>Chargement de l’appel…</p>;

  const totals = mailTotals(items);
  const busy = totals.processed < totals.total;

  return (
    <>
      <Breadcrumb
        currentPageLabel="Importer des courriels"
        segments={[
          { label: 'Appels à candidature', linkProps: { href: '#/appels' } },
          { label: call.title, linkProps: { href: `#/appels/${call.id}/candidatures` } },
        ]}
        className="fr-mb-2w"
      />
      <h1 className="fr-h2">Importer des courriels de candidature — {call.title}</h1>
      <p>
        Chaque courriel devient un dossier de candidature, ou complète le dossier du même candidat (même adresse mail, ou mêmes nom et
        prénom dans l’objet). Les pièces jointes sont enregistrées dans le dossier (une pièce déjà présente ne l’est pas deux fois),
        l’objet est comparé au modèle de l’appel et la date d’envoi à la date limite. Un courriel déjà importé n’est pas importé
        deux fois. Aucune pièce jointe n’est ouverte ni exécutée.
      </p>

      <MailDropZone onFiles={add} />

      {busy && (
        <div role="status" className="fr-mb-2w" data-testid="mail-progress">
          <p className="fr-mb-1w">{`${totals.processed} / ${totals.total} courriels traités`}</p>
          <progress max={totals.total} value={totals.processed} style={{ width: '100%' }} aria-label="Progression de l’import" />
        </div>
      )}
      {items.length > 0 && <MailResultsTable callId={call.id} items={items} />}
      {items.length > 0 && !busy && (
        <p role="status" className="fr-text--lead" data-testid="mail-summary">
          {summaryText(totals)}
        </p>
      )}

      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`#/appels/${call.id}/candidatures`}>
          Retour aux candidatures
        </a>
      </p>
    </>
  );
}
