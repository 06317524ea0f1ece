import { index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, timestamptz } from '../../_shared.js';
import { user } from '../auth/user.js';
import { adminRoles } from './admin-role.js';

/** A user with back-office access. Disabled (not deleted) to revoke access while keeping the audit trail readable. */
export const adminUsers = pgTable(
  'admin_users',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    // restrict: deleting a role still held by someone would silently strip their access; reassign them first.
    roleId: uuid('role_id')
      .notNull()
      .references(() => adminRoles.id, { onDelete: 'restrict' }),
    disabledAt: timestamptz('disabled_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('admin_users_user_id_unique').on(t.userId), index('admin_users_role_id_idx').on(t.roleId)],
).enableRLS();
