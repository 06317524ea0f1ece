import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeText } from '../../dto/_fields.js';
import {
  CreateSessionSchema,
  SetActiveTenantSchema,
  UpdateSessionSchema,
  type CreateSession,
  type Session,
  type UpdateSession,
} from '../../dto/auth/session.js';
import { NotFoundError } from '../../errors/classes.js';
import { withPrimary } from '../../client/executor.js';
import { session } from '../../schema/tables/auth/session.js';
import { tenantMembers } from '../../schema/tables/tenant/tenant-member.js';
import { tenants } from '../../schema/tables/tenant/tenant.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput } from '../_lib/validate.js';

// Sessions are usually written by Better Auth; these are for server code around it (an admin "sign out everywhere",
// a tenant switcher, a cleanup job). A session is live while expires_at is in the future (the database clock).

const ENTITY = 'Session';
const TokenInput = z.object({ token: safeText().min(1).max(512) });

/** 32 url-safe characters from 24 random bytes: the same strength as Better Auth's session tokens. */
const newToken = () => randomBytes(24).toString('base64url');

const live = () => gt(session.expiresAt, sql`now()`);

const findLiveByToken = preparedPerExecutor((db) =>
  db
    .select()
    .from(session)
    .where(and(eq(session.token, sql.placeholder('token')), live()))
    .limit(1)
    .prepare('session_find_live_by_token'),
);

async function findById(id: string): Promise<Session | null> {
  const sessionId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(session).where(eq(session.id, sessionId)).limit(1));
  return rows[0] ?? null;
}

export const SessionQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The hot path of every request: the live session of a token, or null (unknown or expired). */
  async findByToken(token: string): Promise<Session | null> {
    const { token: value } = parseInput(ENTITY, TokenInput, { token });
    const rows = await read((db) => findLiveByToken(db).execute({ token: value }));
    return rows[0] ?? null;
  },

  /** The user's live sessions, newest first (`includeExpired` for all of them). */
  async listForUser(userId: string, options?: { includeExpired?: boolean }): Promise<Session[]> {
    const owner = parseId(ENTITY, userId, 'userId');
    return read((db) =>
      db
        .select()
        .from(session)
        .where(and(eq(session.userId, owner), options?.includeExpired ? undefined : live()))
        .orderBy(desc(session.createdAt), desc(session.id)),
    );
  },

  /** Opens a session with a fresh random token (returned once, in the row). */
  async create(input: CreateSession): Promise<Session> {
    const values = parseInput(ENTITY, CreateSessionSchema, input);
    const [row] = await write((db) =>
      db
        .insert(session)
        .values({ ...values, token: newToken() })
        .returning(),
    );
    return row!;
  },

  /** Extends (or shortens) a session. */
  async update(id: string, input: UpdateSession): Promise<Session> {
    const sessionId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateSessionSchema, input);
    const [row] = await write((db) => updateReturning(db, session, values, eq(session.id, sessionId)));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /**
   * Switches the session to a tenant the session's user is a member of (and that is not deleted), or to none.
   * The membership check and the write are one statement, so a membership removed concurrently cannot slip through.
   */
  async setActiveTenant(id: string, tenantId: string | null): Promise<Session> {
    const sessionId = parseId(ENTITY, id);
    const { tenantId: target } = parseInput(ENTITY, SetActiveTenantSchema, { tenantId });
    const isMember =
      target === null
        ? undefined
        : sql`exists (select 1 from ${tenantMembers} join ${tenants} on ${tenants.id} = ${tenantMembers.tenantId}
            where ${tenantMembers.tenantId} = ${target} and ${tenantMembers.userId} = ${session.userId}
            and ${tenants.deletedAt} is null)`;
    const [row] = await write((db) =>
      db
        .update(session)
        .set({ activeTenantId: target })
        .where(and(eq(session.id, sessionId), isMember))
        .returning(),
    );
    if (row) return row;
    // Which rule refused it, asked of the primary: a replica may not have a session created a moment ago.
    if (!(await withPrimary(() => findById(sessionId)))) throw new NotFoundError(ENTITY, `id=${id}`);
    throw new NotFoundError('TenantMember', `tenantId=${target}`);
  },

  /** Signs one session out. */
  async revoke(id: string): Promise<Session> {
    const sessionId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(session).where(eq(session.id, sessionId)).returning());
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** Signs the user out everywhere, optionally except the current session; returns how many sessions ended. */
  async revokeAllForUser(userId: string, options?: { exceptSessionId?: string }): Promise<number> {
    const owner = parseId(ENTITY, userId, 'userId');
    const keep =
      options?.exceptSessionId === undefined ? undefined : parseId(ENTITY, options.exceptSessionId, 'exceptSessionId');
    const rows = await write((db) =>
      db
        .delete(session)
        .where(and(eq(session.userId, owner), keep === undefined ? undefined : ne(session.id, keep)))
        .returning({ id: session.id }),
    );
    return rows.length;
  },

  /** Cleanup job: deletes sessions that expired (served by session_expires_at_idx); returns how many. */
  async deleteExpired(): Promise<number> {
    const rows = await write((db) =>
      db
        .delete(session)
        .where(lte(session.expiresAt, sql`now()`))
        .returning({ id: session.id }),
    );
    return rows.length;
  },
};
