import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/http/data-dir.js';
import { dataDirArg } from '../../electron/main/args.js';
import {
  appResponseHeaders,
  isAllowedNavigation,
  isExternalLink,
  isTrustedSender,
  permissionAllowed,
  resolveAppUrl,
  windowOptions,
} from '../../electron/main/security.js';

const root = join(sep === '/' ? '/opt' : 'C:\\opt', 'commission', 'renderer');

describe('resolveAppUrl', () => {
  it.each([
    ['app://app/index.html', 'index.html'],
    ['app://app/', 'index.html'],
    ['app://app/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://app/assets/./fonts//Marianne.woff2', 'assets/fonts/Marianne.woff2'],
    ['app://app/index.html?x=1#/appels/3', 'index.html'],
    ['app://app/assets/caf%C3%A9.svg', 'assets/café.svg'],
  ])('serves %s from the renderer folder', (url, rel) => {
    expect(resolveAppUrl(root, url)).toBe(join(root, ...rel.split('/')));
  });

  it.each([
    'app://app/../package.json',
    'app://app/assets/../../secret.txt',
    'app://app/%2e%2e/%2e%2e/etc/passwd',
    'app://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://app/..%2fpackage.json',
    'app://app/assets%2findex.js',
    'app://app/%252e%252e/%252e%252e/etc/passwd',
    'app://app/%255c..%255cwin.ini',
    'app://app/..\\..\\windows\\win.ini',
    'app://app/assets\\..\\..\\x',
    'app://app/..%5c..%5cwindows%5cwin.ini',
    'app://app/C:%5CWindows%5Cwin.ini',
    'app://app/C:/Windows/win.ini',
    'app://app/c:',
    'app://app/index.html%00.png',
    'app://app/%E0%A4%A',
    'app://evil/index.html',
    'app://app.evil.org/index.html',
    'app://app@evil/index.html',
    'app://app:8080/index.html',
    'APP://evil/index.html',
    'file:///etc/passwd',
    'https://example.org/index.html',
    'http://127.0.0.1:4780/index.html',
    'app:index.html',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });
});

describe('navigation and IPC sender guards', () => {
  it.each(['app://app/index.html', 'app://app/', 'app://app/index.html#/appels/2'])('accept the app itself: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
    expect(isTrustedSender(url)).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:4780/',
    'file:///etc/passwd',
    'app://evil/',
    'app://app.evil.org/',
    'app://app@evil/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('refuse %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a sender without a frame (destroyed or cross-process)', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('hands only http(s) links to the system browser', () => {
    expect(isExternalLink('https://www.education.gouv.fr/')).toBe(true);
    expect(isExternalLink('http://example.org/page')).toBe(true);
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'smb://server/share', 'mailto:a@b.fr', 'ms-msdt:/id', 'app://app/', '']) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/electron/preload/preload.cjs');

  it('isolates the page from Node and sandboxes it', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('has a French title and a usable minimum size', () => {
    expect(options.title).toBe('Commission de recrutement');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight!);
  });
});

describe('app:// response headers', () => {
  const headers = appResponseHeaders('/r/index.html');
  const csp = headers['Content-Security-Policy'] ?? '';
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

  it('carry a CSP that allows scripts from the app only', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('give module scripts an exact type and forbid sniffing', () => {
    expect(appResponseHeaders('/r/assets/index-1.js')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appResponseHeaders('/r/x.unknown')['Content-Type']).toBe('application/octet-stream');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('permissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'hid', 'usb', 'serial', 'unknown', ''])(
    'refuses %s',
    (permission) => {
      expect(permissionAllowed(permission)).toBe(false);
    },
  );

  it('keeps writing plain text to the clipboard (copying e-mail lists)', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true);
  });
});

describe('--data-dir', () => {
  const cwd = join(sep === '/' ? '/home/u' : 'C:\\Users\\u', 'work');

  it('reads both spellings, relative to the working directory', () => {
    expect(dataDirArg(['electron', '.', '--data-dir=essai'], cwd)).toBe(join(cwd, 'essai'));
    expect(dataDirArg(['electron', '.', '--data-dir', 'essai'], cwd)).toBe(join(cwd, 'essai'));
    expect(dataDirArg(['app.exe', '--no-sandbox', '--data-dir', join(cwd, 'abs')], '/elsewhere')).toBe(join(cwd, 'abs'));
  });

  it('ignores an absent or empty value', () => {
    expect(dataDirArg(['electron', '.'], cwd)).toBeNull();
    expect(dataDirArg(['electron', '.', '--data-dir'], cwd)).toBeNull();
    expect(dataDirArg(['electron', '.', '--data-dir='], cwd)).toBeNull();
    expect(dataDirArg(['electron', '.', '--data-dir', '--inspect'], cwd)).toBeNull();
  });
});

describe('defaultDataDir', () => {
  it('uses %APPDATA% on Windows, with a fallback under the profile', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'commission-recrutement'),
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\u')).toBe(join('C:\\Users\\u', 'AppData', 'Roaming', 'commission-recrutement'));
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/u')).toBe(join('/Users/u', 'Library', 'Application Support', 'commission-recrutement'));
  });

  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/u/conf' }, '/home/u')).toBe(join('/home/u/conf', 'commission-recrutement'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/u')).toBe(join('/home/u', '.config', 'commission-recrutement'));
    expect(defaultDataDir('linux', {}, '/home/u')).toBe(join('/home/u', '.config', 'commission-recrutement'));
  });
});
