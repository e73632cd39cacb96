import { timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { PushMessage } from '../../shared/contract/events.js';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { safeRelativePath } from '../../shared/security/paths.js';
import type { Services } from '../services/index.js';
import type { PreferencesStore } from '../services/preferences.js';

export interface HttpServerOptions {
  services: Services;
  preferences: PreferencesStore;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Secret shared with the page this server opens; other local programs do not have it. */
  token: string;
  port: number;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const HOST = '127.0.0.1';

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Browser mode: the same services as the desktop app, behind POST /api/<method> on 127.0.0.1 only. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const maxBody = options.maxBodyBytes ?? 80 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.services.subscribe((message: PushMessage) => {
    const line = `event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`;
    for (const res of streams) res.write(line);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http]', error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Erreur interne du serveur local.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page from another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends another Host.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      sendError(res, 403, 'unauthorized', 'Hôte non autorisé.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendError(res, 405, 'validation', 'Utilisez POST pour appeler l’API.');
        return;
      }
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) {
        sendError(res, 403, 'unauthorized', 'Origine non autorisée.');
        return;
      }
      const auth = req.headers.authorization ?? '';
      if (!sameSecret(auth.startsWith('Bearer ') ? auth.slice(7) : null, options.token)) {
        sendError(res, 401, 'unauthorized', 'Jeton de session absent ou invalide : rouvrez l’adresse affichée au démarrage.');
        return;
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        sendError(res, 413, 'too_large', `Requête trop volumineuse (plus de ${Math.round(maxBody / 1024 / 1024)} Mo).`);
        return;
      }
      let args: unknown = {};
      if (body.length > 0) {
        try {
          args = JSON.parse(body.toString('utf8'));
        } catch {
          sendError(res, 400, 'validation', 'Le corps de la requête n’est pas du JSON valide.');
          return;
        }
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const envelope = await options.services.dispatch(method, args, { actor: options.preferences.read().whoAmI });
      // Errors are data, not HTTP failures, except for the ones a script must notice at the HTTP level.
      const status = envelope.ok ? 200 : envelope.error.code === 'unknown_method' ? 404 : envelope.error.code === 'internal' ? 500 : 200;
      sendJson(res, status, envelope);
      return;
    }

    if (url.pathname === '/events') {
      if (!sameSecret(url.searchParams.get('token'), options.token)) {
        sendError(res, 401, 'unauthorized', 'Jeton de session absent ou invalide.');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connecté\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'validation', 'Méthode HTTP non autorisée.');
      return;
    }
    await serveStatic(url.pathname, res, req.method === 'HEAD');
  }

  async function serveStatic(pathname: string, res: ServerResponse, headOnly: boolean): Promise<void> {
    const rel = safeRelativePath(pathname);
    if (rel === null) {
      sendError(res, 400, 'validation', 'Chemin refusé.');
      return;
    }
    let file = join(options.rendererDir, rel);
    let info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      // Client-side routes fall back to the page; missing assets are real 404s.
      if (extname(rel)) {
        sendError(res, 404, 'not_found', 'Fichier introuvable.');
        return;
      }
      file = join(options.rendererDir, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        sendError(res, 500, 'internal', 'L’interface n’est pas construite : lancez « npm run build ».');
        return;
      }
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': info.size };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = contentSecurityPolicy();
      headers['Cache-Control'] = 'no-store';
    }
    res.writeHead(200, headers);
    if (headOnly) res.end();
    else res.end(await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Keep-alive pings so that proxies and the browser keep the event stream open.
  const ping = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 25_000);
  ping.unref();

  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping);
        unsubscribe();
        for (const res of streams) res.end();
        streams.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
