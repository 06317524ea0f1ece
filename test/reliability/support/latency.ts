import { performance } from 'node:perf_hooks';

/** Runs `fn` and records how long it took (ms) into `samples`. */
export async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    samples.push(performance.now() - started);
  }
}

/** The p-th percentile (nearest rank) of the samples, in ms. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
