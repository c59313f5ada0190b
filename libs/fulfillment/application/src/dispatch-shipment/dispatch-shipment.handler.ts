import { Reservations, stamp, Shipments, StockItems } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { loadShipment } from '../shared/load-shipment';
import { holdStockOf, storedItems } from '../shared/stock-by-sku';
import { DispatchShipment } from './dispatch-shipment.command';

/**
 * Dispatches a packed shipment and turns its order's reservation into a deduction — each line's
 * units leave on-hand stock and the reservation together — in one unit of work, publishing
 * ShipmentDispatched with the carrier and tracking number. A shipment planned before Fulfillment
 * reserved stock has no reservation, so nothing is deducted for it.
 */
export class DispatchShipmentHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly shipments: Shipments,
    private readonly reservations: Reservations,
    private readonly stock: StockItems,
    private readonly clock: Clock,
  ) {}

  execute(command: DispatchShipment): Promise<void> {
    return this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const shipment = await loadShipment(this.shipments, command.shipmentId);
      // The step's rules first: a skipped or repeated dispatch locks no stock.
      shipment.dispatch({ carrier: command.carrier, trackingNumber: command.trackingNumber }, stamp(now, command.actor ?? null));
      const reservation = await this.reservations.ofOrder(shipment.orderId);
      if (reservation) {
        const stock = await holdStockOf(this.stock, reservation.lines);
        reservation.ship(stock, now);
        await this.stock.save(storedItems(stock));
        await this.reservations.save(reservation);
      }
      await this.shipments.save(shipment);
    });
  }
}
