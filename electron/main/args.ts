import { resolve } from 'node:path';

/**
 * `--data-dir=DIR` or `--data-dir DIR` anywhere on the command line (Electron puts its own path and the app
 * path first, and Chromium may add switches), resolved against the working directory. Null when absent.
 */
export function dataDirArg(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.length > 11 ? resolve(cwd, arg.slice(11)) : null;
    const next = argv[i + 1];
    if (arg === '--data-dir' && next && !next.startsWith('--')) return resolve(cwd, next);
  }
  return null;
}
