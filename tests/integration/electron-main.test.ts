// The Electron shell cannot run on this machine (no binary), so main.ts is loaded here against a fake
// 'electron' that records what it registers; the real services and SQLite answer behind it. From the sources,
// main.ts serves renderer/ (Vite's index.html) where the build would serve dist/renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/contract/errors.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appData: '',
    paths: new Map<string, string>(),
    appEvents: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
    ipc: new Map<string, Listener>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    windows: [] as Array<{ options: BrowserWindowConstructorOptions; loaded: string[]; sent: unknown[][] }>,
    loaded: null as null | (() => void),
    errorBoxes: [] as string[][],
    opened: [] as string[],
    exits: [] as number[],
    /** What the next « unsaved changes » question is answered (index of the button), and the questions asked. */
    answer: 1,
    questions: [] as Array<{ buttons: string[]; message: string }>,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => instances;
    static fromWebContents = () => null;
    loaded: string[] = [];
    sent: unknown[][] = [];
    webContents = { send: (...args: unknown[]) => this.sent.push(args) };
    constructor(public options: Record<string, unknown>) {
      instances.push(this);
      fake.windows.push(this as never);
    }
    once() {}
    on() {}
    isDestroyed = () => false;
    async loadURL(url: string) {
      this.loaded.push(url);
      fake.loaded?.();
    }
  }
  const instances: BrowserWindow[] = [];
  const app = {
    getPath: (name: string) => (name === 'appData' ? fake.appData : (fake.paths.get(name) ?? '')),
    setPath: (name: string, value: string) => fake.paths.set(name, value),
    requestSingleInstanceLock: () => true,
    on: (event: string, fn: Listener) => fake.appEvents.set(event, fn),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: (code: number) => fake.exits.push(code),
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (...args: string[]) => fake.errorBoxes.push(args),
      showMessageBoxSync: (options: { buttons: string[]; message: string }) => {
        fake.questions.push(options);
        return fake.answer;
      },
    },
    ipcMain: { handle: (channel: string, fn: Listener) => fake.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (_scheme: string, fn: typeof fake.protocolHandler) => (fake.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (fake.permissionCheck = fn),
      },
    },
    shell: {
      openExternal: async () => undefined,
      // What the system's « open with » would get: recorded; '' is Electron's « opened ».
      openPath: async (path: string) => {
        fake.opened.push(path);
        return path.includes('refuse') ? 'Aucune application associée' : '';
      },
    },
  };
});

// electron-store needs a real Electron app; an in-memory object stands in for the file.
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

const invoke = (frameUrl: string | null, method: unknown, args: unknown) =>
  fake.ipc.get('invoke')!({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, method, args) as Promise<Envelope<unknown>>;

beforeAll(async () => {
  fake.appData = mkdtempSync(join(tmpdir(), 'commission-shell-'));
  const loaded = new Promise<void>((resolve) => (fake.loaded = resolve));
  await import('../../electron/main/main.js');
  await loaded;
});

afterAll(() => {
  fake.appEvents.get('will-quit')?.();
  rmSync(fake.appData, { recursive: true, force: true });
});

describe('Electron shell wiring (fake electron)', () => {
  it('starts without error in the default data folder, with the app:// scheme privileged', () => {
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.exits).toEqual([]);
    expect(fake.paths.get('userData')).toBe(join(fake.appData, 'commission-recrutement'));
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one sandboxed window on app://app/index.html with the compiled preload', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.loaded).toEqual(['app://app/index.html']);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.options.webPreferences?.preload).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
  });

  it('serves the page with the CSP and refuses paths out of the renderer folder', async () => {
    const page = await fake.protocolHandler!({ url: 'app://app/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Commission de recrutement');
    for (const url of ['app://app/../package.json', 'app://app/%2e%2e/package.json', 'app://evil/index.html']) {
      expect((await fake.protocolHandler!({ url })).status, url).toBe(404);
    }
    expect((await fake.protocolHandler!({ url: 'app://app/assets/absent.js' })).status).toBe(404);
  });

  it('dispatches IPC calls from the app to the services in desktop mode', async () => {
    const envelope = await invoke('app://app/index.html', 'app-info', {});
    expect(envelope).toMatchObject({ ok: true, result: { mode: 'desktop', dataDir: join(fake.appData, 'commission-recrutement') } });
    expect(await invoke('app://app/index.html', 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses IPC from any other frame', async () => {
    for (const frame of ['https://evil.example/', 'file:///tmp/x.html', null]) {
      expect(await invoke(frame, 'app-info', {}), String(frame)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('records who acts from the preferences and pushes changes to the window', async () => {
    const who = { name: 'Claire Martin', email: 'claire.martin@ac-exemple.fr' };
    expect(await invoke('app://app/index.html', 'prefs-set', { whoAmI: who })).toMatchObject({ ok: true });
    expect(await invoke('app://app/index.html', 'prefs-get', {})).toMatchObject({ ok: true, result: { whoAmI: who } });
    expect(fake.windows[0]!.sent).toContainEqual(['push', { event: 'changed', payload: { entity: 'prefs', callId: null } }]);
  });

  it('opens a document with the system’s application through shell.openPath, and says when the system cannot', async () => {
    expect(await invoke('app://app/index.html', 'demo-open', {})).toMatchObject({ ok: true });
    const calls = (await invoke('app://app/index.html', 'calls-list', {})) as { result: { id: number; reference: string }[] };
    const callId = calls.result.find((c) => c.reference === 'IPR-CSTI-RT-2026')!.id;
    const rows = (await invoke('app://app/index.html', 'candidates-list', { callId })) as { result: { id: number }[] };
    const panel = (await invoke('app://app/index.html', 'admissibility-get', { candidateId: rows.result[0]!.id })) as { result: { documents: { id: number; fileName: string }[] } };
    const doc = panel.result.documents[0]!;
    expect(await invoke('app://app/index.html', 'documents-open', { id: doc.id })).toEqual({ ok: true, result: { opened: true } });
    expect(fake.opened.at(-1)!.endsWith(doc.fileName)).toBe(true);
    const added = (await invoke('app://app/index.html', 'documents-add', {
      candidateId: rows.result[0]!.id,
      fileName: 'refuse.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    })) as { result: { id: number } };
    expect(await invoke('app://app/index.html', 'documents-open', { id: added.result.id })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'La pièce n’a pas pu être ouverte par le système : Aucune application associée' },
    });
  });

  it('denies permission requests and checks', () => {
    const answers: boolean[] = [];
    fake.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.permissionCheck!({}, 'geolocation')).toBe(false);
  });

  it('closes the services on will-quit', async () => {
    fake.appEvents.get('will-quit')!();
    expect(await invoke('app://app/index.html', 'app-info', {})).toMatchObject({ ok: false, error: { message: 'Le service est arrêté.' } });
  });

  it('asks in French before closing a window whose page holds unsaved changes, and closes only when told to', () => {
    const handlers = new Map<string, Listener>();
    const contents = { on: (event: string, fn: Listener) => handlers.set(event, fn), setWindowOpenHandler: () => undefined };
    fake.appEvents.get('web-contents-created')!({}, contents);
    const unload = (answer: number) => {
      fake.answer = answer;
      let allowed = false;
      handlers.get('will-prevent-unload')!({ preventDefault: () => (allowed = true) });
      return allowed;
    };
    expect(unload(1)).toBe(false);
    expect(unload(0)).toBe(true);
    expect(fake.questions.at(-1)).toMatchObject({ buttons: ['Quitter sans enregistrer', 'Rester'], message: 'Des modifications ne sont pas enregistrées.' });
  });
});
