export { AccountQueries } from './account.ts';
export { JwksQueries } from './jwks.ts';
export { SessionQueries } from './session.ts';
export { UserQueries, type ListUsersInput } from './user.ts';
export { VerificationQueries } from './verification.ts';
