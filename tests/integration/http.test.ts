import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { callDraft } from '../helpers/fixtures.js';
import { APP_JS, INDEX_HTML, rawRequest, SECRET, startTestServer } from '../helpers/http.js';

describe('browser mode: the API', () => {
  it('listens on 127.0.0.1 only', async () => {
    const s = await startTestServer();
    expect(s.server.url).toBe(`http://127.0.0.1:${s.port}/`);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: s.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connecté');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'erreur'));
      });
      expect(outcome, address).toBe('ECONNREFUSED');
    }
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer jeton-de-test-0123456789abcdeX'],
    ['a token of another length', 'Bearer court'],
    ['the token without Bearer', 'jeton-de-test-0123456789abcdef'],
  ])('refuses a call with %s: 401 with a French message', async (_label, authorization) => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-list`, {
      method: 'POST',
      headers: authorization ? { Authorization: authorization } : {},
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Jeton de session absent ou invalide : rouvrez l’adresse affichée au démarrage.' },
    });
  });

  it('answers a call with the right token with the envelope', async () => {
    const s = await startTestServer();
    const created = await s.api('calls-create', { call: callDraft({ title: 'Par le navigateur' }) });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const body = (await created.json()) as { ok: boolean; result: { id: number; title: string } };
    expect(body).toMatchObject({ ok: true, result: { title: 'Par le navigateur' } });
    const list = await s.api('calls-list');
    expect(await list.json()).toMatchObject({ ok: true, result: [{ id: body.result.id, title: 'Par le navigateur', postCount: 2 }] });
  });

  it('carries a refusal as data (200) with its fieldErrors', async () => {
    const s = await startTestServer();
    const res = await s.api('calls-create', { call: callDraft({ title: '' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { title: 'L’intitulé de l’appel est obligatoire.' } } });
  });

  it.each([
    ['another site’s name (DNS rebinding)', (port: number) => `evil.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
  ])('refuses a request whose Host is %s: 403', async (_label, host) => {
    const s = await startTestServer();
    const res = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/calls-list',
      headers: { host: host(s.port), authorization: `Bearer ${s.token}` },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Hôte non autorisé.' } });
  });

  it('accepts localhost as Host', async () => {
    const s = await startTestServer();
    const res = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/calls-list',
      headers: { host: `localhost:${s.port}`, authorization: `Bearer ${s.token}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1'])('refuses a call from the page of another origin (%s): 403', async (origin) => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, Origin: origin },
      body: JSON.stringify({ call: callDraft() }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Origine non autorisée.' } });
    expect(await (await s.api('calls-list')).json()).toEqual({ ok: true, result: [] });
  });

  it('accepts a call from its own origin', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-list`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}`, Origin: s.origin }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('refuses GET on the API: 405 with Allow: POST', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-list`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ ok: false, error: { code: 'validation', message: 'Utilisez POST pour appeler l’API.' } });
  });

  it('answers 404 unknown_method for a method that does not exist', async () => {
    const s = await startTestServer();
    const res = await s.api('calls-explode');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Méthode inconnue : « calls-explode ».' } });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-list`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}` }, body: '{"includeArchived": tru' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'validation', message: 'Le corps de la requête n’est pas du JSON valide.' } });
  });

  it('treats an empty body as no arguments', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/api/calls-list`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}` } });
    expect(await res.json()).toEqual({ ok: true, result: [] });
  });

  it.each([
    ['just over the limit', 2_000],
    ['far over the limit, in many chunks', 2_000_000],
  ])('answers 413 to a body %s, and stores nothing', async (_label, size) => {
    const s = await startTestServer({ maxBodyBytes: 1_000 });
    const body = JSON.stringify({ call: callDraft({ description: 'x'.repeat(size) }) });
    const res = await fetch(`${s.origin}/api/calls-create`, { method: 'POST', headers: { Authorization: `Bearer ${s.token}` }, body });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringMatching(/^Requête trop volumineuse/) } });
    expect(await (await s.api('calls-list')).json()).toEqual({ ok: true, result: [] });
  });

  it('records changes made from the browser under the « who am I » of this laptop', async () => {
    const s = await startTestServer();
    await s.api('prefs-set', { whoAmI: { name: 'Marie Curie', email: 'marie.curie@ac-test.example' } });
    await s.api('calls-create', { call: callDraft() });
    const journal = (await (await s.api('journal-list')).json()) as { result: { actorName: string; method: string }[] };
    expect(journal.result.map((j) => [j.actorName, j.method])).toEqual([['Marie Curie', 'calls-create']]);
  });
});

