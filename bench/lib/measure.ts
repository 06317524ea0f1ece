import { performance } from 'node:perf_hooks';

// Shared machines are noisy: never trust one absolute time. Both sides run in the same process, interleaved
// (A B, then B A, ...), and the verdict is the median of the per-round ratios.

export interface Comparison {
  /** Median ops/s of each side over the rounds. */
  ours: number;
  baseline: number;
  /** Median of per-round ours/baseline throughput ratios (> 1: ours is faster). */
  ratio: number;
  rounds: number;
}

export interface CompareOptions {
  ours: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  rounds: number;
  /** Calls per side per round. */
  opsPerRound: number;
  /** Untimed calls per side before the first round (JIT, statement caches, connection warm-up). */
  warmupOps?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function opsPerSecond(fn: () => Promise<unknown>, ops: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < ops; i++) await fn();
  return ops / ((performance.now() - started) / 1000);
}

/** Throughput of `ours` and `baseline`, one call at a time, interleaved round by round. */
export async function compareThroughput(options: CompareOptions): Promise<Comparison> {
  const warmup = options.warmupOps ?? Math.min(200, options.opsPerRound);
  for (let i = 0; i < warmup; i++) {
    await options.baseline();
    await options.ours();
  }
  const ours: number[] = [];
  const baseline: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await opsPerSecond(options.ours, options.opsPerRound);
      b = await opsPerSecond(options.baseline, options.opsPerRound);
    } else {
      b = await opsPerSecond(options.baseline, options.opsPerRound);
      a = await opsPerSecond(options.ours, options.opsPerRound);
    }
    ours.push(a);
    baseline.push(b);
    ratios.push(a / b);
  }
  return { ours: median(ours), baseline: median(baseline), ratio: median(ratios), rounds: options.rounds };
}

/** Milliseconds of one call of `fn`, the median of `runs` calls. */
export async function medianMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

export const msPerOp = (opsPerSec: number) => 1000 / opsPerSec;
