import { BuyerPersonalDataErasedV1 } from './checkout/buyer-personal-data-erased.v1';
import { BuyerDataKeyV1 } from './checkout/buyer-data-key.v1';
import { CartCheckedOutV1 } from './checkout/cart-checked-out.v1';
import { CartCheckedOutV2 } from './checkout/cart-checked-out.v2';
import { FraudReviewDecidedV1 } from './checkout/fraud-review-decided.v1';
import { FraudReviewRequestedV1 } from './checkout/fraud-review-requested.v1';
import { OrderCancelledV1 } from './checkout/order-cancelled.v1';
import { OrderCompletedV1 } from './checkout/order-completed.v1';
import { OrderConfirmedV1 } from './checkout/order-confirmed.v1';
import { PaymentAuthorizedV1 } from './checkout/payment-authorized.v1';
import { PaymentAuthorizedV2 } from './checkout/payment-authorized.v2';
import { PaymentFailedV1 } from './checkout/payment-failed.v1';
import { SubscriptionStartedV1 } from './finance/subscription-started.v1';
import { SubscriptionRenewedV1 } from './finance/subscription-renewed.v1';
import { SubscriptionCancelledV1 } from './finance/subscription-cancelled.v1';
import { EventContract } from './contract';
import { InvoiceIssuedV1 } from './finance/invoice-issued.v1';
import { RevenueDeferredV1 } from './finance/revenue-deferred.v1';
import { RevenueRecognizedV1 } from './finance/revenue-recognized.v1';
import { RevenueReversedV1 } from './finance/revenue-reversed.v1';
import { InventoryReservationFailedV1 } from './fulfillment/inventory-reservation-failed.v1';
import { InventoryReservedV1 } from './fulfillment/inventory-reserved.v1';
import { ShipmentCancelledV1 } from './fulfillment/shipment-cancelled.v1';
import { ShipmentCreatedV1 } from './fulfillment/shipment-created.v1';
import { ShipmentDeliveredV1 } from './fulfillment/shipment-delivered.v1';
import { ShipmentDispatchedV1 } from './fulfillment/shipment-dispatched.v1';
import { ShipmentPackedV1 } from './fulfillment/shipment-packed.v1';
import { ShipmentPickedV1 } from './fulfillment/shipment-picked.v1';
import { CaseCommentedV1 } from './support/case-commented.v1';
import { CaseOpenedV1 } from './support/case-opened.v1';
import { CaseReopenedV1 } from './support/case-reopened.v1';
import { CaseResolvedV1 } from './support/case-resolved.v1';

/** Every published contract, for tooling (schema checks, docs, topic subscriptions). */
export const allContracts: readonly EventContract<unknown>[] = [
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
  BuyerPersonalDataErasedV1,
  BuyerDataKeyV1,
  ShipmentCreatedV1,
  ShipmentPickedV1,
  ShipmentPackedV1,
  ShipmentDispatchedV1,
  ShipmentDeliveredV1,
  ShipmentCancelledV1,
  InventoryReservedV1,
  InventoryReservationFailedV1,
  RevenueDeferredV1,
  RevenueReversedV1,
  RevenueRecognizedV1,
  InvoiceIssuedV1,
  CaseOpenedV1,
  CaseCommentedV1,
  CaseResolvedV1,
  CaseReopenedV1,
  SubscriptionStartedV1,
  SubscriptionRenewedV1,
  SubscriptionCancelledV1,
];

/** The topic a wire type (`type.vN`) is published on. */
export function topicOf(wireType: string): string {
  const contract = allContracts.find((c) => c.wireType === wireType);
  if (!contract) throw new Error(`No published contract named ${wireType}`);
  return contract.topic;
}
