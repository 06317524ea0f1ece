import { it } from 'vitest';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { expectRefusedWithoutKey, hostileObjects, rejection } from '../support/hostile-json.js';

// A webhook event's `payload` is free-form JSON: a hostile key is never repeated in the ValidationError (the rule
// and the core domains' fields: test/dto/json-keys.test.ts).

it.each(hostileObjects)('subscription event payload: $how', async ({ value }) => {
  const payload = value as Record<string, never>;
  expectRefusedWithoutKey(
    await rejection(() =>
      SubscriptionQueries.ingestEvent({ providerEventId: 'evt_1', type: 't', payload, occurredAt: new Date() }),
    ),
    ['payload'],
  );
});
