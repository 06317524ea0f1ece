import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  CreateNotificationTargetSchema,
  NotificationTargetFilterSchema,
  type CreateNotificationTarget,
  type NotificationTarget,
  type NotificationTargetFilter,
} from '../../dto/notifications/notification-target.js';
import { notificationTargets } from '../../schema/tables/notifications/notification-target.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'NotificationTarget';

// User-scoped, not tenant-scoped: an address belongs to a person in every tenant. Every call takes the owner and
// filters by it, so one user can never read or change another's targets.

export type ListNotificationTargetsInput = ListInput<NotificationTargetFilter>;

const findOwned = preparedPerExecutor((db) =>
  db
    .select()
    .from(notificationTargets)
    .where(
      and(eq(notificationTargets.id, sql.placeholder('id')), eq(notificationTargets.userId, sql.placeholder('userId'))),
    )
    .limit(1)
    .prepare('notification_targets_find_by_id'),
);

function ids(id: string, userId: string) {
  return { targetId: parseId(ENTITY, id), owner: parseId(ENTITY, userId, 'userId') };
}

async function findById(id: string, userId: string): Promise<NotificationTarget | null> {
  const { targetId, owner } = ids(id, userId);
  const rows = await read((db) => findOwned(db).execute({ id: targetId, userId: owner }));
  return rows[0] ?? null;
}

async function setOwned(id: string, userId: string, values: { verifiedAt?: SQL; disabledAt?: SQL | null }) {
  const { targetId, owner } = ids(id, userId);
  const [row] = await write((db) =>
    db
      .update(notificationTargets)
      .set(values)
      .where(and(eq(notificationTargets.id, targetId), eq(notificationTargets.userId, owner)))
      .returning(),
  );
  return orNotFound(row, ENTITY, `id=${id}`);
}

export const NotificationTargetQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The user's targets, newest first. */
  async list(userId: string, input: ListNotificationTargetsInput = {}): Promise<Page<NotificationTarget>> {
    const owner = parseId(ENTITY, userId, 'userId');
    const { limit, filter, position } = parseListInput(ENTITY, NotificationTargetFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(notificationTargets)
        .where(
          and(
            eq(notificationTargets.userId, owner),
            ...eqEachSet(notificationTargets, filter),
            afterCursor(notificationTargets, position),
          ),
        )
        .orderBy(...newestFirst(notificationTargets))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** Registers an unverified address; one already registered (by anyone) on that channel is a ConflictError. */
  async create(userId: string, input: CreateNotificationTarget): Promise<NotificationTarget> {
    const owner = parseId(ENTITY, userId, 'userId');
    const values = parseInput(ENTITY, CreateNotificationTargetSchema, input);
    const [row] = await write((db) =>
      db
        .insert(notificationTargets)
        .values({ ...values, userId: owner })
        .returning(),
    );
    return row!;
  },

  /** Call once the user proved they own the address (a code, a link). Verifying again keeps the first time. */
  async verify(id: string, userId: string): Promise<NotificationTarget> {
    return setOwned(id, userId, { verifiedAt: sql`coalesce(${notificationTargets.verifiedAt}, now())` });
  },

  /** Stops new deliveries to the target (bounces, the user's wish); `enable` undoes it. */
  async disable(id: string, userId: string): Promise<NotificationTarget> {
    return setOwned(id, userId, { disabledAt: sql`coalesce(${notificationTargets.disabledAt}, now())` });
  },

  async enable(id: string, userId: string): Promise<NotificationTarget> {
    return setOwned(id, userId, { disabledAt: null });
  },

  /** Removes the target; its past deliveries stay, with target_id null. */
  async delete(id: string, userId: string): Promise<NotificationTarget> {
    const { targetId, owner } = ids(id, userId);
    const [row] = await write((db) =>
      db
        .delete(notificationTargets)
        .where(and(eq(notificationTargets.id, targetId), eq(notificationTargets.userId, owner)))
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
