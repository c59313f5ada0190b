import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HandleInventoryReservationFailedHandler, HandleInventoryReservedHandler, HandleShipmentDispatchedHandler, InboxIntake } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { EventEnvelope, InventoryReservationFailedV1, InventoryReservedV1, ShipmentDispatchedV1 } from '@bazaar/published-language';
import { inventoryReservationFailed, inventoryReserved, shipmentDispatched } from '../acl/fulfillment-translation';

/**
 * Fulfillment's answers, news for each order's process. The decision and the order commands it
 * makes due (confirm, complete, cancel) commit with the inbox mark, so a redelivered event changes
 * nothing, and consecutive answers share one transaction (`inBatchTransaction`: one commit for
 * many orders when they come in fast). A gateway call that follows (a void after an out-of-stock
 * cancellation) is carried out once that has committed, never inside it. A piece of news the
 * process cannot take (a dispatch for an order Checkout cancelled, say) is a domain error: the
 * transport dead-letters it for a person to look at.
 */
@Controller()
export class FulfillmentEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    private readonly transactions: Transactions,
    private readonly reserved: HandleInventoryReservedHandler,
    private readonly reservationFailed: HandleInventoryReservationFailedHandler,
    private readonly dispatched: HandleShipmentDispatchedHandler,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.fulfillment-events');
  }

  @EventPattern(InventoryReservedV1.wireType, inBatchTransaction)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservedV1.parse(message);
    return this.reserved.execute(inventoryReserved(event.data), this.inboxFor(event));
  }

  @EventPattern(InventoryReservationFailedV1.wireType, inBatchTransaction)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservationFailedV1.parse(message);
    return this.reservationFailed.execute(inventoryReservationFailed(event.data), this.inboxFor(event));
  }

  @EventPattern(ShipmentDispatchedV1.wireType, inBatchTransaction)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    return this.dispatched.execute(shipmentDispatched(event.data), this.inboxFor(event));
  }

  private inboxFor(event: EventEnvelope<unknown>): InboxIntake {
    return {
      take: (decide) => this.inbox.once(event, decide),
      afterCommit: (work) => this.transactions.afterCommit(work),
    };
  }
}
