import { z } from 'zod';

/**
 * The `filter` of a list call: the given fields (each optional, or nullable where null means something) and no
 * others, so a misspelt filter is a `ValidationError` instead of silently listing everything.
 */
export const listFilter = <TShape extends z.ZodRawShape>(shape: TShape) => z.object(shape).strict();
