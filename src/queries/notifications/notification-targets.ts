import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  CreateNotificationTargetDTO,
  NotificationTargetListFilter,
  type CreateNotificationTarget,
  type NotificationTarget,
  type NotificationTargetFilter,
} from '../../dto/notifications/notification-target.ts';
import { NotFoundError } from '../../errors.ts';
import { notificationTargets } from '../../schema/tables/notifications/notification-targets.ts';
import { eqWhenSet } from '../_lib/filters.ts';
import { PageInput, afterCursor, decodeCursor, newestFirst, toPage, type Page } from '../_lib/keyset.ts';
import { preparedPerExecutor } from '../_lib/prepared.ts';
import { read, write } from '../_lib/run.ts';
import { parseId, parseInput } from '../_lib/validate.ts';

const ENTITY = 'NotificationTarget';

// User-scoped, not tenant-scoped: an address belongs to a person in every tenant. Every call takes the owner and
// filters by it, so one user can never read or change another's targets.

export interface ListNotificationTargetsInput {
  filter?: NotificationTargetFilter;
  limit?: number;
  cursor?: string;
}

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
  if (!row) throw new NotFoundError(ENTITY, `id=${id}`);
  return row;
}

export const NotificationTargetQueries = {
  findById,

  async getById(id: string, userId: string): Promise<NotificationTarget> {
    const target = await findById(id, userId);
    if (!target) throw new NotFoundError(ENTITY, `id=${id}`);
    return target;
  },

  /** The user's targets, newest first. */
  async list(userId: string, input: ListNotificationTargetsInput = {}): Promise<Page<NotificationTarget>> {
    const owner = parseId(ENTITY, userId, 'userId');
    const { limit, cursor } = parseInput(ENTITY, PageInput, { limit: input.limit, cursor: input.cursor });
    const filter = parseInput(ENTITY, NotificationTargetListFilter, input.filter ?? {});
    const position = cursor ? decodeCursor(ENTITY, cursor) : undefined;
    const rows = await read((db) =>
      db
        .select()
        .from(notificationTargets)
        .where(
          and(
            eq(notificationTargets.userId, owner),
            eqWhenSet(notificationTargets.channel, filter.channel),
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
    const values = parseInput(ENTITY, CreateNotificationTargetDTO, input);
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
    if (!row) throw new NotFoundError(ENTITY, `id=${id}`);
    return row;
  },
};
