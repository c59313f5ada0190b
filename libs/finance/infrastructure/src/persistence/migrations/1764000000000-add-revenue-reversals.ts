import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reversal entries: a second kind, still once per order (`revenue_events_order_kind_key`), and
 * the deferred entry each one undoes in `reverses` — present on a reversal, absent on anything else.
 * Only constraints change; the ledger stays append-only.
 */
export class AddRevenueReversals1764000000000 implements MigrationInterface {
  name = 'AddRevenueReversals1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE revenue_events ADD COLUMN reverses uuid REFERENCES revenue_events (id)`);
    await runner.query(`
      ALTER TABLE revenue_events
        DROP CONSTRAINT revenue_events_kind_check,
        ADD CONSTRAINT revenue_events_kind_check CHECK (kind IN ('deferred', 'reversal')),
        ADD CONSTRAINT revenue_events_reverses_check CHECK ((kind = 'reversal') = (reverses IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE revenue_events
        DROP CONSTRAINT revenue_events_reverses_check,
        DROP CONSTRAINT revenue_events_kind_check,
        ADD CONSTRAINT revenue_events_kind_check CHECK (kind IN ('deferred'))`);
    await runner.query('ALTER TABLE revenue_events DROP COLUMN reverses');
  }
}
