import { useRef, useState, type ChangeEvent } from 'react';
import { failureMessage } from './failure.js';
import { fileToBase64, MAX_IMPORT_BYTES } from './files.js';

export interface PickedFile {
  fileName: string;
  contentBase64: string;
}

export type ImportStep<R> =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'report'; file: PickedFile; report: R; busy: boolean }
  /** Written: the report stays (refused rows still listed), nothing more to confirm. */
  | { kind: 'committed'; report: R };

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook read twice by the services: first for the report (`commit` false), then, once confirmed, for
 * writing what it accepted. Only the latest chosen file counts; nothing is written before the confirmation.
 * Shared by the imports of IA-IPR opinions, members' scores and candidates' constraints.
 */
export function useWorkbookImport<R>(read: (file: PickedFile, commit: boolean) => Promise<R>) {
  const [step, setStep] = useState<ImportStep<R>>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  const choose = async (file: File | undefined) => {
    setFailure(null);
    if (!file) return;
    const attempt = ++latest.current;
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'idle' });
      setFailure(`Le fichier « ${file.name} » pèse ${(file.size / 1024 / 1024).toFixed(1)} Mo : 50 Mo au plus.`);
      return;
    }
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const picked = { fileName: file.name, contentBase64: await fileToBase64(file) };
      const report = await read(picked, false);
      if (attempt === latest.current) setStep({ kind: 'report', file: picked, report, busy: false });
    } catch (error) {
      if (attempt !== latest.current) return;
      setStep({ kind: 'idle' });
      setFailure(failureMessage(error, `Le fichier « ${file.name} » n’a pas pu être lu.`));
    }
  };

  /** Writes the accepted rows; `done` tells whether the answer says they were written. */
  const commit = async (file: PickedFile, report: R, done: (written: R) => boolean): Promise<boolean> => {
    setFailure(null);
    const attempt = latest.current;
    setStep({ kind: 'report', file, report, busy: true });
    try {
      const written = await read(file, true);
      if (attempt !== latest.current) return false;
      setStep(done(written) ? { kind: 'committed', report: written } : { kind: 'report', file, report: written, busy: false });
      return true;
    } catch (error) {
      if (attempt !== latest.current) return false;
      setStep({ kind: 'report', file, report, busy: false });
      setFailure(`${failureMessage(error, 'Erreur inattendue.')} Rien n’a été enregistré.`);
      return false;
    }
  };

  const abandon = () => {
    latest.current++;
    setStep({ kind: 'idle' });
    setFailure(null);
  };

  /** The file input's props: the same file may be chosen again once corrected, so the input is emptied. */
  const inputProps = (accept: string = XLSX_ACCEPT) => ({
    accept,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      e.target.value = '';
      void choose(file);
    },
  });

  const busy = step.kind === 'reading' || (step.kind === 'report' && step.busy);

  return { step, failure, choose, commit, abandon, inputProps, busy };
}
