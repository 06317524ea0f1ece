export * from './subscription-event.ts';
export * from './subscription.ts';
