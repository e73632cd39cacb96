import { focusWhenDrawn } from '../../../components/focusWhenDrawn.js';
import { useCallback, useState } from 'react';
import type { MoveTarget } from '../../../../../shared/domain/planner/moves.js';
import type { ExportedFile } from '../../../../../shared/model/intake.js';
import { deName } from '../../../../../shared/domain/text.js';
import type { PlannerView } from '../../../../../shared/model/planner.js';
import { failureMessage } from '../../../components/failure.js';
import { saveExportedFile } from '../../../components/files.js';
import { useApp } from '../../../store/context.js';
import { convocationStatus } from './calendar.js';
import { candidateLabel, slotText } from './moveCheck.js';

/** Whom an action was about: its outcome is shown in that candidate's or member's row of the lists. */
export interface About {
  candidateId?: number;
  memberId?: number;
}

/** What the last action did, shown where it was asked: a success, or a French explanation (problems listed). */
export interface Feedback {
  kind: 'success' | 'error';
  text: string;
  problems?: string[];
  about?: About;
}

export const FEEDBACK_ID = 'planning-feedback';

/** After an action whose button is gone (a removal, a closed form): the focus goes to what it did. */
export function focusFeedback(): void {
  focusWhenDrawn(() => document.getElementById(FEEDBACK_ID), { scroll: (box) => box.scrollIntoView({ block: 'nearest' }) });
}

export interface PlannerActions {
  busy: boolean;
  feedback: Feedback | null;
  clearFeedback(): void;
  /** Shows why a move cannot be made, without asking the server. */
  explain(text: string, problems: string[], about?: About): void;
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
    async <T>(call: () => Promise<T>, success: (result: T) => string, fallback: string, about?: About): Promise<boolean> => {
      setBusy(true);
      setFeedback(null);
      try {
        const result = await call();
        setFeedback({ kind: 'success', text: success(result), about });
        return true;
      } catch (error) {
        setFeedback({ kind: 'error', text: failureMessage(error, fallback), about });
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
    (target: MoveTarget) => {
      const before = view.slots.find((s) => s.candidateId === target.candidateId);
      return run(
        async () => accept(await api.invoke('planner-slot-move', { callId, ...target, basedOnRevision: view.revision })),
        (next) => {
          const slot = next.slots.find((s) => s.candidateId === target.candidateId);
          const who = deName(candidateLabel(next, target.candidateId));
          if (!slot) return `Entretien ${who} enregistré.`;
          // Convoked for the slot it had: the convocation now announces the wrong time.
          const reconvoke = before && convocationStatus(before).kind === 'done' ? ' Une convocation avait déjà été préparée : envoyez-en une nouvelle.' : '';
          return `Entretien ${who} placé : ${slotText(next, slot)}.${reconvoke}`;
        },
        'Erreur inattendue : l’entretien n’a pas été déplacé.',
        { candidateId: target.candidateId },
      );
    },
    [api, accept, callId, run, view],
  );

  const lock = useCallback(
    (candidateId: number, locked: boolean) =>
      run(
        async () => accept(await api.invoke('planner-slot-lock', { callId, candidateId, locked })),
        (next) => `Créneau ${deName(candidateLabel(next, candidateId))} ${locked ? 'verrouillé : un nouveau calcul ne le déplacera pas' : 'déverrouillé'}.`,
        'Erreur inattendue : le verrou n’a pas été modifié.',
        { candidateId },
      ),
    [api, accept, callId, run],
  );

  const remove = useCallback(
    (candidateId: number) => {
      const who = candidateLabel(view, candidateId);
      return run(
        async () => accept(await api.invoke('planner-slot-remove', { callId, candidateId })),
        () => `Entretien ${deName(who)} retiré du planning : la candidature est à placer de nouveau.`,
        'Erreur inattendue : l’entretien n’a pas été retiré.',
        { candidateId },
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
            ? `${download(file)} Ouvrez le brouillon dans votre messagerie, vérifiez-le et envoyez-le : l’invitation (.ics) est jointe. La candidature est notée convoquée.`
            : `${download(file)} La candidature est notée convoquée.`,
        'Erreur inattendue : la convocation n’a pas pu être préparée.',
        { candidateId },
      ),
    [api, accept, callId, download, run],
  );

  const memberSchedule = useCallback(
    (memberId: number, format: 'ics' | 'eml') =>
      run(() => api.invoke('planner-member-schedule', { callId, memberId, format }), download, 'Erreur inattendue : l’emploi du temps n’a pas pu être préparé.', { memberId }),
    [api, callId, download, run],
  );

  const exportPlanning = useCallback(
    () => run(() => api.invoke('planner-export', { callId }), download, 'Erreur inattendue : le classeur du planning n’a pas pu être préparé.'),
    [api, callId, download, run],
  );

  const explain = useCallback((text: string, problems: string[], about?: About) => setFeedback({ kind: 'error', text, problems, about }), []);
  const clearFeedback = useCallback(() => setFeedback(null), []);

  return { busy, feedback, clearFeedback, explain, move, lock, remove, convocation, memberSchedule, exportPlanning };
}
