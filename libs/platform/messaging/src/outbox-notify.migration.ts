import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * (Undone by `QuietOutboxInserts1763770000000`, ADR 0011: the notification serialised commits.)
 *
 * Wakes the relay from the database itself: a statement-level trigger notifies
 * `bazaar_outbox` after every insert into the outbox. PostgreSQL delivers notifications
 * only on commit and folds repeats within one transaction into one, so the relay wakes once per
 * committed transaction that wrote events — and writers no longer spend a round trip on it.
 */
export class NotifyOutboxInserts1763750000000 implements MigrationInterface {
  name = 'NotifyOutboxInserts1763750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('bazaar_outbox', '');
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
