/** A refusal of `pnpm adopt`: one line for the user; nothing has been written when it is thrown before the write step. */
export class AdoptError extends Error {
  override readonly name = 'AdoptError';
  readonly code:
    'usage' | 'monorepo' | 'target-exists' | 'name-taken' | 'patch-conflict' | 'workspace-yaml' | 'install';
  constructor(code: AdoptError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
