export { account } from './account.ts';
export { jwks } from './jwk.ts';
export { accountRelations, sessionRelations, userRelations } from './relations.ts';
export { session } from './session.ts';
export { user } from './user.ts';
export { verification } from './verification.ts';
