import { Shipment, Shipments, ShipmentSnapshot } from '@bazaar/fulfillment-domain';
import { aggregateBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { publishedShipmentEvents } from '../acl/published-events';
import { selectShipments, ShipmentRow, toShipment } from './shipment.rows';

/**
 * Shipments in PostgreSQL. A save writes the shipments set-based — the new ones and their lines in
 * one INSERT each, the changed ones in one version-checked UPDATE — and their published events to
 * the outbox, all with the unit of work's closing statement: one shipment or a consumer's batch of
 * them alike.
 */
export class TypeOrmShipments extends Shipments {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  save(shipment: Shipment): Promise<void> {
    return this.saveAll([shipment]);
  }

  /** With the unit of work's closing statement, as the class says. */
  saveAll(shipments: readonly Shipment[]): Promise<void> {
    return this.transactions.run(async () => {
      for (const shipment of shipments) await this.transactions.gather(this.#saved, shipment);
      await this.outbox.gather(
        this.transactions,
        shipments.flatMap((shipment) => publishedShipmentEvents(shipment.pendingEvents)),
      );
    });
  }

  readonly #saved = aggregateBatch<Shipment>({ insert: insertStatements, update: (changed) => [updateStatement(changed)] });

  async ofOrder(orderId: string): Promise<readonly Shipment[]> {
    return this.ofOrders([orderId]);
  }

  async ofOrders(orderIds: readonly string[]): Promise<readonly Shipment[]> {
    if (orderIds.length === 0) return [];
    const rows: ShipmentRow[] = await this.transactions.reader.query(`${selectShipments} WHERE s.order_id = ANY($1::uuid[]) ORDER BY s.order_id, s.created_at, s.id`, [orderIds]);
    return rows.map(toShipment);
  }

  async withId(shipmentId: string): Promise<Shipment | null> {
    const rows: ShipmentRow[] = await this.transactions.manager.query(`${selectShipments} WHERE s.id = $1`, [shipmentId]);
    return rows[0] ? toShipment(rows[0]) : null;
  }
}

/**
 * New shipments as they are now (one created and released, or cancelled, in the same batch is
 * stored so at once), in order id order as every writer inserts them — two writers of the same
 * orders wait rather than deadlock — and their lines. Someone who created one of these orders'
 * shipment first makes it a ConcurrencyConflict: retrying finds it and does nothing.
 */
function insertStatements(shipments: readonly Shipment[]): WriteStatement[] {
  const snapshots = shipments.map((shipment) => shipment.snapshot()).sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  const lines = snapshots.flatMap((s) => s.lines.map((line, i) => ({ shipmentId: s.id, lineNo: i + 1, ...line })));
  return [
    {
      text: `INSERT INTO shipments (id, order_id, created_at, status, picked_at, picked_by, packed_at, packed_by, dispatched_at, dispatched_by,
                                  carrier, tracking_number, delivered_at, delivered_by, cancelled_at, released_at, version)
             SELECT id, order_id, created_at, status, picked_at, picked_by, packed_at, packed_by, dispatched_at, dispatched_by,
                    carrier, tracking_number, delivered_at, delivered_by, cancelled_at, released_at, 1
               FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], ${stateParameters(4)})
                    AS s (id, order_id, created_at, ${stateColumns})
             ON CONFLICT DO NOTHING RETURNING id`,
      values: [snapshots.map((s) => s.id), snapshots.map((s) => s.orderId), snapshots.map((s) => s.createdAt), ...stateOf(snapshots)],
      expect: { rows: snapshots.length, otherwise: () => new ConcurrencyConflict('Shipment for order', snapshots.map((s) => s.orderId).join(', ')) },
    },
    {
      // The lines reference the rows inserted beside them: foreign keys are checked at the end of the statement.
      text: `INSERT INTO shipment_lines (shipment_id, line_no, sku, quantity)
             SELECT shipment_id, line_no, sku, quantity FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[]) AS l (shipment_id, line_no, sku, quantity)
             ON CONFLICT DO NOTHING`,
      values: [lines.map((line) => line.shipmentId), lines.map((line) => line.lineNo), lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    },
  ];
}

/** Lines are fixed at creation, so a change only ever touches the shipment rows: their release, status and steps. Fewer rows than shipments means someone else wrote one. */
function updateStatement(shipments: readonly Shipment[]): WriteStatement {
  const snapshots = shipments.map((shipment) => shipment.snapshot());
  return {
    text: `UPDATE shipments s
              SET status = v.status, picked_at = v.picked_at, picked_by = v.picked_by, packed_at = v.packed_at, packed_by = v.packed_by,
                  dispatched_at = v.dispatched_at, dispatched_by = v.dispatched_by, carrier = v.carrier, tracking_number = v.tracking_number,
                  delivered_at = v.delivered_at, delivered_by = v.delivered_by, cancelled_at = v.cancelled_at, released_at = v.released_at,
                  version = s.version + 1
             FROM unnest($1::uuid[], $2::int[], ${stateParameters(3)}) AS v (id, version, ${stateColumns})
            WHERE s.id = v.id AND s.version = v.version
            RETURNING s.id`,
    values: [snapshots.map((s) => s.id), shipments.map((shipment) => shipment.version), ...stateOf(snapshots)],
    expect: { rows: snapshots.length, otherwise: () => new ConcurrencyConflict('Shipment', snapshots.map((s) => s.id).join(', ')) },
  };
}

/** The columns a shipment's steps change, in the order `stateOf` gives their values. */
const stateColumns =
  'status, picked_at, picked_by, packed_at, packed_by, dispatched_at, dispatched_by, carrier, tracking_number, delivered_at, delivered_by, cancelled_at, released_at';

/** The array parameters of `stateColumns`, numbered from `$first`. */
function stateParameters(first: number): string {
  const types = ['text', 'timestamptz', 'text', 'timestamptz', 'text', 'timestamptz', 'text', 'text', 'text', 'timestamptz', 'text', 'timestamptz', 'timestamptz'];
  return types.map((type, i) => `$${first + i}::${type}[]`).join(', ');
}

function stateOf(snapshots: readonly ShipmentSnapshot[]): unknown[][] {
  return [
    snapshots.map((s) => s.status),
    snapshots.map((s) => s.picked?.at ?? null),
    snapshots.map((s) => s.picked?.by ?? null),
    snapshots.map((s) => s.packed?.at ?? null),
    snapshots.map((s) => s.packed?.by ?? null),
    snapshots.map((s) => s.dispatched?.at ?? null),
    snapshots.map((s) => s.dispatched?.by ?? null),
    snapshots.map((s) => s.dispatched?.carrier ?? null),
    snapshots.map((s) => s.dispatched?.trackingNumber ?? null),
    snapshots.map((s) => s.delivered?.at ?? null),
    snapshots.map((s) => s.delivered?.by ?? null),
    snapshots.map((s) => s.cancelledAt),
    snapshots.map((s) => s.releasedAt),
  ];
}
