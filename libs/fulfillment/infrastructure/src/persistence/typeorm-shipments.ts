import { Shipment, Shipments } from '@bazaar/fulfillment-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { publishedShipmentEvents } from '../acl/published-events';
import { selectShipments, ShipmentRow, toShipment } from './shipment.rows';

/**
 * Shipments in PostgreSQL. A save writes the shipment (INSERT when new, version-checked UPDATE
 * otherwise) and its published events to the outbox in one transaction.
 */
export class TypeOrmShipments extends Shipments {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async save(shipment: Shipment): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (shipment.version === 0) await this.insert(manager, shipment);
      else await this.update(manager, shipment);
      await this.outbox.append(manager, publishedShipmentEvents(shipment.pendingEvents));
    });
  }

  async ofOrder(orderId: string): Promise<readonly Shipment[]> {
    const rows: ShipmentRow[] = await this.transactions.manager.query(`${selectShipments} WHERE s.order_id = $1 ORDER BY s.created_at, s.id`, [orderId]);
    return rows.map(toShipment);
  }

  async withId(shipmentId: string): Promise<Shipment | null> {
    const rows: ShipmentRow[] = await this.transactions.manager.query(`${selectShipments} WHERE s.id = $1`, [shipmentId]);
    return rows[0] ? toShipment(rows[0]) : null;
  }

  private async insert(manager: EntityManager, shipment: Shipment): Promise<void> {
    const { id, orderId, status, lines, createdAt } = shipment.snapshot();
    try {
      await manager.query('INSERT INTO shipments (id, order_id, status, created_at, version) VALUES ($1, $2, $3, $4, 1)', [id, orderId, status, createdAt]);
    } catch (error) {
      // Someone created this order's shipment since we looked: retrying finds it and does nothing.
      if (isUniqueViolation(error, 'shipments_order_id_key')) throw new ConcurrencyConflict('Shipment for order', orderId);
      throw error;
    }
    await manager.query(
      `INSERT INTO shipment_lines (shipment_id, line_no, sku, quantity)
       SELECT $1, line.ordinality, line.sku, line.quantity
         FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS line (sku, quantity, ordinality)`,
      [id, lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    );
  }

  /** Lines are fixed at creation, so a change only ever touches the shipment row: its release, status and steps. */
  private async update(manager: EntityManager, shipment: Shipment): Promise<void> {
    const { id, status, releasedAt, picked, packed, dispatched, delivered, cancelledAt } = shipment.snapshot();
    const [, affected] = (await manager.query(
      `UPDATE shipments
          SET status = $3, picked_at = $4, picked_by = $5, packed_at = $6, packed_by = $7,
              dispatched_at = $8, dispatched_by = $9, carrier = $10, tracking_number = $11,
              delivered_at = $12, delivered_by = $13, cancelled_at = $14, released_at = $15, version = version + 1
        WHERE id = $1 AND version = $2`,
      [
        id,
        shipment.version,
        status,
        picked?.at ?? null,
        picked?.by ?? null,
        packed?.at ?? null,
        packed?.by ?? null,
        dispatched?.at ?? null,
        dispatched?.by ?? null,
        dispatched?.carrier ?? null,
        dispatched?.trackingNumber ?? null,
        delivered?.at ?? null,
        delivered?.by ?? null,
        cancelledAt,
        releasedAt,
      ],
    )) as [unknown, number];
    if (affected === 0) throw new ConcurrencyConflict('Shipment', id);
  }
}
