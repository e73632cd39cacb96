import { create, type StateCreator } from 'zustand';
import type { Call, CallSummary, CandidateRow, Inspector, Member, Preferences } from '../../../shared/model/entities.js';
import type { CandidateFilter } from '../../../shared/domain/candidate-list.js';
import { searchTextOf } from '../../../shared/domain/candidate-list.js';
import type { ResultOf } from '../../../shared/contract/methods.js';
import type { ApiClient } from '../transport/api-client.js';
import { ApiError } from '../transport/api-client.js';
import { formatRoute, parseRoute, type Route } from '../routes.js';

export interface Notice {
  kind: 'success' | 'error' | 'info';
  text: string;
}

interface SessionSlice {
  ready: boolean;
  appInfo: ResultOf<'app-info'> | null;
  prefs: Preferences;
  startupError: string | null;
  start(): Promise<void>;
  setWhoAmI(who: Preferences['whoAmI']): Promise<void>;
}

interface UiSlice {
  route: Route;
  notice: Notice | null;
  /** Goes to a screen; `notice` is shown there (the previous screen's notice is dropped). */
  navigate(route: Route, notice?: Notice): void;
  syncRouteFromLocation(): void;
  notify(notice: Notice | null): void;
}

interface CallsSlice {
  calls: CallSummary[] | null;
  showArchived: boolean;
  currentCall: Call | null;
  members: Member[];
  inspectors: Inspector[];
  loadCalls(): Promise<void>;
  setShowArchived(show: boolean): Promise<void>;
  openCall(callId: number): Promise<void>;
  loadPeople(callId: number): Promise<void>;
  openDemo(): Promise<void>;
}

interface CandidatesSlice {
  /** All rows of the current call; filtering happens here, instantly, with the shared function. */
  rows: CandidateRow[] | null;
  rowsCallId: number | null;
  searchTexts: string[];
  filter: CandidateFilter;
  loadCandidates(callId: number): Promise<void>;
  setFilter(patch: Partial<CandidateFilter>): void;
}

export type AppState = SessionSlice & UiSlice & CallsSlice & CandidatesSlice & { api: ApiClient };
type Slice<T> = StateCreator<AppState, [], [], T>;

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Erreur inattendue : l’opération n’a pas abouti.';
}

const sessionSlice =
  (api: ApiClient): Slice<SessionSlice> =>
  (set, get) => ({
    ready: false,
    appInfo: null,
    prefs: { whoAmI: null, lastCallId: null },
    startupError: null,
    async start() {
      try {
        const [appInfo, prefs] = await Promise.all([api.invoke('app-info', {}), api.invoke('prefs-get', {})]);
        set({ appInfo, prefs });
        api.onPush((message) => {
          if (message.event !== 'changed') return;
          const { payload } = message;
          const state = get();
          if (payload.entity === 'prefs') return;
          void state.loadCalls();
          const call = state.currentCall;
          if (call && (payload.callId === null || payload.callId === call.id)) {
            if (payload.entity === 'calls') void state.openCall(call.id);
            if (payload.entity === 'candidates') void state.loadCandidates(call.id);
            if (payload.entity === 'members' || payload.entity === 'inspectors') void state.loadPeople(call.id);
          }
        });
        await get().loadCalls();
        set({ ready: true });
      } catch (error) {
        set({ startupError: message(error), ready: true });
      }
    },
    async setWhoAmI(whoAmI) {
      const prefs = await api.invoke('prefs-set', { whoAmI });
      set({ prefs });
    },
  });

const uiSlice: Slice<UiSlice> = (set) => ({
  route: parseRoute(window.location.hash),
  notice: null,
  navigate(route, notice) {
    const hash = formatRoute(route);
    if (window.location.hash !== hash) history.pushState(null, '', hash);
    set({ route, notice: notice ?? null });
    window.scrollTo?.(0, 0);
  },
  syncRouteFromLocation() {
    set({ route: parseRoute(window.location.hash) });
  },
  notify(notice) {
    set({ notice });
  },
});

const callsSlice =
  (api: ApiClient): Slice<CallsSlice> =>
  (set, get) => ({
    calls: null,
    showArchived: false,
    currentCall: null,
    members: [],
    inspectors: [],
    async loadCalls() {
      try {
        set({ calls: await api.invoke('calls-list', { includeArchived: get().showArchived }) });
      } catch (error) {
        get().notify({ kind: 'error', text: message(error) });
      }
    },
    async setShowArchived(showArchived) {
      set({ showArchived });
      await get().loadCalls();
    },
    async openCall(callId) {
      try {
        const call = await api.invoke('calls-get', { id: callId });
        set({ currentCall: call });
        if (get().prefs.lastCallId !== callId) {
          void api.invoke('prefs-set', { lastCallId: callId }).then((prefs) => set({ prefs }));
        }
      } catch (error) {
        set({ currentCall: null });
        get().notify({ kind: 'error', text: message(error) });
      }
    },
    async loadPeople(callId) {
      const [members, inspectors] = await Promise.all([
        api.invoke('members-list', { callId }),
        api.invoke('inspectors-list', { callId }),
      ]);
      set({ members, inspectors });
    },
    async openDemo() {
      try {
        const { callIds, created } = await api.invoke('demo-open', {});
        await get().loadCalls();
        const notice: Notice = {
          kind: created ? 'success' : 'info',
          text: created
            ? 'La démonstration est chargée : deux appels réels et des candidats fictifs.'
            : 'La démonstration était déjà chargée.',
        };
        if (callIds[0] !== undefined) get().navigate({ name: 'call', callId: callIds[0], tab: 'candidatures' }, notice);
        else get().notify(notice);
      } catch (error) {
        get().notify({ kind: 'error', text: message(error) });
      }
    },
  });

const candidatesSlice =
  (api: ApiClient): Slice<CandidatesSlice> =>
  (set, get) => ({
    rows: null,
    rowsCallId: null,
    searchTexts: [],
    filter: { sort: { key: 'nom', direction: 'asc' } },
    async loadCandidates(callId) {
      if (get().rowsCallId !== callId) set({ rows: null, rowsCallId: callId, filter: { sort: { key: 'nom', direction: 'asc' } } });
      try {
        const rows = await api.invoke('candidates-list', { callId });
        if (get().rowsCallId === callId) set({ rows, searchTexts: rows.map(searchTextOf) });
      } catch (error) {
        get().notify({ kind: 'error', text: message(error) });
      }
    },
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
    },
  });

/** One store made of feature slices; exported as a creator so that each window (or test) builds its own. */
export function createAppStore(api: ApiClient) {
  return create<AppState>()((...a) => ({
    api,
    ...sessionSlice(api)(...a),
    ...uiSlice(...a),
    ...callsSlice(api)(...a),
    ...candidatesSlice(api)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
