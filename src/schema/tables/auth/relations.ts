import { relations } from 'drizzle-orm';
import { tenants } from '../tenant/tenants.ts';
import { account } from './account.ts';
import { session } from './session.ts';
import { user } from './user.ts';

export const userAuthRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  accounts: many(account),
}));

export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
  activeTenant: one(tenants, { fields: [session.activeTenantId], references: [tenants.id] }),
}));

export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));
