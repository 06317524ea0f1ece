/** What the vitest global setup prepared, handed to every worker with `provide`/`inject`. */
export type TestDatabaseSource =
  | { kind: 'pglite'; snapshotPath: string }
  | {
      kind: 'postgres';
      serverUrl: string;
      template: string;
      runPrefix: string;
      /** TEST_DATABASE_POOLER_URL: where the test databases' queries go (their creation stays on `serverUrl`). */
      poolerUrl?: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
