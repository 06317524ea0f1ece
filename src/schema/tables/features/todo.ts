import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { deletedAt, id, timestamps, timestamptz } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenantRowsPolicy } from '../../_rls.js';
import { tenantDataTable } from '../../_placement.js';

export const TODO_TITLE_MAX = 200;
export const TODO_DESCRIPTION_MAX = 5000;

export const todos = pgTable(
  'todos',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    completed: boolean('completed').notNull().default(false),
    dueAt: timestamptz('due_at'),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    // Keyset pagination of a tenant's live todos, newest first: (tenant_id, created_at desc, id desc).
    index('todos_tenant_created_live_idx')
      .on(t.tenantId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('todos_user_id_idx').on(t.userId),
    check('todos_title_length', sql`char_length(${t.title}) between 1 and ${sql.raw(String(TODO_TITLE_MAX))}`),
    check(
      'todos_description_length',
      sql`${t.description} is null or char_length(${t.description}) <= ${sql.raw(String(TODO_DESCRIPTION_MAX))}`,
    ),
    tenantRowsPolicy(t.tenantId),
  ],
);

/** Todos may live in a tenant's own database; the owner (`user_id`) stays in the control database. */
export const todosTenantData = tenantDataTable(todos, todos.tenantId, [todos.userId]);
