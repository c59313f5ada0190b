import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import { ShipmentDispatchedV1 } from '@bazaar/published-language';
import { revenueRecognitionFor } from '../acl/fulfillment-translation';
import { SaleCommandBatch } from './sale-command.batch';

/**
 * What Finance does with Fulfillment's events: a dispatched shipment recognizes its order's revenue
 * and invoices the buyer, once (the inbox mark commits with the entry and the invoice). A dispatch
 * that arrives before the payment — they travel on different topics — is remembered, and the
 * payment's deferral recognizes it: nothing waits, nothing is lost. Other shipment news means
 * nothing to Finance and is skipped by the transport on its header.
 *
 * The handler translates the event and gathers its command: consecutive dispatches share one
 * transaction (with Checkout's events too) and are carried out set-based as it commits, in the
 * order they arrived (SaleCommandBatch). A refused dispatch fails the shared transaction; tried
 * again one at a time, it alone goes to the dead letters.
 */
@Controller()
export class FulfillmentEventsConsumer {
  private readonly inbox: Inbox;

  constructor(
    transactions: Transactions,
    private readonly commands: SaleCommandBatch,
  ) {
    this.inbox = new Inbox(transactions, 'finance.fulfillment-events');
  }

  @EventPattern(ShipmentDispatchedV1.wireType, inBatchTransaction)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    return this.commands.gather(this.inbox, event, { kind: 'recognize', ...revenueRecognitionFor(event.data) });
  }
}
