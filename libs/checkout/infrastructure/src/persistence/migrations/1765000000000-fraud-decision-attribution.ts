import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who decided an order's fraud review and why. Nullable: decisions recorded before reviews were
 * attributed have neither.
 */
export class FraudDecisionAttribution1765000000000 implements MigrationInterface {
  name = 'FraudDecisionAttribution1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE orders
        ADD COLUMN fraud_decided_by      text,
        ADD COLUMN fraud_decision_reason text
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE orders DROP COLUMN fraud_decided_by, DROP COLUMN fraud_decision_reason');
  }
}
