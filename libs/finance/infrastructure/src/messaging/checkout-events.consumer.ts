import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordDeferredRevenueHandler } from '@bazaar/finance-application';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { deferredRevenueFromCheckout } from '../acl/checkout-translation';

/**
 * What Finance does with Checkout's events. A checked-out cart defers its revenue, once: the inbox
 * mark commits with the ledger entry, so a redelivery changes nothing.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly recordDeferredRevenue: RecordDeferredRevenueHandler,
  ) {
    this.inbox = new Inbox(transactions, 'finance.checkout-events');
  }

  @EventPattern(CartCheckedOutV1.wireType)
  async onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    const event = CartCheckedOutV1.parse(message);
    await this.inbox.once(event, () => this.recordDeferredRevenue.execute(deferredRevenueFromCheckout(event.data)));
  }
}
