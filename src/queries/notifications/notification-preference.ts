import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  NotificationPreferenceFilterSchema,
  SetNotificationPreferenceSchema,
  type NotificationPreference,
  type NotificationPreferenceFilter,
  type SetNotificationPreference,
} from '../../dto/notifications/notification-preference.js';
import { notificationPreferences } from '../../schema/tables/notifications/notification-preference.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'NotificationPreference';

// User-scoped: preferences belong to the person; tenantId on a row narrows it to one tenant (null: all tenants).
// No row means enabled, so a user only ever stores the exceptions (or explicit opt-ins over a tenant opt-out).

export type ListNotificationPreferencesInput = ListInput<NotificationPreferenceFilter>;

function ids(id: string, userId: string) {
  return { preferenceId: parseId(ENTITY, id), owner: parseId(ENTITY, userId, 'userId') };
}

async function findById(id: string, userId: string): Promise<NotificationPreference | null> {
  const { preferenceId, owner } = ids(id, userId);
  const rows = await read((db) =>
    db
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.id, preferenceId), eq(notificationPreferences.userId, owner)))
      .limit(1),
  );
  return rows[0] ?? null;
}

export const NotificationPreferenceQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The user's preference rows, newest first; `filter.tenantId` narrows to one tenant's rows, `null` to the defaults. */
  async list(userId: string, input: ListNotificationPreferencesInput = {}): Promise<Page<NotificationPreference>> {
    const owner = parseId(ENTITY, userId, 'userId');
    const { limit, filter, position } = parseListInput(ENTITY, NotificationPreferenceFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.userId, owner),
            filter.tenantId === undefined
              ? undefined
              : filter.tenantId === null
                ? isNull(notificationPreferences.tenantId)
                : eq(notificationPreferences.tenantId, filter.tenantId),
            afterCursor(notificationPreferences, position),
          ),
        )
        .orderBy(...newestFirst(notificationPreferences))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /**
   * Turns one (tenant or default, type, channel) on or off: an upsert on the NULLS NOT DISTINCT unique key, so
   * setting it twice updates the one row, also for the tenant-less default.
   */
  async set(userId: string, input: SetNotificationPreference): Promise<NotificationPreference> {
    const owner = parseId(ENTITY, userId, 'userId');
    const values = parseInput(ENTITY, SetNotificationPreferenceSchema, input);
    const [row] = await write((db) =>
      db
        .insert(notificationPreferences)
        .values({ ...values, tenantId: values.tenantId ?? null, userId: owner })
        .onConflictDoUpdate({
          target: [
            notificationPreferences.userId,
            notificationPreferences.tenantId,
            notificationPreferences.type,
            notificationPreferences.channel,
          ],
          set: { enabled: sql`excluded.enabled` },
        })
        .returning(),
    );
    return row!;
  },

  /** Removes the row, so the channel falls back to the default (the tenant-less row, else enabled). */
  async delete(id: string, userId: string): Promise<NotificationPreference> {
    const { preferenceId, owner } = ids(id, userId);
    const [row] = await write((db) =>
      db
        .delete(notificationPreferences)
        .where(and(eq(notificationPreferences.id, preferenceId), eq(notificationPreferences.userId, owner)))
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
