/** Pushed from the services to every open window. */
export type ChangedEntity = 'calls' | 'candidates' | 'members' | 'inspectors' | 'prefs';

export interface PushEvents {
  changed: { entity: ChangedEntity; callId: number | null };
}
export type PushEventName = keyof PushEvents;
export interface PushMessage<K extends PushEventName = PushEventName> {
  event: K;
  payload: PushEvents[K];
}
