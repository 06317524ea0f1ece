export { account } from './account.js';
export { jwks } from './jwk.js';
export { accountRelations, sessionRelations, userRelations } from './relations.js';
export { session } from './session.js';
export { user } from './user.js';
export { verification } from './verification.js';
