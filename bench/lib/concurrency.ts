import { performance } from 'node:perf_hooks';
import { median } from './measure.js';

// `callers` async loops share one client (and its pool) and each awaits its own call before the next, as request
// handlers do. Our side and the baseline alternate round by round, as in compareThroughput.

export interface SideUnderLoad {
  /** Median calls per second over the rounds. */
  throughput: number;
  /** Latency of one call over every round, in ms. */
  p50: number;
  p99: number;
}

export interface LoadComparison {
  ours: SideUnderLoad;
  baseline: SideUnderLoad;
  /** Median of per-round throughput ratios (ours / baseline). */
  ratio: number;
}

export interface LoadOptions {
  ours: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  callers: number;
  /** Calls per side per round, shared by the callers. */
  callsPerRound: number;
  rounds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function round(fn: () => Promise<unknown>, callers: number, calls: number, latencies: number[]) {
  let left = calls;
  const started = performance.now();
  const caller = async () => {
    while (left > 0) {
      left -= 1;
      const callStarted = performance.now();
      await fn();
      latencies.push(performance.now() - callStarted);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return calls / ((performance.now() - started) / 1000);
}

function side(throughputs: number[], latencies: number[]): SideUnderLoad {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { throughput: median(throughputs), p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export async function compareUnderLoad(options: LoadOptions): Promise<LoadComparison> {
  const warmup = Math.min(options.callsPerRound, 4 * options.callers);
  await round(options.baseline, options.callers, warmup, []);
  await round(options.ours, options.callers, warmup, []);
  const ours = { throughputs: [] as number[], latencies: [] as number[] };
  const baseline = { throughputs: [] as number[], latencies: [] as number[] };
  const ratios: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const order = i % 2 === 0 ? ([ours, baseline] as const) : ([baseline, ours] as const);
    for (const current of order) {
      const fn = current === ours ? options.ours : options.baseline;
      current.throughputs.push(await round(fn, options.callers, options.callsPerRound, current.latencies));
    }
    ratios.push(ours.throughputs.at(-1)! / baseline.throughputs.at(-1)!);
  }
  return {
    ours: side(ours.throughputs, ours.latencies),
    baseline: side(baseline.throughputs, baseline.latencies),
    ratio: median(ratios),
  };
}
