export * from './account.js';
export * from './jwk.js';
export * from './session.js';
export * from './user.js';
export * from './verification.js';
