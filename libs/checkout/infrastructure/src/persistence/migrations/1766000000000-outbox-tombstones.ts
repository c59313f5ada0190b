import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkout publishes tombstones (`checkout.buyer-keys`: a buyer's erasure deletes their shared data
 * key from the compacted topic), and a tombstone's outbox row has no payload.
 */
export class OutboxTombstones1766000000000 implements MigrationInterface {
  name = 'OutboxTombstones1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM outbox WHERE payload IS NULL');
    await runner.query('ALTER TABLE outbox ALTER COLUMN payload SET NOT NULL');
  }
}
