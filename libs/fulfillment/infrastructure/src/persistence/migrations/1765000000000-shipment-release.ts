import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a shipment was released to the warehouse: Checkout confirmed its order, and only then may the
 * warehouse pick it. Null until then.
 *
 * Shipments created before this release were released at creation (the warehouse could start at
 * once), so that is what they are given: none of them waits for a confirmation that was already
 * read and skipped. A nullable column only: the previous release keeps running against this schema
 * during a rollout (docs/deploying.md says what to do about shipments it creates meanwhile).
 */
export class ShipmentRelease1765000000000 implements MigrationInterface {
  name = 'ShipmentRelease1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE shipments ADD COLUMN released_at timestamptz');
    await runner.query('UPDATE shipments SET released_at = created_at');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE shipments DROP COLUMN released_at');
  }
}
