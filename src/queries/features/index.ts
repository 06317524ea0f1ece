export { TodoQueries, type ListTodosInput } from './todo.ts';
export { UserActivityDailyQueries } from './user-activity-daily.ts';
export { WaitlistQueries, type ListWaitlistInput } from './waitlist.ts';
