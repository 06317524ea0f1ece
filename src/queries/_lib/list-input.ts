import type { z } from 'zod';
import { PageInput, decodeCursor, type Position } from './keyset.js';
import { parseInput } from './validate.js';

/** What every paged read takes: `limit` (1-200, default 50) and the `nextCursor` of the previous page. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** A paged read with a filter: `List<Entity>Input` of every query object is one of these. */
export interface ListInput<TFilter> extends PageRequest {
  filter?: TFilter;
}

export interface ParsedPage {
  limit: number;
  /** The decoded cursor; `undefined` on the first page. */
  position: Position | undefined;
}

/** Validates a page request as given (a `ValidationError` names `limit` or `cursor`), then decodes the cursor. */
export function parsePage(entity: string, page: unknown): ParsedPage {
  const { limit, cursor } = parseInput(entity, PageInput, page);
  return { limit, position: cursor ? decodeCursor(entity, cursor) : undefined };
}

/**
 * A list call's input, checked in the order every list has always checked it: `limit` and `cursor`, then the filter
 * (by the entity's `…ListFilter`), and last the cursor's content.
 */
export function parseListInput<TFilter extends z.ZodType>(
  entity: string,
  filterSchema: TFilter,
  input: ListInput<z.input<TFilter>>,
): ParsedPage & { filter: z.output<TFilter> } {
  const { limit, cursor } = parseInput(entity, PageInput, { limit: input.limit, cursor: input.cursor });
  const filter = parseInput(entity, filterSchema, input.filter ?? {});
  return { limit, filter, position: cursor ? decodeCursor(entity, cursor) : undefined };
}
