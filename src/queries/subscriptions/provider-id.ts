import { z } from 'zod';
import { trimmedText } from '../../dto/_fields.js';
import { SUBSCRIPTION_PROVIDER_ID_MAX } from '../../schema/tables/subscriptions/subscription.js';

/** A provider's id (sub_..., evt_...) as a lookup key: trimmed, non-empty, bounded like the columns. */
export const ProviderIdInput = z.object({ id: trimmedText(SUBSCRIPTION_PROVIDER_ID_MAX) });
