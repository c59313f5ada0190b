import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shipments and their lines. `shipments_order_id_key` is what makes "one shipment per order" hold under races. */
export class CreateShipments1763800000000 implements MigrationInterface {
  name = 'CreateShipments1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE shipments (
        id          uuid        PRIMARY KEY,
        order_id    uuid        NOT NULL CONSTRAINT shipments_order_id_key UNIQUE,
        status      text        NOT NULL CHECK (status IN ('created', 'picked', 'packed', 'dispatched', 'delivered', 'cancelled')),
        created_at  timestamptz NOT NULL,
        version     integer     NOT NULL CHECK (version > 0)
      )`);
    await runner.query(`
      CREATE TABLE shipment_lines (
        shipment_id uuid    NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
        line_no     integer NOT NULL,
        sku         text    NOT NULL,
        quantity    integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (shipment_id, line_no),
        UNIQUE (shipment_id, sku)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE shipment_lines');
    await runner.query('DROP TABLE shipments');
  }
}
