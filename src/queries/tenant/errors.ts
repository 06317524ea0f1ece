import { NotFoundError } from '../../errors/classes.js';

/**
 * `accept` found no invite it may accept for the token: unknown, already accepted, revoked or expired. One error for
 * all four on purpose: telling them apart would tell a token-guesser which tokens once existed.
 */
export class InviteNotAcceptableError extends NotFoundError {
  override name = 'InviteNotAcceptableError';
  constructor() {
    super('TenantInvite', 'pending invite for this token');
  }
}
