export { todosRelations, userActivityDailyRelations } from './relations.ts';
export { TODO_DESCRIPTION_MAX, TODO_TITLE_MAX, todos } from './todo.ts';
export { userActivityDaily } from './user-activity-daily.ts';
export {
  WAITLIST_EMAIL_MAX,
  WAITLIST_REFERRER_MAX,
  WAITLIST_SOURCE_MAX,
  WAITLIST_STATUSES,
  waitlist,
  waitlistStatus,
  type WaitlistStatus,
} from './waitlist.ts';
