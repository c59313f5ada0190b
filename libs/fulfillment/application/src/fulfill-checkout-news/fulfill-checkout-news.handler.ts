import { OrderHasNoShipment, Reservation, Reservations, Shipment, Shipments, StockBySku, StockItem, StockItems } from '@bazaar/fulfillment-domain';
import { assertNever, Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CancelFulfillment } from '../cancel-fulfillment/cancel-fulfillment.command';
import { UnitOfWork } from '../ports/unit-of-work';
import { ReleaseShipment } from '../release-shipment/release-shipment.command';
import { ReserveInventory } from '../reserve-inventory/reserve-inventory.command';
import { holdStockOf } from '../shared/stock-by-sku';
import { CheckoutNews } from './fulfill-checkout-news.command';

/**
 * Carries out Checkout's news about orders — ReserveInventory (then CreateShipment),
 * ReleaseShipment, CancelFulfillment — for many orders at once, in one unit of work, in the order
 * it arrived: a consumer's transaction of messages, or a single one.
 *
 * It reads everything the news needs in a fixed number of statements, whatever their number: the
 * orders' reservations, their shipments, and last the stock items of every SKU it may change —
 * held, in one statement, in the one lock order every unit of work uses, so two replicas' batches
 * over overlapping SKUs queue instead of deadlocking, and only until the closing statement
 * commits. The aggregates then decide each command in
 * memory, in arrival order, exactly as they would one at a time (a second order for the last unit
 * finds it held by the first; a cancellation finds the reservation its payment made just before),
 * and what changed is written set-based. Any refusal (a domain error) or lost race
 * (ConcurrencyConflict) fails the whole unit of work: nothing of it is written, and the caller
 * retries its commands in smaller groups, down to the one that is refused on its own.
 *
 * The rules of each command:
 * - ReserveInventory: an order is decided once; a reservation already recorded for it — decided,
 *   or the record that it was cancelled before its payment got here — makes it a no-op. Two writers
 *   racing past that check meet the store's one-reservation-per-order rule as a
 *   ConcurrencyConflict; the retry lands in the no-op. A held reservation gets the order's shipment
 *   (one per order: one planned before reservations existed is kept as it is).
 * - ReleaseShipment: Checkout confirms an order only after Fulfillment reserved its stock, so an
 *   order without a shipment (`order_has_no_shipment`) is news out of order and is refused, as is
 *   the release of a cancelled shipment; releasing twice changes nothing.
 * - CancelFulfillment: the shipment is cancelled and the held stock goes back to the shelf; an
 *   order not decided yet is remembered as cancelled, so that a payment arriving after its
 *   cancellation (a replay can reorder them) reserves nothing. Asking again changes nothing; once
 *   the parcel is dispatched the cancellation is refused (ShipmentAlreadyDispatched).
 */
export class FulfillCheckoutNewsHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reservations: Reservations,
    private readonly stock: StockItems,
    private readonly shipments: Shipments,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(news: readonly CheckoutNews[]): Promise<void> {
    if (news.length === 0) return Promise.resolve();
    return this.unitOfWork.run(async () => {
      const state = await this.load(news);
      for (const item of news) {
        switch (item.command) {
          case 'ReserveInventory':
            this.reserve(item, state);
            break;
          case 'ReleaseShipment':
            this.release(item, state);
            break;
          case 'CancelFulfillment':
            this.cancel(item, state);
            break;
          default:
            assertNever(item);
        }
      }
      await this.save(state);
    });
  }

  /**
   * Everything the news reads, in three statements; the stock of the SKUs it may change, held, and
   * read last, so that its locks are held for the closing statement only (the reservations and
   * shipments are version-checked where they are written).
   */
  private async load(news: readonly CheckoutNews[]): Promise<Loaded> {
    const orderIds = [...new Set(news.map((item) => item.orderId))];
    const reservations = new Map((await this.reservations.ofOrders(orderIds)).map((reservation) => [reservation.orderId, reservation]));
    const shipments = new Map<string, Shipment>();
    // One shipment per order; of those planned before that rule, the first is the order's.
    for (const shipment of await this.shipments.ofOrders(orderIds)) if (!shipments.has(shipment.orderId)) shipments.set(shipment.orderId, shipment);
    // The SKUs a payment may reserve (unless its order is decided already) and those a cancellation may release.
    const lines = news.flatMap((item) => {
      const stored = reservations.get(item.orderId);
      if (item.command === 'ReserveInventory') return stored ? [] : item.lines;
      if (item.command === 'CancelFulfillment') return stored?.status === 'reserved' ? stored.lines : [];
      return [];
    });
    const stock = await holdStockOf(this.stock, lines);
    return { reservations, stock, shipments, changed: { reservations: new Set(), stock: new Set(), shipments: new Set() } };
  }

  private reserve(command: ReserveInventory, state: Loaded): void {
    if (state.reservations.has(command.orderId)) return;
    const now = this.clock.now();
    const reservation = Reservation.decide({ orderId: command.orderId, lines: command.lines, at: now }, state.stock);
    this.changedReservation(reservation, state);
    if (reservation.status !== 'reserved') return;
    this.changedStockOf(reservation, state);
    if (state.shipments.has(command.orderId)) return;
    const shipment = Shipment.create({ id: this.ids.next(), orderId: reservation.orderId, lines: reservation.lines, createdAt: now });
    state.shipments.set(shipment.orderId, shipment);
    state.changed.shipments.add(shipment);
  }

  private release(command: ReleaseShipment, state: Loaded): void {
    const shipment = state.shipments.get(command.orderId);
    if (!shipment) throw new OrderHasNoShipment(command.orderId);
    if (shipment.release(this.clock.now())) state.changed.shipments.add(shipment);
  }

  private cancel(command: CancelFulfillment, state: Loaded): void {
    const now = this.clock.now();
    const reservation = state.reservations.get(command.orderId);
    const shipment = state.shipments.get(command.orderId);
    if (shipment && shipment.status !== 'cancelled') {
      shipment.cancel(now);
      state.changed.shipments.add(shipment);
    }
    if (!reservation) {
      this.changedReservation(Reservation.cancelledBeforePayment(command.orderId, now), state);
    } else if (reservation.release(state.stock, now)) {
      this.changedReservation(reservation, state);
      this.changedStockOf(reservation, state);
    }
  }

  private changedReservation(reservation: Reservation, state: Loaded): void {
    state.reservations.set(reservation.orderId, reservation);
    state.changed.reservations.add(reservation);
  }

  private changedStockOf(reservation: Reservation, state: Loaded): void {
    for (const sku of reservation.skus) {
      const item = state.stock.get(sku);
      // A SKU never stocked stands in as not stocked and is never saved (nothing is held of it).
      if (item?.isStocked) state.changed.stock.add(item);
    }
  }

  /** What changed, set-based: the stock items, then the reservations and the shipments with their events. */
  private async save(state: Loaded): Promise<void> {
    const { stock, reservations, shipments } = state.changed;
    if (stock.size > 0) await this.stock.save([...stock]);
    if (reservations.size > 0) await this.reservations.saveAll([...reservations]);
    if (shipments.size > 0) await this.shipments.saveAll([...shipments]);
  }
}

/** What the news read, as the commands change it, and which of it changed. */
interface Loaded {
  readonly reservations: Map<string, Reservation>;
  readonly stock: StockBySku;
  readonly shipments: Map<string, Shipment>;
  readonly changed: {
    readonly reservations: Set<Reservation>;
    readonly stock: Set<StockItem>;
    readonly shipments: Set<Shipment>;
  };
}
