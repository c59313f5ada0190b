import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { FulfillmentAnswer, TakeFulfillmentAnswersHandler } from '@bazaar/checkout-application';
import { Batch, Transactions } from '@bazaar/platform-database';
import { CauseOf, currentMessageContext, inBatchTransaction, Inbox, MessageContext, runForMessages } from '@bazaar/platform-messaging';
import {
  EventEnvelope,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  ShipmentDispatchedV1,
} from '@bazaar/published-language';
import { inventoryReservationFailed, inventoryReserved, shipmentDispatched } from '../acl/fulfillment-translation';

/**
 * Fulfillment's answers, news for each order's process. Each message is checked against its
 * contract and translated at once; consecutive messages share one transaction
 * (`inBatchTransaction`), which gathers their answers and, just before it commits, reads which
 * events the inbox has marked and takes the fresh ones together, set-based
 * (TakeFulfillmentAnswersHandler): one read of their processes, one of their orders, the decisions
 * and the order commands they make due (confirm, complete, cancel) in arrival order, and one write
 * of each kind — so a redelivered event changes nothing, and a run of answers costs a fixed handful
 * of statements. A gateway call that follows (a void after an out-of-stock cancellation) is carried
 * out once that has committed, never inside it; a redelivery starts carrying out what an earlier
 * delivery may have left due.
 *
 * A piece of news the process cannot take (a dispatch for an order Checkout cancelled, say) is a
 * domain error, and a lost race a ConcurrencyConflict: either fails the shared transaction, and the
 * transport handles its messages again in smaller groups, down to one at a time, where the refused
 * one is dead-lettered for a person to look at.
 */
@Controller()
export class FulfillmentEventsConsumer {
  private readonly inbox: Inbox;
  /** The answers of the transaction's events, taken together just before it commits. */
  private readonly answers: Batch<Gathered> = { flush: (gathered) => this.takeAll(gathered) };

  constructor(
    private readonly transactions: Transactions,
    private readonly take: TakeFulfillmentAnswersHandler,
  ) {
    this.inbox = new Inbox(transactions, 'checkout.fulfillment-events');
  }

  @EventPattern(InventoryReservedV1.wireType, inBatchTransaction)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservedV1.parse(message);
    return this.gather(event, inventoryReserved(event.data));
  }

  @EventPattern(InventoryReservationFailedV1.wireType, inBatchTransaction)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    const event = InventoryReservationFailedV1.parse(message);
    return this.gather(event, inventoryReservationFailed(event.data));
  }

  @EventPattern(ShipmentDispatchedV1.wireType, inBatchTransaction)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    const event = ShipmentDispatchedV1.parse(message);
    return this.gather(event, shipmentDispatched(event.data));
  }

  /** Translated now; taken with the rest of its transaction's answers, remembering which message it came from. */
  private gather(envelope: EventEnvelope, answer: FulfillmentAnswer): Promise<void> {
    return this.transactions.gather(this.answers, { envelope, answer, cause: currentMessageContext() });
  }

  /**
   * In the transaction, just before it commits: the events not marked before, taken in one go, each
   * event the orders publish attributed to the message that caused it.
   */
  private async takeAll(gathered: readonly Gathered[]): Promise<void> {
    const fresh = new Set(await this.inbox.markNew(gathered.map(({ envelope }) => envelope)));
    const applied = gathered.filter(({ envelope }) => fresh.has(envelope));
    const redelivered = gathered.filter(({ envelope }) => !fresh.has(envelope)).map(({ answer }) => answer.orderId);
    await runForMessages(causesOf(applied), () => this.take.execute({ fresh: applied.map(({ answer }) => answer), redelivered }, (work) => this.transactions.afterCommit(work)));
  }
}

interface Gathered {
  readonly envelope: EventEnvelope;
  readonly answer: FulfillmentAnswer;
  /** The message's context when it was handled: what its effects' events inherit. */
  readonly cause: MessageContext | undefined;
}

/** The answer each order event answers to: a confirmation the reservation, a completion the dispatch, a cancellation the failed reservation. */
const answerBehind: Readonly<Record<string, FulfillmentAnswer['answer']>> = {
  [OrderConfirmedV1.type]: 'InventoryReserved',
  [OrderCompletedV1.type]: 'ShipmentDispatched',
  [OrderCancelledV1.type]: 'InventoryReservationFailed',
};

/**
 * Which message caused each event the orders publish: the first answer of its kind about the
 * order (later ones of that kind change nothing), else the order's first answer (a dispatch that
 * confirms an order whose reservation news has not arrived).
 */
function causesOf(applied: readonly Gathered[]): CauseOf {
  const byOrder = new Map<string, Gathered[]>();
  for (const item of applied) byOrder.set(item.answer.orderId, [...(byOrder.get(item.answer.orderId) ?? []), item]);
  return (event) => {
    const ofOrder = byOrder.get((event.data as { readonly orderId?: string }).orderId ?? '') ?? [];
    const answer = answerBehind[event.contract.type];
    return (ofOrder.find((item) => item.answer.answer === answer) ?? ofOrder[0])?.cause;
  };
}
