/** Pushed from the services to every open window. */
export type ChangedEntity = 'calls' | 'candidates' | 'members' | 'inspectors' | 'prefs' | 'planning';

export interface PushEvents {
  changed: { entity: ChangedEntity; callId: number | null };
  /** A long task moves on (reading a large workbook…); `fraction` from 0 to 1. */
  progress: { task: 'intake' | 'planner'; id: string; fraction: number; label: string };
}
export type PushEventName = keyof PushEvents;
/** One message; narrowing on `event` narrows `payload`. */
export type PushMessage = { [K in PushEventName]: { event: K; payload: PushEvents[K] } }[PushEventName];
export const PUSH_EVENT_NAMES: readonly PushEventName[] = ['changed', 'progress'];
