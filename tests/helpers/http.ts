import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/http/server.js';
import { jsonFilePreferences } from '../../electron/services/preferences.js';
import { makeServices, type TestServices } from './services.js';
import { tempDir } from './temp.js';

export const INDEX_HTML = '<!doctype html><html lang="fr"><head><title>Commission</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';
export const APP_JS = 'console.log("application de test");';
/** Written next to (outside) the renderer dir: no URL may ever serve it. */
export const SECRET = 'SECRET-HORS-DU-DOSSIER-DE-L-INTERFACE';

export interface TestServer {
  t: TestServices;
  server: RunningServer;
  token: string;
  port: number;
  /** http://127.0.0.1:<port> (no trailing slash). */
  origin: string;
  /** A POST /api/<method> with the right token. */
  api(method: string, args?: unknown): Promise<Response>;
}

/** Real services behind the real browser-mode server, on 127.0.0.1 and a free port, with a tiny renderer dir. */
export async function startTestServer(options: { maxBodyBytes?: number } = {}): Promise<TestServer> {
  const root = tempDir('commission-http-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'secret'), SECRET);

  const t = makeServices({ dataDir: join(root, 'data') });
  const token = 'jeton-de-test-0123456789abcdef';
  const server = await startHttpServer({
    services: t.services,
    preferences: jsonFilePreferences(t.dataDir),
    rendererDir,
    token,
    port: 0,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  onTestFinished(() => server.close());
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    t,
    server,
    token,
    port: server.port,
    origin,
    api: (method, args = {}) =>
      fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request through node:http, which (unlike fetch) sends the path exactly as given (no `..` resolution)
 * and lets a test set any Host or Origin header.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
