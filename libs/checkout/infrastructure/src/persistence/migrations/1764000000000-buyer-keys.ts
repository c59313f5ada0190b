import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crypto-shredding of buyers' personal data: each buyer's data key, stored only wrapped by a
 * key-encryption key (`kek_id` names which, for rotation). An order's shipping address is sealed
 * with it into `ship_sealed`; new rows leave the plaintext `ship_*` columns null (rows written
 * before this migration keep theirs until they are sealed). Deleting a buyer's key row erases every
 * copy of what was sealed with it.
 */
export class BuyerKeys1764000000000 implements MigrationInterface {
  name = 'BuyerKeys1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE buyer_keys (
        buyer_id              text        PRIMARY KEY,
        wrapped_key           text        NOT NULL,
        kek_id                text        NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      ALTER TABLE orders
        ADD COLUMN ship_sealed text,
        ALTER COLUMN ship_name DROP NOT NULL,
        ALTER COLUMN ship_line1 DROP NOT NULL,
        ALTER COLUMN ship_city DROP NOT NULL,
        ALTER COLUMN ship_postal_code DROP NOT NULL,
        ALTER COLUMN ship_country DROP NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE orders DROP COLUMN ship_sealed');
    await runner.query('DROP TABLE buyer_keys');
  }
}
