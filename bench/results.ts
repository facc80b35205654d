import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

/**
 * Writes a benchmark's results into docs/benchmarks.md between `<!-- bench:<name> -->` markers,
 * replacing the previous run's and leaving the rest of the page (other benches, notes) alone.
 */
export async function recordSection(name: string, section: string): Promise<void> {
  const [begin, end] = [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];
  const current = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const block = `${begin}\n${section}\n${end}`;
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}

/** The `p`th percentile (0–100) of ascending `sorted` times, by the nearest-rank method. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
