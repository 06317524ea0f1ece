import fc from 'fast-check';
import { SUBSCRIPTION_QUANTITY_MAX } from '../../../src/dto/subscriptions/subscription.js';
import { SUBSCRIPTION_EVENT_TYPE_MAX } from '../../../src/schema/tables/subscriptions/subscription-event.js';
import {
  SUBSCRIPTION_PLAN_MAX,
  SUBSCRIPTION_PROVIDER_ID_MAX,
  SUBSCRIPTION_PROVIDER_MAX,
  SUBSCRIPTION_STATUSES,
} from '../../../src/schema/tables/subscriptions/subscription.js';
import { validInput, type DtoSpec } from './dto.js';
import { bool, int, jsonObject, oneOf, text, timestamp } from './fields.js';

const optionalAll = (spec: DtoSpec): DtoSpec =>
  Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, { ...field, optional: true }]));

const state = (): DtoSpec => ({
  plan: text(1, SUBSCRIPTION_PLAN_MAX),
  status: oneOf(SUBSCRIPTION_STATUSES, { optional: true }),
  quantity: int(0, SUBSCRIPTION_QUANTITY_MAX, { optional: true }),
  currentPeriodStart: timestamp({ nullable: true }),
  currentPeriodEnd: timestamp({ nullable: true }),
  cancelAtPeriodEnd: bool({ optional: true }),
  trialEndsAt: timestamp({ nullable: true }),
});

export const createSubscription = (): DtoSpec => ({
  provider: { ...text(1, SUBSCRIPTION_PROVIDER_MAX), optional: true },
  providerCustomerId: text(1, SUBSCRIPTION_PROVIDER_ID_MAX),
  providerSubscriptionId: text(1, SUBSCRIPTION_PROVIDER_ID_MAX),
  ...state(),
});

export const updateSubscription = (): DtoSpec => optionalAll(state());

export const subscriptionListFilter = (): DtoSpec => ({ status: oneOf(SUBSCRIPTION_STATUSES, { optional: true }) });

const periodInOrder = (input: Record<string, unknown>) => {
  const start = input.currentPeriodStart;
  const end = input.currentPeriodEnd;
  return start == null || end == null || new Date(end as string).getTime() > new Date(start as string).getTime();
};

/** Valid inputs of a spec with the period fields: the period ends after it starts (the DTO's rule). */
export const withPeriodInOrder = (spec: DtoSpec) => validInput(spec).filter(periodInOrder);

const DAY_MS = 86_400_000;

/**
 * A period with both ends, in either order: the end after, at or before the start (by up to ten years either way),
 * each end a Date or an ISO string. In order exactly when the end is after the start.
 */
export const anyOrderPeriod = () =>
  fc
    .tuple(
      fc.date({ min: new Date('1100-01-01T00:00:00Z'), max: new Date('9900-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.oneof(fc.constant(0), fc.integer({ min: -3650 * DAY_MS, max: 3650 * DAY_MS })),
      fc.boolean(),
    )
    .map(([start, offset, asText]) => {
      const end = new Date(start.getTime() + offset);
      return {
        period: {
          currentPeriodStart: asText ? start.toISOString() : start,
          currentPeriodEnd: asText ? end.toISOString() : end,
        },
        inOrder: offset > 0,
      };
    });

export const createEvent = (providerSubscriptionId?: string): DtoSpec => ({
  providerEventId: text(1, SUBSCRIPTION_PROVIDER_ID_MAX),
  providerSubscriptionId:
    providerSubscriptionId === undefined
      ? text(1, SUBSCRIPTION_PROVIDER_ID_MAX, { nullable: true })
      : { ...text(1, SUBSCRIPTION_PROVIDER_ID_MAX, { nullable: true }), valid: fc.constant(providerSubscriptionId) },
  type: text(1, SUBSCRIPTION_EVENT_TYPE_MAX),
  payload: jsonObject({ maxChars: 256 * 1024, keyMax: 256 * 1024, optional: true }),
  occurredAt: timestamp(),
});

export const ingestEvent = (providerSubscriptionId?: string): DtoSpec => ({
  ...createEvent(providerSubscriptionId),
  ...updateSubscription(),
});
