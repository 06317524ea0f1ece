export { AccountQueries } from './account.js';
export { JwkQueries } from './jwk.js';
export { SessionQueries } from './session.js';
export { UserQueries, type ListUsersInput } from './user.js';
export { VerificationQueries } from './verification.js';
