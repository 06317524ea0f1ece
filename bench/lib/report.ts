import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeGoal, type CaseResult } from './result.js';

export interface RunInfo {
  startedAt: string;
  seconds: number;
  smoke: boolean;
  commit: string;
  node: string;
  cpu: string;
  cpus: number;
  postgres: string;
  pglite: string;
}

export function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

export function machine(): Pick<RunInfo, 'node' | 'cpu' | 'cpus'> {
  const cpus = os.cpus();
  return { node: process.version, cpu: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length };
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'bytes') return `${Math.round(value).toLocaleString('en-US')} B`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '-';
  return `${ratio < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}x`;
}

const mark = (pass: boolean | null) => (pass === null ? '-' : pass ? '✓' : '✗');

interface Cells {
  case: string;
  db: string;
  ours: string;
  baseline: string;
  ratio: string;
  goal: string;
  ok: string;
}

function cells(result: CaseResult): Cells {
  return {
    case: result.case,
    db: result.database,
    ours: `${formatValue(result.ours.value, result.ours.unit)} ${result.ours.label}`,
    baseline: result.baseline
      ? `${formatValue(result.baseline.value, result.baseline.unit)} ${result.baseline.label}`
      : '-',
    ratio: formatRatio(result.ratio),
    goal: describeGoal(result.goal, result.ours.unit),
    ok: mark(result.pass),
  };
}

const headers: Cells = {
  case: 'case',
  db: 'db',
  ours: 'ours',
  baseline: 'baseline',
  ratio: 'ratio',
  goal: 'goal',
  ok: 'ok',
};
const keys = Object.keys(headers) as (keyof Cells)[];

export function terminalTable(results: CaseResult[]): string {
  const rows = [headers, ...results.map(cells)];
  const widths = keys.map((key) => Math.max(...rows.map((r) => r[key].length)));
  const line = (r: Cells) => keys.map((key, i) => r[key].padEnd(widths[i]!)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(results: CaseResult[]): string {
  const line = (r: Cells) => `| ${keys.map((key) => r[key].replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headers), `|${keys.map(() => ' --- ').join('|')}|`, ...results.map((r) => line(cells(r)))].join('\n');
}

function markdownReport(info: RunInfo, results: CaseResult[]): string {
  const notes = results.filter((r) => r.note).map((r) => `- **${r.case}** (${r.database}): ${r.note}`);
  return [
    `# Benchmark ${info.startedAt}${info.smoke ? ' (smoke)' : ''}`,
    '',
    `commit ${info.commit}, Node ${info.node}, ${info.cpus} × ${info.cpu}, ${info.postgres}, PGlite ${info.pglite}, ` +
      `${info.seconds.toFixed(0)} s`,
    '',
    markdownTable(results),
    '',
    ...(notes.length > 0 ? ['Notes:', '', ...notes, ''] : []),
  ].join('\n');
}

/** Writes `<stamp>.json` and `<stamp>.md` (and `latest.*`) under `dir`; returns the paths. */
export function writeReports(dir: string, info: RunInfo, results: CaseResult[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = `${info.startedAt.replace(/[:.]/g, '-')}${info.smoke ? '-smoke' : ''}`;
  const json = JSON.stringify({ ...info, results }, null, 2);
  const markdown = markdownReport(info, results);
  const written: string[] = [];
  for (const base of [stamp, info.smoke ? 'latest-smoke' : 'latest']) {
    for (const [ext, text] of [
      ['json', json],
      ['md', markdown],
    ] as const) {
      const file = path.join(dir, `${base}.${ext}`);
      fs.writeFileSync(file, `${text}\n`);
      if (base === stamp) written.push(file);
    }
  }
  return written;
}
