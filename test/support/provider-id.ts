import { randomUUID } from 'node:crypto';

/** A billing provider's id (`cus_…`, `sub_…`, `evt_…`), unique across workers and committed test databases. */
export const providerId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;
