// The desktop shell: window, app:// protocol, IPC adapter. All the logic lives in electron/services.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { AppError, type Envelope } from '../../shared/contract/errors.js';
import { APP_FOLDER } from '../http/data-dir.js';
import { createServices, type Services } from '../services/index.js';
import { dataDirArg } from './args.js';
import { electronStorePreferences } from './preferences-store.js';
import {
  APP_ORIGIN,
  appResponseHeaders,
  isAllowedNavigation,
  isExternalLink,
  isTrustedSender,
  permissionAllowed,
  resolveAppUrl,
  windowOptions,
} from './security.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/electron/main
const rendererDir = join(here, '../../renderer');
const preloadPath = join(here, '../preload/preload.cjs');
const TITLE = 'Commission de recrutement';

// The data folder is userData: --data-dir wins (tests, a second commission); otherwise the same folder as
// browser mode's default, whatever productName the packaged app carries. Set before anything reads it, so
// that the single-instance lock, Chromium's profile and electron-store all live there too.
app.setPath('userData', dataDirArg(process.argv, process.cwd()) ?? join(app.getPath('appData'), APP_FOLDER));

// Privileges must be declared before 'ready'. standard+secure: relative URLs, 'self' in the CSP, fetch.
// No corsEnabled (it would let other origins read app://) and no bypassCSP.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit(); // this data folder is already open: that instance focuses its window ('second-instance')
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  app.whenReady().then(start).catch(fail);
}

/** Every web contents (the window, any stray frame): no navigation away from the app, no new windows. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A page with unsaved changes (the planner's settings) refuses to unload: ask in French rather than keep the
  // window open without a word. preventDefault() here lets the unload go on.
  contents.on('will-prevent-unload', (event) => {
    const options = {
      type: 'question' as const,
      buttons: ['Quitter sans enregistrer', 'Rester'],
      defaultId: 1,
      cancelId: 1,
      title: TITLE,
      message: 'Des modifications ne sont pas enregistrées.',
      detail: 'Si vous quittez maintenant, elles seront perdues.',
    };
    const owner = BrowserWindow.fromWebContents(contents);
    const choice = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
    if (choice === 0) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const preferences = electronStorePreferences();
  const binding = process.env.COMMISSION_SQLITE_BINDING;
  try {
    services = createServices({
      dataDir,
      preferences,
      mode: 'desktop',
      // npm start builds better-sqlite3 for Electron apart from the Node build the tests use.
      nativeBinding: binding && existsSync(binding) ? binding : undefined,
      // shell.openPath resolves with an error text ('' when the file was opened).
      openPath: async (path) => {
        const problem = await shell.openPath(path);
        if (problem) throw new AppError('internal', `La pièce n’a pas pu être ouverte par le système : ${problem}`);
      },
    });
  } catch (error) {
    fail(error);
    return;
  }
  const running = services;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(new AppError('internal', 'L’interface n’est pas construite : lancez « npm run build ».'));
    return;
  }

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  protocol.handle('app', async (request) => {
    let file = resolveAppUrl(rendererDir, request.url);
    if (file === null) return new Response('Chemin refusé.', { status: 404 });
    // Client-side routes fall back to the page; a missing asset is a real 404.
    if (!extname(file) && !(await stat(file).catch(() => null))?.isFile()) file = join(rendererDir, 'index.html');
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('Fichier introuvable.', { status: 404 });
    }
  });

  ipcMain.handle('invoke', async (event, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Appel refusé : il ne vient pas de l’application.' } };
    }
    return running.dispatch(typeof method === 'string' ? method : '', args, { actor: preferences.read().whoAmI });
  });

  running.subscribe((message) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send('push', message);
    }
  });

  mainWindow = new BrowserWindow(windowOptions(preloadPath));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A data file from a newer version, a locked or unreadable file…: say it in French, then quit. */
function fail(error: unknown): void {
  const message =
    error instanceof AppError
      ? error.message
      : `L’application n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
  console.error('[main]', error);
  dialog.showErrorBox(TITLE, message);
  services?.close();
  app.exit(1); // exit, not quit: a non-zero status for scripts and tests

}
