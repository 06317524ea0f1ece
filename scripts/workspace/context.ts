// What every proof of `pnpm check:workspace` shares: the clock its summary lines report, the child environment, and
// the failure it raises.

const started = performance.now();

/** One summary line, with the seconds since the check started. */
export function log(line: string): void {
  console.log(`${line} [${((performance.now() - started) / 1000).toFixed(1)} s]`);
}

/** The caller's environment without database settings or the outer `pnpm run`'s npm_* variables. */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- child processes need PATH, HOME and the pnpm store settings
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('npm_'));
  return {
    ...Object.fromEntries(inherited),
    DATABASE_URL: '',
    DIRECT_URL: '',
    TEST_DATABASE_URL: '',
    ...overrides,
  };
}

export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
