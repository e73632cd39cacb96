import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useEffect, useRef, useState } from 'react';
import { INTAKE_FIELD_LABELS, MULTI_COLUMN_FIELDS } from '../../../../shared/domain/intake/headers.js';
import { INTAKE_FIELDS, type ColumnMapping, type IntakeField } from '../../../../shared/domain/intake/types.js';
import type { IntakePreview } from '../../../../shared/model/intake.js';
import { fileToBase64, MAX_IMPORT_BYTES, saveExportedFile } from '../../components/files.js';
import { plural } from '../../components/labels.js';
import { useApp } from '../../store/context.js';
import { ApiError } from '../../transport/api-client.js';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; intakeId: string; fileName: string; fraction: number }
  | { kind: 'preview'; preview: IntakePreview }
  /** Waiting for the services with the preview on screen: recomputing the report, or writing. */
  | { kind: 'writing'; preview: IntakePreview; label: string };

const newIntakeId = () => crypto.randomUUID().replace(/-/g, '');

export function IntakePage({ callId }: { callId: number }) {
  const api = useApp((s) => s.api);
  const call = useApp((s) => s.currentCall);
  const openCall = useApp((s) => s.openCall);
  const navigate = useApp((s) => s.navigate);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [mappingSaved, setMappingSaved] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(() => {
    if (call?.id !== callId) void openCall(callId);
  }, [call, callId, openCall]);

  // Reading a large workbook reports its progress through push events.
  useEffect(
    () =>
      api.onPush((message) => {
        if (message.event !== 'progress' || message.payload.id !== current.current) return;
        const { fraction } = message.payload;
        setStep((s) => (s.kind === 'reading' ? { ...s, fraction } : s));
      }),
    [api],
  );

  // Leaving the page abandons an import that was not confirmed.
  useEffect(
    () => () => {
      const id = current.current;
      current.current = null;
      if (id) void api.invoke('intake-cancel', { intakeId: id }).catch(() => undefined);
    },
    [api],
  );

  if (!call || call.id !== callId) return <p>Chargement de l’appel…</p>;

  const choose = async (file: File | undefined) => {
    setError(null);
    setMappingSaved(false);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`Le fichier « ${file.name} » pèse ${(file.size / 1024 / 1024).toFixed(1)} Mo : 50 Mo au plus.`);
      return;
    }
    const intakeId = newIntakeId();
    current.current = intakeId;
    setStep({ kind: 'reading', intakeId, fileName: file.name, fraction: 0 });
    try {
      const contentBase64 = await fileToBase64(file);
      // Cancelled while the file was being prepared: nothing was sent, nothing to read.
      if (current.current !== intakeId) return;
      const preview = await api.invoke('intake-open', { callId, intakeId, fileName: file.name, contentBase64 });
      if (current.current === intakeId) setStep({ kind: 'preview', preview });
    } catch (err) {
      if (current.current !== intakeId) return;
      current.current = null;
      setStep({ kind: 'choose' });
      setError(err instanceof ApiError ? err.message : 'Le fichier n’a pas pu être lu.');
    }
  };

  const cancel = async () => {
    const id = current.current;
    current.current = null;
    setStep({ kind: 'choose' });
    if (id) await api.invoke('intake-cancel', { intakeId: id });
  };

  const repreview = async (preview: IntakePreview, patch: { sheetIndex?: number; mapping?: ColumnMapping }) => {
    setError(null);
    setMappingSaved(false);
    // The choices stay disabled until the report is recomputed, so that two quick changes cannot cross.
    setStep({ kind: 'writing', preview, label: 'Mise à jour du rapport…' });
    try {
      const next = await api.invoke('intake-preview', { intakeId: preview.intakeId, sheetIndex: patch.sheetIndex ?? preview.sheetIndex, ...(patch.mapping ? { mapping: patch.mapping } : {}) });
      if (current.current === preview.intakeId) setStep({ kind: 'preview', preview: next });
    } catch (err) {
      if (current.current !== preview.intakeId) return;
      setStep({ kind: 'preview', preview });
      setError(err instanceof ApiError ? err.message : 'Erreur inattendue.');
    }
  };

  const commit = async (preview: IntakePreview) => {
    setStep({ kind: 'writing', preview, label: 'Import en cours…' });
    try {
      const result = await api.invoke('intake-commit', { intakeId: preview.intakeId, sheetIndex: preview.sheetIndex, mapping: preview.mapping });
      // The person may have left the page meanwhile: the import is done, do not pull them back.
      if (current.current !== preview.intakeId) return;
      current.current = null;
      navigate(
        { name: 'call', callId, tab: 'candidatures' },
        {
          kind: 'success',
          text: `Import terminé : ${plural(result.created, 'candidature créée', 'candidatures créées')}, ${plural(result.updated, 'mise à jour', 'mises à jour')}, ${plural(result.unchanged, 'inchangée', 'inchangées')}, ${plural(result.rejected, 'ligne refusée', 'lignes refusées')}.`,
        },
      );
    } catch (err) {
      setStep({ kind: 'preview', preview });
      setError(err instanceof ApiError ? `${err.message} Rien n’a été écrit.` : 'Erreur inattendue : rien n’a été écrit.');
    }
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel="Importer un tableur"
        segments={[
          { label: 'Appels à candidature', linkProps: { href: '#/appels' } },
          { label: call.title, linkProps: { href: `#/appels/${call.id}/candidatures` } },
        ]}
        className="fr-mb-2w"
      />
      <h1 className="fr-h2">Importer des candidatures</h1>
      <p>
        Tableur Excel (.xlsx) ou fichier CSV, tel que le secrétariat le tient : les en-têtes sont reconnus, la correspondance des colonnes
        est proposée, et rien n’est écrit avant votre confirmation. Un candidat déjà présent (même adresse mail académique, ou mêmes nom,
        prénom et date de naissance ; à défaut de date, mêmes nom et prénom s’il n’y a qu’un dossier de ce nom) est mis à jour,
        jamais dupliqué ; une cellule vide n’efface rien. Le rapport montre, avant confirmation, chaque champ qu’une mise à jour
        modifiera.
      </p>
      {error && <Alert severity="error" small description={error} className="fr-mb-3w" role="alert" />}

      {step.kind === 'choose' && (
        <div className="toolbar fr-mb-3w">
          <Upload
            className="grow"
            label="Fichier à importer"
            hint="Formats acceptés : .xlsx, .csv (UTF-8 ou Windows-1252, séparateur ; ou ,). 50 Mo au plus."
            nativeInputProps={{ accept: '.xlsx,.csv,.xls,.txt', onChange: (e) => void choose(e.target.files?.[0]) }}
          />
          <Button priority="secondary" iconId="fr-icon-download-line" onClick={() =>
              void api
                .invoke('intake-template', { callId })
                .then(saveExportedFile)
                .catch((err: Error) => setError(err.message))
            }
          >
            Télécharger le modèle vierge
          </Button>
        </div>
      )}

      {step.kind === 'reading' && (
        <div role="status" className="fr-mb-3w">
          <p>
            Lecture de « {step.fileName} »… {Math.round(step.fraction * 100)} %
          </p>
          <progress max={1} value={step.fraction} style={{ width: '100%' }} aria-label="Progression de la lecture" />
          <Button priority="secondary" onClick={() => void cancel()}>
            Annuler l’import
          </Button>
        </div>
      )}

      {(step.kind === 'preview' || step.kind === 'writing') && (
        <PreviewView
          preview={step.preview}
          busy={step.kind === 'writing'}
          busyLabel={step.kind === 'writing' ? step.label : ''}
          mappingSaved={mappingSaved}
          onSheet={(sheetIndex) => void repreview(step.preview, { sheetIndex })}
          onMapping={(mapping) => void repreview(step.preview, { mapping })}
          onSaveMapping={() =>
            void api
              .invoke('intake-mapping-save', { intakeId: step.preview.intakeId, mapping: step.preview.mapping })
              .then(() => setMappingSaved(true))
              .catch((err: Error) => setError(err.message))
          }
          onConfirm={() => void commit(step.preview)}
          onCancel={() => void cancel()}
        />
      )}
    </>
  );
}

