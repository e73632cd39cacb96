// Small toolkit for `npm run bench`: record measures, time things, print a table and merge the
// results into bench-results.json (other measures already there are kept, ours are replaced).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measure {
  value: number;
  unit: string;
  /** Upper bound the value must stay under; null when the measure is informative. */
  target: number | null;
}

export type BenchResults = Record<string, Measure>;

export interface Recorder {
  /** Records (or replaces) one measure; returns the value so that it can be used inline. */
  record(name: string, value: number, unit: string, target: number | null): number;
  readonly measures: BenchResults;
}

export function createRecorder(): Recorder {
  const measures: BenchResults = {};
  return {
    record(name, value, unit, target) {
      measures[name] = { value: round(value), unit, target };
      return value;
    },
    measures,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the median duration in ms. */
export async function medianMs(fn: () => unknown, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeMs(fn));
  return median(times);
}

export function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/** Deterministic pseudo-random generator (mulberry32): same seed, same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function status(m: Measure): string {
  if (m.target === null) return '—';
  return m.value <= m.target ? 'OK' : 'DÉPASSÉ';
}

export function formatTable(results: BenchResults): string {
  const header = ['Mesure', 'Valeur', 'Unité', 'Cible', 'État'];
  const rows = Object.entries(results).map(([name, m]) => [
    name,
    m.value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }),
    m.unit,
    m.target === null ? '—' : `≤ ${m.target.toLocaleString('fr-FR')}`,
    status(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Existing measures first (in their order), ours replacing same-named ones. */
export function mergeResults(existing: BenchResults, fresh: BenchResults): BenchResults {
  return { ...existing, ...fresh };
}

export function writeResults(file: string, fresh: BenchResults): BenchResults {
  let existing: BenchResults = {};
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as BenchResults;
    } catch {
      console.warn(`${file} illisible : il est remplacé.`);
    }
  }
  const merged = mergeResults(existing, fresh);
  writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}
