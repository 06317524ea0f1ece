import { DatabaseError } from '../src/errors/classes.js';

/** Runs a script body and turns any failure into one readable line and exit code 1 (no stack of driver noise). */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof DatabaseError) console.error(`✗ ${error.message}`);
    else if (error instanceof Error) {
      const code = (error as { code?: unknown }).code;
      console.error(`✗ ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`);
    } else console.error('✗', error);
    process.exitCode = 1;
  }
}
