/** What a case aims for. Ratios are ours/baseline throughput unless `lowerIsBetter`. */
export type Goal =
  | { kind: 'min-ratio'; value: number }
  | { kind: 'max-ratio'; value: number }
  | { kind: 'max'; value: number }
  | { kind: 'report' };

export type Unit = 'ops/s' | 'rows/s' | 'ms' | 'bytes';

export interface CaseResult {
  case: string;
  database: 'postgres' | 'pglite' | '-';
  /** What "ours" measured, e.g. "TodoQueries.findById". */
  ours: { label: string; value: number; unit: Unit };
  baseline: { label: string; value: number; unit: Unit } | null;
  /** ours relative to baseline (throughput ratio for ops/s, time ratio for ms), null without a baseline. */
  ratio: number | null;
  goal: Goal;
  /** true/false against the goal, null for report-only rows. */
  pass: boolean | null;
  note?: string;
}

export function judge(goal: Goal, ratio: number | null, value: number): boolean | null {
  switch (goal.kind) {
    case 'min-ratio':
      return ratio !== null && ratio >= goal.value;
    case 'max-ratio':
      return ratio !== null && ratio <= goal.value;
    case 'max':
      return value <= goal.value;
    case 'report':
      return null;
  }
}

export function describeGoal(goal: Goal, unit: Unit): string {
  switch (goal.kind) {
    case 'min-ratio':
      return `>= ${goal.value.toFixed(2)}x`;
    case 'max-ratio':
      return `<= ${goal.value.toFixed(2)}x`;
    case 'max':
      return `<= ${goal.value} ${unit}`;
    case 'report':
      return 'report';
  }
}

/** A result row with `pass` computed from the goal. */
export function row(input: Omit<CaseResult, 'pass'>): CaseResult {
  return { ...input, pass: judge(input.goal, input.ratio, input.ours.value) };
}
