import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HandleInventoryReservationFailedHandler, HandleInventoryReservedHandler, HandleShipmentDispatchedHandler, Intake } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { EventEnvelope, InventoryReservationFailedV1, InventoryReservedV1, ShipmentDispatchedV1 } from '@bazaar/published-language';
import { inventoryReservationFailed, inventoryReserved, shipmentDispatched } from '../acl/fulfillment-translation';

/**
 * Fulfillment's answers, news for each order's process. The decision commits with the inbox mark,
 * so a redelivered event changes nothing; what it decided is carried out after that commit. A
 * piece of news the process cannot take (a dispatch for an order Checkout cancelled, say) is a
 * domain error: the transport dead-letters it for a person to look at.
 */
@Controller()
export class FulfillmentEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly reserved: HandleInventoryReservedHandler,
    private readonly reservationFailed: HandleInventoryReservationFailedHandler,
    private readonly dispatched: HandleShipmentDispatchedHandler,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.fulfillment-events');
  }

  @EventPattern(InventoryReservedV1.wireType)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservedV1.parse(message);
    return this.reserved.execute(inventoryReserved(event.data), this.inboxFor(event));
  }

  @EventPattern(InventoryReservationFailedV1.wireType)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservationFailedV1.parse(message);
    return this.reservationFailed.execute(inventoryReservationFailed(event.data), this.inboxFor(event));
  }

  @EventPattern(ShipmentDispatchedV1.wireType)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    return this.dispatched.execute(shipmentDispatched(event.data), this.inboxFor(event));
  }

  /** The decision commits with the inbox mark; the handler carries out after that commit, also after a duplicate. */
  private inboxFor(event: EventEnvelope<unknown>): Intake {
    return (decide) => this.inbox.once(event, decide);
  }
}
