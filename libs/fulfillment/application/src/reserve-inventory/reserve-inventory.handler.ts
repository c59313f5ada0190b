import { Reservation, Reservations, Shipment, Shipments, StockItems } from '@bazaar/fulfillment-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { holdStockOf, storedItems } from '../shared/stock-by-sku';
import { ReserveInventory } from './reserve-inventory.command';

/**
 * ReserveInventory, then — when every line is held — CreateShipment, in one unit of work: the
 * stock items (held in SKU order), the order's reservation with its event (InventoryReserved or
 * InventoryReservationFailed) and the shipment with ShipmentCreated commit together or not at all.
 *
 * An order is decided once: a reservation already recorded for it — decided, or the record that
 * the order was cancelled before its payment got here — makes this a no-op. Two writers racing
 * past that check meet the store's one-reservation-per-order rule as a ConcurrencyConflict; the
 * retry lands in the no-op.
 */
export class ReserveInventoryHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reservations: Reservations,
    private readonly stock: StockItems,
    private readonly shipments: Shipments,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: ReserveInventory): Promise<void> {
    return this.unitOfWork.run(async () => {
      if (await this.reservations.ofOrder(command.orderId)) return;
      const stock = await holdStockOf(this.stock, command.lines);
      const now = this.clock.now();
      const reservation = Reservation.decide({ orderId: command.orderId, lines: command.lines, at: now }, stock);
      if (reservation.status === 'reserved') await this.stock.save(storedItems(stock));
      await this.reservations.save(reservation);
      if (reservation.status === 'reserved') await this.createShipment(reservation, now);
    });
  }

  /** One shipment per order; one planned before reservations existed (on payment) is kept as it is. */
  private async createShipment(reservation: Reservation, now: Date): Promise<void> {
    const [existing] = await this.shipments.ofOrder(reservation.orderId);
    if (existing) return;
    await this.shipments.save(Shipment.create({ id: this.ids.next(), orderId: reservation.orderId, lines: reservation.lines, createdAt: now }));
  }
}
