import { PHASES, type Phase } from '../../shared/model/scoring.js';

/** The screens of the app, kept in the address (#/appels/3/candidats) so that reload and Back work. */
export type CallTab = 'candidatures' | 'postes' | 'regles' | 'avis' | 'grilles' | 'evaluations' | 'entretiens' | 'commission' | 'informations';

export type Route =
  | { name: 'calls' }
  | { name: 'call'; callId: number; tab: CallTab }
  | { name: 'call-form'; callId: number | null }
  | { name: 'candidate'; callId: number; candidateId: number | null }
  | { name: 'evaluation'; callId: number; candidateId: number; phase: Phase }
  | { name: 'intake'; callId: number }
  | { name: 'mail-intake'; callId: number }
  | { name: 'settings' };

const TABS: readonly CallTab[] = ['candidatures', 'postes', 'regles', 'avis', 'grilles', 'evaluations', 'entretiens', 'commission', 'informations'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  if (parts[0] === 'reglages') return { name: 'settings' };
  if (parts[0] === 'appels') {
    if (parts[1] === 'nouveau') return { name: 'call-form', callId: null };
    const callId = num(parts[1]);
    if (callId !== null) {
      if (parts[2] === 'modifier') return { name: 'call-form', callId };
      if (parts[2] === 'import') return { name: 'intake', callId };
      if (parts[2] === 'courriels') return { name: 'mail-intake', callId };
      if (parts[2] === 'candidatures' && parts[3] === 'nouvelle') return { name: 'candidate', callId, candidateId: null };
      const candidateId = num(parts[3]);
      if (parts[2] === 'candidatures' && candidateId !== null && parts[4] === 'evaluation') {
        const phase = PHASES.find((p) => p === parts[5]) ?? 'dossier';
        return { name: 'evaluation', callId, candidateId, phase };
      }
      if (parts[2] === 'candidatures' && candidateId !== null) return { name: 'candidate', callId, candidateId };
      const tab = TABS.find((t) => t === parts[2]) ?? 'candidatures';
      return { name: 'call', callId, tab };
    }
  }
  return { name: 'calls' };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'calls':
      return '#/appels';
    case 'settings':
      return '#/reglages';
    case 'call':
      return `#/appels/${route.callId}/${route.tab}`;
    case 'call-form':
      return route.callId === null ? '#/appels/nouveau' : `#/appels/${route.callId}/modifier`;
    case 'candidate':
      return `#/appels/${route.callId}/candidatures/${route.candidateId ?? 'nouvelle'}`;
    case 'evaluation':
      return `#/appels/${route.callId}/candidatures/${route.candidateId}/evaluation/${route.phase}`;
    case 'intake':
      return `#/appels/${route.callId}/import`;
    case 'mail-intake':
      return `#/appels/${route.callId}/courriels`;
  }
}
