export { TodoQueries, type ListTodosInput } from './todos.ts';
export { UserActivityDailyQueries } from './user-activity-daily.ts';
export { WaitlistQueries, type ListWaitlistInput } from './waitlist.ts';
