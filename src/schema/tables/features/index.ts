export { todosRelations, userActivityDailyRelations } from './relations.js';
export { TODO_DESCRIPTION_MAX, TODO_TITLE_MAX, todos, todosTenantData } from './todo.js';
export { userActivityDaily } from './user-activity-daily.js';
export {
  WAITLIST_EMAIL_MAX,
  WAITLIST_REFERRER_MAX,
  WAITLIST_SOURCE_MAX,
  WAITLIST_STATUSES,
  waitlist,
  waitlistStatus,
  type WaitlistStatus,
} from './waitlist.js';
