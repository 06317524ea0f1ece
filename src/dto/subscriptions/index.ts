export * from './subscription-event.js';
export * from './subscription.js';
