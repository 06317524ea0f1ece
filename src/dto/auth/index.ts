export * from './account.ts';
export * from './jwk.ts';
export * from './session.ts';
export * from './user.ts';
export * from './verification.ts';
