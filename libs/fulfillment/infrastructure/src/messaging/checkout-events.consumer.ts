import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CancelShipmentHandler, CreateShipmentHandler } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { OrderCancelledV1, PaymentAuthorizedV1 } from '@bazaar/published-language';
import { cancelShipmentFor, createShipmentFor } from '../acl/checkout-translation';

/**
 * What Fulfillment does with Checkout's events: a paid order gets a shipment, a cancelled one loses
 * it. Each happens once: the inbox mark commits with the shipment, so a redelivery changes nothing.
 * A checked-out cart is not paid yet and means nothing here.
 *
 * Each handler's whole effect is that one transaction, so consecutive events on a partition may
 * share it (`inBatchTransaction`): one commit for many orders when they come in fast.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly createShipment: CreateShipmentHandler,
    private readonly cancelShipment: CancelShipmentHandler,
  ) {
    this.inbox = new Inbox(transactions, 'fulfillment.checkout-events');
  }

  /**
   * BRIEF §2 step 4: ReserveInventory (→ inventory-reserved / inventory-reservation-failed) sits
   * here once Fulfillment keeps stock, and the shipment is then created on a successful reservation.
   * Until then an authorized payment plans the shipment directly.
   */
  @EventPattern(PaymentAuthorizedV1.wireType, inBatchTransaction)
  async onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV1.parse(message);
    await this.inbox.once(event, () => this.createShipment.execute(createShipmentFor(event.data)));
  }

  /** A shipment already dispatched refuses to cancel (a domain error): the transport parks the event for a person. */
  @EventPattern(OrderCancelledV1.wireType, inBatchTransaction)
  async onOrderCancelled(@Payload() message: unknown): Promise<void> {
    const event = OrderCancelledV1.parse(message);
    await this.inbox.once(event, () => this.cancelShipment.execute(cancelShipmentFor(event.data)));
  }
}
