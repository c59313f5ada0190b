import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock per SKU, one reservation per order, and the warehouse steps of a shipment.
 *
 * - `stock_items`: `reserved ≤ on_hand` holds in the table too, so no bug can oversell.
 * - `reservations`: the primary key is the order, which is what makes "a reservation for an order
 *   is made at most once" hold under races; a row with status `cancelled` remembers an order
 *   cancelled before its payment arrived.
 * - `shipments`: each step's time and author (null until known), the carrier and tracking number.
 *
 * Only new tables and nullable columns: the previous release keeps running against this schema.
 */
export class StockReservationsAndSteps1764000000000 implements MigrationInterface {
  name = 'StockReservationsAndSteps1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE stock_items (
        sku         text        PRIMARY KEY,
        on_hand     integer     NOT NULL CHECK (on_hand >= 0),
        reserved    integer     NOT NULL CHECK (reserved >= 0),
        counted_at  timestamptz NOT NULL,
        counted_by  text,
        version     integer     NOT NULL CHECK (version > 0),
        CONSTRAINT stock_items_reserved_within_on_hand CHECK (reserved <= on_hand)
      )`);
    await runner.query(`
      CREATE TABLE reservations (
        order_id    uuid        PRIMARY KEY,
        status      text        NOT NULL CHECK (status IN ('reserved', 'refused', 'released', 'shipped', 'cancelled')),
        lines       jsonb       NOT NULL,
        unavailable jsonb       NOT NULL,
        decided_at  timestamptz NOT NULL,
        ended_at    timestamptz,
        version     integer     NOT NULL CHECK (version > 0)
      )`);
    await runner.query(`
      ALTER TABLE shipments
        ADD COLUMN picked_at       timestamptz,
        ADD COLUMN picked_by       text,
        ADD COLUMN packed_at       timestamptz,
        ADD COLUMN packed_by       text,
        ADD COLUMN dispatched_at   timestamptz,
        ADD COLUMN dispatched_by   text,
        ADD COLUMN carrier         text,
        ADD COLUMN tracking_number text,
        ADD COLUMN delivered_at    timestamptz,
        ADD COLUMN delivered_by    text,
        ADD COLUMN cancelled_at    timestamptz,
        ADD CONSTRAINT shipments_dispatch_has_parcel CHECK ((dispatched_at IS NULL) = (carrier IS NULL) AND (carrier IS NULL) = (tracking_number IS NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE shipments
        DROP CONSTRAINT shipments_dispatch_has_parcel,
        DROP COLUMN picked_at, DROP COLUMN picked_by, DROP COLUMN packed_at, DROP COLUMN packed_by,
        DROP COLUMN dispatched_at, DROP COLUMN dispatched_by, DROP COLUMN carrier, DROP COLUMN tracking_number,
        DROP COLUMN delivered_at, DROP COLUMN delivered_by, DROP COLUMN cancelled_at`);
    await runner.query('DROP TABLE reservations');
    await runner.query('DROP TABLE stock_items');
  }
}