function PreviewView(props: {
  preview: IntakePreview;
  busy: boolean;
  busyLabel: string;
  mappingSaved: boolean;
  onSheet: (index: number) => void;
  onMapping: (mapping: ColumnMapping) => void;
  onSaveMapping: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview, busy } = props;
  const { totals } = preview;
  const writable = totals.new + totals.updated;
  const setField = (index: number, field: IntakeField | null) => {
    // A field goes to one column only (choosing it here frees it elsewhere), except wishes: "Vœu 1", "Vœu 2"…
    const mapping = preview.mapping.map((f, i) => (i === index ? field : f === field && field !== null && !MULTI_COLUMN_FIELDS.has(field) ? null : f));
    props.onMapping(mapping);
  };

  return (
    <section aria-label="Aperçu de l’import">
      <p className="fr-mb-1w">
        <strong>{preview.fileName}</strong> — {preview.format === 'csv' ? `CSV (${preview.csv?.encoding}, séparateur « ${preview.csv?.separator} »)` : 'classeur Excel'}
        {preview.headerRow !== null && ` — en-têtes lus en ligne ${preview.headerRow}`}
        {preview.mappingFromSaved && ' — correspondance retenue lors d’un import précédent'}
      </p>
      {preview.sheets.length > 1 && (
        <Select label="Feuille à importer" nativeSelectProps={{ value: preview.sheetIndex, onChange: (e) => props.onSheet(Number(e.target.value)) }}>
          {preview.sheets.map((name, i) => (
            <option key={name + i} value={i}>
              {name}
            </option>
          ))}
        </Select>
      )}

      <h2 className="fr-h5">Correspondance des colonnes</h2>
      <div className="fr-table fr-table--no-caption fr-mb-2w" style={{ overflowX: 'auto' }}>
        <table data-testid="mapping-table">
          <caption>Correspondance des colonnes</caption>
          <thead>
            <tr>
              <th scope="col">Colonne du fichier</th>
              <th scope="col">Champ du dossier</th>
              <th scope="col">Premières valeurs</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.index}>
                <td>{c.header || <em>(sans en-tête)</em>}</td>
                <td>
                  <Select
                    label={<span className="fr-sr-only">{`Champ pour la colonne « ${c.header || c.index + 1} »`}</span>}
                    className="fr-mb-0"
                    nativeSelectProps={{
                      value: c.field ?? '',
                      disabled: busy,
                      onChange: (e) => setField(c.index, (e.target.value || null) as IntakeField | null),
                    }}
                  >
                    <option value="">— Ignorer cette colonne —</option>
                    {INTAKE_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {INTAKE_FIELD_LABELS[f]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="fr-text--sm">
                  {preview.sample
                    .slice(0, 3)
                    .map((s) => s.cells[c.index])
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar fr-mb-3w">
        <Button priority="secondary" size="small" iconId="fr-icon-bookmark-line" disabled={busy} onClick={props.onSaveMapping}>
          Retenir cette correspondance pour les prochains fichiers
        </Button>
        {props.mappingSaved && <span role="status">Correspondance retenue.</span>}
      </div>

      <h2 className="fr-h5">Rapport avant import</h2>
      <div className="badges fr-mb-2w" data-testid="intake-totals">
        <Badge severity="success" noIcon>{`${totals.new} nouvelle${totals.new > 1 ? 's' : ''}`}</Badge>
        <Badge severity="info" noIcon>{`${totals.updated} mise${totals.updated > 1 ? 's' : ''} à jour`}</Badge>
        <Badge noIcon>{`${totals.unchanged} inchangée${totals.unchanged > 1 ? 's' : ''}`}</Badge>
        <Badge severity={totals.rejected ? 'error' : 'success'} noIcon>{`${totals.rejected} refusée${totals.rejected > 1 ? 's' : ''}`}</Badge>
      </div>
      {preview.updates.length > 0 && (
        <div className="fr-table fr-mb-2w" style={{ maxHeight: '22rem', overflow: 'auto' }}>
          <table data-testid="intake-updates">
            <caption>Mises à jour : ce que l’import changera dans les dossiers déjà enregistrés</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Dossier</th>
                <th scope="col">Champ</th>
                <th scope="col">Actuellement</th>
                <th scope="col">Après l’import</th>
              </tr>
            </thead>
            <tbody>
              {preview.updates.flatMap((u) =>
                u.changes.map((c, i) => (
                  <tr key={`${u.row}-${i}`}>
                    <td>{i === 0 ? u.row : ''}</td>
                    <td>{i === 0 ? u.name : ''}</td>
                    <td>{c.field}</td>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {preview.problemCount > 0 && (
        <div className="fr-table fr-mb-2w" style={{ maxHeight: '22rem', overflow: 'auto' }}>
          <table data-testid="intake-problems">
            <caption>
              Lignes refusées : elles ne seront pas importées
              {preview.problemCount > preview.problems.length && ` (${preview.problems.length} premiers motifs sur ${preview.problemCount})`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Colonne</th>
                <th scope="col">Motif</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.row}</td>
                  <td>{p.column || '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.sample.length > 0 && (
        <details className="fr-mb-3w">
          <summary>Aperçu des premières lignes</summary>
          <div className="fr-table fr-table--no-caption" style={{ overflowX: 'auto' }}>
            <table>
              <caption>Aperçu</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  {preview.columns.map((c) => (
                    <th scope="col" key={c.index}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((s) => (
                  <tr key={s.row}>
                    <td>{s.row}</td>
                    {s.cells.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      <div className="toolbar fr-mt-3w">
        <Button iconId="fr-icon-check-line" disabled={busy || writable === 0} onClick={props.onConfirm}>
          {busy ? props.busyLabel : `Importer ${plural(totals.new, 'nouvelle candidature', 'nouvelles candidatures')} et ${plural(totals.updated, 'mise à jour', 'mises à jour')}`}
        </Button>
        <Button priority="secondary" disabled={busy} onClick={props.onCancel}>
          Annuler
        </Button>
      </div>
    </section>
  );
}
