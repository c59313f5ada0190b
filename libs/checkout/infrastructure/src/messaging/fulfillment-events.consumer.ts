import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HandleInventoryReservationFailedHandler, HandleInventoryReservedHandler, HandleShipmentDispatchedHandler, OrderProcessRunner } from '@bazaar/checkout-application';
import { orderId } from '@bazaar/checkout-domain';
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
    private readonly runner: OrderProcessRunner,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.fulfillment-events');
  }

  @EventPattern(InventoryReservedV1.wireType)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservedV1.parse(message);
    return this.decideThenCarryOut(event, () => this.reserved.decide(inventoryReserved(event.data)));
  }

  @EventPattern(InventoryReservationFailedV1.wireType)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservationFailedV1.parse(message);
    return this.decideThenCarryOut(event, () => this.reservationFailed.decide(inventoryReservationFailed(event.data)));
  }

  @EventPattern(ShipmentDispatchedV1.wireType)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    return this.decideThenCarryOut(event, () => this.dispatched.decide(shipmentDispatched(event.data)));
  }

  private async decideThenCarryOut(event: EventEnvelope<{ orderId: string }>, decide: () => Promise<unknown>): Promise<void> {
    await this.inbox.once(event, decide);
    // Also after a duplicate: a crash between the commit and the carrying out left work behind.
    await this.runner.carryOut(orderId(event.data.orderId));
  }
}
