export { AccountQueries } from './account.ts';
export { JwkQueries } from './jwk.ts';
export { SessionQueries } from './session.ts';
export { UserQueries, type ListUsersInput } from './user.ts';
export { VerificationQueries } from './verification.ts';
