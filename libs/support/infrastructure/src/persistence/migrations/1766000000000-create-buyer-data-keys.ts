import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buyers' data keys Checkout shares on `checkout.buyer-keys`, stored as received: wrapped by a
 * sharing KEK (PERSONAL_DATA_SHARING_KEKS), one per buyer, the latest wins. A tombstone or the
 * buyer's erasure deletes the row, and with it every sealed address of theirs in the views becomes
 * unreadable. A rebuild of the views leaves this table alone (the compacted topic is its source).
 */
export class CreateBuyerDataKeys1766000000000 implements MigrationInterface {
  name = 'CreateBuyerDataKeys1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE buyer_data_keys (
        buyer_id    text        PRIMARY KEY,
        key_id      text        NOT NULL,
        wrapped_key text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE buyer_data_keys');
  }
}
