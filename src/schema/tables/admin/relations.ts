import { relations } from 'drizzle-orm';
import { user } from '../auth/user.js';
import { adminAuditLog } from './admin-audit-log.js';
import { adminRoles } from './admin-role.js';
import { adminUsers } from './admin-user.js';

export const adminRolesRelations = relations(adminRoles, ({ many }) => ({
  adminUsers: many(adminUsers),
}));

export const adminUsersRelations = relations(adminUsers, ({ one, many }) => ({
  user: one(user, { fields: [adminUsers.userId], references: [user.id] }),
  role: one(adminRoles, { fields: [adminUsers.roleId], references: [adminRoles.id] }),
  auditLog: many(adminAuditLog),
}));

export const adminAuditLogRelations = relations(adminAuditLog, ({ one }) => ({
  adminUser: one(adminUsers, { fields: [adminAuditLog.adminUserId], references: [adminUsers.id] }),
}));
