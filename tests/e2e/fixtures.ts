import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/electron/http/cli.js');

/** A browser-mode server on its own data folder, started like `npm run serve` does. */
export class AppServer {
  private child: ChildProcess | null = null;
  url = '';
  /** `clock`: the instant the server starts at (`--clock`), for a campaign replayed at its own dates. */
  constructor(
    readonly dataDir: string,
    private readonly clock: string | null = null,
  ) {}

  async start(): Promise<string> {
    const clockArgs = this.clock ? ['--clock', this.clock] : [];
    const child = spawn(process.execPath, [CLI, '--data-dir', this.dataDir, '--port', '0', ...clockArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((resolvePromise, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#jeton=\S+)/.exec(output);
        if (match) resolvePromise(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`Le serveur s’est arrêté (code ${code}) :\n${output}`)));
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    this.child = null;
  }
}

/** Opens the app and waits for its ready marker (no sleeps). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
}

export const test = base.extend<{ server: AppServer; clock: string | null }>({
  // The real clock unless a spec says `test.use({ clock: '2026-05-20T08:00:00Z' })`.
  clock: [null, { option: true }],
  server: async ({ clock }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'commission-e2e-'));
    const server = new AppServer(dataDir, clock);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Screens are saved under test-results/screens so that a person can look at them. */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Forms have a sticky action bar: a full-page capture would draw it mid-page, so forms are shot as seen.
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: options.fullPage ?? true });
}
