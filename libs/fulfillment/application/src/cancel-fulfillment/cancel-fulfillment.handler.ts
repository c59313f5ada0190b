import { Reservation, Reservations, Shipments, StockBySku, StockItems } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { holdStockOf, storedItems } from '../shared/stock-by-sku';
import { CancelFulfillment } from './cancel-fulfillment.command';

/**
 * Stops fulfilling a cancelled order, in one unit of work: its shipment is cancelled and the stock
 * its reservation held goes back to the shelf. An order Fulfillment has not decided yet (its
 * payment has not arrived, or never will) is remembered as cancelled, so that a payment arriving
 * after its cancellation — a replay can reorder them — reserves nothing.
 *
 * Asking again changes nothing. Once the parcel is dispatched the cancellation is refused
 * (ShipmentAlreadyDispatched): it has left, someone must look at it.
 */
export class CancelFulfillmentHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reservations: Reservations,
    private readonly stock: StockItems,
    private readonly shipments: Shipments,
    private readonly clock: Clock,
  ) {}

  execute(command: CancelFulfillment): Promise<void> {
    return this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const reservation = await this.reservations.ofOrder(command.orderId);
      // Held stock is locked before anything is written, in the order every writer locks it.
      const stock: StockBySku = reservation?.status === 'reserved' ? await holdStockOf(this.stock, reservation.lines) : new Map();
      const [shipment] = await this.shipments.ofOrder(command.orderId);
      if (shipment && shipment.status !== 'cancelled') shipment.cancel(now);
      if (!reservation) {
        await this.reservations.save(Reservation.cancelledBeforePayment(command.orderId, now));
      } else if (reservation.release(stock, now)) {
        await this.stock.save(storedItems(stock));
        await this.reservations.save(reservation);
      }
      if (shipment?.pendingEvents.length) await this.shipments.save(shipment);
    });
  }
}
