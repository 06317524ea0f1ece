import fc from 'fast-check';
import { NOTIFICATION_CHANNELS } from '../../../src/schema/tables/notifications/notification-target.js';
import {
  NOTIFICATION_BODY_MAX,
  NOTIFICATION_TITLE_MAX,
  NOTIFICATION_TYPE_MAX,
} from '../../../src/schema/tables/notifications/notification.js';
import { hostileInput, validInput, type DtoSpec, type HostileCase } from './dto.js';
import { bool, int, jsonObject, oneOf, pattern, text, unstorableText, uuid, validText } from './fields.js';
import { e164Phone, emailAddress, httpsUrl, notificationTypeValue } from './formats.js';

const id = (value?: string) => uuid(value === undefined ? {} : { valid: fc.constant(value) });
const type = () => pattern(notificationTypeValue(), { max: NOTIFICATION_TYPE_MAX });

export const createNotification = (userId?: string): DtoSpec => ({
  userId: id(userId),
  type: type(),
  title: text(1, NOTIFICATION_TITLE_MAX),
  body: text(0, NOTIFICATION_BODY_MAX, { nullable: true }),
  data: jsonObject({ optional: true }),
});

export const notificationListFilter = (): DtoSpec => ({ unread: bool({ optional: true }) });

/** One spec per channel of the discriminated union: an address valid for that channel. */
const targetSpecs = (): DtoSpec[] => [
  { channel: oneOf(['email']), address: pattern(emailAddress(), { max: 254 }) },
  { channel: oneOf(['sms']), address: pattern(e164Phone(), { max: 16 }) },
  { channel: oneOf(['push']), address: text(1, 2000) },
  { channel: oneOf(['webhook']), address: pattern(httpsUrl(), { max: 2000 }) },
];

export const createTarget = () => fc.oneof(...targetSpecs().map((spec) => validInput(spec)));

export const hostileTarget = (): fc.Arbitrary<HostileCase> =>
  fc.oneof(
    ...targetSpecs().map((spec) => hostileInput(spec)),
    // a valid address under the wrong channel: an email is no phone number, a phone number no URL
    fc.constantFrom(
      { input: { channel: 'sms', address: 'ada@example.com' }, path: 'address', how: 'email as sms' },
      { input: { channel: 'webhook', address: '+14155550123' }, path: 'address', how: 'phone as webhook' },
      { input: { channel: 'webhook', address: 'http://example.com/hook' }, path: 'address', how: 'http webhook' },
      { input: { channel: 'email', address: 'https://example.com' }, path: 'address', how: 'url as email' },
    ),
  );

export const targetListFilter = (): DtoSpec => ({ channel: oneOf(NOTIFICATION_CHANNELS, { optional: true }) });

export const setPreference = (tenantId?: string): DtoSpec => ({
  tenantId: uuid({ nullable: true, ...(tenantId === undefined ? {} : { valid: fc.constant(tenantId) }) }),
  type: type(),
  channel: oneOf(NOTIFICATION_CHANNELS),
  enabled: bool(),
});

export const preferenceListFilter = (): DtoSpec => ({ tenantId: uuid({ nullable: true }) });

export const claimDeliveries = (): DtoSpec => ({ limit: int(1, 1000) });

/** A worker's error message: any length (it is stored truncated), but storable and not blank. */
export const deliveryError = (): DtoSpec => ({
  error: {
    valid: validText(1, 2000),
    hostile: fc.oneof(unstorableText(validText(1, 200)), fc.constantFrom('', ' ', '\n\t', 42, null, undefined, {})),
  },
});
