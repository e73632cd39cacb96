#!/usr/bin/env node
// npm start: build, then the desktop app when Electron can run on this computer, else browser mode.
// Extra arguments go through: `npm start -- --data-dir ./essai` (and `--port N` in browser mode).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);
const isWindows = process.platform === 'win32';
const electronDir = join(root, 'node_modules', 'electron');

/** Runs a command to completion with the terminal attached; npm and npx are .cmd files on Windows. */
function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
}

/** The Electron executable, downloading it if needed; or the reason it cannot be had (French, English). */
function findElectron() {
  const pathFile = join(electronDir, 'path.txt');
  const binary = () => {
    if (!existsSync(pathFile)) return null;
    const file = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(file) ? file : null;
  };
  if (binary()) return { binary: binary() };
  if (!existsSync(join(electronDir, 'install.js'))) {
    return {
      fr: 'Le paquet electron n’est pas installé (npm install) : l’application démarre en mode navigateur.',
      en: 'The electron package is not installed (npm install): starting in browser mode.',
    };
  }
  console.log('Téléchargement du binaire Electron (90 s au plus)… / Downloading the Electron binary (90 s max)…');
  // The installer's own output (a stack trace when offline) would only frighten: keep its first line as the reason.
  const attempt = run(process.execPath, [join(electronDir, 'install.js')], { timeout: 90_000, shell: false, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (binary()) return { binary: binary() };
  const reason = `${attempt.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? (attempt.error ? String(attempt.error) : '');
  if (reason) console.log(`  (${reason.trim().slice(0, 200)})`);
  return {
    fr: 'Le binaire Electron n’est pas disponible sur ce poste (téléchargement impossible) : l’application démarre en mode navigateur.',
    en: 'Electron binary unavailable (download failed): starting in browser mode.',
  };
}

/**
 * better-sqlite3 built for Electron's ABI, kept in .native/ so that node_modules/better-sqlite3/build stays
 * the Node build the tests load. Built once per Electron version, in a temporary copy of the package.
 */
function electronSqlite(version) {
  const target = join(root, '.native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`Préparation de SQLite pour Electron ${version}… / Building SQLite for Electron ${version}…`);
  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'commission-sqlite-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    const nodeBuild = join(source, 'build');
    cpSync(source, pkg, { recursive: true, filter: (src) => src !== nodeBuild && !src.startsWith(nodeBuild + sep) });
    const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    // A prebuilt binary when GitHub answers; otherwise a compilation against Electron's headers.
    run(process.execPath, [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', `--target=${version}`], { cwd: pkg, shell: false });
    if (!existsSync(built)) {
      // --nodedir= before node-gyp: an npmrc `nodedir` would otherwise build against Node's headers, silently.
      const gyp = ['--yes', '--nodedir=', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`];
      run('npx', [...gyp, '--dist-url=https://electronjs.org/headers'], { cwd: pkg });
    }
    if (!existsSync(built) || !builtForElectron(built)) return null;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An Electron build refuses to load in Node, naming Electron's ABI (node_modules/electron/abi_version). */
function builtForElectron(file) {
  const abiFile = join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : '';
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { encoding: 'utf8' });
  const ok = probe.status !== 0 && probe.stderr.includes(`NODE_MODULE_VERSION ${abi}`);
  if (!ok) console.error(`Le module compilé n’est pas pour Electron (ABI ${abi || '?'}). / The compiled module is not for Electron's ABI.`);
  return ok;
}

/** Runs a long-lived child, stops it with us, and leaves with its exit code. */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/** The default browser, only where a screen exists (not over SSH, not in CI); failures are ignored. */
function openBrowser(url) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [command, args, options] = isWindows
    ? ['cmd', ['/c', 'start', '""', url], { windowsVerbatimArguments: true }] // the URL has no cmd metacharacters
    : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url], {}];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true, ...options }).on('error', () => undefined).unref();
  } catch {
    // no browser: the address is printed anyway
  }
}

function browserMode(reason) {
  console.log(`\n${reason.fr}\n${reason.en}\n`);
  const child = supervise(spawn(process.execPath, [join(root, 'dist', 'electron', 'http', 'cli.js'), ...extraArgs], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] }));
  let output = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    output += chunk;
    const url = /http:\/\/127\.0\.0\.1:\d+\/#jeton=[\w-]+/.exec(output)?.[0];
    if (url) {
      opened = true;
      openBrowser(url);
    }
  });
}

const build = run('npm', ['run', 'build']);
if (build.status !== 0) {
  console.error('La construction a échoué (voir ci-dessus). / The build failed (see above).');
  process.exit(build.status ?? 1);
}

const electron = findElectron();
if (!electron.binary) {
  browserMode(electron);
} else {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const binding = electronSqlite(version);
  if (!binding) {
    browserMode({
      fr: `SQLite n’a pas pu être compilé pour Electron ${version} (en-têtes d’Electron injoignables ?) : l’application démarre en mode navigateur.`,
      en: `Could not build SQLite for Electron ${version} (Electron headers unreachable?): starting in browser mode.`,
    });
  } else {
    const env = { ...process.env, COMMISSION_SQLITE_BINDING: binding };
    delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into a plain Node
    supervise(spawn(electron.binary, ['.', ...extraArgs], { cwd: root, stdio: 'inherit', env }));
  }
}
