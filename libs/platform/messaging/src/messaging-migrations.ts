import { CreateMessagingTables1763700000000 } from './messaging-tables.migration';
import { NotifyOutboxInserts1763750000000 } from './outbox-notify.migration';

export { CreateMessagingTables1763700000000, NotifyOutboxInserts1763750000000 };

/**
 * The outbox and inbox every context database carries, owned by the platform. Contexts run these
 * before their own migrations; their timestamps sort before every context's.
 */
export const messagingMigrations = [CreateMessagingTables1763700000000, NotifyOutboxInserts1763750000000] as const;
