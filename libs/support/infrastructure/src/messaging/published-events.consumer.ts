import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Inbox } from '@bazaar/platform-messaging';
import {
  CartCheckedOutV1,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  RevenueDeferredV1,
  RevenueReversedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDispatchedV1,
} from '@bazaar/published-language';
import { ProjectEventHandler } from '@bazaar/support-application';
import { toOrderFact } from '../acl/order-facts.translator';
import { PublishedEvent } from '../acl/published-event';

/**
 * Every subscription of Support, in one place: every published event (acl/published-event.ts
 * lists them and the topics they travel on). Each message is checked against its contract (a
 * violation goes to the dead letters), translated, and projected inside the inbox, so that a
 * redelivery changes nothing.
 */
@Controller()
export class PublishedEventsConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly projectEvent: ProjectEventHandler,
  ) {}

  // Checkout: the order's life.

  @EventPattern(CartCheckedOutV1.wireType)
  onCartCheckedOut(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.cart-checked-out.v1', envelope: CartCheckedOutV1.parse(message) });
  }

  @EventPattern(FraudReviewRequestedV1.wireType)
  onFraudReviewRequested(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.fraud-review-requested.v1', envelope: FraudReviewRequestedV1.parse(message) });
  }

  @EventPattern(FraudReviewDecidedV1.wireType)
  onFraudReviewDecided(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.fraud-review-decided.v1', envelope: FraudReviewDecidedV1.parse(message) });
  }

  @EventPattern(PaymentAuthorizedV1.wireType)
  onPaymentAuthorized(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.payment-authorized.v1', envelope: PaymentAuthorizedV1.parse(message) });
  }

  @EventPattern(PaymentFailedV1.wireType)
  onPaymentFailed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.payment-failed.v1', envelope: PaymentFailedV1.parse(message) });
  }

  @EventPattern(OrderConfirmedV1.wireType)
  onOrderConfirmed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-confirmed.v1', envelope: OrderConfirmedV1.parse(message) });
  }

  @EventPattern(OrderCancelledV1.wireType)
  onOrderCancelled(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-cancelled.v1', envelope: OrderCancelledV1.parse(message) });
  }

  @EventPattern(OrderCompletedV1.wireType)
  onOrderCompleted(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'checkout.order-completed.v1', envelope: OrderCompletedV1.parse(message) });
  }

  // Fulfillment: stock and shipments.

  @EventPattern(InventoryReservedV1.wireType)
  onInventoryReserved(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.inventory-reserved.v1', envelope: InventoryReservedV1.parse(message) });
  }

  @EventPattern(InventoryReservationFailedV1.wireType)
  onInventoryReservationFailed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.inventory-reservation-failed.v1', envelope: InventoryReservationFailedV1.parse(message) });
  }

  @EventPattern(ShipmentCreatedV1.wireType)
  onShipmentCreated(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-created.v1', envelope: ShipmentCreatedV1.parse(message) });
  }

  @EventPattern(ShipmentDispatchedV1.wireType)
  onShipmentDispatched(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-dispatched.v1', envelope: ShipmentDispatchedV1.parse(message) });
  }

  @EventPattern(ShipmentCancelledV1.wireType)
  onShipmentCancelled(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'fulfillment.shipment-cancelled.v1', envelope: ShipmentCancelledV1.parse(message) });
  }

  // Finance: the order's ledger.

  @EventPattern(RevenueDeferredV1.wireType)
  onRevenueDeferred(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-deferred.v1', envelope: RevenueDeferredV1.parse(message) });
  }

  @EventPattern(RevenueReversedV1.wireType)
  onRevenueReversed(@Payload() message: unknown): Promise<void> {
    return this.project({ wireType: 'finance.revenue-reversed.v1', envelope: RevenueReversedV1.parse(message) });
  }

  private async project(event: PublishedEvent): Promise<void> {
    await this.inbox.once(event.envelope, () => this.projectEvent.execute({ fact: toOrderFact(event) }));
  }
}
