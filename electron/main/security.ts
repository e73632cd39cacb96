// Pure guards of the desktop shell. No runtime import of 'electron' (only its types), so that the unit
// tests run in plain Node and every rule the main process relies on is checked there.
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { safeRelativePath } from '../../shared/security/paths.js';

export const APP_ORIGIN = 'app://app';
const APP_PREFIX = `${APP_ORIGIN}/`;
export const WINDOW_TITLE = 'Commission de recrutement';

/** The only window the app opens: renderer isolated from Node, sandboxed, no remote content. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#ffffff',
    show: false, // shown on 'ready-to-show': no white flash
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false, // a file dropped on the window must not replace the app
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** True for app://app/… and nothing else: the slash ends the authority, so not app://app.evil/ nor app://app@evil/. */
function isAppUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && url.startsWith(APP_PREFIX);
}

/**
 * Maps app://app/<path> to a file inside rootDir, or null. The raw text of the URL is checked (not only the
 * parsed one, which would silently fold `..`), encoded separators are refused outright: no asset has one.
 */
export function resolveAppUrl(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = url.slice(APP_PREFIX.length).split(/[?#]/)[0] ?? '';
  if (/%(2f|5c|00)/i.test(rawPath)) return null;
  const rel = safeRelativePath(rawPath);
  if (rel === null) return null;
  const file = join(rootDir, ...rel.split('/'));
  // Belt and braces: whatever the platform's path rules, the result stays under rootDir.
  const back = relative(rootDir, file);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) return null;
  return file;
}

/** The window only ever shows the app itself. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** IPC is answered only for frames showing the app (not an injected iframe or a navigated-away page). */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** Links the app may hand to the system browser (e.g. a ministry page); never file:, javascript:, smb:… */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Camera, microphone, geolocation, notifications, reading the clipboard… are all refused. Writing plain text
 * to the clipboard is kept: the app offers to copy lists of e-mail addresses, and it leaks nothing.
 */
export function permissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Headers of every app:// response: the app's CSP, an exact type (module scripts need it), no sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
