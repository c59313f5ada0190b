import { MigrationInterface, QueryRunner } from 'typeorm';

/** Carts and their lines, one per SKU, kept in the order the buyer first added them. */
export class CreateCarts1763900000001 implements MigrationInterface {
  name = 'CreateCarts1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE carts (
        id                    uuid        PRIMARY KEY,
        buyer_id              text        NOT NULL,
        currency              char(3)     NOT NULL,
        created_at            timestamptz NOT NULL,
        checked_out_order_id  uuid        REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
        checked_out_at        timestamptz,
        version               integer     NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE cart_lines (
        cart_id               uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        position              smallint    NOT NULL,
        sku                   text        NOT NULL,
        quantity              integer     NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        unit_price_amount     bigint      NOT NULL CHECK (unit_price_amount > 0),
        PRIMARY KEY (cart_id, sku)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cart_lines');
    await runner.query('DROP TABLE carts');
  }
}
