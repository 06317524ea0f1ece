import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  CreateWaitlistEntrySchema,
  WaitlistFilterSchema,
  type CreateWaitlistEntry,
  type WaitlistEntry,
  type WaitlistFilter,
} from '../../dto/features/waitlist.js';
import { email } from '../../dto/_fields.js';
import { withPrimary } from '../../client/executor.js';
import { waitlist } from '../../schema/tables/features/waitlist.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { findByIdOf } from '../_lib/find-by-id.js';
import { getByIdFrom } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'WaitlistEntry';
const EmailInput = z.object({ email: email() });

export type ListWaitlistInput = ListInput<WaitlistFilter>;

const findByEmailPrepared = preparedPerExecutor((db) =>
  db
    .select()
    .from(waitlist)
    .where(eq(waitlist.email, sql.placeholder('email')))
    .limit(1)
    .prepare('waitlist_find_by_email'),
);

const findById = findByIdOf(ENTITY, waitlist, 'waitlist_find_by_id');

const getById = getByIdFrom(ENTITY, findById);

/**
 * Moves an entry forward to `status`; an entry already there or past it is returned unchanged (the status never
 * moves back, and the first invite/join time is kept), so both marks are safe to repeat.
 */
async function advance(id: string, set: PgUpdateSetSource<typeof waitlist>, from: SQL): Promise<WaitlistEntry> {
  const entryId = parseId(ENTITY, id);
  const [row] = await write((db) =>
    db
      .update(waitlist)
      .set(set)
      .where(and(eq(waitlist.id, entryId), from))
      .returning(),
  );
  // The primary: a replica may not have the entry yet, or still show it before its last transition.
  return row ?? withPrimary(() => getById(id));
}

/** The pre-launch waitlist. Global (people on it have no tenant yet), so nothing here is tenant-scoped. */
export const WaitlistQueries = {
  findById,
  getById,

  /**
   * Puts an email on the waitlist. Joining again is not an error: it returns the existing entry unchanged (the
   * first source/referrer is kept). Emails are trimmed and lower-cased, so `Ada@X.com` and `ada@x.com` are one entry.
   */
  async join(input: CreateWaitlistEntry): Promise<WaitlistEntry> {
    const values = parseInput(ENTITY, CreateWaitlistEntrySchema, input);
    const [row] = await write((db) =>
      db.insert(waitlist).values(values).onConflictDoNothing({ target: waitlist.email }).returning(),
    );
    if (row) return row;
    // Lost to an earlier (or concurrent, now committed) join of the same email: read committed on the primary sees
    // its row (a replica may not have it yet).
    const [existing] = await withPrimary(() => read((db) => findByEmailPrepared(db).execute({ email: values.email })));
    return existing!;
  },

  async findByEmail(address: string): Promise<WaitlistEntry | null> {
    const { email: normalized } = parseInput(ENTITY, EmailInput, { email: address });
    const rows = await read((db) => findByEmailPrepared(db).execute({ email: normalized }));
    return rows[0] ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListWaitlistInput = {}): Promise<Page<WaitlistEntry>> {
    const { limit, filter, position } = parseListInput(ENTITY, WaitlistFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(waitlist)
        .where(and(...eqEachSet(waitlist, filter), afterCursor(waitlist, position)))
        .orderBy(...newestFirst(waitlist))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** waiting -> invited, stamping invited_at. No-op for an entry already invited or joined. */
  markInvited(id: string): Promise<WaitlistEntry> {
    return advance(id, { status: 'invited', invitedAt: sql`now()` }, eq(waitlist.status, 'waiting'));
  },

  /** waiting or invited -> joined, stamping joined_at (invited_at stays null for someone never invited). */
  markJoined(id: string): Promise<WaitlistEntry> {
    return advance(id, { status: 'joined', joinedAt: sql`now()` }, ne(waitlist.status, 'joined'));
  },
};
