// The desktop app itself, driven by Playwright. Runs only where node_modules/electron/dist holds the binary
// (it cannot be downloaded on the build machines: the test is then skipped, with the reason).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { CommissionBridge } from '../../../shared/contract/bridge.js';

const root = process.cwd();
const electronDir = join(root, 'node_modules', 'electron');

/** The binary named by path.txt, as the electron package itself resolves it, without downloading. */
function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}

/** better-sqlite3 built for Electron by `npm start` (scripts/start.mjs), if any. */
function electronSqlite(): string | null {
  const dir = join(root, '.native');
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir)
    .map((name) => join(dir, name, 'better_sqlite3.node'))
    .find((file) => existsSync(file));
  return found ?? null;
}

const binary = electronBinary();

test.describe('application de bureau', () => {
  test.skip(binary === null, 'Binaire Electron absent : node_modules/electron/dist n’existe pas (téléchargement impossible sur ce poste)');

  test('s’ouvre sur l’interface prête, isolée de Node', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'commission-electron-'));
    const binding = electronSqlite();
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    delete env.ELECTRON_RUN_AS_NODE;
    if (binding) env.COMMISSION_SQLITE_BINDING = binding;
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(root, 'dist', 'electron', 'main', 'main.js'), '--data-dir', dataDir],
      env,
    });
    try {
      const page = await app.firstWindow();
      await page.locator('html[data-app-state="ready"], body[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
      await expect(page).toHaveTitle(/Commission/);
      expect(page.url()).toMatch(/^app:\/\/app\//);
      // The page sees the bridge (invoke, on) and nothing of Node.
      // (globalThis, not window: these tests are typed without the DOM library.)
      const globals = await page.evaluate(() => {
        const page = globalThis as unknown as { commission?: object; require?: unknown; process?: unknown };
        return { bridge: Object.keys(page.commission ?? {}).sort(), require: typeof page.require, process: typeof page.process };
      });
      expect(globals).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
      const info = await page.evaluate(() =>
        (globalThis as unknown as { commission: CommissionBridge }).commission.invoke('app-info', {}),
      );
      expect(info).toMatchObject({ ok: true, result: { mode: 'desktop', dataDir } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
