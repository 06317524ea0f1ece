export { TodoQueries, type ListTodosInput } from './todo.js';
export { UserActivityDailyQueries } from './user-activity-daily.js';
export { WaitlistQueries, type ListWaitlistInput } from './waitlist.js';
