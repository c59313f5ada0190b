import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CancelFulfillmentHandler, ReleaseShipmentHandler, ReserveInventoryHandler } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { OrderCancelledV1, OrderConfirmedV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { cancelFulfillmentFor, releaseShipmentFor, reserveInventoryFor } from '../acl/checkout-translation';

/**
 * What Fulfillment does with Checkout's events: a paid order gets its stock reserved (and, when
 * every line is held, its shipment); a confirmed one's shipment is released to the warehouse; a
 * cancelled one gives its stock back and loses its shipment.
 * Each happens once: the inbox mark commits with the effect, so a redelivery changes nothing.
 * A checked-out cart is not paid yet and means nothing here.
 *
 * Neither handler shares its transaction with the next message (`inBatchTransaction`): each locks
 * the stock rows of its order's SKUs in SKU order, and a transaction spanning several orders would
 * lock them out of that order — two replicas could deadlock — and hold hot SKUs for a whole batch.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly reserveInventory: ReserveInventoryHandler,
    private readonly releaseShipment: ReleaseShipmentHandler,
    private readonly cancelFulfillment: CancelFulfillmentHandler,
  ) {
    this.inbox = new Inbox(transactions, 'fulfillment.checkout-events');
  }

  /** ReserveInventory → inventory-reserved (and shipment-created) or inventory-reservation-failed. */
  @EventPattern(PaymentAuthorizedV2.wireType)
  async onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV2.parse(message);
    await this.inbox.once(event, () => this.reserveInventory.execute(reserveInventoryFor(event.data)));
  }

  /** Payments authorized before the address was sealed on the topic (a replay of the old history): the same reservation. */
  @EventPattern(PaymentAuthorizedV1.wireType)
  async onPaymentAuthorizedV1(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV1.parse(message);
    await this.inbox.once(event, () => this.reserveInventory.execute(reserveInventoryFor(event.data)));
  }

  /** Checkout alone decides between confirming an order and timing it out; only a confirmed order reaches the warehouse floor. */
  @EventPattern(OrderConfirmedV1.wireType)
  async onOrderConfirmed(@Payload() message: unknown): Promise<void> {
    const event = OrderConfirmedV1.parse(message);
    await this.inbox.once(event, () => this.releaseShipment.execute(releaseShipmentFor(event.data)));
  }

  /** A shipment already dispatched refuses to cancel (a domain error): the transport parks the event for a person. */
  @EventPattern(OrderCancelledV1.wireType)
  async onOrderCancelled(@Payload() message: unknown): Promise<void> {
    const event = OrderCancelledV1.parse(message);
    await this.inbox.once(event, () => this.cancelFulfillment.execute(cancelFulfillmentFor(event.data)));
  }
}
