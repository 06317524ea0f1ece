/** A refusal of `pnpm adopt`: one line for the user; nothing has been written when it is thrown before the write step. */
export class AdoptError extends Error {
  override readonly name = 'AdoptError';
  constructor(
    readonly code:
      'usage' | 'monorepo' | 'target-exists' | 'name-taken' | 'patch-conflict' | 'workspace-yaml' | 'install',
    message: string,
  ) {
    super(message);
  }
}
