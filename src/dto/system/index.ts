export * from './domain-event.js';
export * from './system-setting.js';
