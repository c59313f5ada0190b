import {
  CartCheckedOutV1,
  CartCheckedOutV2,
  EventContract,
  EventEnvelope,
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

/**
 * Every published contract Support projects: all the other contexts' (Support is a conformist reader
 * of everyone's events). Its own case events are not projected: the view reads the cases table.
 */
export const projectedContracts: readonly EventContract<unknown>[] = [
  CartCheckedOutV1,
  CartCheckedOutV2,
  FraudReviewRequestedV1,
  FraudReviewDecidedV1,
  PaymentAuthorizedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
  OrderConfirmedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  InventoryReservedV1,
  InventoryReservationFailedV1,
  ShipmentCreatedV1,
  ShipmentPickedV1,
  ShipmentPackedV1,
  ShipmentDispatchedV1,
  ShipmentDeliveredV1,
  ShipmentCancelledV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  InvoiceIssuedV1,
];

type Published<TWireType extends string, TData> = { readonly wireType: TWireType; readonly envelope: EventEnvelope<TData> };

/** Every published event Support projects, parsed by its contract; one case per wire type. */
export type PublishedEvent =
  | Published<'checkout.cart-checked-out.v1', CartCheckedOutV1>
  | Published<'checkout.cart-checked-out.v2', CartCheckedOutV2>
  | Published<'checkout.fraud-review-requested.v1', FraudReviewRequestedV1>
  | Published<'checkout.fraud-review-decided.v1', FraudReviewDecidedV1>
  | Published<'checkout.payment-authorized.v1', PaymentAuthorizedV1>
  | Published<'checkout.payment-authorized.v2', PaymentAuthorizedV2>
  | Published<'checkout.payment-failed.v1', PaymentFailedV1>
  | Published<'checkout.order-confirmed.v1', OrderConfirmedV1>
  | Published<'checkout.order-cancelled.v1', OrderCancelledV1>
  | Published<'checkout.order-completed.v1', OrderCompletedV1>
  | Published<'fulfillment.inventory-reserved.v1', InventoryReservedV1>
  | Published<'fulfillment.inventory-reservation-failed.v1', InventoryReservationFailedV1>
  | Published<'fulfillment.shipment-created.v1', ShipmentCreatedV1>
  | Published<'fulfillment.shipment-picked.v1', ShipmentPickedV1>
  | Published<'fulfillment.shipment-packed.v1', ShipmentPackedV1>
  | Published<'fulfillment.shipment-dispatched.v1', ShipmentDispatchedV1>
  | Published<'fulfillment.shipment-delivered.v1', ShipmentDeliveredV1>
  | Published<'fulfillment.shipment-cancelled.v1', ShipmentCancelledV1>
  | Published<'finance.revenue-deferred.v1', RevenueDeferredV1>
  | Published<'finance.revenue-recognized.v1', RevenueRecognizedV1>
  | Published<'finance.revenue-reversed.v1', RevenueReversedV1>
  | Published<'finance.invoice-issued.v1', InvoiceIssuedV1>;
