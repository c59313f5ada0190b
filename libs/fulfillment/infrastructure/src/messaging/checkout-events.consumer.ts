import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CheckoutNews, FulfillCheckoutNewsHandler } from '@bazaar/fulfillment-application';
import { Batch, Transactions } from '@bazaar/platform-database';
import { currentMessageContext, inBatchTransaction, Inbox, MessageContext, OutgoingEvent, runForMessages } from '@bazaar/platform-messaging';
import { EventEnvelope, OrderCancelledV1, OrderConfirmedV1, PaymentAuthorizedV1, PaymentAuthorizedV2, ShipmentCancelledV1 } from '@bazaar/published-language';
import { cancelFulfillmentFor, releaseShipmentFor, reserveInventoryFor } from '../acl/checkout-translation';

/**
 * What Fulfillment does with Checkout's events: a paid order gets its stock reserved (and, when
 * every line is held, its shipment); a confirmed one's shipment is released to the warehouse; a
 * cancelled one gives its stock back and loses its shipment. A checked-out cart is not paid yet and
 * means nothing here.
 *
 * Each message is checked against its contract (a violation goes to the dead letters) and
 * translated at once; consecutive messages share one transaction (`inBatchTransaction`, with those
 * of the other partitions in hand), which gathers their commands and, just before it commits,
 * reads which events the inbox has marked and carries out the fresh ones in arrival order,
 * set-based (FulfillCheckoutNewsHandler): the stock rows of every SKU of the batch are locked in
 * one statement, in SKU order, so two replicas' batches queue instead of deadlocking. Each event
 * happens once: the inbox mark commits with its effect, so a redelivery changes nothing.
 *
 * A refusal (a domain error: a dispatched shipment cannot be cancelled, an order without a
 * shipment cannot be confirmed) fails the shared transaction; the transport then handles its
 * messages again in smaller groups, down to one at a time, where the same code refuses that one
 * message alone and it is parked for a person.
 */
@Controller()
export class CheckoutEventsConsumer {
  private readonly inbox: Inbox;
  /** The commands of the transaction's events, carried out together just before it commits. */
  private readonly news: Batch<Gathered> = { flush: (gathered) => this.fulfillAll(gathered) };

  constructor(
    private readonly transactions: Transactions,
    private readonly fulfill: FulfillCheckoutNewsHandler,
  ) {
    this.inbox = new Inbox(transactions, 'fulfillment.checkout-events');
  }

  /** ReserveInventory → inventory-reserved (and shipment-created) or inventory-reservation-failed. */
  @EventPattern(PaymentAuthorizedV2.wireType, inBatchTransaction)
  onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV2.parse(message);
    return this.gather(event, { command: 'ReserveInventory', ...reserveInventoryFor(event.data) });
  }

  /** Payments authorized before the address was sealed on the topic (a replay of the old history): the same reservation. */
  @EventPattern(PaymentAuthorizedV1.wireType, inBatchTransaction)
  onPaymentAuthorizedV1(@Payload() message: unknown): Promise<void> {
    const event = PaymentAuthorizedV1.parse(message);
    return this.gather(event, { command: 'ReserveInventory', ...reserveInventoryFor(event.data) });
  }

  /** Checkout alone decides between confirming an order and timing it out; only a confirmed order reaches the warehouse floor. */
  @EventPattern(OrderConfirmedV1.wireType, inBatchTransaction)
  onOrderConfirmed(@Payload() message: unknown): Promise<void> {
    const event = OrderConfirmedV1.parse(message);
    return this.gather(event, { command: 'ReleaseShipment', ...releaseShipmentFor(event.data) });
  }

  /** A shipment already dispatched refuses to cancel (a domain error): the transport parks the event for a person. */
  @EventPattern(OrderCancelledV1.wireType, inBatchTransaction)
  onOrderCancelled(@Payload() message: unknown): Promise<void> {
    const event = OrderCancelledV1.parse(message);
    return this.gather(event, { command: 'CancelFulfillment', ...cancelFulfillmentFor(event.data) });
  }

  /** Translated now; carried out with the rest of its transaction's news, remembering which message it came from. */
  private gather(envelope: EventEnvelope, news: CheckoutNews): Promise<void> {
    return this.transactions.gather(this.news, { envelope, news, cause: currentMessageContext() });
  }

  /**
   * In the transaction, just before it commits: the events not marked before, carried out in one
   * go, each event written attributed to the message that caused it.
   */
  private async fulfillAll(gathered: readonly Gathered[]): Promise<void> {
    const fresh = new Set(await this.inbox.markNew(gathered.map(({ envelope }) => envelope)));
    const applied = gathered.filter(({ envelope }) => fresh.has(envelope));
    await runForMessages(causesOf(applied), () => this.fulfill.execute(applied.map(({ news }) => news)));
  }
}

interface Gathered {
  readonly envelope: EventEnvelope;
  readonly news: CheckoutNews;
  /** The message's context when it was handled: what its effects' events inherit. */
  readonly cause: MessageContext | undefined;
}

/**
 * Which message caused each event the news writes: a cancellation its order's ShipmentCancelled,
 * a payment everything else about its order (its reservation's answer, the shipment it created).
 * Later news of the same kind about an order change nothing (the order is decided, the shipment
 * cancelled), so the first of each kind is the one.
 */
function causesOf(applied: readonly Gathered[]): (event: OutgoingEvent) => MessageContext | undefined {
  const causes = new Map<string, MessageContext | undefined>();
  for (const { news, cause } of applied) {
    const key = `${news.command}:${news.orderId}`;
    if (!causes.has(key)) causes.set(key, cause);
  }
  return (event) => {
    const orderId = (event.data as { readonly orderId?: string }).orderId;
    const command: CheckoutNews['command'] = event.contract.type === ShipmentCancelledV1.type ? 'CancelFulfillment' : 'ReserveInventory';
    return causes.get(`${command}:${orderId}`);
  };
}
