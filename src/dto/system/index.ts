export * from './domain-event.ts';
export * from './system-setting.ts';
