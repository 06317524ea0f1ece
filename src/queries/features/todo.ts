import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../client/types.js';
import {
  CreateTodoSchema,
  TodoFilterSchema,
  UpdateTodoSchema,
  type CreateTodo,
  type Todo,
  type TodoFilter,
  type UpdateTodo,
} from '../../dto/features/todo.js';
import { isTransaction } from '../../client/executor.js';
import { todos, todosTenantData } from '../../schema/tables/features/todo.js';
import type { TenantScope } from '../../scope/tenant.js';
import { afterCursorPlaceholder, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { checkControlReferences } from '../_lib/control-references.js';
import { preparedPerExecutor, preparedPerShape } from '../_lib/prepared.js';
import { preparedInsertOf } from '../_lib/insert.js';
import { insertManyOf } from '../_lib/insert-many.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { preparedUpdateOf } from '../_lib/update.js';
import { liveRows, type SoftDeleteOptions } from '../_lib/soft-delete.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';

const ENTITY = 'Todo';

type ReadOptions = TenantScope & SoftDeleteOptions;

export interface CreateManyOptions extends TenantScope {
  /** Rows per INSERT statement (default 1,000; PostgreSQL takes at most 65,535 parameters per statement). */
  chunkSize?: number;
}

const CreateManyInput = z.array(CreateTodoSchema);

const insertTodo = preparedInsertOf(todos, 'todos_insert');
const insertTodos = insertManyOf(todos);
const updateTodo = preparedUpdateOf(
  todos,
  'todos_update',
  and(
    eq(todos.id, sql.param(sql.placeholder('id'), todos.id)),
    eq(todos.tenantId, sql.param(sql.placeholder('tenantId'), todos.tenantId)),
    liveRows(todos),
  )!,
);

export type ListTodosInput = ListInput<TodoFilter>;

const findLiveById = preparedPerExecutor((db) =>
  db
    .select()
    .from(todos)
    .where(and(eq(todos.id, sql.placeholder('id')), eq(todos.tenantId, sql.placeholder('tenantId')), liveRows(todos)))
    .limit(1)
    .prepare('todos_find_live_by_id'),
);

async function findById(id: string, options?: ReadOptions): Promise<Todo | null> {
  const tenantId = resolveTenantId(ENTITY, options);
  const todoId = parseId(ENTITY, id);
  const rows = await read(
    (db) =>
      options?.withDeleted
        ? db
            .select()
            .from(todos)
            .where(and(eq(todos.id, todoId), eq(todos.tenantId, tenantId)))
            .limit(1)
        : findLiveById(db).execute({ id: todoId, tenantId }),
    tenantId,
  );
  return rows[0] ?? null;
}

interface ListShape {
  userId: boolean;
  completed: boolean;
  dueBefore: boolean;
  cursor: boolean;
  withDeleted: boolean;
}

// One prepared select per filter shape (32 at most); values are placeholders mapped by their columns.
const listPage = preparedPerShape(
  (shape: ListShape) => Object.values(shape).map(Number).join(''),
  (shape, key) => (db) =>
    db
      .select()
      .from(todos)
      .where(
        and(
          eq(todos.tenantId, sql.param(sql.placeholder('tenantId'), todos.tenantId)),
          liveRows(todos, shape),
          shape.userId ? eq(todos.userId, sql.param(sql.placeholder('userId'), todos.userId)) : undefined,
          shape.completed ? eq(todos.completed, sql.param(sql.placeholder('completed'), todos.completed)) : undefined,
          shape.dueBefore ? lte(todos.dueAt, sql.param(sql.placeholder('dueBefore'), todos.dueAt)) : undefined,
          shape.cursor ? afterCursorPlaceholder(todos) : undefined,
        ),
      )
      .orderBy(...newestFirst(todos))
      .limit(sql.placeholder('limit'))
      .prepare(`todos_list_${key}`),
);

export const TodoQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListTodosInput = {}, options?: ReadOptions): Promise<Page<Todo>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, filter, position } = parseListInput(ENTITY, TodoFilterSchema, input);
    const shape: ListShape = {
      userId: filter.userId !== undefined,
      completed: filter.completed !== undefined,
      dueBefore: filter.dueBefore !== undefined,
      cursor: position !== undefined,
      withDeleted: options?.withDeleted === true,
    };
    const rows = await read(
      (db) =>
        listPage(shape, db).execute({
          tenantId,
          userId: filter.userId,
          completed: filter.completed,
          dueBefore: filter.dueBefore,
          cursorCreatedAt: position?.createdAt,
          cursorId: position?.id,
          limit: limit + 1,
        }),
      tenantId,
    );
    return toPage(rows, limit);
  },

  async create(input: CreateTodo, options?: TenantScope): Promise<Todo> {
    const tenantId = resolveTenantId(ENTITY, options);
    const values = parseInput(ENTITY, CreateTodoSchema, input);
    await checkControlReferences(todosTenantData, [values], tenantId);
    return write((db) => insertTodo(db, { ...values, tenantId }), tenantId);
  },

  /**
   * Validates every input first (a `ValidationError` names the index and field), then inserts in chunks inside one
   * transaction (a savepoint when already in one): all rows or none. Returns how many were inserted.
   */
  async createMany(inputs: readonly CreateTodo[], options?: CreateManyOptions): Promise<number> {
    const tenantId = resolveTenantId(ENTITY, options);
    const chunkSize = parseInput(ENTITY, z.number().int().min(1).max(5_000), options?.chunkSize ?? 1_000);
    const rows = parseInput(ENTITY, CreateManyInput, inputs).map((values) => ({ ...values, tenantId }));
    if (rows.length === 0) return 0;
    await checkControlReferences(todosTenantData, rows, tenantId);
    const insertChunks = (tx: Executor) => insertTodos(tx, rows, chunkSize);
    await write((db) => (isTransaction(db) ? insertChunks(db) : db.transaction(insertChunks)), tenantId);
    return rows.length;
  },

  async update(id: string, input: UpdateTodo, options?: TenantScope): Promise<Todo> {
    const tenantId = resolveTenantId(ENTITY, options);
    const todoId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateTodoSchema, input);
    const [row] = await write((db) => updateTodo(db, values, { id: todoId, tenantId }), tenantId);
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** Hides the todo from every read; `restore` brings it back. */
  async softDelete(id: string, options?: TenantScope): Promise<Todo> {
    const tenantId = resolveTenantId(ENTITY, options);
    const todoId = parseId(ENTITY, id);
    const [row] = await write(
      (db) =>
        db
          .update(todos)
          .set({ deletedAt: sql`now()` })
          .where(and(eq(todos.id, todoId), eq(todos.tenantId, tenantId), liveRows(todos)))
          .returning(),
      tenantId,
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  async restore(id: string, options?: TenantScope): Promise<Todo> {
    const tenantId = resolveTenantId(ENTITY, options);
    const todoId = parseId(ENTITY, id);
    const [row] = await write(
      (db) =>
        db
          .update(todos)
          .set({ deletedAt: null })
          .where(and(eq(todos.id, todoId), eq(todos.tenantId, tenantId), sql`${todos.deletedAt} is not null`))
          .returning(),
      tenantId,
    );
    return orNotFound(row, ENTITY, `deleted todo id=${id}`);
  },

  /** Removes the row for good (live or soft-deleted). */
  async delete(id: string, options?: TenantScope): Promise<Todo> {
    const tenantId = resolveTenantId(ENTITY, options);
    const todoId = parseId(ENTITY, id);
    const [row] = await write(
      (db) =>
        db
          .delete(todos)
          .where(and(eq(todos.id, todoId), eq(todos.tenantId, tenantId)))
          .returning(),
      tenantId,
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
