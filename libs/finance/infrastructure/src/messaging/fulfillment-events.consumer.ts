import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecognizeRevenueHandler } from '@bazaar/finance-application';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { ShipmentDispatchedV1 } from '@bazaar/published-language';
import { revenueRecognitionFor } from '../acl/fulfillment-translation';

/**
 * What Finance does with Fulfillment's events: a dispatched shipment recognizes its order's revenue
 * and invoices the buyer, once (the inbox mark commits with the entry and the invoice). A dispatch
 * that arrives before the payment — they travel on different topics — is remembered, and the
 * payment's deferral recognizes it: nothing waits, nothing is lost. Other shipment news means
 * nothing to Finance and is skipped by the transport on its header.
 *
 * The whole effect is one transaction, so consecutive dispatches on a partition may share it.
 */
@Controller()
export class FulfillmentEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly recognizeRevenue: RecognizeRevenueHandler,
  ) {
    this.inbox = new Inbox(transactions, 'finance.fulfillment-events');
  }

  @EventPattern(ShipmentDispatchedV1.wireType, inBatchTransaction)
  async onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    await this.inbox.once(event, () => this.recognizeRevenue.execute(revenueRecognitionFor(event.data)));
  }
}
