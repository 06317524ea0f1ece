// Counts the query-log lines of a database with replicas per pool: `[db]` is the primary, `[db:replica1]` the first
// replica. Which pool ran a statement is the routing the replica tests assert.

export interface PoolCounter {
  log: (line: string) => void;
  /** Logged statements per pool tag whose SQL contains `fragment` (case-insensitive). */
  count(fragment: string): Record<string, number>;
  reset(): void;
}

export function poolCounter(): PoolCounter {
  let lines: string[] = [];
  return {
    log: (line) => lines.push(line),
    count(fragment) {
      const counts: Record<string, number> = {};
      for (const line of lines) {
        const tag = /^\[([^\]]+)\]/.exec(line)?.[1];
        if (tag && line.toLowerCase().includes(fragment.toLowerCase())) counts[tag] = (counts[tag] ?? 0) + 1;
      }
      return counts;
    },
    reset() {
      lines = [];
    },
  };
}
