// Tables, enums and relations only: what drizzle-kit and relational queries read.
export * from './tables/index.ts';
// Supabase's roles (existing, never created by drizzle-kit), for policies of your own tables.
export { anonRole, authenticatedRole, serviceRole } from './_rls.ts';
