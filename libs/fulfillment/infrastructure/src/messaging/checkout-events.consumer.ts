import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CreateShipmentHandler } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { createShipmentFromCheckout } from '../acl/checkout-translation';

/**
 * What Fulfillment does with Checkout's events. A checked-out cart becomes a shipment, once: the
 * inbox mark commits with the shipment, so a redelivery changes nothing.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly createShipment: CreateShipmentHandler,
  ) {
    this.inbox = new Inbox(transactions, 'fulfillment.checkout-events');
  }

  @EventPattern(CartCheckedOutV1.wireType)
  async onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    const event = CartCheckedOutV1.parse(message);
    await this.inbox.once(event, () => this.createShipment.execute(createShipmentFromCheckout(event.data)));
  }
}
