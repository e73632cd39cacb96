import { useCallback, useState } from 'react';
import type { MoveTarget } from '../../../../../shared/domain/planner/moves.js';
import type { ExportedFile } from '../../../../../shared/model/intake.js';
import type { PlannerView } from '../../../../../shared/model/planner.js';
import { failureMessage } from '../../../components/failure.js';
import { saveExportedFile } from '../../../components/files.js';
import { useApp } from '../../../store/context.js';
import { candidateLabel, slotText } from './moveCheck.js';

/** What the last action did, shown beside the planning: a success, or a French explanation (problems listed). */
export interface Feedback {
  kind: 'success' | 'error';
  text: string;
  problems?: string[];
}

export interface PlannerActions {
  busy: boolean;
  feedback: Feedback | null;
  clearFeedback(): void;
  /** Shows why a move cannot be made, without asking the server. */
  explain(text: string, problems: string[]): void;
  move(target: MoveTarget): Promise<boolean>;
  lock(candidateId: number, locked: boolean): Promise<boolean>;
  remove(candidateId: number): Promise<boolean>;
  convocation(candidateId: number, format: 'docx' | 'eml'): Promise<boolean>;
  memberSchedule(memberId: number, format: 'ics' | 'eml'): Promise<boolean>;
  exportPlanning(): Promise<boolean>;
}

/** The planning's server calls; every mutation hands the new view to `onView` at once. */
export function usePlannerActions(view: PlannerView, onView: (view: PlannerView) => void): PlannerActions {
  const api = useApp((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const callId = view.callId;

  const run = useCallback(
    async <T>(call: () => Promise<T>, success: (result: T) => string, fallback: string): Promise<boolean> => {
      setBusy(true);
      setFeedback(null);
      try {
        const result = await call();
        setFeedback({ kind: 'success', text: success(result) });
        return true;
      } catch (error) {
        setFeedback({ kind: 'error', text: failureMessage(error, fallback) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const download = useCallback((file: ExportedFile): string => {
    saveExportedFile(file);
    return `Fichier téléchargé : « ${file.fileName} ».`;
  }, []);

  const accept = useCallback(
    (next: PlannerView): PlannerView => {
      onView(next);
      return next;
    },
    [onView],
  );

  const move = useCallback(
    (target: MoveTarget) =>
      run(
        async () => accept(await api.invoke('planner-slot-move', { callId, ...target, basedOnRevision: view.revision })),
        (next) => {
          const slot = next.slots.find((s) => s.candidateId === target.candidateId);
          const who = candidateLabel(next, target.candidateId);
          return slot ? `Entretien de ${who} placé : ${slotText(next, slot)}.` : `Entretien de ${who} enregistré.`;
        },
        'Erreur inattendue : l’entretien n’a pas été déplacé.',
      ),
    [api, accept, callId, run, view.revision],
  );

  const lock = useCallback(
    (candidateId: number, locked: boolean) =>
      run(
        async () => accept(await api.invoke('planner-slot-lock', { callId, candidateId, locked })),
        (next) => `Créneau de ${candidateLabel(next, candidateId)} ${locked ? 'verrouillé : un nouveau calcul ne le déplacera pas' : 'déverrouillé'}.`,
        'Erreur inattendue : le verrou n’a pas été modifié.',
      ),
    [api, accept, callId, run],
  );

  const remove = useCallback(
    (candidateId: number) => {
      const who = candidateLabel(view, candidateId);
      return run(
        async () => accept(await api.invoke('planner-slot-remove', { callId, candidateId })),
        () => `Entretien de ${who} retiré du planning : la candidature est à placer de nouveau.`,
        'Erreur inattendue : l’entretien n’a pas été retiré.',
      );
    },
    [api, accept, callId, run, view],
  );

  const convocation = useCallback(
    (candidateId: number, format: 'docx' | 'eml') =>
      run(
        async () => {
          const file = await api.invoke('planner-convocation', { callId, candidateId, format });
          // The convocation date is stored: the lists say « convoqué(e) le … » at once.
          accept(await api.invoke('planner-get', { callId }));
          return file;
        },
        (file) =>
          format === 'eml'
            ? `${download(file)} Ouvrez le brouillon dans votre messagerie, vérifiez-le et envoyez-le : l’invitation (.ics) est jointe.`
            : download(file),
        'Erreur inattendue : la convocation n’a pas pu être préparée.',
      ),
    [api, accept, callId, download, run],
  );

  const memberSchedule = useCallback(
    (memberId: number, format: 'ics' | 'eml') =>
      run(() => api.invoke('planner-member-schedule', { callId, memberId, format }), download, 'Erreur inattendue : l’emploi du temps n’a pas pu être préparé.'),
    [api, callId, download, run],
  );

  const exportPlanning = useCallback(
    () => run(() => api.invoke('planner-export', { callId }), download, 'Erreur inattendue : le classeur du planning n’a pas pu être préparé.'),
    [api, callId, download, run],
  );

  const explain = useCallback((text: string, problems: string[]) => setFeedback({ kind: 'error', text, problems }), []);
  const clearFeedback = useCallback(() => setFeedback(null), []);

  return { busy, feedback, clearFeedback, explain, move, lock, remove, convocation, memberSchedule, exportPlanning };
}
