import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordDeferredRevenueHandler, ReverseRevenueHandler } from '@bazaar/finance-application';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { deferredRevenueFor, revenueReversalFor } from '../acl/checkout-translation';

/**
 * What Finance does with Checkout's events: an authorized payment defers the order's revenue (and,
 * if its dispatch came first, recognizes and invoices it), a cancellation reverses that and is
 * remembered, so that an authorization replayed after it defers nothing.
 * Each happens once: the inbox mark commits with the ledger entries, so a redelivery changes
 * nothing. A checked-out cart is not paid yet and means nothing here.
 *
 * Each handler's whole effect is that one transaction, so consecutive events on a partition may
 * share it (`inBatchTransaction`): one commit for many orders when they come in fast.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly recordDeferredRevenue: RecordDeferredRevenueHandler,
    private readonly reverseRevenue: ReverseRevenueHandler,
  ) {
    this.inbox = new Inbox(transactions, 'finance.checkout-events');
  }

  @EventPattern(PaymentAuthorizedV2.wireType, inBatchTransaction)
  async onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV2.parse(message);
    await this.inbox.once(event, () => this.recordDeferredRevenue.execute(deferredRevenueFor(event.data)));
  }

  /** Payments authorized before the address was sealed on the topic (a replay of the old history): the same deferral. */
  @EventPattern(PaymentAuthorizedV1.wireType, inBatchTransaction)
  async onPaymentAuthorizedV1(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV1.parse(message);
    await this.inbox.once(event, () => this.recordDeferredRevenue.execute(deferredRevenueFor(event.data)));
  }

  /** Every cancellation is remembered, also one with nothing to reverse: an authorization heard after it defers nothing. */
  @EventPattern(OrderCancelledV1.wireType, inBatchTransaction)
  async onOrderCancelled(@Payload() message: unknown): Promise<void> {
    const event = OrderCancelledV1.parse(message);
    await this.inbox.once(event, () => this.reverseRevenue.execute(revenueReversalFor(event.data)));
  }
}
