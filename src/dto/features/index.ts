export * from './todo.ts';
export * from './user-activity-daily.ts';
export * from './waitlist.ts';
