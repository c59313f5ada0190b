import { MigrationInterface, QueryRunner } from 'typeorm';
import { NotifyOutboxInserts1763750000000 } from './outbox-notify.migration';

/**
 * Removes the outbox's NOTIFY trigger (`NotifyOutboxInserts1763750000000`). A transaction that
 * notifies takes one lock for the whole PostgreSQL cluster just before it commits and holds it
 * until the commit is flushed, so every writing transaction of every context's outbox committed
 * one at a time, each waiting out the others' WAL flushes (ADR 0011). The relay is now woken in
 * its own process when a unit of work that wrote events commits (`Outbox.whenCommitted`).
 */
export class QuietOutboxInserts1763770000000 implements MigrationInterface {
  name = 'QuietOutboxInserts1763770000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS outbox_notify ON outbox');
    await runner.query('DROP FUNCTION IF EXISTS outbox_notify()');
  }

  /** Puts back exactly what the earlier migration created. */
  async down(runner: QueryRunner): Promise<void> {
    await new NotifyOutboxInserts1763750000000().up(runner);
  }
}
