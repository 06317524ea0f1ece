export * from './todo.js';
export * from './user-activity-daily.js';
export * from './waitlist.js';
