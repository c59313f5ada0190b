import { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox/outbox';

/**
 * Wakes the relay from the database itself: a statement-level trigger notifies
 * {@link OUTBOX_CHANNEL} after every insert into the outbox. PostgreSQL delivers notifications
 * only on commit and folds repeats within one transaction into one, so the relay wakes once per
 * committed transaction that wrote events — and writers no longer spend a round trip on it.
 */
export class NotifyOutboxInserts1763750000000 implements MigrationInterface {
  name = 'NotifyOutboxInserts1763750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END
      $$`);
    await runner.query('CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER outbox_notify ON outbox');
    await runner.query('DROP FUNCTION outbox_notify()');
  }
}
