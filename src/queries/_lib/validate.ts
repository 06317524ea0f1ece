import { z } from 'zod';
import { ValidationError } from '../../errors.ts';
import { MissingTenantError, currentTenantId, type TenantScope } from '../../tenant-context.ts';

/** Parse caller input with its DTO before any SQL; failures become a `ValidationError` naming the fields. */
export function parseInput<S extends z.ZodType>(entity: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(entity, result.error);
  return result.data;
}

const uuid = z.uuid();

export function parseId(entity: string, id: unknown, field = 'id'): string {
  return parseInput(entity, z.object({ [field]: uuid }), { [field]: id })[field] as string;
}

/** The tenant a scoped call runs for: explicit, else ambient, else an error (never "all tenants"). */
export function resolveTenantId(entity: string, scope: TenantScope | undefined): string {
  const tenantId = scope?.tenantId ?? currentTenantId();
  if (tenantId === undefined) throw new MissingTenantError(entity);
  return parseId(entity, tenantId, 'tenantId');
}
