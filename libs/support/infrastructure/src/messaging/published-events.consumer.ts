import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Batch, Transactions } from '@bazaar/platform-database';
import { inBatchTransaction, Inbox } from '@bazaar/platform-messaging';
import {
  BuyerPersonalDataErasedV1,
  EventEnvelope,
  CartCheckedOutV1,
  CartCheckedOutV2,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  InvoiceIssuedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';
import { ProjectEventHandler } from '@bazaar/support-application';
import { OrderFact } from '@bazaar/support-domain';
import { erasureFactsOf, toOrderFact } from '../acl/published-events-translation';
import { PublishedEvent } from '../acl/published-event';
import { TypeOrmBuyerDataKeys } from '../persistence/typeorm-buyer-data-keys';

/**
 * Every subscription of Support, in one place: every published event (acl/published-event.ts
 * lists them and the topics they travel on). Each message is checked against its contract (a
 * violation goes to the dead letters), translated, and projected inside the inbox, so that a
 * redelivery changes nothing. A projection is one transaction and nothing else, so consecutive
 * events share one (`inBatchTransaction`), and are projected set-based: the transaction gathers
 * their facts and, before it commits, reads which of them the inbox has marked and every order's
 * view, then writes the new marks and the changed views in the unit's one closing statement. A version conflict with a
 * parallel partition rolls the shared transaction back and its events are projected again one at
 * a time.
 */
@Controller()
export class PublishedEventsConsumer {
  /** The facts of the transaction's events, projected together just before it commits. */
  private readonly projection: Batch<Gathered> = { flush: (gathered) => this.projectAll(gathered) };

  constructor(
    private readonly transactions: Transactions,
    private readonly inbox: Inbox,
    private readonly projectEvent: ProjectEventHandler,
    private readonly keys: TypeOrmBuyerDataKeys,
  ) {}

  // Checkout: the order's life.

  @EventPattern(CartCheckedOutV1.wireType, inBatchTransaction)
  onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.cart-checked-out.v1', envelope: CartCheckedOutV1.parse(message) });
  }

  /** Since addresses are sealed on the topic: the address is kept sealed and opened at read time. */
  @EventPattern(CartCheckedOutV2.wireType, inBatchTransaction)
  onCartCheckedOutV2(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.cart-checked-out.v2', envelope: CartCheckedOutV2.parse(message) });
  }

  @EventPattern(FraudReviewRequestedV1.wireType, inBatchTransaction)
  onFraudReviewRequested(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.fraud-review-requested.v1', envelope: FraudReviewRequestedV1.parse(message) });
  }

  @EventPattern(FraudReviewDecidedV1.wireType, inBatchTransaction)
  onFraudReviewDecided(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.fraud-review-decided.v1', envelope: FraudReviewDecidedV1.parse(message) });
  }

  @EventPattern(PaymentAuthorizedV1.wireType, inBatchTransaction)
  onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.payment-authorized.v1', envelope: PaymentAuthorizedV1.parse(message) });
  }

  @EventPattern(PaymentAuthorizedV2.wireType, inBatchTransaction)
  onPaymentAuthorizedV2(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.payment-authorized.v2', envelope: PaymentAuthorizedV2.parse(message) });
  }

  @EventPattern(PaymentFailedV1.wireType, inBatchTransaction)
  onPaymentFailed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.payment-failed.v1', envelope: PaymentFailedV1.parse(message) });
  }

  @EventPattern(OrderConfirmedV1.wireType, inBatchTransaction)
  onOrderConfirmed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-confirmed.v1', envelope: OrderConfirmedV1.parse(message) });
  }

  @EventPattern(OrderCancelledV1.wireType, inBatchTransaction)
  onOrderCancelled(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-cancelled.v1', envelope: OrderCancelledV1.parse(message) });
  }

  @EventPattern(OrderCompletedV1.wireType, inBatchTransaction)
  onOrderCompleted(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-completed.v1', envelope: OrderCompletedV1.parse(message) });
  }

  // Fulfillment: stock and shipments.

  @EventPattern(InventoryReservedV1.wireType, inBatchTransaction)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.inventory-reserved.v1', envelope: InventoryReservedV1.parse(message) });
  }

  @EventPattern(InventoryReservationFailedV1.wireType, inBatchTransaction)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.inventory-reservation-failed.v1', envelope: InventoryReservationFailedV1.parse(message) });
  }

  @EventPattern(ShipmentCreatedV1.wireType, inBatchTransaction)
  onShipmentCreated(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-created.v1', envelope: ShipmentCreatedV1.parse(message) });
  }

  @EventPattern(ShipmentPickedV1.wireType, inBatchTransaction)
  onShipmentPicked(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-picked.v1', envelope: ShipmentPickedV1.parse(message) });
  }

  @EventPattern(ShipmentPackedV1.wireType, inBatchTransaction)
  onShipmentPacked(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-packed.v1', envelope: ShipmentPackedV1.parse(message) });
  }

  @EventPattern(ShipmentDispatchedV1.wireType, inBatchTransaction)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-dispatched.v1', envelope: ShipmentDispatchedV1.parse(message) });
  }

  @EventPattern(ShipmentDeliveredV1.wireType, inBatchTransaction)
  onShipmentDelivered(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-delivered.v1', envelope: ShipmentDeliveredV1.parse(message) });
  }

  @EventPattern(ShipmentCancelledV1.wireType, inBatchTransaction)
  onShipmentCancelled(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-cancelled.v1', envelope: ShipmentCancelledV1.parse(message) });
  }

  // Finance: the order's ledger and invoices.

  @EventPattern(RevenueDeferredV1.wireType, inBatchTransaction)
  onRevenueDeferred(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-deferred.v1', envelope: RevenueDeferredV1.parse(message) });
  }

  @EventPattern(RevenueRecognizedV1.wireType, inBatchTransaction)
  onRevenueRecognized(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-recognized.v1', envelope: RevenueRecognizedV1.parse(message) });
  }

  @EventPattern(RevenueReversedV1.wireType, inBatchTransaction)
  onRevenueReversed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-reversed.v1', envelope: RevenueReversedV1.parse(message) });
  }

  @EventPattern(InvoiceIssuedV1.wireType, inBatchTransaction)
  onInvoiceIssued(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.invoice-issued.v1', envelope: InvoiceIssuedV1.parse(message) });
  }

  /**
   * Every view of the buyer's orders drops the address, and the key that sealed them goes, in one
   * transaction with the inbox mark (the tombstone on `checkout.buyer-keys` deletes it too).
   */
  @EventPattern(BuyerPersonalDataErasedV1.wireType)
  async onBuyerPersonalDataErased(@Payload() message: unknown): Promise<void> {
    const envelope = BuyerPersonalDataErasedV1.parse(message);
    await this.inbox.once(envelope, async () => {
      await this.keys.forgetErased(envelope.data.buyerId, envelope.data.orderIds);
      await this.projectEvent.executeAll(erasureFactsOf(envelope).map((fact) => ({ fact })));
    });
  }

  /** Translated now (a contract violation fails this message alone); projected with the rest of its transaction's events. */
  private project(event: PublishedEvent): Promise<void> {
    return this.transactions.gather(this.projection, { envelope: event.envelope, fact: toOrderFact(event) });
  }

  /** In the transaction, just before it commits: the events not marked before, projected in one go. */
  private async projectAll(gathered: readonly Gathered[]): Promise<void> {
    const fresh = new Set(await this.inbox.markNew(gathered.map(({ envelope }) => envelope)));
    await this.projectEvent.executeAll(gathered.filter(({ envelope }) => fresh.has(envelope)).map(({ fact }) => ({ fact })));
  }
}

interface Gathered {
  readonly envelope: EventEnvelope;
  readonly fact: OrderFact;
}
