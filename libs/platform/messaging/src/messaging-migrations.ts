import { databaseMigrations } from '@bazaar/platform-database';
import { CreateMessagingTables1763700000000 } from './messaging-tables.migration';
import { NotifyOutboxInserts1763750000000 } from './outbox-notify.migration';
import { QuietOutboxInserts1763770000000 } from './outbox-quiet.migration';

export { CreateMessagingTables1763700000000, NotifyOutboxInserts1763750000000, QuietOutboxInserts1763770000000 };

/**
 * What every context database carries of the platform's: the outbox and inbox, and the function a
 * unit of work's closing statement checks its row counts with (`databaseMigrations`). Contexts run
 * these before their own migrations; their timestamps sort before every context's.
 */
export const messagingMigrations = [CreateMessagingTables1763700000000, NotifyOutboxInserts1763750000000, ...databaseMigrations, QuietOutboxInserts1763770000000] as const;