describe('browser mode: the pages', () => {
  it('serves index.html with the Content-Security-Policy and protective headers', async () => {
    const s = await startTestServer();
    for (const path of ['/', '/index.html']) {
      const res = await fetch(`${s.origin}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toBe(INDEX_HTML);
    }
  });

  it('serves an asset with its type', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.origin}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe(APP_JS);
  });

  it('falls back to index.html for an application route, but 404s a missing asset', async () => {
    const s = await startTestServer();
    const route = await fetch(`${s.origin}/appels/12/candidatures`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await route.text()).toBe(INDEX_HTML);
    const missing = await fetch(`${s.origin}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'Fichier introuvable.' } });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/assets/../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%2e%2e%2fsecret',
    '/../secret',
    '/..%00/secret.txt',
    '//etc/passwd',
  ])('never serves a file outside the renderer dir: %s', async (path) => {
    const s = await startTestServer();
    const res = await rawRequest(s.port, { path });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    // Either refused, or answered with the app's own page.
    if (res.status === 200) expect(res.body).toBe(INDEX_HTML);
    else expect([400, 404]).toContain(res.status);
  });

  it('refuses other HTTP methods on pages', async () => {
    const s = await startTestServer();
    const res = await rawRequest(s.port, { method: 'DELETE', path: '/index.html' });
    expect(res.status).toBe(405);
  });
});

describe('browser mode: push events', () => {
  function openEvents(port: number, token: string) {
    const received: string[] = [];
    let status = 0;
    let contentType = '';
    const waiters: (() => void)[] = [];
    const req = request({ host: '127.0.0.1', port, path: `/events?token=${encodeURIComponent(token)}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      status = res.statusCode ?? 0;
      contentType = String(res.headers['content-type']);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        received.push(chunk);
        waiters.splice(0).forEach((w) => w());
      });
    });
    req.on('error', () => undefined);
    req.end();
    const text = () => received.join('');
    return {
      get status() {
        return status;
      },
      get contentType() {
        return contentType;
      },
      text,
      async until(fragment: string, timeoutMs = 5_000): Promise<string> {
        const deadline = Date.now() + timeoutMs;
        while (!text().includes(fragment)) {
          if (Date.now() > deadline) throw new Error(`« ${fragment} » jamais reçu ; reçu : ${JSON.stringify(text())}`);
          await new Promise<void>((resolve) => {
            waiters.push(resolve);
            setTimeout(resolve, 50);
          });
        }
        return text();
      },
      close: () => req.destroy(),
    };
  }

  it('sends `changed` to an open event stream after a change made through the API', async () => {
    const s = await startTestServer();
    const events = openEvents(s.port, s.token);
    await events.until(': connecté');
    expect(events.status).toBe(200);
    expect(events.contentType).toBe('text/event-stream; charset=utf-8');

    const res = await s.api('calls-create', { call: callDraft() });
    const { result } = (await res.json()) as { result: { id: number } };
    const text = await events.until('event: changed');
    expect(text).toContain(`event: changed\ndata: ${JSON.stringify({ entity: 'calls', callId: result.id })}\n\n`);
    events.close();
  });

  it.each([
    ['a wrong token', '/events?token=mauvais'],
    ['no token', '/events'],
  ])('refuses an event stream with %s: 401', async (_label, path) => {
    const s = await startTestServer();
    const res = await rawRequest(s.port, { path });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
