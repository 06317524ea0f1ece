import fc from 'fast-check';
import { TENANT_INVITE_MAX_DAYS } from '../../../src/dto/tenant/tenant-invite.js';
import {
  TENANT_ACTIVITY_ACTION_MAX,
  TENANT_ACTIVITY_SUBJECT_ID_MAX,
  TENANT_ACTIVITY_SUBJECT_TYPE_MAX,
} from '../../../src/schema/tables/tenant/tenant-activity.js';
import { TENANT_ROLES } from '../../../src/schema/tables/tenant/tenant-member.js';
import { TENANT_NAME_MAX } from '../../../src/schema/tables/tenant/tenant.js';
import type { DtoSpec } from './dto.js';
import { int, jsonObject, oneOf, pattern, text, uuid } from './fields.js';
import { emailAddress, slugValue } from './formats.js';

const id = (value?: string) => uuid(value === undefined ? {} : { valid: fc.constant(value) });
/** A nullable reference: null, or the given parent (a random UUID when none is given). */
const nullableId = (value?: string) =>
  uuid({ nullable: true, ...(value === undefined ? {} : { valid: fc.constant(value) }) });
const optionalAll = (spec: DtoSpec): DtoSpec =>
  Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, { ...field, optional: true }]));

export const createTenant = (): DtoSpec => ({
  name: text(1, TENANT_NAME_MAX),
  slug: pattern(slugValue(), { max: 64 }),
  customAttributes: jsonObject({ optional: true }),
});

export const updateTenant = (): DtoSpec => optionalAll({ ...createTenant(), customAttributes: jsonObject() });

export const tenantListFilter = (): DtoSpec => ({ nameContains: { ...text(1, TENANT_NAME_MAX), optional: true } });

const role = () => oneOf(TENANT_ROLES);

// The role has a default (member) on create.
export const createMember = (userId?: string): DtoSpec => ({ userId: id(userId), role: { ...role(), optional: true } });
export const updateMember = (): DtoSpec => ({ role: role() });
export const memberListFilter = (): DtoSpec => ({ role: oneOf(TENANT_ROLES, { optional: true }) });

export const createInvite = (invitedByUserId?: string): DtoSpec => ({
  email: pattern(emailAddress(), { max: 254 }),
  role: { ...role(), optional: true },
  invitedByUserId: nullableId(invitedByUserId),
  expiresInDays: int(1, TENANT_INVITE_MAX_DAYS, { optional: true }),
});

export const updateInvite = (): DtoSpec => ({ role: role() });

export const createActivity = (actorUserId?: string): DtoSpec => ({
  actorUserId: nullableId(actorUserId),
  action: text(1, TENANT_ACTIVITY_ACTION_MAX),
  subjectType: text(0, TENANT_ACTIVITY_SUBJECT_TYPE_MAX, { nullable: true }),
  subjectId: text(0, TENANT_ACTIVITY_SUBJECT_ID_MAX, { nullable: true }),
  metadata: jsonObject({ optional: true }),
});

export const activityListFilter = (): DtoSpec =>
  optionalAll({
    actorUserId: uuid(),
    action: text(1, TENANT_ACTIVITY_ACTION_MAX),
    subjectType: text(1, TENANT_ACTIVITY_SUBJECT_TYPE_MAX),
    subjectId: text(1, TENANT_ACTIVITY_SUBJECT_ID_MAX),
  });
