import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per order. The view is a JSON document: it is only ever read whole, by order id, and its
 * shape grows with every event Support learns to project (a rebuild rewrites every row).
 */
export class CreateCaseOrderViews1763800000000 implements MigrationInterface {
  name = 'CreateCaseOrderViews1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_order_views (
        order_id   uuid        PRIMARY KEY,
        view       jsonb       NOT NULL,
        version    integer     NOT NULL CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_order_views');
  }
}
