import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders, their lines, and the Idempotency-Keys that produced them. */
export class CreateOrders1763800000000 implements MigrationInterface {
  name = 'CreateOrders1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE orders (
        id                    uuid        PRIMARY KEY,
        buyer_id              text        NOT NULL,
        status                text        NOT NULL CHECK (status IN
          ('placed', 'awaiting_fraud_review', 'payment_authorized', 'confirmed', 'completed', 'cancelled')),
        total_amount          bigint      NOT NULL,
        total_currency        char(3)     NOT NULL,
        ship_name             text        NOT NULL,
        ship_line1            text        NOT NULL,
        ship_line2            text,
        ship_city             text        NOT NULL,
        ship_postal_code      text        NOT NULL,
        ship_country          char(2)     NOT NULL,
        payment_token         text        NOT NULL,
        placed_at             timestamptz NOT NULL,
        version               integer     NOT NULL
      )`);
    await runner.query('CREATE INDEX orders_buyer ON orders (buyer_id, placed_at)');
    await runner.query(`
      CREATE TABLE order_lines (
        order_id              uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no               smallint    NOT NULL,
        sku                   text        NOT NULL,
        quantity              integer     NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        unit_price_amount     bigint      NOT NULL CHECK (unit_price_amount > 0),
        unit_price_currency   char(3)     NOT NULL,
        PRIMARY KEY (order_id, line_no),
        UNIQUE (order_id, sku)
      )`);
    // The key is claimed before the order row exists in the same transaction, hence the deferred check.
    await runner.query(`
      CREATE TABLE idempotency_keys (
        key                   text        PRIMARY KEY,
        fingerprint           text        NOT NULL,
        order_id              uuid        NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
        created_at            timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
    await runner.query('DROP TABLE order_lines');
    await runner.query('DROP TABLE orders');
  }
}
