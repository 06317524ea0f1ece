import type { Linter } from 'eslint';

/** Files that may import `database/testing`. */
export declare const testFiles: string[];
/** Forbids importing Drizzle or a driver outside `database`, and `database/testing` outside tests. */
declare const config: Linter.Config[];
export default config;
