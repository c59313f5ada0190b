import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an order remembers after placement (fraud review, payment, confirmation, completion,
 * cancellation) and the analysts' queue over it. Every column is nullable: orders placed before
 * this migration simply have none of these facts yet.
 */
export class OrderLifecycle1763900000000 implements MigrationInterface {
  name = 'OrderLifecycle1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE orders
        ADD COLUMN fraud_score                  integer,
        ADD COLUMN fraud_reasons                text[],
        ADD COLUMN fraud_requested_at           timestamptz,
        ADD COLUMN fraud_decision               text CHECK (fraud_decision IN ('approved', 'rejected')),
        ADD COLUMN fraud_decided_at             timestamptz,
        ADD COLUMN payment_state                text CHECK (payment_state IN ('authorized', 'declined')),
        ADD COLUMN payment_authorization_id     text,
        ADD COLUMN payment_amount               bigint,
        ADD COLUMN payment_decline_reason       text,
        ADD COLUMN payment_at                   timestamptz,
        ADD COLUMN confirmed_at                 timestamptz,
        ADD COLUMN completed_at                 timestamptz,
        ADD COLUMN cancellation_reason          text CHECK (cancellation_reason IN
          ('payment_declined', 'fraud_rejected', 'out_of_stock', 'buyer_cancelled', 'timed_out')),
        ADD COLUMN cancelled_at                 timestamptz,
        ADD COLUMN cancellation_voids_authorization text`);
    await runner.query(`
      CREATE INDEX orders_pending_fraud_reviews ON orders (fraud_requested_at)
        WHERE status = 'awaiting_fraud_review' AND fraud_decision IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX orders_pending_fraud_reviews');
    await runner.query(`
      ALTER TABLE orders
        DROP COLUMN fraud_score, DROP COLUMN fraud_reasons, DROP COLUMN fraud_requested_at, DROP COLUMN fraud_decision,
        DROP COLUMN fraud_decided_at, DROP COLUMN payment_state, DROP COLUMN payment_authorization_id, DROP COLUMN payment_amount,
        DROP COLUMN payment_decline_reason, DROP COLUMN payment_at, DROP COLUMN confirmed_at, DROP COLUMN completed_at,
        DROP COLUMN cancellation_reason, DROP COLUMN cancelled_at, DROP COLUMN cancellation_voids_authorization`);
  }
}
