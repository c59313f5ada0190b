import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { deferredRevenueFor, revenueReversalFor } from '../acl/checkout-translation';
import { SaleCommandBatch } from './sale-command.batch';

/**
 * What Finance does with Checkout's events: an authorized payment defers the order's revenue (and,
 * if its dispatch came first, recognizes and invoices it), a cancellation reverses that and is
 * remembered, so that an authorization replayed after it defers nothing. A checked-out cart is not
 * paid yet and means nothing here.
 *
 * Each event is taken once: its inbox mark commits with the ledger entries, so a redelivery
 * changes nothing. A handler translates its event (a contract violation fails that message alone)
 * and gathers the command; its whole effect is the transaction it is gathered in, so consecutive
 * events share one (`inBatchTransaction`), with Fulfillment's too, and are carried out set-based
 * as it commits, in the order they arrived (SaleCommandBatch): a few statements for the whole run
 * instead of a few per event. A refused command fails the shared transaction; the transport tries
 * its messages again one at a time, and only the refused one goes to the dead letters.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly commands: SaleCommandBatch,
  ) {
    this.inbox = new Inbox(transactions, 'finance.checkout-events');
  }

  @EventPattern(PaymentAuthorizedV2.wireType, inBatchTransaction)
  onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV2.parse(message);
    return this.commands.gather(this.inbox, event, { kind: 'defer', ...deferredRevenueFor(event.data) });
  }

  /** Payments authorized before the address was sealed on the topic (a replay of the old history): the same deferral. */
  @EventPattern(PaymentAuthorizedV1.wireType, inBatchTransaction)
  onPaymentAuthorizedV1(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV1.parse(message);
    return this.commands.gather(this.inbox, event, { kind: 'defer', ...deferredRevenueFor(event.data) });
  }

  /** Every cancellation is remembered, also one with nothing to reverse: an authorization heard after it defers nothing. */
  @EventPattern(OrderCancelledV1.wireType, inBatchTransaction)
  onOrderCancelled(@Payload() message: unknown): Promise<void> {
    const event = OrderCancelledV1.parse(message);
    return this.commands.gather(this.inbox, event, { kind: 'reverse', ...revenueReversalFor(event.data) });
  }
}
