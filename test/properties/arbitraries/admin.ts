import fc from 'fast-check';
import { ADMIN_AUDIT_ACTION_MAX, ADMIN_AUDIT_SUBJECT_MAX } from '../../../src/schema/tables/admin/admin-audit-log.js';
import { ADMIN_ROLE_DESCRIPTION_MAX, ADMIN_ROLE_NAME_MAX } from '../../../src/schema/tables/admin/admin-role.js';
import { validInput, type DtoSpec } from './dto.js';
import { SQL_METACHARACTERS, bool, jsonObject, pattern, text, uuid, type FieldSpec } from './fields.js';
import { ipAddress, permissionValue } from './formats.js';

const id = (value?: string) => uuid(value === undefined ? {} : { valid: fc.constant(value) });
const optionalAll = (spec: DtoSpec): DtoSpec =>
  Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, { ...field, optional: true }]));

const permission = () => pattern(permissionValue(), { max: 100 });

/** Up to 200 permission strings (duplicates allowed: the DTO removes them). */
const permissions = (): FieldSpec => ({
  valid: fc.array(permissionValue(), { maxLength: 8 }),
  hostile: fc.oneof(
    fc.constantFrom('users:read', {}, null, 42, 'a,b'),
    fc.tuple(fc.array(permissionValue(), { maxLength: 3 }), permission().hostile).map(([list, bad]) => [...list, bad]),
    fc.constant(Array.from({ length: 201 }, (_, index) => `p${index}`)),
    fc.constantFrom(...SQL_METACHARACTERS).map((bad) => [bad]),
  ),
  optional: true,
});

export const createRole = (): DtoSpec => ({
  name: text(1, ADMIN_ROLE_NAME_MAX),
  description: text(0, ADMIN_ROLE_DESCRIPTION_MAX, { nullable: true }),
  permissions: permissions(),
});

export const updateRole = (): DtoSpec => optionalAll(createRole());

export const roleListFilter = (): DtoSpec => ({ permission: { ...permission(), optional: true } });

export const createAdminUser = (userId?: string, roleId?: string): DtoSpec => ({
  userId: id(userId),
  roleId: id(roleId),
});

export const updateAdminUser = (roleId?: string): DtoSpec => ({ roleId: { ...id(roleId), optional: true } });

export const adminUserListFilter = (): DtoSpec => ({
  roleId: uuid({ optional: true }),
  active: bool({ optional: true }),
});

export const logAction = (adminUserId?: string): DtoSpec => ({
  adminUserId: uuid({ nullable: true, ...(adminUserId === undefined ? {} : { valid: fc.constant(adminUserId) }) }),
  action: text(1, ADMIN_AUDIT_ACTION_MAX),
  subjectType: text(0, ADMIN_AUDIT_SUBJECT_MAX, { nullable: true }),
  subjectId: text(0, ADMIN_AUDIT_SUBJECT_MAX, { nullable: true }),
  metadata: jsonObject({ optional: true }),
  ipAddress: pattern(ipAddress(), { max: 100, nullable: true }),
});

export const auditListFilter = (): DtoSpec =>
  optionalAll({
    adminUserId: uuid(),
    subjectType: text(1, ADMIN_AUDIT_SUBJECT_MAX),
    subjectId: text(1, ADMIN_AUDIT_SUBJECT_MAX),
    action: text(1, ADMIN_AUDIT_ACTION_MAX),
  });

/** subjectId only with subjectType (the filter's rule). */
export const validAuditListFilter = () =>
  validInput(auditListFilter()).filter((filter) => filter.subjectId === undefined || filter.subjectType !== undefined);
